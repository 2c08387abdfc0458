#!/usr/bin/env bash
# Kills `vakt audit ingest` with SIGKILL at random moments during a large ingest, starts it
# again each time, and checks the end state: every input event is in the ledger exactly once, the
# ledger verifies, and the detections those events raised are exactly those of an ingest that was
# never interrupted (they commit with their events, so a kill between the two loses neither). Usage: audit_crash_test.sh VAKT VAKT_PLATFORM_SIM [EVENTS] [KILLS]
set -euo pipefail
vakt=$1 sim=$2 events=${3:-200000} kills=${4:-50}
work="$(mktemp -d /tmp/vakt-crash.XXXXXX)"
trap 'rm -rf "$work"' EXIT
db="$work/vakt.db" keys="$work/keys" log="$work/audit.jsonl"

"$vakt" --db "$db" init >/dev/null
"$vakt" --keys "$keys" keys init >/dev/null
"$sim" --audit-events "$events" --seed 7 >"$log"
# Rules that judge each event on its own, so an uninterrupted run is the reference.
rules="$work/rules.yml"
cat >"$rules" <<'YAML'
detections:
  - name: OppslagUtenHjemmel
    type: lookup_without_legal_basis
    actions: [person.lookup, document.download]
  - name: StrengtFortrolig
    type: strict_address_protection
    areas: [folkeregister]
  - name: AdministratorRettighet
    type: privilege_grant
    privileges: [admin, administrator]
YAML
# Small batches make many commits, so the kills land between and inside them.
killed=0
for i in $(seq "$kills"); do
  "$vakt" --db "$db" --keys "$keys" audit ingest "$log" --batch 300 --rules "$rules" >/dev/null 2>&1 &
  pid=$!
  # A random moment in the first 0.6 s of the run; the whole ingest takes much longer.
  sleep "0.$(printf '%03d' $(( RANDOM % 550 + 50 )))"
  if kill -KILL "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
  wait "$pid" 2>/dev/null || true
done
"$vakt" --db "$db" --keys "$keys" audit ingest "$log" --rules "$rules" >/dev/null
reference="$work/reference.db"
"$vakt" --db "$reference" init >/dev/null
"$vakt" --db "$reference" --keys "$keys" audit ingest "$log" --rules "$rules" >/dev/null
evidence="SELECT i.fingerprint || ' ' || e.seq FROM incident_evidence e JOIN incidents i ON i.id = e.incident_id ORDER BY 1"
sqlite3 "$db" "$evidence" >"$work/evidence"
sqlite3 "$reference" "$evidence" >"$work/evidence.reference"
stored=$(sqlite3 "$db" "SELECT count(*) FROM audit_events")
distinct=$(sqlite3 "$db" "SELECT count(DISTINCT json_extract(canonical, '$.request_id')) FROM audit_events")
lines=$(wc -l <"$log")
echo "input events: $lines, stored: $stored, distinct: $distinct, ingests killed: $killed of $kills"
[ "$killed" -gt 0 ] || { echo "FAIL: no run was killed mid-ingest; the test proved nothing" >&2; exit 1; }
[ "$stored" -eq "$lines" ] || { echo "FAIL: $stored events stored for $lines lines" >&2; exit 1; }
[ "$distinct" -eq "$lines" ] || { echo "FAIL: duplicates: only $distinct distinct events" >&2; exit 1; }
found=$(wc -l <"$work/evidence.reference")
[ "$found" -gt 0 ] || { echo "FAIL: the rules found nothing, so the detections were not tested" >&2; exit 1; }
diff -q "$work/evidence" "$work/evidence.reference" >/dev/null || {
  echo "FAIL: the detections differ from an uninterrupted ingest's ($found evidence links):" >&2
  diff "$work/evidence" "$work/evidence.reference" | head -20 >&2
  exit 1
}
echo "detections: the same $found evidence links as an uninterrupted ingest"
"$vakt" --db "$db" --keys "$keys" audit verify
