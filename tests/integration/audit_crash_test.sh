#!/usr/bin/env bash
# Kills `vakt audit ingest` with SIGKILL at random moments during a large ingest, starts it
# again each time, and checks the end state: every input event is in the ledger exactly once, the
# ledger verifies, and the detections those events raised are exactly those of an ingest that was
# never interrupted (they commit with their events, so a kill between the two loses neither).
# The kills must land all through the ingest: in each quarter of the events, and at least ten.
# Usage: audit_crash_test.sh VAKT VAKT_PLATFORM_SIM [EVENTS] [MOST_KILLS]
set -euo pipefail
vakt=$1 sim=$2 events=${3:-200000} kills=${4:-300}
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
lines=$(wc -l <"$log")
# The uninterrupted reference first, timed with the same small batches, so the kills are spread
# over how long a run takes on this machine rather than a guess.
reference="$work/reference.db"
"$vakt" --db "$reference" init >/dev/null
started=$(date +%s%N)
"$vakt" --db "$reference" --keys "$keys" audit ingest "$log" --batch 300 --rules "$rules" >/dev/null
run_ms=$(( ($(date +%s%N) - started) / 1000000 ))
[ "$run_ms" -gt 100 ] || run_ms=100
# Small batches make many commits, so the kills land between and inside them. Each run resumes
# where the last one stopped; runs are killed until 90 % of the events are in.
killed=0 attempts=0 last=-1 floor=20
quarters=(0 0 0 0)
while :; do
  stored=$(sqlite3 "$db" "SELECT count(*) FROM audit_events")
  [ "$stored" -lt $(( lines * 9 / 10 )) ] && [ "$attempts" -lt "$kills" ] || break
  # A run's fixed start grows with the ledger and with a slow build (sanitizers, a busy machine):
  # when the last kill came before its first commit, later kills wait longer, so they keep walking.
  if [ "$stored" -eq "$last" ]; then floor=$(( floor + run_ms / 20 + 20 )); elif [ "$floor" -gt 20 ]; then floor=$(( floor * 3 / 4 )); fi
  last=$stored
  attempts=$((attempts + 1))
  "$vakt" --db "$db" --keys "$keys" audit ingest "$log" --batch 300 --rules "$rules" >/dev/null 2>&1 &
  pid=$!
  # A random moment in the first tenth of a whole run: each run resumes where the last stopped,
  # so the kills walk through the ingest, about twenty of them (a fifth gave about ten, too
  # close to the bound below on a machine where a run's fixed start is small).
  pause=$(( RANDOM % (run_ms / 10) + floor ))
  sleep "$(( pause / 1000 )).$(printf '%03d' $(( pause % 1000 )))"
  if kill -KILL "$pid" 2>/dev/null; then
    killed=$((killed + 1))
    quarter=$(( stored * 4 / lines ))
    quarters[quarter]=$(( quarters[quarter] + 1 ))
  fi
  wait "$pid" 2>/dev/null || true
done
echo "kills per quarter of the events: ${quarters[*]} ($killed of $attempts runs killed)"
[ "$killed" -ge 10 ] || { echo "FAIL: only $killed runs were killed mid-ingest" >&2; exit 1; }
for q in 0 1 2 3; do
  [ "${quarters[q]}" -gt 0 ] || { echo "FAIL: no kill in quarter $((q + 1)) of the ingest; the kills did not cover it" >&2; exit 1; }
done
"$vakt" --db "$db" --keys "$keys" audit ingest "$log" --rules "$rules" >/dev/null
evidence="SELECT i.fingerprint || ' ' || e.seq FROM incident_evidence e JOIN incidents i ON i.id = e.incident_id ORDER BY 1"
sqlite3 "$db" "$evidence" >"$work/evidence"
sqlite3 "$reference" "$evidence" >"$work/evidence.reference"
stored=$(sqlite3 "$db" "SELECT count(*) FROM audit_events")
distinct=$(sqlite3 "$db" "SELECT count(DISTINCT json_extract(canonical, '$.request_id')) FROM audit_events")
echo "input events: $lines, stored: $stored, distinct: $distinct"
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
