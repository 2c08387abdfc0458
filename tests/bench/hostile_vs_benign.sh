#!/usr/bin/env bash
# Hostile scrape bodies against benign ones of the same size, in one run of bench_exposition
# (release build): a label value with an escape at its end or made only of escapes against a
# plain value, and one sample with 40,000 labels against samples of ten. The parser must be
# linear on every input, so each ratio stays small (goal: within 2x of a benign body).
# Usage: tests/bench/hostile_vs_benign.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
cd "$(dirname "$0")/../.."
build="${1:-build/release}"
if [ ! -x "$build/tests/bench/bench_exposition" ]; then
  cmake --preset release >/dev/null
  cmake --build "$build" --target bench_exposition >/dev/null
fi
"$build/tests/bench/bench_exposition" --benchmark_filter='LabelValue|Labels_|Platform10k_Prometheus$' \
  --benchmark_repetitions=5 --benchmark_report_aggregates_only=true --benchmark_format=csv 2>/dev/null |
awk -F, '
  $1 ~ /_median"?$/ { name = $1; gsub(/"/, "", name); sub(/_median$/, "", name); ns[name] = $4 + 0 }
  END {
    printf "%-40s %12s\n", "body (median of 5)", "time";
    for (n in ns) printf "%-40s %9.3f ms\n", n, ns[n] / 1e6;
    printf "\nratios (hostile / benign, same size):\n";
    split("102400 1048576", sizes, " ");
    for (i in sizes) {
      s = sizes[i];
      printf "  escape at the end of a %7d-byte value / plain value: %.2f\n", s, ns["BM_LabelValue_EscapeAtEnd/" s] / ns["BM_LabelValue_Plain/" s];
      printf "  a %7d-byte value of escapes only / plain value:     %.2f\n", s, ns["BM_LabelValue_AllEscapes/" s] / ns["BM_LabelValue_Plain/" s];
    }
    printf "  40,000 labels in one sample / ten per sample:          %.2f\n", ns["BM_Labels_AllInOneSample/40000"] / ns["BM_Labels_TenPerSample/40000"];
    printf "  1 MiB of escapes vs the platform payload, per byte:     %.2f\n",
      (ns["BM_LabelValue_AllEscapes/1048576"] / 1048576) / (ns["BM_Platform10k_Prometheus"] / platformBytes);
  }' platformBytes="$("$build/tests/bench/bench_exposition" --write-platform /dev/stdout 10000 | wc -c)"
