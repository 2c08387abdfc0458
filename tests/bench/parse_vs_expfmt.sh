#!/usr/bin/env bash
# Parser throughput, Vakt against its anchor (Prometheus's Go expfmt text parser), on the same
# bytes in one run: a live node_exporter response, a platform-sized payload (10,000 series with
# histograms) and, for whole-process time and memory, a 45 MB payload.
#   tests/bench/parse_vs_expfmt.sh            prints a table for the README
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/install-deps.sh --bench >/dev/null
scripts/build.sh release >/dev/null

work="$(mktemp -d /tmp/vakt-bench.XXXXXX)"
trap 'kill "${exporter:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

# The anchor, built offline from Debian's packaged sources.
GOPATH=/usr/share/gocode GO111MODULE=off GOCACHE="$work/gocache" \
  go build -o "$work/expfmt-parse" tests/bench/expfmt/main.go

# A real node_exporter on loopback; the checked-in capture is the fallback.
port=$(( 30000 + RANDOM % 20000 ))
prometheus-node-exporter --web.listen-address="127.0.0.1:$port" >/dev/null 2>&1 &
exporter=$!
for _ in $(seq 50); do
  curl -sf "http://127.0.0.1:$port/metrics" -o "$work/node.prom" && break
  sleep 0.1
done
[ -s "$work/node.prom" ] || cp tests/bench/data/node_exporter-1.5.prom "$work/node.prom"

bench=build/release/tests/bench/bench_exposition
"$bench" --write-platform "$work/platform.prom" 10000
"$bench" --write-platform "$work/big.prom" 290000

samples() { grep -vc '^#' "$1"; }
vakt_rate() {  # MB/s of the in-process parser (Google Benchmark, median of 5)
  "$bench" --benchmark_filter="$1" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
    --benchmark_format=csv 2>/dev/null | awk -F, '/_median"/ {printf "%.0f", $6/1e6}'
}
go_rate() {  # MB/s of expfmt over enough iterations for about two seconds
  "$work/expfmt-parse" "$1" "$2" | sed -E 's/.*MB\/s=([0-9.]+).*/\1/'
}

node_vakt=$(VAKT_BENCH_NODE="$work/node.prom" vakt_rate 'BM_NodeExporter$')
node_go=$(go_rate "$work/node.prom" 600)
plat_vakt=$(vakt_rate 'BM_Platform10k_Prometheus$')
plat_go=$(go_rate "$work/platform.prom" 30)

whole() {  # seconds and peak KB of a whole process
  /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -n 1
}
read -r vakt_s vakt_kb < <(whole sh -c "build/release/collector/vakt-collector check-metrics --format prometheus < '$work/big.prom'")
read -r go_s go_kb < <(whole "$work/expfmt-parse" "$work/big.prom" 1)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
echo "Parser throughput, $(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo
echo "| payload | Vakt | expfmt (Go) | ratio |"
echo "|---|---|---|---|"
echo "| node_exporter ($(samples "$work/node.prom") samples, $(( $(stat -c %s "$work/node.prom") / 1024 )) KB) | $node_vakt MB/s | $node_go MB/s | $(ratio "$node_vakt" "$node_go")× |"
echo "| platform, 10,000 series with histograms ($(( $(stat -c %s "$work/platform.prom") / 1024 )) KB) | $plat_vakt MB/s | $plat_go MB/s | $(ratio "$plat_vakt" "$plat_go")× |"
echo "| whole process, $(( $(stat -c %s "$work/big.prom") / 1000000 )) MB ($(samples "$work/big.prom") samples): time | $vakt_s s | $go_s s | $(ratio "$go_s" "$vakt_s")× |"
echo "| whole process, same payload: peak memory | $(( vakt_kb / 1024 )) MB | $(( go_kb / 1024 )) MB | $(ratio "$go_kb" "$vakt_kb")× |"
