"""A quick question asked from the console by keyboard alone: the shortcut opens the form,
Enter asks and opens it, a site votes on it through its page without JavaScript, and the
protocol reports it in its free-discussion section."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.db import Database
from app.models import QuestionKind, QuestionState
from app.services import agenda, conferences
from app.services.moderator_actions import OPEN
from app.ui.live.console import LiveConsole
from app.ui.live.session import LiveSession

#: a practised moderator's pace: 300 keystrokes a minute
SECONDS_PER_KEY = 0.2
TEXT = "Which evidence level would you give?"
LINE = "Mainz: 54 y, m, NSCLC, KRAS G12C"


class Keyboard:
    """Presses keys where the focus is, as a moderator would, and counts them."""

    def __init__(self, qtbot: QtBot, window: QWidget) -> None:
        self.qtbot, self.window = qtbot, window
        self.presses = 0
        self.typed = 0

    def _focus(self) -> QWidget:
        focus = QApplication.focusWidget()
        assert focus is not None and focus.window() is self.window
        return focus

    def press(
        self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        self.qtbot.keyClick(self._focus(), key, modifiers)
        self.presses += 1

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self._focus(), text)
        self.presses += len(text)
        self.typed += len(text)


@pytest.fixture
def console(qtbot: QtBot, db: Database, demo_id: int, prompter) -> Iterator[LiveConsole]:  # type: ignore[no-untyped-def]
    session = LiveSession(db, demo_id)
    console = LiveConsole(session)
    qtbot.addWidget(console)
    console.resize(1280, 720)
    console.show()
    qtbot.waitExposed(console)
    console.activateWindow()
    console.tree.setFocus()
    session.start_server(host="127.0.0.1", port=0)
    qtbot.waitUntil(lambda: session.server_state.state in ("running", "failed"), timeout=15_000)
    assert session.server_state.state == "running", session.server_state.error
    yield console
    session.stop_server(wait=True)


def test_a_quick_question_by_keyboard_alone_is_asked_voted_and_reported(
    qtbot: QtBot, db: Database, demo_id: int, console: LiveConsole, tmp_path: Path
) -> None:
    session = console.session
    keys = Keyboard(qtbot, console)
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    keys.press(Qt.Key.Key_F, ctrl_shift)  # the shortcut shown on the button and in the menu
    form = console.quick_form
    assert form.isVisible() and QApplication.focusWidget() is form.text
    keys.type(TEXT)
    keys.press(Qt.Key.Key_Tab)  # the kind
    keys.press(Qt.Key.Key_2)  # 2 · MTB evidence level
    assert form.chosen_kind() is QuestionKind.EVIDENCE and not form.options.isVisible()
    keys.press(Qt.Key.Key_Tab)  # the case line (no options for a preset kind)
    assert QApplication.focusWidget() is form.case
    keys.type(LINE)
    console.grab().save(str(tmp_path / "console-quick-form.png"))
    keys.press(Qt.Key.Key_Return)  # asks and opens it
    qtbot.waitUntil(lambda: session.pending_actions == 0, timeout=5000)
    qtbot.waitUntil(
        lambda: (
            console.snapshot is not None
            and console.snapshot.question is not None
            and console.snapshot.question.text == TEXT
        ),
        timeout=5000,
    )
    assert keys.presses - keys.typed == 5  # shortcut, Tab, 2, Tab, Enter: nothing else
    assert keys.presses * SECONDS_PER_KEY < 15, keys.presses
    assert not form.isVisible()
    question, case = console.snapshot.question, console.snapshot.case
    assert question.state is QuestionState.OPEN and question.kind is QuestionKind.EVIDENCE
    assert case is not None and case.free_discussion and case.title == LINE
    assert console.primary_action() is console.live_actions.close
    assert console.case_label.text() == f"CASE {case.number} · FREE DISCUSSION · {LINE}"
    console.grab().save(str(tmp_path / "console-quick-asked.png"))

    # a site votes through its page, plain HTML as without JavaScript
    with db.read() as s:
        dresden = next(
            i for i in conferences.invitations(s, demo_id) if i.site.name.endswith("Dresden")
        )
    base = session.server_state.urls[0]
    page = httpx.get(f"{base}/v/{dresden.token}", timeout=10).text
    assert TEXT in page and "KRAS G12C" in page
    m1c = question.options[2].id
    assert re.search(rf'value="{m1c}"', page)
    stored = httpx.post(
        f"{base}/v/{dresden.token}",
        data={"question_id": str(question.id), "choice": str(m1c)},
        timeout=10,
    )
    assert stored.status_code == 303
    qtbot.waitUntil(lambda: console.count.count_text().startswith("1 of"), timeout=5000)

    # the next quick question on the same patient: the kind and the line stay
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # close (asks first)
    qtbot.waitUntil(lambda: session.pending_actions == 0, timeout=5000)
    keys.press(Qt.Key.Key_F, ctrl_shift)
    keys.type("And for adagrasib?")
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.pending_actions == 0, timeout=5000)
    qtbot.waitUntil(lambda: console.snapshot.question.text == "And for adagrasib?", timeout=5000)
    with db.read() as s:
        last = agenda.agenda(s, demo_id)[-1]
    assert [q.text for q in last.questions] == [TEXT, "And for adagrasib?"]
    assert console.snapshot.question.number == f"{last.number}.2"


def test_the_form_says_what_is_wrong_and_sends_nothing(
    qtbot: QtBot, db: Database, demo_id: int, console: LiveConsole
) -> None:
    keys = Keyboard(qtbot, console)
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    keys.press(Qt.Key.Key_F, ctrl_shift)
    form = console.quick_form
    keys.type("Which drug?")
    keys.press(Qt.Key.Key_Tab)
    keys.press(Qt.Key.Key_4)  # single choice: the options appear
    assert form.options.isVisible()
    keys.press(Qt.Key.Key_Tab)
    keys.type("Sotorasib")
    keys.press(Qt.Key.Key_Tab)
    keys.press(Qt.Key.Key_Return)
    assert (
        form.isVisible() and form.error.text() == "please enter at least two options, one per line"
    )
    with db.read() as s:
        assert len(agenda.agenda(s, demo_id)) == 3
    keys.press(Qt.Key.Key_Escape)
    assert not form.isVisible()
    # while a question is open, the form says so and asks nothing
    assert console.session.act(OPEN(question_id=console.snapshot.question.id))
    qtbot.waitUntil(lambda: console.snapshot.question.is_open, timeout=5000)
    keys.press(Qt.Key.Key_F, ctrl_shift)
    keys.type("Now?")
    keys.press(Qt.Key.Key_Return)
    number = console.snapshot.question.number
    assert form.error.text() == f"Question {number} is still open; close it first."
    with db.read() as s:
        assert len(agenda.agenda(s, demo_id)) == 3
