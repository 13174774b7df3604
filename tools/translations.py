"""The German catalogue of the Qt UI. ``resources/i18n/votum_de.ts`` is the translator's
source: lupdate adds the UI's new texts to it (unfinished), a translator fills them in, and
lrelease builds ``votum_de.qm``, which the app loads.

    python tools/translations.py                 # lupdate over app/ui, then lrelease
    python tools/translations.py --check         # the same; exit 1 while a text is unfinished
    python tools/translations.py set "Source" "Übersetzung" [--context ClassName]

Translate in Qt Linguist (``pyside6-linguist resources/i18n/votum_de.ts``, then run this
script again to build the .qm), or with ``set`` for a single text. English is the source
language: an unfinished text shows in English. lupdate runs with ``-locations none``, so the
file does not change when code only moves (and two branches' additions merge cleanly).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "votum_de.ts"
QM = TS.with_suffix(".qm")
BIN = Path(PySide6.__file__).resolve().parent
UNFINISHED = ("unfinished", "obsolete", "vanished")


def sources() -> list[str]:
    """Every Python module of the Qt UI (the only package that calls ``tr()``)."""
    return sorted(str(p) for p in (ROOT / "app" / "ui").rglob("*.py"))


def update() -> None:
    """lupdate over the UI's modules (keeps every translation, adds new texts unfinished,
    drops texts the code no longer has), then lrelease."""
    subprocess.run(
        [str(BIN / "lupdate"), "-no-obsolete", "-locations", "none", "-source-language", "en",
         "-target-language", "de", *sources(), "-ts", str(TS)],
        check=True, capture_output=True,
    )  # fmt: skip
    subprocess.run(
        [str(BIN / "lrelease"), str(TS), "-qm", str(QM)], check=True, capture_output=True
    )


def unfinished() -> list[str]:
    """``context: source`` of every text that has no finished German translation."""
    tree = ET.parse(TS)
    return [
        f"{context.findtext('name')}: {message.findtext('source')}"
        for context in tree.getroot().iter("context")
        for message in context.iter("message")
        if (t := message.find("translation")) is None
        or t.get("type") in UNFINISHED
        or not "".join(t.itertext()).strip()
    ]


def translate(source: str, german: str, context: str | None = None) -> int:
    """Give every message with this source text (in ``context`` if given) the German
    translation and mark it finished; returns how many messages it set."""
    tree = ET.parse(TS)
    found = 0
    for ctx in tree.getroot().iter("context"):
        if context is not None and ctx.findtext("name") != context:
            continue
        for message in ctx.iter("message"):
            if message.findtext("source") != source:
                continue
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            translation.text = german
            translation.attrib.pop("type", None)
            found += 1
    if found:
        tree.write(TS, encoding="utf-8", xml_declaration=True)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 while a text is unfinished")
    commands = parser.add_subparsers(dest="command")
    set_parser = commands.add_parser("set", help="translate one source text")
    set_parser.add_argument("source", help="the English text exactly as in tr()")
    set_parser.add_argument("german")
    set_parser.add_argument("--context", help="only in this class (tr()'s context)")
    args = parser.parse_args(argv)

    update()  # first, so that a text just added to the code can be translated at once
    if args.command == "set":
        if not translate(args.source, args.german, args.context):
            where = f" in {args.context}" if args.context else ""
            print(f"no such source text{where}: {args.source!r}", file=sys.stderr)
            return 1
        update()  # lupdate writes the file in its own layout again; lrelease
    gaps = unfinished()
    for gap in gaps:
        print(f"unfinished: {gap}")
    print(f"wrote {TS.relative_to(ROOT)} and {QM.relative_to(ROOT)}")
    return 1 if gaps and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
