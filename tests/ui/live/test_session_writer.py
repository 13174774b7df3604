"""Moderator actions go through the server's writer: the GUI thread never waits behind a
ballot group (nor on SQLite's lock), and refusals still come back as one message."""

from __future__ import annotations

import threading
import time

from app.models import QuestionState
from app.ui.live.session import LiveSession


def _running(qtbot, db, demo_id) -> LiveSession:  # type: ignore[no-untyped-def]
    session = LiveSession(db, demo_id)
    session.refresh()
    session.start_server(host="127.0.0.1", port=0)
    qtbot.waitUntil(lambda: session.server_state.state in ("running", "failed"), timeout=20_000)
    assert session.server_state.state == "running", session.server_state.error
    return session


def test_action_returns_at_once_while_the_writer_is_busy(qtbot, db, demo_id, prompter) -> None:  # type: ignore[no-untyped-def]
    session = _running(qtbot, db, demo_id)
    try:
        writer = session.server.ctx.writer
        question = session.snapshot.question
        assert question is not None and question.state is QuestionState.DRAFT
        busy, release = threading.Event(), threading.Event()

        def long_group(_s) -> None:  # type: ignore[no-untyped-def]
            busy.set()
            release.wait(10)  # a ballot group holding the write transaction

        blocker = writer.submit(long_group)
        assert busy.wait(5)
        jobs = writer.jobs
        start = time.perf_counter()
        assert session.open_question(question.id)
        assert (time.perf_counter() - start) < 0.1  # queued, not waited for
        assert session.pending_actions == 1
        assert session.snapshot.question.state is QuestionState.DRAFT  # not yet
        release.set()
        blocker.result(5)
        qtbot.waitUntil(lambda: session.pending_actions == 0, timeout=5000)
        assert session.snapshot.question.state is QuestionState.OPEN
        assert writer.jobs >= jobs + 1  # the open went through the writer
    finally:
        session.stop_server(wait=True)


def test_a_refused_action_comes_back_as_a_message(qtbot, db, demo_id, prompter) -> None:  # type: ignore[no-untyped-def]
    session = _running(qtbot, db, demo_id)
    try:
        failures: list[tuple[str, str]] = []
        session.failed.connect(lambda title, text: failures.append((title, text)))
        question = session.snapshot.question
        assert question is not None
        session.close_question(question.id)  # a draft cannot be closed
        qtbot.waitUntil(lambda: session.pending_actions == 0, timeout=5000)
        assert len(failures) == 1 and failures[0][1]
        assert session.snapshot.question.state is QuestionState.DRAFT
    finally:
        session.stop_server(wait=True)
