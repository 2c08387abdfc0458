#!/usr/bin/env bash
# Quick start: installs what is needed, builds, creates a demo database on the embedded default
# (SQLite) and opens the desktop app signed in as the demo admin.
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

desktop=(build/dev/desktop/vakt-desktop --db "$db" --user "${VAKT_USER:-admin}")
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
