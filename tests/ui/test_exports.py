"""File menu exports call the reports functions and write real files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from app.services import conferences
from app.ui import exports
from app.ui.i18n import install_language


@pytest.fixture
def save_as(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Answer the save dialog with a file in tmp_path (name chosen by the test)."""
    chosen: dict[str, str] = {}

    def fake(parent, title, name, filters):  # type: ignore[no-untyped-def]
        return str(tmp_path / chosen["name"]), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return chosen


def test_save_chart_as_png_and_svg(qtbot, db, demo_id, tmp_path, save_as, prompter) -> None:  # type: ignore[no-untyped-def]
    with db.read() as session:
        question_id = conferences.get_conference(session, demo_id).current_question_id
    save_as["name"] = "chart.png"
    assert exports.save_chart(None, db, question_id)
    assert (tmp_path / "chart.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    save_as["name"] = "chart.svg"
    assert exports.save_chart(None, db, question_id)
    assert b"<svg" in (tmp_path / "chart.svg").read_bytes()[:500]
    assert prompter.errors == []
    assert not exports.save_chart(None, db, None)
    assert prompter.errors  # no question chosen: told, nothing written


def test_protocol_results_and_attendance(qtbot, db, demo_id, tmp_path, save_as, prompter) -> None:  # type: ignore[no-untyped-def]
    save_as["name"] = "protokoll.pdf"
    assert exports.export_protocol(None, db, demo_id), prompter.errors
    assert (tmp_path / "protokoll.pdf").read_bytes()[:5] == b"%PDF-"
    save_as["name"] = "results.xlsx"
    assert exports.export_results(None, db, demo_id), prompter.errors
    assert (tmp_path / "results.xlsx").stat().st_size > 0
    save_as["name"] = "attendance.csv"
    assert exports.export_attendance(None, db, demo_id), prompter.errors
    assert "Dresden" in (tmp_path / "attendance.csv").read_text("utf-8-sig")


def test_a_refused_export_speaks_the_ui_language(qtbot, db, tmp_path, save_as, prompter) -> None:  # type: ignore[no-untyped-def]
    with db.write() as session:
        empty = conferences.create_conference(session, "Leer", dt.date(2026, 11, 18), slug="leer")
    save_as["name"] = "leer.pdf"
    install_language("en")
    assert not exports.export_protocol(None, db, empty)
    assert prompter.errors[-1][1] == "“leer” has no ballots yet – no protocol written"
    install_language("de")
    save_as["name"] = "leer.xlsx"
    assert not exports.export_results(None, db, empty)
    assert prompter.errors[-1][1] == "„leer“ hat noch keine Stimmen – nichts exportiert"
    assert not (tmp_path / "leer.pdf").exists() and not (tmp_path / "leer.xlsx").exists()


def test_manuscript_draft_as_word_and_as_markdown(  # type: ignore[no-untyped-def]
    qtbot, db, demo_id, tmp_path, save_as, prompter
) -> None:
    save_as["name"] = "entwurf.docx"
    assert exports.export_manuscript(None, db, demo_id), prompter.errors
    assert (tmp_path / "entwurf.docx").read_bytes()[:2] == b"PK"  # a Word (zip) file
    save_as["name"] = "entwurf"  # no suffix: the chosen filter decides (Word)
    assert exports.export_manuscript(None, db, demo_id), prompter.errors
    assert (tmp_path / "entwurf.docx").exists()
    save_as["name"] = "entwurf.md"
    assert exports.export_manuscript(None, db, demo_id), prompter.errors
    assert "## Methoden" in (tmp_path / "entwurf.md").read_text("utf-8")
    assert list((tmp_path / "entwurf-figures").glob("*.png"))
    assert prompter.errors == []
