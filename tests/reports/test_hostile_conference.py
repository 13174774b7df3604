"""A conference built from hostile strings survives ``python main.py report`` and
``results --format xlsx|csv|json``, and every output shows the text literally: no markup
rendered, no formula run, no control character, no reversed name, no empty box."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PIL import Image

from app.cli import main
from app.db import Database
from app.reports.glyphs import printable
from app.reports.pdfstyle import MARGIN_X, PAGE
from tests.reports.hostile import CONTROL, FORMULA, RTL, STORED, build_hostile
from tests.reports.pdftools import page_texts

MAIN = Path(__file__).resolve().parents[2] / "main.py"
#: Characters no output may hold: controls, direction overrides, lone surrogates.
FORBIDDEN = ["\x1b", "\x00", "\x07", "\u202e", "\u202c"]


@pytest.fixture
def hostile_conf(db: Database, tmp_path: Path) -> str:
    return str(build_hostile(db, tmp_path))


def _run(db_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(MAIN), "--db", db_url, *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


def _assert_clean(text: str) -> None:
    for character in FORBIDDEN:
        assert character not in text
    assert "nilreB" in text and "Berlin" not in text  # stored as typed, not turned around


def test_the_protocol_shows_every_hostile_text_literally(
    db_url: str, hostile_conf: str, tmp_path: Path
) -> None:
    pdf = tmp_path / "protokoll.pdf"
    done = _run(db_url, "report", hostile_conf, "-o", str(pdf))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # not even a warning about missing glyphs
    text = " ".join(page_texts(pdf))
    _assert_clean(text)
    for stored in STORED.values():
        assert printable(stored) in text, stored
    assert "[dna double helix] Genom" in text and "🧬" not in text
    _assert_ink_inside_the_margins(pdf, tmp_path / "pages")


def _assert_ink_inside_the_margins(pdf: Path, folder: Path) -> None:
    """No table cell, word or chart runs past the right margin (rendered with pdftoppm)."""
    folder.mkdir()
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", str(pdf), str(folder / "p")], check=True, timeout=120
    )
    pages = sorted(folder.glob("p-*.png"))
    assert len(pages) > 5
    for page in pages:
        with Image.open(page) as image:
            grey = image.convert("L")
            scale = grey.width / PAGE[0]
            right = grey.crop((int((PAGE[0] - MARGIN_X + 3) * scale), 0, grey.width, grey.height))
            assert right.getextrema()[0] > 200, f"ink beyond the right margin on {page.name}"


def test_results_in_every_format_show_every_hostile_text_literally(
    db_url: str, hostile_conf: str, tmp_path: Path
) -> None:
    xlsx, table, doc = tmp_path / "r.xlsx", tmp_path / "r.csv", tmp_path / "r.json"
    done = _run(db_url, "results", hostile_conf, "--format", "xlsx", "-o", str(xlsx))
    assert done.returncode == 0, done.stderr
    assert main(["--db", db_url, "results", hostile_conf, "--format", "csv", "-o", str(table)]) == 0
    assert main(["--db", db_url, "results", hostile_conf, "--format", "json", "-o", str(doc)]) == 0

    book = load_workbook(xlsx)
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row if c.value is not None]
    assert all(c.data_type != "f" for c in cells)  # no formula, whatever the text
    xlsx_text = "\n".join(str(c.value) for c in cells)

    csv_cells = [
        cell
        for path in (table, table.with_name("r.ballots.csv"))
        for row in csv.reader(io.StringIO(path.read_text("utf-8-sig")), delimiter=";")
        for cell in row
    ]
    assert not any(c.startswith(("=", "+", "-", "@")) for c in csv_cells)  # neutralised
    csv_text = "\n".join(csv_cells)

    document = json.loads(doc.read_text("utf-8"))
    json_text = "\n".join(_strings(document))

    for text in (xlsx_text, csv_text, json_text):
        _assert_clean(text)
        for stored in STORED.values():
            assert stored in text or f"'{stored}" in text, stored
    assert f"'{FORMULA}" in csv_text  # shown with the quote that keeps it a text
    assert STORED[CONTROL] in json_text and STORED[RTL] in json_text


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []
