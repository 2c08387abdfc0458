#!/usr/bin/env bash
# Every user-facing string in the desktop sources has an English translation, and every text
# with a count has its bokmål singular and plural: lupdate is run over the current sources into
# copies of the .ts files, and no entry may be left unfinished.
set -euo pipefail
src="$1"; work="$2"; lupdate="$3"
mkdir -p "$work"
cp "$src/translations/vakt_en.ts" "$work/vakt_en.ts"
cp "$src/translations/vakt_nb.ts" "$work/vakt_nb.ts"
"$lupdate" "$src/desktop" -I "$src" -ts "$work/vakt_en.ts" -no-obsolete -locations none >/dev/null
"$lupdate" "$src/desktop" -I "$src" -ts "$work/vakt_nb.ts" -pluralonly -no-obsolete -locations none >/dev/null
status=0
check() {  # file, what is missing, where to add it
  # Every unfinished entry counts, a multi-line source included; the sources are listed to help.
  local unfinished
  unfinished=$(grep -c 'type="unfinished"' "$1" || true)
  if [ "$unfinished" -gt 0 ]; then
    echo "$unfinished strings without $2 ($3):"
    awk '/<source>/ { source = $0; while (source !~ /<\/source>/ && (getline line) > 0) source = source "\n" line }
         /type="unfinished"/ { print source }' "$1"
    status=1
  fi
}
check "$work/vakt_en.ts" "an English translation" "add them to translations/vakt_en.ts"
check "$work/vakt_nb.ts" "bokmål plural forms" "add them to translations/nb_plural_forms.py and run scripts/translate_plurals.py"
[ "$status" -eq 0 ] && echo "All $(grep -c '<source>' "$work/vakt_en.ts") strings are translated, with $(grep -c '<source>' "$work/vakt_nb.ts") bokmål plurals."
exit "$status"
