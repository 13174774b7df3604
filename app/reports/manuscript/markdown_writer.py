"""The manuscript as Markdown (CommonMark and pandoc), its figures as PNG files beside it.

Every character that Markdown, pandoc or HTML would read as syntax is escaped, so a
question such as ``<script>`` or ``*wichtig*`` stays literal text; characters the report
font lacks are named (:func:`app.reports.glyphs.printable`), as in the protocol and the
Word draft. The author's starting text stands as a block quote.
"""

from __future__ import annotations

import re

from app.reports.glyphs import printable
from app.reports.manuscript.structure import (
    Bullets,
    Figure,
    Heading,
    Inline,
    Manuscript,
    Paragraph,
    Ref,
    Run,
    Table,
)
from app.reports.manuscript.texts import Labels

#: Escaped wherever they stand: emphasis, code, links, HTML, tables, pandoc's math,
#: citations, sub- and superscript, attributes.
_INLINE = re.compile(r"([\\`*\[\]<|~^$@{}])")
#: An underscore at a word's edge (inside a word, as in NM_004985, it is text).
_UNDERSCORE = re.compile(r"(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
#: What a line may not start with unescaped: headings, quotes, lists, setext rules.
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+(?=[.)]))")
_SUPERSCRIPT = str.maketrans("0123456789,", "⁰¹²³⁴⁵⁶⁷⁸⁹˒")


def escape(text: str, *, line_start: bool = True) -> str:
    """``text`` as Markdown that shows it literally (line breaks kept as hard breaks);
    ``line_start``: the text begins a line (a "1." or "#" there would start a block)."""
    lines = []
    for number, line in enumerate(printable(text).split("\n")):
        line = _INLINE.sub(r"\\\1", line)
        line = _UNDERSCORE.sub(r"\\_", line)
        line = _ENTITY.sub(r"\\&", line)
        match = _LINE_START.match(line) if line_start or number else None
        if match:
            marker = match.group(2)
            end = match.end()
            if marker.isdigit():  # "1. Linie" is no list: escape its dot
                line = line[:end] + "\\" + line[end:]
            else:
                line = line[: match.start(2)] + "\\" + line[match.start(2) :]
        lines.append(line)
    return "\\\n".join(lines)


def markdown_text(manuscript: Manuscript, figure_folder: str) -> str:
    """The draft as Markdown; figures are referred to as ``figure_folder/name``."""
    labels = manuscript.labels(Labels(manuscript.lang))

    def inline(parts: tuple[Inline, ...]) -> str:
        out: list[str] = []
        for part in parts:
            first = not out
            if isinstance(part, Ref):
                out.append(escape(str(labels[part.key]), line_start=first))
            elif isinstance(part, Run):
                text = escape(part.text, line_start=first)
                if text.strip():
                    lead = text[: len(text) - len(text.lstrip())]
                    trail = text[len(text.rstrip()) :]
                    mark = ("**" if part.bold else "") + ("*" if part.italic else "")
                    text = f"{lead}{mark}{text.strip()}{mark[::-1]}{trail}"
                out.append(text)
            else:
                out.append(escape(part, line_start=first))
        return "".join(out)

    out: list[str] = [f"# {escape(manuscript.title)}", f"*{escape(manuscript.subtitle)}*"]
    names = ", ".join(
        escape(a.name) + ",".join(str(n) for n in a.affiliations).translate(_SUPERSCRIPT)
        for a in manuscript.authors
    )
    out.append(f"{names} {escape(manuscript.group)}")
    out.append(
        "\\\n".join(
            str(number).translate(_SUPERSCRIPT) + " " + escape(affiliation)
            for number, affiliation in enumerate(manuscript.affiliations, start=1)
        )
    )
    for section in manuscript.sections:
        if section.title:
            out.append(f"## {escape(section.title)}")
        for block in section.blocks:
            if isinstance(block, Heading):
                out.append(f"{'#' * (block.level + 1)} {escape(block.text)}")
            elif isinstance(block, Paragraph):
                text = inline(block.parts)
                out.append(_quoted(text) if block.draft else text)
            elif isinstance(block, Bullets):
                items = "\n".join(
                    "- " + inline(item).replace("\\\n", "\\\n  ") for item in block.items
                )
                out.append(_quoted(items) if block.draft else items)
            elif isinstance(block, Figure):
                label = escape(str(labels[block.key]))
                out.append(
                    f"![{label}]({figure_folder}/{block.name})\\\n"
                    f"**{label}:** {inline(block.legend)}"
                )
            else:
                out.append(_table(block, f"**{escape(str(labels[block.key]))}:** "
                                  + inline(block.caption)))  # fmt: skip
    return "\n\n".join(part for part in out if part) + "\n"


def _quoted(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.split("\n"))


def _table(table: Table, caption: str) -> str:
    """A pipe table under its caption; a spanning row above the header is folded into the
    header's cells ("n (Runde 1)")."""
    header = list(table.header)
    if table.spans:
        column = 0
        for text, width in table.spans:
            for index in range(column, column + width):
                if text:
                    header[index] = f"{header[index]} ({text})"
            column += width
    numeric = table.numeric or (False,) * len(header)

    def cells(row: list[str] | tuple[str, ...]) -> str:
        shown = (escape(c, line_start=False).replace("\\\n", " ") or " " for c in row)
        return "| " + " | ".join(shown) + " |"

    rule = "|" + "|".join("---:" if right else "---" for right in numeric) + "|"
    lines = [caption, "", cells(header), rule, *(cells(row) for row in table.rows)]
    if table.note:
        lines += ["", escape(table.note)]
    return "\n".join(lines)
