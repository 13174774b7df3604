"""The conference form: times and the CME block beside the VNR are set through the
widgets, checked by the services' rules as typed, saved, undone and printed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QScrollArea
from pytestqt.qtbot import QtBot

from app.db import Database
from app.reports.protocol import write_protocol
from app.services import conferences
from app.services.views import ConferenceInfo
from app.ui.editor.editor import PreparationEditor
from app.ui.i18n import install_language
from app.ui.mainwindow import MainWindow
from tests.reports.pdftools import page_texts
from tests.ui.conftest import RecordingPrompter
from tests.ui.hostile import assert_label_literal


def _conference(db: Database) -> int:
    with db.write() as session:
        return conferences.create_conference(session, "Testrunde", dt.date(2026, 12, 1))


def _editor(qtbot: QtBot, db: Database, conf_id: int) -> PreparationEditor:
    editor = PreparationEditor(db, conf_id)
    qtbot.addWidget(editor)
    editor.show()
    editor.tabs.setCurrentIndex(0)
    return editor


def _stored(db: Database, conf_id: int) -> ConferenceInfo:
    with db.read() as session:
        return conferences.get_conference(session, conf_id)


def _type(qtbot: QtBot, editor: PreparationEditor, **texts: str) -> None:
    """Type into the form's fields by name, as a moderator would."""
    form = editor.conference_form
    for name, value in texts.items():
        edit = getattr(form, name)
        edit.clear()
        qtbot.keyClicks(edit, value)


def _times_and_cme(conf: ConferenceInfo) -> tuple[object, ...]:
    return (conf.starts_at, conf.ends_at, conf.cme_category, conf.cme_points, conf.scientific_lead)


def test_times_and_cme_block_are_saved_read_back_and_undone(
    qtbot: QtBot, db: Database, prompter: RecordingPrompter
) -> None:
    conf_id = _conference(db)
    editor = _editor(qtbot, db, conf_id)
    form = editor.conference_form
    _type(
        qtbot,
        editor,
        starts_at="9:30",
        ends_at="11:00",
        cme_category="A",
        cme_points="3",
        scientific_lead="Prof. Dr. Lena Leitung",
    )
    with qtbot.waitSignal(form.changed, timeout=3000):
        pass  # the debounced save
    conf = _stored(db, conf_id)
    assert _times_and_cme(conf) == ("09:30", "11:00", "A", 3, "Prof. Dr. Lena Leitung")
    assert prompter.errors == []

    editor.undo_stack.undo()
    assert _times_and_cme(_stored(db, conf_id)) == ("", "", "", None, "")
    assert form.cme_points.text() == "" and form.starts_at.text() == ""
    editor.undo_stack.redo()
    assert _times_and_cme(_stored(db, conf_id)) == (
        "09:30",
        "11:00",
        "A",
        3,
        "Prof. Dr. Lena Leitung",
    )
    assert form.starts_at.text() == "09:30"  # shown as stored


def test_emptied_points_and_times_are_cleared(
    qtbot: QtBot, db: Database, prompter: RecordingPrompter
) -> None:
    conf_id = _conference(db)
    with db.write() as session:
        conferences.update_conference(session, conf_id, starts_at="16:00", cme_points=2)
    editor = _editor(qtbot, db, conf_id)
    form = editor.conference_form
    assert (form.starts_at.text(), form.cme_points.text()) == ("16:00", "2")
    form.cme_points.selectAll()
    qtbot.keyClick(form.cme_points, "\b")
    form.starts_at.selectAll()
    qtbot.keyClick(form.starts_at, "\b")
    form.flush()
    conf = _stored(db, conf_id)
    assert (conf.starts_at, conf.cme_points) == ("", None)


@pytest.mark.parametrize(
    ("lang", "field", "typed", "message"),
    [
        ("de", "starts_at", "25:00", "Beginn „25:00“: Uhrzeit HH:MM erwartet"),
        ("en", "starts_at", "25:00", "start “25:00”: time must be HH:MM"),
        ("de", "ends_at", "17.30", "Ende „17.30“: Uhrzeit HH:MM erwartet"),
        ("en", "ends_at", "17.30", "end “17.30”: time must be HH:MM"),
        ("de", "cme_points", "-1", "CME-Punkte 0–100"),
        ("en", "cme_points", "-1", "CME points 0–100"),
        ("en", "cme_points", "101", "CME points 0–100"),
        ("de", "cme_points", "drei", "CME-Punkte 0–100"),
    ],
)
def test_a_wrong_time_or_points_shows_the_service_message_and_saves_nothing(
    qtbot: QtBot,
    db: Database,
    prompter: RecordingPrompter,
    lang: str,
    field: str,
    typed: str,
    message: str,
) -> None:
    install_language(lang)
    conf_id = _conference(db)
    before = _stored(db, conf_id)
    editor = _editor(qtbot, db, conf_id)
    form = editor.conference_form
    _type(qtbot, editor, scientific_lead="Prof. Dr. Lena Leitung", cme_category="A")
    _type(qtbot, editor, **{field: typed})
    error = form.cme_error if field == "cme_points" else form.times_error
    assert error.text() == message
    assert error.isVisible()
    form.flush()
    form.on_timer_timeout()  # even a save forced now writes nothing
    assert _stored(db, conf_id) == before
    assert prompter.errors == []  # said beside the field, no message box

    corrected = "10" if field == "cme_points" else "10:00"
    _type(qtbot, editor, **{field: corrected})  # the message goes, the edit is saved
    assert not error.isVisible()
    form.flush()
    assert _stored(db, conf_id).scientific_lead == "Prof. Dr. Lena Leitung"


def test_both_wrong_times_are_said_together(
    qtbot: QtBot, db: Database, prompter: RecordingPrompter
) -> None:
    editor = _editor(qtbot, db, _conference(db))
    _type(qtbot, editor, starts_at="8", ends_at="24:00")
    assert editor.conference_form.times_error.text() == (
        "start “8”: time must be HH:MM\nend “24:00”: time must be HH:MM"
    )


@pytest.mark.parametrize(
    ("lang", "title_page", "attendance"),
    [
        (
            "de",
            [
                "Datum 01.12.2026, 16:00–17:30 Uhr",
                "Wissenschaftliche Leitung Prof. Dr. Lena Leitung",
                "CME Kategorie A, 3 Punkte",
            ],
            [
                "CME: Kategorie A, 3 Punkte",
                "Wissenschaftliche Leitung: Prof. Dr. Lena Leitung",
                "Datum: 01.12.2026, 16:00–17:30 Uhr",
            ],
        ),
        (
            "en",
            [
                "Date 1 December 2026, 16:00–17:30",
                "Scientific lead Prof. Dr. Lena Leitung",
                "CME category A, 3 points",
            ],
            [
                "CME: category A, 3 points",
                "Scientific lead: Prof. Dr. Lena Leitung",
                "Date: 1 December 2026, 16:00–17:30",
            ],
        ),
    ],
)
def test_the_protocol_shows_what_was_entered_in_the_form(
    qtbot: QtBot,
    db: Database,
    prompter: RecordingPrompter,
    tmp_path: Path,
    lang: str,
    title_page: list[str],
    attendance: list[str],
) -> None:
    conf_id = _conference(db)
    editor = _editor(qtbot, db, conf_id)
    _type(
        qtbot,
        editor,
        starts_at="16:00",
        ends_at="17:30",
        cme_category="A",
        cme_points="3",
        scientific_lead="Prof. Dr. Lena Leitung",
    )
    editor.conference_form.flush()
    path = tmp_path / "protocol.pdf"
    write_protocol(db, conf_id, path, lang=lang, allow_empty=True)
    pages = page_texts(path)
    for line in title_page:
        assert line in pages[0]
    cme_list = next(p for p in pages[1:] if "(VNR):" in p)
    for line in attendance:
        assert line in cme_list


def test_a_wrong_time_is_quoted_literally_in_its_message(
    qtbot: QtBot, db: Database, prompter: RecordingPrompter
) -> None:
    editor = _editor(qtbot, db, _conference(db))
    _type(qtbot, editor, starts_at="<b>x</b>")  # five characters fit: "<b>x<"
    error = editor.conference_form.times_error
    assert error.text() == "start “<b>x<”: time must be HH:MM"
    assert_label_literal(error)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_whole_form_shows_uncut_in_a_1280x720_window_even_with_every_message(
    qtbot: QtBot, db_url: str, demo_id: int, prompter: RecordingPrompter, lang: str
) -> None:
    install_language(lang)
    window = MainWindow(db_url, demo_id, offer_demo=False, auto_start_server=False, warm=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    window.resize(1280, 720)
    workspace = window.workspace
    assert workspace is not None and workspace.editor is not None
    editor = workspace.editor
    editor.tabs.setCurrentIndex(0)
    form = editor.conference_form
    widest = {"starts_at": "23:59", "ends_at": "23:59", "cme_points": "100", "cme_category": "A"}
    for name, text in widest.items():
        edit = getattr(form, name)
        edit.setText(text)
        edit.setCursorPosition(0)
        home = edit.cursorRect().center().x()
        edit.setCursorPosition(len(text))
        end = edit.cursorRect().center().x()
        assert end - home >= edit.fontMetrics().horizontalAdvance(text) - 1, name  # no scroll
        assert end <= edit.width() - 6, name  # and room to spare
    for name, text in {"starts_at": "25:00", "ends_at": "7", "cme_points": "-1"}.items():
        getattr(form, name).setText(text)
    form.vnr.setText("123")
    form.on_field_edited()
    for error in (form.times_error, form.cme_error, form.vnr_field.error):
        assert error.isVisible()
    area = editor.tabs.currentWidget()
    assert isinstance(area, QScrollArea)
    qtbot.waitUntil(lambda: form.height() <= area.viewport().height())  # nothing to scroll
    for label in form.findChildren(QLabel):
        if label.isVisible() and label.text():
            assert label.sizeHint().width() <= label.width() or label.wordWrap(), label.text()
