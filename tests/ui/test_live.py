"""The live flow with a real voting server thread on 127.0.0.1: HTTP ballots reach the
console and the presenter view through the notifier bridge."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel
from sqlalchemy import event

from app.models import QuestionState
from app.services import conferences
from app.ui.live.ballot_dialog import BallotDialog
from app.ui.live.console import LiveConsole
from app.ui.live.session import LiveSession
from app.ui.presenter import PresenterWindow


@pytest.fixture
def live(
    qtbot, db, demo_id, prompter
) -> Iterator[tuple[LiveSession, LiveConsole, PresenterWindow]]:  # type: ignore[no-untyped-def]
    session = LiveSession(db, demo_id)
    console = LiveConsole(session)
    qtbot.addWidget(console)
    console.chart.ensure_canvas()
    console.resize(1200, 800)
    console.show()
    presenter = PresenterWindow(session)
    qtbot.addWidget(presenter)
    presenter.ensure_chart()
    presenter.show()
    session.start_server(host="127.0.0.1", port=0)
    qtbot.waitUntil(lambda: session.server_state.state in ("running", "failed"), timeout=15_000)
    assert session.server_state.state == "running", session.server_state.error
    yield session, console, presenter
    session.stop_server(wait=True)


def _settle(qtbot, session: LiveSession) -> None:  # type: ignore[no-untyped-def]
    """Moderator actions go through the server's writer: wait until they are done."""
    qtbot.waitUntil(lambda: session.pending_actions == 0, timeout=5000)


def _token(db, conf_id: int, site_name: str) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        inv = next(i for i in conferences.invitations(s, conf_id) if i.site.name == site_name)
    assert inv.token
    return inv.site.id, inv.token


def test_http_ballot_updates_count_missing_sites_and_presenter(
    qtbot, db, demo_id, live, prompter
) -> None:  # type: ignore[no-untyped-def]
    session, console, presenter = live
    base = session.server_state.urls[0]
    assert base.startswith("http://127.0.0.1:")
    question = console.snapshot.question
    assert question is not None and question.state is QuestionState.DRAFT
    assert console.primary_action() is console.live_actions.open

    console.on_primary_clicked()  # open
    _settle(qtbot, console.session)
    assert console.snapshot.question.is_open
    assert console.primary_action() is console.live_actions.close
    assert presenter.state_label.text() == "Abstimmung läuft"  # the round's language
    expected = console.snapshot.status.n_expected
    assert console.count.count_text() == f"0 of {expected} sites have voted"
    _site_id, token = _token(db, demo_id, "Universitätsklinikum Dresden")
    assert "Universitätsklinikum Dresden" in console.count.missing_names()

    option = question.options[1].id
    with qtbot.waitSignal(console.displayed, timeout=5000):
        reply = httpx.post(  # as the voter page's JavaScript posts it
            f"{base}/v/{token}/ballot",
            json={"question_id": question.id, "option_ids": [option]},
            timeout=10,
        )
        assert reply.status_code == 200, reply.text
    qtbot.waitUntil(lambda: console.count.count_text().startswith("1 of"), timeout=5000)
    assert "Universitätsklinikum Dresden" not in console.count.missing_names()
    assert "Universitätsklinikum Dresden" in console.count.voted_lines()
    assert console.count.bar.value() == 1
    assert presenter.count_label.text() == f"1 von {expected} Standorten haben abgestimmt"
    shared = " ".join(label.text() for label in presenter.findChildren(QLabel))
    assert "Dresden" not in shared and "Mainz" not in shared  # no site names on screen
    assert token not in shared  # and no secret links
    assert presenter.options_label.isVisible() and not presenter.chart.isVisible()

    # a ballot entered by the moderator is marked
    other_id, _ = _token(db, demo_id, "Universitätsmedizin Mainz")
    dialog = BallotDialog(console.snapshot.question, console.snapshot.status, console)
    qtbot.addWidget(dialog)
    dialog.set_choice(other_id, (question.options[0].id,))
    assert console.submit_ballot(dialog)
    _settle(qtbot, console.session)
    assert "Universitätsmedizin Mainz — entered by the moderator" in console.count.voted_lines()

    # close: few sites have voted, so the moderator is asked first
    console.on_primary_clicked()
    _settle(qtbot, console.session)
    assert prompter.confirmations and "have not voted yet" in prompter.confirmations[-1][1]
    assert console.snapshot.question.state is QuestionState.CLOSED
    assert presenter.state_label.text() == "Abstimmung geschlossen"
    late = httpx.post(
        f"{base}/api/v/{token}/ballot",
        json={"question_id": question.id, "option_ids": [option]},
        timeout=10,
    )
    assert late.status_code == 409

    assert console.primary_action() is console.live_actions.reveal
    console.on_primary_clicked()  # reveal
    _settle(qtbot, console.session)
    assert console.snapshot.question.revealed
    qtbot.waitUntil(lambda: presenter.chart.isVisible(), timeout=3000)
    assert not presenter.options_label.isVisible()
    assert console.primary_action() is console.live_actions.next

    console.on_primary_clicked()  # next question
    _settle(qtbot, console.session)
    following = console.snapshot.question
    assert following.id != question.id and following.number == "1.2"
    assert presenter.head_label.text() == "Frage 1.2"
    assert presenter.chart.isVisible() == following.revealed  # 1.2 was revealed in the demo


def test_burst_of_ballots_is_coalesced(qtbot, db, demo_id, live, prompter) -> None:  # type: ignore[no-untyped-def]
    session, console, _presenter = live
    question = console.snapshot.question
    console.open_question()
    _settle(qtbot, console.session)
    base = session.server_state.urls[0]
    with db.read() as s:
        invitations = conferences.invitations(s, demo_id)
    shown: list[int] = []
    console.displayed.connect(shown.append)
    with httpx.Client(timeout=10) as client:
        for inv in invitations:
            reply = client.post(
                f"{base}/api/v/{inv.token}/ballot",
                json={"question_id": question.id, "option_ids": [question.options[0].id]},
            )
            assert reply.status_code == 200
    qtbot.waitUntil(
        lambda: console.count.count_text().startswith(f"{len(invitations)} of"), timeout=5000
    )
    assert console.count.missing_names() == []
    assert len(shown) < len(invitations)  # one refresh per burst, not one per ballot


def test_reopen_and_repeat_ask_first(qtbot, db, demo_id, live, prompter) -> None:  # type: ignore[no-untyped-def]
    _session, console, _presenter = live
    console.open_question()
    _settle(qtbot, console.session)
    prompter.answer = False
    console.close_question()  # 17 missing: asks, and the moderator says no
    _settle(qtbot, console.session)
    assert console.snapshot.question.is_open
    prompter.answer = True
    console.close_question()
    _settle(qtbot, console.session)
    assert console.snapshot.question.state is QuestionState.CLOSED
    prompter.answer = False
    console.reopen()
    _settle(qtbot, console.session)
    assert console.snapshot.question.state is QuestionState.CLOSED
    prompter.answer = True
    console.reopen()
    _settle(qtbot, console.session)
    assert console.snapshot.question.is_open
    console.close_question()
    _settle(qtbot, console.session)
    # the demo's current question is already round 2: repeating is not offered
    assert not console.live_actions.repeat.isEnabled()
    console.previous_question()  # round 1 (closed, round 2 exists): no repeat either
    _settle(qtbot, console.session)
    assert console.snapshot.question.round == 1
    assert not console.live_actions.repeat.isEnabled()


def test_countdown_closes_the_question_when_asked_to(qtbot, db, demo_id, live, prompter) -> None:  # type: ignore[no-untyped-def]
    _session, console, _presenter = live
    console.open_question()
    _settle(qtbot, console.session)
    console.countdown.auto_close.setChecked(True)
    console.countdown.on_minus_clicked()
    remaining = console.countdown.remaining()
    assert remaining is not None
    console.countdown._extra -= remaining + 1  # jump to the end
    with qtbot.waitSignal(console.countdown.expired, timeout=3000):
        pass
    _settle(qtbot, console.session)
    assert console.snapshot.question.state is QuestionState.CLOSED
    assert prompter.confirmations == []  # the moderator opted in: no question asked


def test_notes_are_saved_as_typed(qtbot, db, demo_id, live) -> None:  # type: ignore[no-untyped-def]
    from app.services import notes

    _session, console, _presenter = live
    panel = console.notes
    qtbot.keyClicks(panel.question_note, "Diskussion: Datenlage")
    panel.question_note.insertPlainText(" dünn")  # keyClicks is ASCII-only
    qtbot.waitUntil(lambda: panel.saved.text().startswith("saved"), timeout=3000)
    with db.read() as s:
        stored = notes.conference_notes(s, demo_id)
    qid = console.snapshot.question.id
    assert notes.note_text(stored, question_id=qid).endswith("Datenlage dünn")


def test_a_note_too_long_to_store_is_said_in_the_ui_language(qtbot, live) -> None:  # type: ignore[no-untyped-def]
    from app.services.notes import MAX_NOTE
    from app.ui.i18n import current_language

    _session, console, _presenter = live
    panel = console.notes
    assert current_language() == "en"
    panel.question_note.insertPlainText("x" * (MAX_NOTE + 10))
    qtbot.waitUntil(lambda: "50000" in panel.saved.text(), timeout=5000)
    assert panel.saved.text() == f"note: at most {MAX_NOTE} characters"


def test_attendance_check_in(qtbot, db, demo_id, live, prompter) -> None:  # type: ignore[no-untyped-def]
    from app.ui.live.attendance import AttendanceDialog, AttendeesDialog

    session, console, _presenter = live
    dialog = AttendanceDialog(session, console)
    qtbot.addWidget(dialog)
    absent = next(i for i in session.snapshot.invitations if not i.present)
    dialog.on_present_toggled(absent, True)
    _settle(qtbot, console.session)
    current = next(i for i in session.snapshot.invitations if i.site.id == absent.site.id)
    assert current.present and current.attendee_count == 1
    names = AttendeesDialog(current, dialog)
    qtbot.addWidget(names)
    names.table.item(0, 0).setText("Dr. Test")
    names.table.item(0, 1).setText("802761234567890")
    assert "check digit wrong" in names.warning.text()
    assert session.snapshot.n_present == len(session.snapshot.invitations)
    assert console.attendance_label.text().startswith(f"{len(session.snapshot.invitations)}/")


def test_a_wrong_efn_keeps_the_site_list_marked_not_refused(
    qtbot, db, demo_id, live, prompter
) -> None:  # type: ignore[no-untyped-def]
    from app.ui.live.attendance import AttendanceDialog, AttendeesDialog

    session, console, _presenter = live
    dialog = AttendanceDialog(session, console)
    qtbot.addWidget(dialog)
    site = next(i for i in session.snapshot.invitations if i.present)
    names = AttendeesDialog(replace(site, attendees=()), dialog)
    qtbot.addWidget(names)
    names.table.item(0, 0).setText("Dr. Gut")
    names.table.item(0, 1).setText("802765260181597")
    names._add("Dr. Tippfehler", "802765260181598")  # check digit wrong
    names.on_table_item_changed()
    assert names.error.isHidden() and not names.warning.isHidden()
    assert names.warning.text() == (
        "Row 2: EFN “802765260181598”: check digit wrong – kept, marked “invalid EFN” on the "
        "CME list"
    )
    wrong, right = names.table.item(1, 1), names.table.item(0, 1)
    assert wrong.toolTip() == "check digit wrong" and not wrong.icon().isNull()
    assert right.toolTip() == "" and right.icon().isNull()
    names.accept()
    assert names.result() == QDialog.DialogCode.Accepted  # no refusal, no modal box
    assert prompter.errors == []
    rows, _ = names.attendees()
    dialog.save_names(site, rows)
    _settle(qtbot, session)
    stored = next(i for i in session.snapshot.invitations if i.site.id == site.site.id)
    assert [(a.name, a.efn_invalid) for a in stored.attendees] == [
        ("Dr. Gut", False),
        ("Dr. Tippfehler", True),
    ]
    dialog.fill()
    row = next(
        r
        for r in range(dialog.table.rowCount())
        if dialog.table.item(r, 0).text() == site.site.name
    )
    button = dialog.table.cellWidget(row, 3)
    assert button.text() == "Names (2, 1 invalid EFN)…" and not button.icon().isNull()


def test_attendees_dialog_says_the_efn_reason_in_german(qtbot, db, demo_id, live, prompter) -> None:  # type: ignore[no-untyped-def]
    from app.ui.i18n import install_language
    from app.ui.live.attendance import AttendeesDialog

    session, _console, _presenter = live
    install_language("de")
    names = AttendeesDialog(session.snapshot.invitations[0], None)
    qtbot.addWidget(names)
    names._add("Dr. Kurz", "80276")
    names.on_table_item_changed()
    assert "15 Ziffern erwartet" in names.warning.text()
    assert "digits" not in names.warning.text() and "EFN ungültig" in names.warning.text()


def test_keyboard_drives_the_live_flow(qtbot, db, demo_id, live, prompter) -> None:  # type: ignore[no-untyped-def]
    _session, console, _presenter = live
    console.activateWindow()
    console.setFocus()
    qtbot.waitUntil(console.isActiveWindow, timeout=3000)
    mod = Qt.KeyboardModifier
    qtbot.keyClick(console, Qt.Key.Key_O, mod.ControlModifier | mod.ShiftModifier)  # open
    _settle(qtbot, console.session)
    assert console.snapshot.question.is_open
    qtbot.keyClick(console, Qt.Key.Key_Return, mod.ControlModifier)  # close (asks first)
    _settle(qtbot, console.session)
    assert console.snapshot.question.state is QuestionState.CLOSED
    qtbot.keyClick(console, Qt.Key.Key_R, mod.ControlModifier)  # show result
    _settle(qtbot, console.session)
    assert console.snapshot.question.revealed
    number = console.snapshot.question.number
    qtbot.keyClick(console, Qt.Key.Key_Right, mod.AltModifier)  # next question
    _settle(qtbot, console.session)
    assert console.snapshot.question.number != number
    primary = console.primary_action()
    assert primary is not None  # the button names its shortcut
    assert console.primary.text().endswith(
        primary.shortcut().toString(primary.shortcut().SequenceFormat.NativeText)
    )


def test_presenter_type_is_large_at_1080p(qtbot, db, demo_id, live) -> None:  # type: ignore[no-untyped-def]
    _session, _console, presenter = live
    presenter.resize(1920, 1080)
    qtbot.waitUntil(lambda: presenter.height() == 1080, timeout=3000)
    # type is set in pixels: 28 pt at 96 dpi (UX.md's floor for the question at 1080p)
    assert presenter.question_label.font().pixelSize() >= 28 * 96 / 72
    assert presenter.count_label.font().pixelSize() >= 20 * 96 / 72


def test_an_absent_sites_ballot_checks_it_in_on_the_console(
    qtbot, db, demo_id, live, prompter
) -> None:  # type: ignore[no-untyped-def]
    session, console, _presenter = live
    absent = next(i for i in session.snapshot.invitations if not i.present)
    n_sites = len(session.snapshot.invitations)
    assert session.snapshot.n_present == n_sites - 1 and console.check_in_note.isHidden()
    console.on_primary_clicked()  # open the question
    _settle(qtbot, session)
    question = console.snapshot.question
    _site_id, token = _token(db, demo_id, absent.site.name)
    reply = httpx.post(
        f"{session.server_state.urls[0]}/api/v/{token}/ballot",
        json={"question_id": question.id, "option_ids": [question.options[0].id]},
        timeout=10,
    )
    assert reply.status_code == 200, reply.text
    qtbot.waitUntil(lambda: console.attendance_label.text().startswith(f"{n_sites}/"))
    assert console.check_in_note.text() == f"{absent.site.name} checked in by ballot"
    assert console.check_in_note.isVisible()
    assert prompter.errors == []  # a calm note, no box


class _ReadOnly:
    """Makes every connection of ``db`` handed out from now on read-only while it is on
    (SQLite's ``query_only``, as in tests/server/test_storage_faults.py)."""

    def __init__(self, db) -> None:  # type: ignore[no-untyped-def]
        self.on = False
        self._engine = db.engine
        event.listen(db.engine, "checkout", self._checkout)

    def _checkout(self, dbapi_connection, _record, _proxy) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.execute(f"PRAGMA query_only={int(self.on)}")

    def remove(self) -> None:
        event.remove(self._engine, "checkout", self._checkout)


def test_ballots_that_cannot_be_stored_raise_a_red_strip_in_the_ui_language(
    qtbot, db, demo_id, live, prompter
) -> None:  # type: ignore[no-untyped-def]
    from app.ui.i18n import install_language

    session, console, _presenter = live
    install_language("de")
    console.on_primary_clicked()  # open the question
    _settle(qtbot, session)
    question = console.snapshot.question
    _site_id, token = _token(db, demo_id, "Universitätsklinikum Dresden")
    url = f"{session.server_state.urls[0]}/api/v/{token}/ballot"
    ballot = {"question_id": question.id, "option_ids": [question.options[0].id]}
    read_only = _ReadOnly(db)
    try:
        assert console.storage_alarm.isHidden()
        read_only.on = True
        assert httpx.post(url, json=ballot, timeout=10).status_code == 503
        qtbot.waitUntil(console.storage_alarm.isVisible)
        text = console.storage_alarm.text()
        assert text.startswith("Stimmen werden NICHT gespeichert: schreibgeschützt.")
        assert "read-only" not in text
        assert console.storage_alarm.textFormat() == Qt.TextFormat.PlainText
        assert console.storage_alarm.geometry().width() >= console.splitter.width()  # across
        read_only.on = False
        assert httpx.post(url, json=ballot, timeout=10).status_code == 200
        qtbot.waitUntil(console.storage_alarm.isHidden)
    finally:
        read_only.remove()
    assert prompter.errors == []
