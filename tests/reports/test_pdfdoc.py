"""Bookmarks of the protocol jump to the page and place where their heading is printed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pypdf import PdfReader

from app.db import Database
from app.reports.protocol import write_protocol


def _outline(reader: PdfReader) -> list[Any]:
    entries: list[Any] = []
    stack = list(reversed(reader.outline))
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        else:
            entries.append(item)
    return entries


def _lines_with_height(page: Any) -> list[tuple[str, float]]:
    """Each text run on the page with its baseline height (PDF points from the bottom)."""
    runs: list[tuple[str, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_args: Any) -> None:
        if text.strip():
            runs.append((text.strip(), tm[5] * cm[3] + cm[5]))

    page.extract_text(visitor_text=visit)
    return runs


def test_every_bookmark_jumps_to_its_heading(db: Database, demo_id: int, tmp_path: Path) -> None:
    path = tmp_path / "protocol.pdf"
    write_protocol(db, demo_id, path)
    reader = PdfReader(path)
    entries = _outline(reader)
    assert len(entries) == 13
    pages = [reader.get_destination_page_number(entry) for entry in entries]
    assert pages == sorted(pages) and len(set(pages)) > 5  # not all on page 1 any more
    for entry, number in zip(entries, pages, strict=True):
        runs = _lines_with_height(reader.pages[number])
        top = float(entry["/Top"])
        heading = [height for text, height in runs if entry.title.startswith(text[:20])]
        assert heading, f"{entry.title!r} is not printed on page {number + 1}"
        # the view opens just above the heading (the title page starts lower)
        assert any(top - 100 < height < top for height in heading), (entry.title, top, heading)
