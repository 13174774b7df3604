"""The live console attached to a hosted voting server: a real ``serve`` subprocess over
HTTPS (test CA), ballots from a load client over HTTP, a kill and restart mid-question."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from pytestqt.qtbot import QtBot

from app.db import Database
from app.models import QuestionState
from app.remote.client import ModeratorClient, tls_context
from app.remote.transfer import fetch_results, plan_publish, publish
from app.services.conferences import create_conference
from app.services.moderator_actions import BALLOT
from app.ui.live.console import LiveConsole
from app.ui.live.remote_session import RemoteSession
from app.ui.live.session import LiveSession
from tests.remote.hosting import Hosted, ca, ca_file, hosted
from tests.remote.test_transfer import _numbers
from tests.server.helpers import tokens
from tests.ui.conftest import RecordingPrompter

pytestmark = pytest.mark.slow
__all__ = ["ca", "ca_file", "hosted"]  # the hosted server's fixtures

WAIT = 20_000


@pytest.fixture
def server_db_url(new_db_url: Callable[[], str]) -> str:
    url = new_db_url()  # on this test's backend: SQLite, then PostgreSQL
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
    try:
        yield session, console
    finally:
        session.close()


def _vote(
    hosted: Hosted, site_tokens: dict[str, str], codes: list[str], qid: int, opt: int
) -> None:
    with httpx.Client(base_url=hosted.url, verify=tls_context(hosted.ca_file), timeout=10) as http:
        for code in codes:
            cast = http.post(
                f"/api/v/{site_tokens[code]}/ballot", json={"question_id": qid, "option_ids": [opt]}
            )
            assert cast.status_code == 200, cast.text


def test_the_console_runs_a_session_on_a_hosted_server_through_a_drop(
    qtbot: QtBot,
    db: Database,
    demo_id: int,
    hosted: Hosted,
    attached: tuple[RemoteSession, LiveConsole],
    prompter: RecordingPrompter,
) -> None:
    session, console = attached
    site_tokens = tokens(db, demo_id)
    codes = sorted(site_tokens)
    qtbot.waitUntil(
        lambda: console.snapshot is not None and len(console.snapshot.cases) == 3, timeout=WAIT
    )
    assert console.server_label.text() == f"Connected to 127.0.0.1:{hosted.port}"
    assert not console.connection_strip.isVisible()

    console.next_question()
    qtbot.waitUntil(lambda: console.snapshot.question is not None, timeout=WAIT)  # type: ignore[union-attr]
    console.actions_.open.trigger()
    qtbot.waitUntil(
        lambda: console.snapshot.question.state is QuestionState.OPEN,  # type: ignore[union-attr]
        timeout=WAIT,
    )
    question = console.snapshot.question  # type: ignore[union-attr]
    assert question is not None and question.number == "1.1"
    remote_q = session.ids.questions[question.id]
    first_option = session.ids.options[question.options[0].id]
    _vote(hosted, site_tokens, codes[:5], remote_q, first_option)
    qtbot.waitUntil(lambda: console.count.count_text().startswith("5 of "), timeout=WAIT)
    second = [question.options[1].id]
    chat = BALLOT(question_id=question.id, site_code="GOE", option_ids=second, comment="per Chat")
    assert session.act(chat)
    qtbot.waitUntil(lambda: console.count.count_text().startswith("6 of "), timeout=WAIT)
    chart = console.chart._result
    assert chart is not None and [o.count for o in chart.tally.options][:2] == [5, 1]

    console.notes.question_note.setPlainText("Studienoption prüfen")
    console.notes.flush()
    console.close_question(ask=False)
    qtbot.waitUntil(
        lambda: console.snapshot.question.state is QuestionState.CLOSED,  # type: ignore[union-attr]
        timeout=WAIT,
    )
    assert console.actions_.reveal.isEnabled(), prompter.errors
    console.actions_.reveal.trigger()
    qtbot.waitUntil(lambda: console.snapshot.question.revealed, timeout=WAIT)  # type: ignore[union-attr]
    console.repeat()
    qtbot.waitUntil(
        lambda: any(q.round == 2 for q in console.snapshot.cases[0].questions),  # type: ignore[union-attr]
        timeout=WAIT,
    )
    console.next_question()
    qtbot.waitUntil(lambda: console.snapshot.question.round == 2, timeout=WAIT)  # type: ignore[union-attr]
    console.actions_.open.trigger()
    qtbot.waitUntil(lambda: console.snapshot.question.is_open, timeout=WAIT)  # type: ignore[union-attr]
    round_two = console.snapshot.question  # type: ignore[union-attr]
    assert round_two is not None
    remote_two = session.ids.questions[round_two.id]
    option_two = session.ids.options[round_two.options[0].id]
    _vote(hosted, site_tokens, codes[:3], remote_two, option_two)
    qtbot.waitUntil(lambda: console.count.count_text().startswith("3 of "), timeout=WAIT)

    hosted.kill()  # mid-question
    qtbot.waitUntil(console.connection_strip.isVisible, timeout=WAIT)
    assert console.connection_strip.text() == "Connection lost — retrying in 1 s"
    assert not console.actions_.close.isEnabled() and not console.primary.isEnabled()
    console.notes.question_note.setPlainText("Während der Unterbrechung notiert")
    console.notes.flush()  # notes still work during the drop
    assert console.notes.question_note.toPlainText() == "Während der Unterbrechung notiert"

    hosted.start()
    qtbot.waitUntil(lambda: not console.connection_strip.isVisible(), timeout=WAIT)
    _vote(hosted, site_tokens, codes[3:5], remote_two, option_two)
    qtbot.waitUntil(lambda: console.count.count_text().startswith("5 of "), timeout=WAIT)
    assert console.actions_.close.isEnabled()
    console.close_question(ask=False)
    qtbot.waitUntil(
        lambda: console.snapshot.question.state is QuestionState.CLOSED,  # type: ignore[union-attr]
        timeout=WAIT,
    )
    qtbot.waitUntil(lambda: session.pending_actions == 0, timeout=WAIT)

    with ModeratorClient(hosted.connection()) as client:
        notes = {n["question_id"]: n["text"] for n in client.notes()}
        assert notes == {
            remote_q: "Studienoption prüfen",
            remote_two: "Während der Unterbrechung notiert",
        }
        fetch_results(client, db, demo_id)
        server_file = client.fetch_file()
        server_numbers = {}
        for case in client.agenda():
            for q in case["questions"]:
                result = client.results(q["id"])
                tally = result["tally"]
                server_numbers[(q["number"], q["round"])] = (
                    [(o["label"], o["count"]) for o in tally["options"]],
                    tally["n_valid"],
                    tally["n_abstain"],
                    tally["n_eligible"],
                    result["sentence_de"],
                )
    assert _numbers(db, demo_id) == server_numbers
    assert server_file.results is not None
    actions = [e.action for e in server_file.results.audit]
    # every moderator action once, every ballot once (nothing lost, nothing doubled)
    assert actions.count("question_opened") == 2
    assert actions.count("question_closed") == 2
    assert actions.count("question_repeated") == 1
    assert len(server_file.results.ballots) == 6 + 5
    assert all(b.revision == 1 for b in server_file.results.ballots)
    assert len(server_file.results.history) == 11


def test_a_failed_action_while_the_stream_lives_does_not_leave_the_console_offline(
    qtbot: QtBot, attached: tuple[RemoteSession, LiveConsole]
) -> None:
    session, console = attached
    qtbot.waitUntil(lambda: session.online, timeout=WAIT)
    session.on_dropped("ReadTimeout")  # an action's answer timed out; the server is fine
    assert console.connection_strip.isVisible() and not session.online
    qtbot.waitUntil(lambda: session.online, timeout=WAIT)  # the retry's read says it is back
    assert not console.connection_strip.isVisible()


def test_the_local_console_names_its_server_and_port(
    qtbot: QtBot, db: Database, demo_id: int
) -> None:
    session = LiveSession(db, demo_id)
    console = LiveConsole(session)
    qtbot.addWidget(console)
    session.start_server(host="127.0.0.1", port=0)
    try:
        qtbot.waitUntil(lambda: session.server_state.state == "running", timeout=WAIT)
        port = session.server_state.port
        assert console.server_label.text().startswith(f"● Local server · port {port}\n")
        assert not console.connection_strip.isVisibleTo(console)  # never shown locally
    finally:
        session.stop_server(wait=True)
