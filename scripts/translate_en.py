#!/usr/bin/env python3
"""Fills unfinished entries of translations/vakt_en.ts from a table `en` (source → English, or
(singular, plural) for texts with a count): python3 scripts/translate_en.py TABLE.py, then run
lupdate again so the file keeps its usual form. Entries not in the table are listed."""
import sys
import xml.etree.ElementTree as ET

table = {}
exec(open(sys.argv[1], encoding="utf-8").read(), table)
en = table["en"]
path = "translations/vakt_en.ts"
tree = ET.parse(path)
left = []
for message in tree.getroot().iter("message"):
    translation = message.find("translation")
    if translation.get("type") != "unfinished":
        continue
    source = message.find("source").text
    if source not in en:
        left.append(source)
        continue
    value = en[source]
    translation.attrib.pop("type", None)
    for child in list(translation):
        translation.remove(child)
    translation.text = None
    if message.get("numerus") == "yes":
        for form in (value, value) if isinstance(value, str) else value:
            ET.SubElement(translation, "numerusform").text = form
    else:
        translation.text = value if isinstance(value, str) else value[1]
tree.write(path, encoding="utf-8", xml_declaration=True)
for source in left:
    print("not translated:", source)
