#!/usr/bin/env bash
# `vakt audit verify` on a large ledger, with its anchor in the same run: sqlite3 reading every
# event's canonical bytes once (what any check of the content must at least do). The ledger is
# built once in DIR (simulated events, seed 3; about 7 minutes and 8 GB at 10 M) and reused by
# later runs; each figure is the best of three, the file then being in the page cache.
#   tests/bench/audit_verify.sh [EVENTS] [DIR]     default 10,000,000 and /tmp/vakt-verify-EVENTS
set -euo pipefail
cd "$(dirname "$0")/../.."
events=${1:-10000000}
dir=${2:-/tmp/vakt-verify-$events}
scripts/install-deps.sh --bench >/dev/null
scripts/build.sh release >/dev/null
bin=build/release
TIMEFORMAT=%R
mkdir -p "$dir"
if [ ! -f "$dir/built" ]; then
  rm -rf "$dir/v.db"* "$dir/keys"
  "$bin/cli/vakt" --db "$dir/v.db" init >/dev/null
  "$bin/cli/vakt" --keys "$dir/keys" keys init >/dev/null
  "$bin/tools/vakt-platform-sim" --audit-events "$events" --seed 3 | "$bin/cli/vakt" --db "$dir/v.db" --keys "$dir/keys" audit ingest - >/dev/null
  echo "$events" >"$dir/built"
fi
"$bin/cli/vakt" --db "$dir/v.db" migrate >/dev/null  # a ledger built by an older program
best() { sort -n | head -1; }
verify_s=$(for i in 1 2 3; do { time "$bin/cli/vakt" --db "$dir/v.db" --keys "$dir/keys" audit verify >/dev/null; } 2>&1; done | best)
read_s=$(for i in 1 2 3; do { time sqlite3 "$dir/v.db" "SELECT sum(length(canonical)) FROM audit_events" >/dev/null; } 2>&1; done | best)
stored=$(sqlite3 "$dir/v.db" "SELECT count(*) FROM audit_events")
echo "Audit verify, $stored events ($(du -h "$dir/v.db" | cut -f1)), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(date -u +%F)"
printf '| %-62s | %8s |\n' "" "seconds"
printf '| %-62s | %8s |\n' "vakt audit verify (tree, columns, index, hours, positions)" "$verify_s"
printf '| %-62s | %8s |\n' "sqlite3 reading every event's canonical bytes once" "$read_s"
echo "goal: verify under 30 s at 10 M events"
