#!/usr/bin/env python3
"""Fills translations/vakt_nb.ts (made by `lupdate -pluralonly`) from a table of bokmål singular
and plural forms: python3 scripts/translate_plurals.py translations/nb_plural_forms.py. Entries not in the table stay
unfinished, and the translations test names them."""
import sys
import xml.etree.ElementTree as ET

table = {}
exec(open(sys.argv[1], encoding="utf-8").read(), table)
forms = table["forms"]
path = "translations/vakt_nb.ts"
tree = ET.parse(path)
for message in tree.getroot().iter("message"):
    source = message.find("source").text
    if source not in forms:
        continue
    translation = message.find("translation")
    translation.attrib.pop("type", None)
    for child in list(translation):
        translation.remove(child)
    for form in forms[source]:
        ET.SubElement(translation, "numerusform").text = form
tree.write(path, encoding="utf-8", xml_declaration=True)
