#!/usr/bin/env python3
"""Adds English translations to src/BluezoneTracker.Web/Localization/SharedResource.en.resx.

Usage: tools/resx.py add "Vietnamese key" "English text" [...pairs]
       tools/resx.py missing      # keys used in the source that have no English yet
       tools/resx.py merge BASE OURS THEIRS   # git merge driver: union of both sides, written to OURS
Keys are the Vietnamese UI text itself (the default culture needs no resource file).
"""
import re, sys, pathlib, html
import xml.etree.ElementTree as ET

ROOT = pathlib.Path(__file__).resolve().parent.parent
RESX = ROOT / "src/BluezoneTracker.Web/Localization/SharedResource.en.resx"
HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""

def load(path=None):
    path = pathlib.Path(path) if path else RESX
    if not path.exists() or path.stat().st_size == 0:
        return {}
    tree = ET.parse(path)
    return {d.get("name"): d.find("value").text or "" for d in tree.getroot().findall("data")}

def save(entries, path=None):
    path = pathlib.Path(path) if path else RESX
    out = [HEADER]
    for key in sorted(entries):
        out.append(f'  <data name="{html.escape(key, quote=True)}" xml:space="preserve"><value>{html.escape(entries[key], quote=False)}</value></data>\n')
    out.append("</root>\n")
    path.write_text("".join(out), encoding="utf-8")

PATTERN = re.compile(r'(?:\bT|localizer|Localizer|L)\[\s*"((?:[^"\\]|\\.)*)"', re.S)

def used():
    keys = set()
    for path in (ROOT / "src").rglob("*"):
        if path.suffix in (".cs", ".cshtml") and "obj" not in path.parts and "bin" not in path.parts:
            for m in PATTERN.finditer(path.read_text(encoding="utf-8")):
                keys.add(m.group(1).replace('\\"', '"'))
    return keys

if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "merge":
        base, ours, theirs = (load(p) for p in sys.argv[2:5])
        merged = dict(ours)
        for key, value in theirs.items():
            if key not in ours or ours[key] == base.get(key):
                merged[key] = value
        for key in base:
            if (key not in ours or key not in theirs) and key in merged and merged[key] == base[key]:
                del merged[key]
        save(merged, sys.argv[3])
    elif len(sys.argv) >= 2 and sys.argv[1] == "missing":
        entries = load()
        for k in sorted(used() - set(entries)):
            print(k)
    elif len(sys.argv) >= 4 and sys.argv[1] == "add" and len(sys.argv) % 2 == 0:
        entries = load()
        for i in range(2, len(sys.argv), 2):
            entries[sys.argv[i]] = sys.argv[i + 1]
        save(entries)
    else:
        print(__doc__)
        sys.exit(2)
