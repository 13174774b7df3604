"""Moderator actions go through the server's writer: the GUI thread never waits behind a
ballot group (nor on SQLite's lock), and refusals still come back as one message."""

from __future__ import annotations

import threading
import time

from app.models import QuestionState
from app.services.moderator_actions import CLOSE, OPEN
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
        assert session.act(OPEN(question_id=question.id))
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
        session.act(CLOSE(question_id=question.id))  # a draft cannot be closed
        qtbot.waitUntil(lambda: session.pending_actions == 0, timeout=5000)
        assert len(failures) == 1 and failures[0][1]
        assert session.snapshot.question.state is QuestionState.DRAFT
    finally:
        session.stop_server(wait=True)


def test_ballot_refreshes_are_read_outside_the_gui_thread(
    qtbot, db, demo_id, prompter, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """In a burst the server's threads hold the interpreter: a read in the GUI thread
    would wait for it at every query and freeze the window."""
    import httpx

    from app.services import conferences, results

    session = _running(qtbot, db, demo_id)
    try:
        question = session.snapshot.question
        session.act(OPEN(question_id=question.id))
        qtbot.waitUntil(lambda: session.pending_actions == 0, timeout=5000)
        readers: list[str] = []
        live_view = results.live_view

        def spy(s, qid):  # type: ignore[no-untyped-def]
            readers.append(threading.current_thread().name)
            return live_view(s, qid)

        monkeypatch.setattr(results, "live_view", spy)
        with db.read() as s:
            token = next(i.token for i in conferences.invitations(s, demo_id) if i.token)
        with qtbot.waitSignal(session.refreshed, timeout=5000):
            reply = httpx.post(
                f"{session.server_state.urls[0]}/api/v/{token}/ballot",
                json={"question_id": question.id, "option_ids": [question.options[0].id]},
                timeout=10,
            )
            assert reply.status_code == 200
        assert readers and all(name.startswith("live-read") for name in readers)
        assert session.snapshot.status.n_voted == 1
    finally:
        session.stop_server(wait=True)


def test_console_reads_do_not_wait_for_the_servers_connection_pool(qtbot, db, demo_id) -> None:  # type: ignore[no-untyped-def]
    """A read storm in the server may hold every connection of the shared pool."""
    session = LiveSession(db, demo_id)
    pool = db.engine.pool
    held = [db.engine.connect() for _ in range(pool.size() + db.engine.pool._max_overflow)]  # type: ignore[attr-defined]
    try:
        start = time.perf_counter()
        snapshot = session.refresh()
        assert snapshot.question is not None
        assert time.perf_counter() - start < 5  # the shared pool would time out after 30 s
    finally:
        for connection in held:
            connection.close()


def test_notes_are_saved_through_the_writer(qtbot, db, demo_id, prompter) -> None:  # type: ignore[no-untyped-def]
    from app.services import notes
    from app.ui.live.notes_panel import NotesPanel

    session = _running(qtbot, db, demo_id)
    try:
        question = session.snapshot.question
        panel = NotesPanel(session.save_note)
        qtbot.addWidget(panel)
        panel.show_item(question.case_id, question.id, session.snapshot.notes)
        jobs = session.server.ctx.writer.jobs
        panel.question_note.setPlainText("Datenlage dünn")
        panel.flush()
        qtbot.waitUntil(lambda: panel.saved.text().startswith("saved"), timeout=5000)
        assert session.server.ctx.writer.jobs == jobs + 1
        with db.read() as s:
            stored = notes.conference_notes(s, demo_id)
        assert notes.note_text(stored, question_id=question.id) == "Datenlage dünn"
    finally:
        session.stop_server(wait=True)
