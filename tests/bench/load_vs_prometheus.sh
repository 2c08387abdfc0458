#!/usr/bin/env bash
# Scrape load, Vakt's collector against its anchor (a real Prometheus), side by side in one run:
# both scrape the same 500 simulated targets of about 1,000 series each every 15 s. Reports each
# one's CPU share of one core after a warm-up, its peak resident memory, and how many targets it
# saw up (so a scraper that silently failed cannot look cheap).
#   tests/bench/load_vs_prometheus.sh [SECONDS]     default 300, of which the first 60 are warm-up
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-300}
warmup=60
[ "$duration" -gt $((warmup + 30)) ] || { echo "give at least $((warmup + 30)) seconds" >&2; exit 2; }
scripts/install-deps.sh >/dev/null
scripts/build.sh release >/dev/null
bin=build/release

work="$(mktemp -d /tmp/vakt-load.XXXXXX)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# Ports below the ephemeral range: base-2..base+499 for the simulator, base-4 and base-3 for the two scrapers.
base=$(( 20010 + RANDOM % 10000 ))
"$bin/tools/vakt-platform-sim" --base-port "$base" --services 10 --pods-per-service 50 --extra-series 980 \
  --targets-file "$work/targets.json" 2>"$work/sim.log" &
pids+=($!)
for _ in $(seq 100); do
  [ -s "$work/targets.json" ] && curl -sf "http://127.0.0.1:$((base + 499))/metrics" -o /dev/null && break
  sleep 0.2
done
series=$(curl -sf "http://127.0.0.1:$base/metrics" | grep -vc '^#')

cat >"$work/collector.yml" <<YML
global:
  scrape_interval: 15s
scrape_configs:
  - job_name: platform
    file_sd_configs:
      - files: ['$work/targets.json']
    service:
      from_label: service
YML
cat >"$work/prometheus.yml" <<YML
global:
  scrape_interval: 15s
scrape_configs:
  - job_name: platform
    file_sd_configs:
      - files: ['$work/targets.json']
YML
"$bin/cli/vakt" --db "$work/vakt.db" init >/dev/null
"$bin/collector/vakt-collector" --config "$work/collector.yml" --db "$work/vakt.db" \
  --web.listen-address "127.0.0.1:$((base - 4))" 2>"$work/collector.log" &
collector=$!
pids+=($collector)
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" \
  --web.listen-address="127.0.0.1:$((base - 3))" 2>"$work/prometheus.log" &
prom=$!
pids+=($prom)

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
peak_mb() { awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
sleep "$warmup"
c0=$(ticks "$collector"); p0=$(ticks "$prom"); t0=$(date +%s.%N)
sleep $((duration - warmup))
c1=$(ticks "$collector"); p1=$(ticks "$prom"); t1=$(date +%s.%N)
hz=$(getconf CLK_TCK)
cpu() { awk -v a="$1" -v b="$2" -v s="$t0" -v e="$t1" -v hz="$hz" 'BEGIN {printf "%.1f", 100 * (b - a) / hz / (e - s)}'; }
collector_up=$(curl -sf "http://127.0.0.1:$((base - 4))/metrics" | grep -c '^up{.*} 1$' || true)
prom_up=$(curl -sf "http://127.0.0.1:$((base - 3))/api/v1/query" --data-urlencode 'query=count(up == 1)' |
  sed -E 's/.*"value":\[[0-9.]+,"([0-9]+)"\].*/\1/')
cc=$(cpu "$c0" "$c1"); pc=$(cpu "$p0" "$p1"); cm=$(peak_mb "$collector"); pm=$(peak_mb "$prom")

echo "Load: 500 targets x $series series every 15 s, ${duration} s run (CPU measured after ${warmup} s warm-up)"
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(date -u +%F)"
printf '| %-22s | %19s | %16s | %10s |\n' "" "CPU (% of one core)" "peak memory (MB)" "targets up"
printf '| %-22s | %19s | %16s | %10s |\n' "vakt-collector" "$cc" "$cm" "$collector_up"
printf '| %-22s | %19s | %16s | %10s |\n' "Prometheus $(prometheus --version 2>&1 | awk 'NR==1 {print $3}')" "$pc" "$pm" "$prom_up"
awk -v cc="$cc" -v pc="$pc" -v cm="$cm" -v pm="$pm" 'BEGIN {
  printf "collector/Prometheus: CPU %.2f (goal < 0.25), memory %.2f (goal < 0.10)\n", cc / pc, cm / pm }'
