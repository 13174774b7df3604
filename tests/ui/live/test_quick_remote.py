"""A quick question from the console attached to a hosted server: a real ``serve`` over
HTTPS (test CA); asked by keyboard, voted on through a site's page without JavaScript,
fetched home and reported in the protocol's free-discussion section."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.db import Database
from app.models import QuestionKind, QuestionState
from app.remote.client import tls_context
from app.remote.transfer import fetch_results, plan_publish, publish
from app.reports.protocol import write_protocol
from app.services.conferences import create_conference
from app.services.results import conference_results
from app.ui.live.console import LiveConsole
from app.ui.live.remote_session import RemoteSession
from tests.remote.hosting import Hosted, ca, ca_file, hosted
from tests.reports.pdftools import page_texts
from tests.server.helpers import tokens
from tests.ui.conftest import RecordingPrompter
from tests.ui.live.test_quick_question import Keyboard

pytestmark = pytest.mark.slow
__all__ = ["ca", "ca_file", "hosted"]  # the hosted server's fixtures

WAIT = 20_000
TEXT = "Which evidence level would you give?"
LINE = "presented by site Mainz: 54 y, m, NSCLC, KRAS G12C"


@pytest.fixture
def server_db_url(new_db_url: Callable[[], str]) -> str:
    url = new_db_url()
    database = Database.open(url)
    with database.write() as session:
        create_conference(session, "Noch leer", dt.date(2026, 11, 18), slug="demo")
    database.dispose()
    return url


@pytest.fixture
def attached(
    qtbot: QtBot, db: Database, demo_id: int, hosted: Hosted, tmp_path: Path
) -> Iterator[tuple[RemoteSession, LiveConsole]]:
    with hosted.client() as client:
        publish(client, plan_publish(client, db, demo_id))
    session = RemoteSession(hosted.connection(), retry_seconds=1, mirror_dir=tmp_path)
    console = LiveConsole(session)
    qtbot.addWidget(console)
    console.resize(1280, 720)
    console.show()
    qtbot.waitExposed(console)
    console.activateWindow()
    console.tree.setFocus()
    try:
        yield session, console
    finally:
        session.close()


def test_a_quick_question_on_a_hosted_server_from_keyboard_to_protocol(
    qtbot: QtBot,
    db: Database,
    demo_id: int,
    hosted: Hosted,
    attached: tuple[RemoteSession, LiveConsole],
    prompter: RecordingPrompter,
    tmp_path: Path,
) -> None:
    session, console = attached
    qtbot.waitUntil(
        lambda: console.snapshot is not None and len(console.snapshot.cases) == 3, timeout=WAIT
    )
    qtbot.waitUntil(lambda: console.live_actions.quick.isEnabled(), timeout=WAIT)
    keys = Keyboard(qtbot, console)
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    keys.press(Qt.Key.Key_F, ctrl_shift)
    keys.type(TEXT)
    keys.press(Qt.Key.Key_Tab)
    keys.press(Qt.Key.Key_2)  # the evidence level
    keys.press(Qt.Key.Key_Tab)
    keys.type(LINE)
    keys.press(Qt.Key.Key_Return)
    assert keys.presses - keys.typed == 5
    qtbot.waitUntil(
        lambda: (
            console.snapshot.question is not None  # type: ignore[union-attr]
            and console.snapshot.question.text == TEXT  # type: ignore[union-attr]
            and console.snapshot.question.is_open
        ),  # type: ignore[union-attr]
        timeout=WAIT,
    )
    question, case = console.snapshot.question, console.snapshot.case  # type: ignore[union-attr]
    assert question is not None and question.kind is QuestionKind.EVIDENCE
    assert case is not None and case.free_discussion and case.title == LINE
    assert prompter.errors == []

    # a site votes through its page on the hosted server, plain HTML over HTTPS
    token = tokens(db, demo_id)["DD"]
    remote_question = session.ids.questions[question.id]
    m1c = session.ids.options[question.options[2].id]
    with httpx.Client(base_url=hosted.url, verify=tls_context(hosted.ca_file), timeout=10) as http:
        page = http.get(f"/v/{token}").text
        assert TEXT in page and "KRAS G12C" in page
        stored = http.post(
            f"/v/{token}", data={"question_id": str(remote_question), "choice": str(m1c)}
        )
        assert stored.status_code == 303
    qtbot.waitUntil(lambda: console.count.count_text().startswith("1 of "), timeout=WAIT)

    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # close (asks first)
    qtbot.waitUntil(
        lambda: console.snapshot.question.state is QuestionState.CLOSED,  # type: ignore[union-attr]
        timeout=WAIT,
    )
    keys.press(Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # show the result
    qtbot.waitUntil(lambda: console.snapshot.question.revealed, timeout=WAIT)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: session.pending_actions == 0, timeout=WAIT)

    # home: the local conference holds the quick question with its ballot, as such
    with hosted.client() as client:
        fetch_results(client, db, demo_id)
    with db.read() as s:
        cases = conference_results(s, demo_id)
    home = cases[-1]
    assert home.case.free_discussion and home.case.title == LINE
    (result,) = home.results
    assert result.question.text == TEXT and result.tally.n_valid == 1
    path = tmp_path / "protocol.pdf"
    write_protocol(db, demo_id, path, lang="en")
    text = " ".join(page_texts(path))
    section = text[text.index(f"Case {home.case.number} · {LINE}") :]
    assert TEXT in section and result.sentence("en") in section
