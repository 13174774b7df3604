"""The group-commit writer: a refused job does not spoil its group; callers hear after commit."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import Future

import pytest
from sqlalchemy import text

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


def test_async_waiters_hear_after_their_groups_commit(db: Database) -> None:
    """The server's path: every waiter of a group is settled after the commit, with its
    own result or refusal; a caller that gave up (cancelled) has nothing written."""
    question, sites, option = _open_question(db, 3, "A")

    def cast(site_id: int):
        def work(session) -> int:
            cast_ballot(session, question, site_id, option_ids=[option], source=BallotSource.SITE)
            return site_id

        return work

    def refuse(session) -> None:
        raise StateConflict("nein / no")

    writer = Writer(db)
    writer.start()
    gate = threading.Event()
    running = threading.Event()

    def hold(session) -> None:
        running.set()
        gate.wait(10)

    async def scenario() -> list[object]:
        blocker = writer.submit(hold)
        assert running.wait(10)
        first = writer.submit_async(cast(sites[0]))
        refused = writer.submit_async(refuse)
        abandoned = writer.submit_async(cast(sites[1]))
        abandoned.cancel()  # the client went away before the writer reached its job
        last = writer.submit_async(cast(sites[2]))
        gate.set()
        blocker.result(10)
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


def test_failed_commit_reaches_every_waiter_and_writes_nothing(db: Database) -> None:
    question, sites, option = _open_question(db, 2, "F")

    def cast_and_break_commit(session) -> None:
        cast_ballot(session, question, sites[0], option_ids=[option], source=BallotSource.SITE)
        # a deferred constraint that fails only at COMMIT: the whole group must fail
        session.execute(text("PRAGMA defer_foreign_keys = ON"))
        session.execute(text("INSERT INTO ballot_choices (ballot_id, option_id) VALUES (-1, -1)"))

    writer = Writer(db)
    writer.start()

    async def scenario() -> list[object]:
        return await asyncio.gather(
            writer.submit_async(cast_and_break_commit), return_exceptions=True
        )

    try:
        (outcome,) = asyncio.run(asyncio.wait_for(scenario(), 20))
    finally:
        writer.stop()
    assert isinstance(outcome, Exception) and "FOREIGN KEY" in str(outcome)
    with db.read() as session:
        assert current_ballots(session, question) == []
