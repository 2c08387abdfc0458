#!/usr/bin/env bash
# Every user-facing string in the desktop sources has an English translation: lupdate is run
# over the current sources into a copy of the .ts file, and no entry may be left unfinished.
set -euo pipefail
src="$1"; work="$2"; lupdate="$3"
mkdir -p "$work"
cp "$src/translations/vakt_en.ts" "$work/vakt_en.ts"
"$lupdate" "$src/desktop" -I "$src" -ts "$work/vakt_en.ts" -no-obsolete -locations none >/dev/null
missing=$(grep -B2 'type="unfinished"' "$work/vakt_en.ts" | grep '<source>' || true)
if [ -n "$missing" ]; then
  echo "Strings without an English translation (add them to translations/vakt_en.ts):"
  echo "$missing"
  exit 1
fi
echo "All $(grep -c '<source>' "$work/vakt_en.ts") strings are translated."
