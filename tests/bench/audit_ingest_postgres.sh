#!/usr/bin/env bash
# The audit ledger's ingest on PostgreSQL, with its anchor in the same run: `vakt audit ingest`
# (parsing, validation, pseudonymisation, hashing, indexing and commit) into a PostgreSQL
# database, against `psql \copy` of the same rows as CSV into a table without indexes. Both run
# against one throw-away cluster on 127.0.0.1 (tests/integration/pg_cluster.sh, which sets
# fsync=off for both alike).
#   tests/bench/audit_ingest_postgres.sh [EVENTS]     default 300,000
set -euo pipefail
cd "$(dirname "$0")/../.."
events=${1:-300000}
scripts/install-deps.sh --bench >/dev/null
scripts/build.sh release >/dev/null
bin=build/release
work="$(mktemp -d /tmp/vakt-audit-pg-bench.XXXXXX)"
chmod 755 "$work"
trap 'tests/integration/pg_cluster.sh stop "$work/pg" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
TIMEFORMAT=%R

tests/integration/pg_cluster.sh start "$work/pg" >/dev/null
url="$(cat "$work/pg/url")"
"$bin/tools/vakt-platform-sim" --audit-events "$events" --seed 3 >"$work/events.jsonl"
"$bin/cli/vakt" --db "$url" init >/dev/null
"$bin/cli/vakt" --keys "$work/keys" keys init >/dev/null
vakt_s=$( { time "$bin/cli/vakt" --db "$url" --keys "$work/keys" audit ingest "$work/events.jsonl" >/dev/null; } 2>&1 )

# The anchor: the rows the ledger stored, as CSV, copied by psql into a bare table.
psql -qtA "$url" -c "\copy (SELECT seq, time_ms, service, action, actor_key, actor_org, subject_key, result, canonical, leaf_hash,
  source, source_line FROM audit_events) TO '$work/rows.csv' CSV"
psql -qtA "$url" -c "CREATE TABLE plain_rows (seq BIGINT, time_ms BIGINT, service TEXT, action TEXT, actor_key TEXT, actor_org TEXT,
  subject_key TEXT, result TEXT, canonical TEXT, leaf_hash BYTEA, source TEXT, source_line BIGINT)"
copy_s=$( { time psql -qtA "$url" -c "\copy plain_rows FROM '$work/rows.csv' CSV"; } 2>&1 )
stored=$(psql -qtA "$url" -c "SELECT count(*) FROM audit_events")

rate() { awk -v n="$stored" -v s="$1" 'BEGIN {printf "%.0f", n / s}'; }
echo "Audit ledger on PostgreSQL $(psql -qtA "$url" -c 'SHOW server_version'), $stored events, $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(date -u +%F)"
printf '| %-58s | %12s |\n' "" "figure"
printf '| %-58s | %12s |\n' "vakt audit ingest into PostgreSQL (events/s)" "$(rate "$vakt_s")"
printf '| %-58s | %12s |\n' "psql \\copy, the same rows as CSV, no indexes (rows/s)" "$(rate "$copy_s")"
awk -v a="$(rate "$vakt_s")" -v b="$(rate "$copy_s")" 'BEGIN {printf "ingest / \\copy: %.2f (goal >= 0.5)\n", a / b}'
