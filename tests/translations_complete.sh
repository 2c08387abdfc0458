#!/usr/bin/env bash
# Every user-facing string in the desktop sources has an English translation: lupdate is run
# over the current sources into a copy of the .ts file, and no entry may be left unfinished.
set -euo pipefail
src="$1"; work="$2"; lupdate="$3"
mkdir -p "$work"
cp "$src/translations/vakt_en.ts" "$work/vakt_en.ts"
"$lupdate" "$src/desktop" -I "$src" -ts "$work/vakt_en.ts" -no-obsolete -locations none >/dev/null
# Every unfinished entry counts, a multi-line source included; the sources are listed to help.
unfinished=$(grep -c 'type="unfinished"' "$work/vakt_en.ts" || true)
if [ "$unfinished" -gt 0 ]; then
  echo "$unfinished strings without an English translation (add them to translations/vakt_en.ts):"
  awk '/<source>/ { source = $0; while (source !~ /<\/source>/ && (getline line) > 0) source = source "\n" line }
       /type="unfinished"/ { print source }' "$work/vakt_en.ts"
  exit 1
fi
echo "All $(grep -c '<source>' "$work/vakt_en.ts") strings are translated."
