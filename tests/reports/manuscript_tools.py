"""Reading a written manuscript draft back: the Word file with python-docx, in document
order (paragraphs and tables interleaved), its pictures, its captions."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph
from PIL import Image

CAPTION = re.compile(r"^(Abbildung|Figure|Tabelle|Table) (S?\d+): ")


@dataclass(frozen=True)
class Item:
    """A paragraph (style, text) or a table (style "table", its rows of cell texts)."""

    style: str
    text: str
    rows: tuple[tuple[str, ...], ...] = ()
    pictures: int = 0


def read_docx(path: Path) -> list[Item]:
    document = Document(str(path))
    items: list[Item] = []
    for element in document.iter_inner_content():
        if isinstance(element, DocxParagraph):
            pictures = len(element._p.xpath(".//pic:pic"))
            style = element.style.name if element.style is not None else ""
            items.append(Item(style, element.text, pictures=pictures))
        elif isinstance(element, DocxTable):
            rows = tuple(tuple(cell.text for cell in row.cells) for row in element.rows)
            items.append(Item("table", "", rows))
    return items


def text_of(items: list[Item]) -> str:
    parts = [i.text for i in items]
    parts += [" | ".join(cells) for i in items for cells in i.rows]
    return "\n".join(parts)


def headings(items: list[Item], level: int) -> list[str]:
    return [i.text for i in items if i.style == f"Heading {level}"]


def captions(items: list[Item]) -> list[tuple[str, str]]:
    """(kind, number) of every caption in order: ("Abbildung", "1"), ("Tabelle", "S2")."""
    found = []
    for item in items:
        if item.style == "Caption":
            match = CAPTION.match(item.text)
            assert match, item.text
            found.append((match.group(1), match.group(2)))
    return found


def table_after(items: list[Item], caption_start: str) -> tuple[tuple[str, ...], ...]:
    """The rows of the table whose caption begins with ``caption_start``."""
    for index, item in enumerate(items):
        if item.style == "Caption" and item.text.startswith(caption_start):
            following = items[index + 1]
            assert following.style == "table", caption_start
            return following.rows
    raise AssertionError(f"no table captioned {caption_start!r}")


def picture_dpis(path: Path) -> list[tuple[float, float]]:
    """The resolution of every picture embedded in the Word file."""
    document = Document(str(path))
    dpis = []
    for part in document.part.package.parts:
        if part.content_type == "image/png":
            with Image.open(io.BytesIO(part.blob)) as image:
                dpis.append(image.info["dpi"])
    return dpis
