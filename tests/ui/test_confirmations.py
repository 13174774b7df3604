"""Every confirmation the app asks: Enter chooses the action the user asked for where that
is safe (it can be undone in the live flow), and cancels only where a step destroys
something (a deletion, a result shown to sites that have not voted yet)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.services.moderator_actions import CURRENT, OPEN
from app.ui import messages
from app.ui.live.server_control import ServerState
from app.ui.mainwindow import MainWindow

Trigger = Callable[[MainWindow], None]


def _console(window: MainWindow):  # type: ignore[no-untyped-def]
    window.show_live()
    workspace = window.workspace
    assert workspace is not None and workspace.console is not None
    return workspace.console


def _open_with_sites_missing(window: MainWindow) -> None:
    console = _console(window)
    question = console.snapshot.question
    console.session.act(OPEN(question_id=question.id))
    assert len(console.snapshot.status.missing) >= 3
    console.close_question()


def _reveal_while_open(window: MainWindow) -> None:
    console = _console(window)
    console.session.act(OPEN(question_id=console.snapshot.question.id))
    console.reveal()


def _reopen(window: MainWindow) -> None:
    console = _console(window)
    console.session.act(CURRENT(question_id=console.snapshot.round_one.question.id))
    console.reopen()


def _repeat(window: MainWindow) -> None:
    console = _console(window)
    second = next(q for c in console.snapshot.cases for q in c.questions if q.number == "1.2")
    console.session.act(CURRENT(question_id=second.id))
    console.repeat()


def _pretend_running(window: MainWindow) -> None:
    """The server's state as the console sees it while one runs (no port is bound)."""
    console = _console(window)
    control = console.session.control
    control.state = replace(ServerState("running"), port=8765)


def _stop_server(window: MainWindow) -> None:
    _pretend_running(window)
    _console(window).toggle_server()


def _close_conference_while_serving(window: MainWindow) -> None:
    _pretend_running(window)
    window.pages.close_workspace()


def _delete_question(window: MainWindow) -> None:
    workspace = window.workspace
    assert workspace is not None
    editor = workspace.editor
    case = editor.agenda_model.cases()[2]
    editor.select("question", case.questions[0].id)
    editor.delete_selected()


def _delete_conference(window: MainWindow) -> None:
    assert window.workspace is not None
    window.pages.delete_conference(window.workspace.conference_id)


#: confirmation → whether Enter chooses its action
CONFIRMATIONS: dict[str, tuple[Trigger, bool]] = {
    "close voting with sites missing": (_open_with_sites_missing, True),
    "reopen voting": (_reopen, True),
    "repeat as round 2": (_repeat, True),
    "stop the voting server": (_stop_server, True),
    "close the conference while its server runs": (_close_conference_while_serving, True),
    "show the result while voting is open": (_reveal_while_open, False),
    "delete a question": (_delete_question, False),
    "delete the conference": (_delete_conference, False),
}


@pytest.mark.parametrize("name", sorted(CONFIRMATIONS))
def test_enter_chooses_the_asked_action_unless_it_destroys(
    qtbot, db_url, demo_id, prompter, name: str
) -> None:  # type: ignore[no-untyped-def]
    trigger, expected = CONFIRMATIONS[name]
    prompter.answer = False  # nothing happens: only the question is looked at
    window = MainWindow(db_url, demo_id, offer_demo=False, auto_start_server=False, warm=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    trigger(window)
    assert len(prompter.confirmations) == 1, prompter.confirmations
    assert prompter.default_actions == [expected]
    if window.workspace is not None and window.workspace.session is not None:
        window.workspace.session.control.state = ServerState()


@pytest.mark.parametrize("destroys", [False, True])
def test_the_real_box_takes_enter_as_its_default(qtbot, monkeypatch, destroys: bool) -> None:  # type: ignore[no-untyped-def]
    """Through the real message box: Enter on "Close voting" closes; on "Delete" cancels."""
    shown: list[QMessageBox] = []

    def exec_and_press_enter(box: QMessageBox) -> int:
        shown.append(box)
        box.show()
        qtbot.keyClick(box, Qt.Key.Key_Return)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_and_press_enter)
    monkeypatch.setattr(messages, "prompter", messages.Prompter())
    chosen = messages.confirm(None, "Title", "Text", "Do it", destroys=destroys)
    (box,) = shown
    qtbot.addWidget(box)
    assert chosen is (not destroys)
