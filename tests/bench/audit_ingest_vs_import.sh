#!/usr/bin/env bash
# Audit ledger figures, with the anchor in the same run: `vakt audit ingest` (parsing,
# validation, pseudonymisation, hashing, indexing and commit) against sqlite3's `.import` of the
# same rows as CSV into a table without indexes; then search by person and by actor, and a full
# `vakt audit verify`, on the ledger that was built.
#   tests/bench/audit_ingest_vs_import.sh [EVENTS]     default 1,000,000
set -euo pipefail
cd "$(dirname "$0")/../.."
events=${1:-1000000}
scripts/install-deps.sh --bench >/dev/null
scripts/build.sh release >/dev/null
bin=build/release
work="$(mktemp -d /tmp/vakt-audit-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
TIMEFORMAT=%R

"$bin/tools/vakt-platform-sim" --audit-events "$events" --seed 3 >"$work/events.jsonl"
"$bin/cli/vakt" --db "$work/vakt.db" init >/dev/null
"$bin/cli/vakt" --keys "$work/keys" keys init >/dev/null
vakt_s=$( { time "$bin/cli/vakt" --db "$work/vakt.db" --keys "$work/keys" audit ingest "$work/events.jsonl" >/dev/null; } 2>&1 )
# What durable commits cost: the same ingest with every fsync made a no-op (eatmydata).
"$bin/cli/vakt" --db "$work/nosync.db" init >/dev/null
"$bin/cli/vakt" --keys "$work/nosync-keys" keys init >/dev/null
nosync_s=$( { time eatmydata "$bin/cli/vakt" --db "$work/nosync.db" --keys "$work/nosync-keys" audit ingest "$work/events.jsonl" >/dev/null; } 2>&1 )
rm -f "$work"/nosync.db*

# The anchor: the rows the ledger stored, as CSV, imported by sqlite3 into a bare table.
sqlite3 -csv "$work/vakt.db" "SELECT seq, time_ms, service, action, actor_key, actor_org, subject_key, result, canonical, hex(leaf_hash),
  source, source_line FROM audit_events" >"$work/rows.csv"
sqlite3 "$work/plain.db" "PRAGMA journal_mode=WAL; CREATE TABLE rows (seq, time_ms, service, action, actor_key, actor_org,
  subject_key, result, canonical, leaf_hash, source, source_line);" >/dev/null
import_s=$( { time sqlite3 "$work/plain.db" ".mode csv" ".import $work/rows.csv rows"; } 2>&1 )

subject=$(grep -m1 -o '"subject":{"type":"person","id":"[0-9]*"' "$work/events.jsonl" | grep -o '[0-9]\{11\}')
actor=$(grep -m1 -o '"actor":{"type":"integration","id":"[^"]*"' "$work/events.jsonl" | sed 's/.*"id":"//; s/"$//')
search_ms() {  # median of 5 runs of the whole command, in ms
  for _ in 1 2 3 4 5; do
    { time "$bin/cli/vakt" --db "$work/vakt.db" --keys "$work/keys" --user granskar --password-file "$work/password" audit search "$@" --limit 1000 >/dev/null; } 2>&1
  done | sort -n | sed -n 3p | awk '{printf "%.0f", $1 * 1000}'
}
# The whole command includes process start and the investigator's scrypt login, as a user sees it.
echo benchmark-passord >"$work/password"
"$bin/cli/vakt" --db "$work/vakt.db" user add granskar --role sikkerhetsansvarlig --name "Bench" --password-file "$work/password" >/dev/null
subject_ms=$(search_ms --subject "$subject")
actor_ms=$(search_ms --actor "$actor")
# The search itself, in one process (median of 5 repetitions), and the per-event CPU work of ingest.
VAKT_BENCH_LEDGER="$work/vakt.db" VAKT_BENCH_KEYS="$work/keys" VAKT_BENCH_SUBJECT="$subject" VAKT_BENCH_ACTOR="$actor" \
  "$bin/tests/bench/bench_audit" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true >"$work/bench.txt" 2>/dev/null
median() { awk -v name="$1_median" '$1 == name {printf "%.1f", $2}' "$work/bench.txt"; }
pipeline=$(awk '$1 == "BM_EventPipeline_median" {for (i = 1; i <= NF; i++) if ($i ~ /^events_per_second=/) {sub("events_per_second=", "", $i); print $i}}' "$work/bench.txt")
verify_s=$( { time "$bin/cli/vakt" --db "$work/vakt.db" --keys "$work/keys" audit verify >/dev/null; } 2>&1 )

rate() { awk -v n="$events" -v s="$1" 'BEGIN {printf "%.0f", n / s}'; }
echo "Audit ledger, $events events ($(du -m "$work/events.jsonl" | cut -f1) MB of JSON lines), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(date -u +%F)"
printf '| %-58s | %12s |\n' "" "figure"
printf '| %-58s | %12s |\n' "vakt audit ingest (events/s, one process)" "$(rate "$vakt_s")"
printf '| %-58s | %12s |\n' "  the same without syncing to disk (eatmydata, events/s)" "$(rate "$nosync_s")"
printf '| %-58s | %12s |\n' "sqlite3 .import, the same rows as CSV, no indexes (rows/s)" "$(rate "$import_s")"
printf '| %-58s | %12s |\n' "  of which parsing to hashing, no database (events/s)" "$pipeline"
printf '| %-58s | %12s |\n' "search by person, first 1,000 events (ms)" "$(median BM_SearchByPerson)"
printf '| %-58s | %12s |\n' "search by actor, first 1,000 events (ms)" "$(median BM_SearchByActor)"
printf '| %-58s | %12s |\n' "inclusion proof for one event (ms)" "$(median BM_InclusionProof)"
printf '| %-58s | %12s |\n' "evidence bundle for the person, with proofs (ms)" "$(median BM_EvidenceForPerson)"
printf '| %-58s | %12s |\n' "search by person, whole command with login (ms)" "$subject_ms"
printf '| %-58s | %12s |\n' "search by actor, whole command with login (ms)" "$actor_ms"
printf '| %-58s | %12s |\n' "vakt audit verify, all events (s)" "$verify_s"
awk -v a="$(rate "$vakt_s")" -v b="$(rate "$import_s")" 'BEGIN {printf "ingest / import: %.2f (goal >= 0.5)\n", a / b}'
awk -v d="$vakt_s" -v n="$nosync_s" 'BEGIN {printf "durable commits cost: %.1f %% of ingest time\n", (d - n) / d * 100}'
