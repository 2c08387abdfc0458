#!/usr/bin/env bash
# Quick start: installs what is needed, builds, creates a demo database on the embedded default
# (SQLite) with an audit ledger, starts the platform simulator and the collector, and opens the
# desktop app signed in as the demo admin (VAKT_USER=sikkerhetsansvarlig to search the audit log).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh dev

db="${VAKT_DB:-$PWD/build/demo/vakt-demo.db}"
mkdir -p "$(dirname "$db")"
if [ ! -f "$db" ]; then
  build/dev/cli/vakt --db "$db" init --demo
else
  build/dev/cli/vakt --db "$db" init   # migrates an existing demo database forward
fi
build/dev/cli/vakt --db "$db" trail verify

# The audit ledger: keys beside the database and a day of simulated audit events from the
# platform's services, checked by the demo detection rules.
keys="$(dirname "$db")/keys"
[ -f "$keys/pseudonym.key" ] || build/dev/cli/vakt --keys "$keys" keys init
[ -s "$(dirname "$db")/audit.jsonl" ] || build/dev/tools/vakt-platform-sim --audit-events 20000 >"$(dirname "$db")/audit.jsonl"
build/dev/cli/vakt --db "$db" --keys "$keys" audit ingest "$(dirname "$db")/audit.jsonl" --rules data/demo/detections.yml

# Live health: the platform simulator (two pods per service, one of them failing) and the
# collector scraping it into the demo database. Both keep running after this script.
demo="$(dirname "$db")"
if ! curl -sf http://127.0.0.1:9464/-/ready >/dev/null 2>&1; then
  cp data/demo/collector.yml data/demo/alerts.yml "$demo/"
  setsid build/dev/tools/vakt-platform-sim --base-port 19300 --targets-file "$demo/targets.json" \
    --fault svarut-1=slow --fault digisos-0=errors >"$demo/simulator.log" 2>&1 < /dev/null &
  for _ in $(seq 50); do [ -s "$demo/targets.json" ] && break; sleep 0.1; done
  setsid build/dev/collector/vakt-collector --config "$demo/collector.yml" --db "$db" \
    --web.listen-address 127.0.0.1:9464 >"$demo/collector.log" 2>&1 < /dev/null &
  echo "Started the platform simulator and vakt-collector (http://127.0.0.1:9464/metrics)."
  echo "Stop them with: pkill -f vakt-platform-sim; pkill -f vakt-collector"
fi

desktop=(build/dev/desktop/vakt-desktop --db "$db" --keys "$keys" --user "${VAKT_USER:-admin}")
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo
  echo "Vakt is built and the demo database is ready: $db"
  echo "There is no display here, so the desktop app was not opened. Run it under a virtual display:"
  echo "  xvfb-run -a ${desktop[*]}"
  echo "or take a picture of a page without any display:"
  echo "  ${desktop[*]} --screenshot catalog catalog.png"
  exit 0
fi
exec "${desktop[@]}"
