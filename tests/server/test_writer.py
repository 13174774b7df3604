"""The group-commit writer: a refused job does not spoil its group; callers hear after commit."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import Future

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from app.db import Database
from app.models import BallotSource
from app.server.writer import Writer, WriterStopped
from app.services.agenda import get_question
from app.services.ballots import BallotReceipt, cast_ballot, current_ballots
from app.services.errors import StateConflict
from tests.server.helpers import current_question, make_conference, site_ids


def _open_question(db: Database, n_sites: int, prefix: str) -> tuple[int, list[int], int]:
    """A conference with ``n_sites`` sites: its open question, the site ids, an option."""
    with db.write() as session:
        conf_id = make_conference(session, n_sites, prefix=prefix)
    question = current_question(db, conf_id)
    with db.read() as session:
        option = get_question(session, question).options[0].id
    return question, list(site_ids(db, conf_id).values()), option


def test_refused_job_does_not_spoil_its_group(db: Database) -> None:
    question, sites, option = _open_question(db, 3, "W")
    writer = Writer(db)
    after: list[int] = []

    def cast(site_id: int):
        def work(session) -> BallotReceipt:
            return cast_ballot(
                session, question, site_id, option_ids=[option], source=BallotSource.SITE
            )

        return work

    def refuse(session) -> None:
        cast_ballot(session, question, sites[2], option_ids=[option])  # written, then …
        raise StateConflict("nein / no")  # … refused: its savepoint is rolled back

    gate = threading.Event()
    writer.start()
    running = threading.Event()

    def hold(session) -> bool:
        running.set()
        return gate.wait(10)

    blocker = writer.submit(hold)  # holds the writer meanwhile
    assert running.wait(10)
    futures: list[Future] = [
        writer.submit(cast(sites[0]), lambda r: after.append(r.site_id)),
        writer.submit(refuse),
        writer.submit(cast(sites[1]), lambda r: after.append(r.site_id)),
    ]
    gate.set()  # the three queued jobs now form one group
    assert blocker.result(10) is True
    assert futures[0].result(10).site_id == sites[0]
    with pytest.raises(StateConflict):
        futures[1].result(10)
    assert futures[2].result(10).site_id == sites[1]
    writer.stop()
    assert writer.groups == 2  # the blocker's, then one for the three
    assert after == [sites[0], sites[1]]
    with db.read() as session:
        assert sorted(b.site_id for b in current_ballots(session, question)) == sorted(sites[:2])
    with pytest.raises(WriterStopped):
        writer.submit(refuse)


def _caster(question: int, option: int) -> Callable[[int], Callable[[Session], int]]:
    """A write job per site: that site's ballot for ``option``; returns the site's id."""

    def cast(site_id: int) -> Callable[[Session], int]:
        def work(session: Session) -> int:
            cast_ballot(session, question, site_id, option_ids=[option], source=BallotSource.SITE)
            return site_id

        return work

    return cast


class _Gate:
    """Holds the writer with a job of its own: jobs queued meanwhile form one group."""

    def __init__(self, writer: Writer) -> None:
        self._open = threading.Event()
        running = threading.Event()

        def hold(_session: Session) -> None:
            running.set()
            self._open.wait(10)

        self._blocker = writer.submit(hold)
        assert running.wait(10)

    def release(self) -> None:
        self._open.set()
        self._blocker.result(10)


def test_async_waiters_hear_after_their_groups_commit(db: Database) -> None:
    """The server's path: every waiter of a group is settled after the commit, with its
    own result or refusal; a caller that gave up (cancelled) has nothing written."""
    question, sites, option = _open_question(db, 3, "A")
    cast = _caster(question, option)

    def refuse(session) -> None:
        raise StateConflict("nein / no")

    writer = Writer(db)
    writer.start()

    async def scenario() -> list[object]:
        gate = _Gate(writer)
        first = writer.submit_async(cast(sites[0]))
        refused = writer.submit_async(refuse)
        abandoned = writer.submit_async(cast(sites[1]))
        abandoned.cancel()  # the client went away before the writer reached its job
        last = writer.submit_async(cast(sites[2]))
        gate.release()
        return await asyncio.gather(first, refused, last, return_exceptions=True)

    try:
        outcomes = asyncio.run(asyncio.wait_for(scenario(), 20))
    finally:
        writer.stop()
    assert outcomes[0] == sites[0] and outcomes[2] == sites[2]
    assert isinstance(outcomes[1], StateConflict)
    with db.read() as session:
        stored = sorted(b.site_id for b in current_ballots(session, question))
    assert stored == sorted([sites[0], sites[2]])


def _breaking_commit(work: Callable[[Session], object]) -> Callable[[Session], None]:
    """``work``, plus a deferred constraint violation that fails only at COMMIT."""

    def job(session: Session) -> None:
        work(session)
        if session.get_bind().dialect.name == "postgresql":  # a deferrable key of its own
            session.execute(
                text(
                    "CREATE TEMP TABLE IF NOT EXISTS breaker (id int PRIMARY KEY, parent int "
                    "REFERENCES breaker (id) DEFERRABLE INITIALLY DEFERRED)"
                )
            )
            session.execute(text("INSERT INTO breaker VALUES (1, -1)"))
            return
        session.execute(text("PRAGMA defer_foreign_keys = ON"))
        session.execute(text("INSERT INTO ballot_choices (ballot_id, option_id) VALUES (-1, -1)"))

    return job


def test_failed_commit_reaches_every_waiter_and_writes_nothing(db: Database) -> None:
    question, sites, option = _open_question(db, 3, "F")
    cast = _caster(question, option)
    cast_and_break_commit = _breaking_commit(cast(sites[0]))

    writer = Writer(db)
    writer.start()

    async def scenario() -> tuple[list[object], object]:
        gate = _Gate(writer)
        group = [writer.submit_async(cast_and_break_commit), writer.submit_async(cast(sites[1]))]
        gate.release()  # both queued jobs now form one group, whose commit fails
        failed = await asyncio.gather(*group, return_exceptions=True)
        after = await writer.submit_async(cast(sites[2]))  # the writer goes on
        return failed, after

    try:
        failed, after = asyncio.run(asyncio.wait_for(scenario(), 20))
    finally:
        writer.stop()
    assert len(failed) == 2
    assert all(isinstance(f, Exception) and "foreign key" in str(f).lower() for f in failed)
    assert after == sites[2]
    assert writer.groups == 2  # the blocker's and the last one; the failed group is not one
    with db.read() as session:
        assert [b.site_id for b in current_ballots(session, question)] == [sites[2]]


def test_writer_survives_a_failed_rollback(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """A broken connection (the rollback after a failed commit fails too): the group hears
    its error, and the writer goes on with a fresh connection."""
    question, sites, option = _open_question(db, 2, "R")
    cast = _caster(question, option)
    rollback = Session.rollback
    calls: list[Session] = []

    def broken_once(self: Session) -> None:
        calls.append(self)
        if len(calls) == 1:
            raise RuntimeError("connection lost")
        rollback(self)

    monkeypatch.setattr(Session, "rollback", broken_once)
    writer = Writer(db)
    writer.start()

    async def scenario() -> tuple[list[object], object]:
        failed = await asyncio.gather(
            writer.submit_async(_breaking_commit(cast(sites[0]))), return_exceptions=True
        )
        return failed, await writer.submit_async(cast(sites[1]))

    try:
        failed, after = asyncio.run(asyncio.wait_for(scenario(), 20))
    finally:
        writer.stop()
    assert len(calls) == 1 and isinstance(failed[0], Exception)
    assert after == sites[1]
    with db.read() as session:
        assert [b.site_id for b in current_ballots(session, question)] == [sites[1]]


def _job(lane: int | None, batch: object = None, name: str = "") -> object:
    from app.server.writer import _Job

    return _Job(lambda _s: name, None, batch, name, lane)  # type: ignore[arg-type]


def test_interleaved_conferences_make_one_batch_each_in_their_own_order() -> None:
    """A group with ballots of two conferences taken in turn: each conference's ballots
    are one batch (not runs of one), in the order they came; a job without a lane (the
    desktop's own write) keeps its place among all."""
    from app.server.writer import _runs

    def cast_a(_s: Session, _p: list[object]) -> list[object]:
        return []

    def cast_b(_s: Session, _p: list[object]) -> list[object]:
        return []

    queue = [
        _job(1, cast_a, "a1"),
        _job(2, cast_b, "b1"),
        _job(1, cast_a, "a2"),
        _job(2, None, "b-close"),
        _job(2, cast_b, "b2"),
        _job(1, cast_a, "a3"),
        _job(None, None, "desktop"),
        _job(1, cast_a, "a4"),
        _job(2, cast_b, "b3"),
    ]
    runs = [[job.payload for job in run] for run in _runs(queue)]  # type: ignore[arg-type]
    assert runs == [
        ["a1", "a2", "a3"],
        ["b1"],
        ["b-close"],
        ["b2"],
        ["desktop"],
        ["a4"],
        ["b3"],
    ]
