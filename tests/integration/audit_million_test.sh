#!/usr/bin/env bash
# A valid ledger of a million events verifies, and a change to one event in the middle of it is
# named. Usage: audit_million_test.sh VAKT VAKT_PLATFORM_SIM [EVENTS]
set -euo pipefail
vakt="$1"
sim="$2"
events="${3:-1000000}"
work="$(mktemp -d /tmp/vakt-audit-million.XXXXXX)"
trap 'rm -rf "$work"' EXIT
db="$work/vakt.db"
keys="$work/keys"
"$vakt" --db "$db" init >/dev/null
"$vakt" --keys "$keys" keys init >/dev/null
"$sim" --audit-events "$events" --seed 17 | "$vakt" --db "$db" --keys "$keys" audit ingest - >/dev/null

stored=$(sqlite3 "$db" "SELECT count(*) FROM audit_events")
if [ "$stored" != "$events" ]; then
  echo "FAIL: $events events written, $stored in the ledger" >&2
  exit 1
fi
if ! out=$("$vakt" --db "$db" --keys "$keys" audit verify 2>&1); then
  echo "FAIL: the untouched ledger does not verify: $out" >&2
  exit 1
fi
case "$out" in
  *"intact: $events events"*) ;;
  *) echo "FAIL: verify did not report $events intact events: $out" >&2; exit 1 ;;
esac

middle=$(( events * 2 / 3 ))
sqlite3 "$db" "UPDATE audit_events SET canonical = replace(canonical, '\"result\":\"ok\"', '\"result\":\"error\"') WHERE seq = $middle"
if out=$("$vakt" --db "$db" --keys "$keys" audit verify 2>&1); then
  echo "FAIL: verify accepted a ledger with event $middle changed: $out" >&2
  exit 1
fi
case "$out" in
  *"event $middle was changed"*) echo "ok: $events events verify; the change to event $middle is named" ;;
  *) echo "FAIL: verify did not name event $middle: $out" >&2; exit 1 ;;
esac
