"""The group-commit writer: a refused job does not spoil its group; callers hear after commit."""

from __future__ import annotations

import threading
from concurrent.futures import Future

import pytest

from app.db import Database
from app.models import BallotSource
from app.server.writer import Writer, WriterStopped
from app.services.ballots import BallotReceipt, cast_ballot, current_ballots
from app.services.errors import StateConflict
from tests.server.helpers import current_question, make_conference, site_ids


def test_refused_job_does_not_spoil_its_group(db: Database) -> None:
    with db.write() as session:
        conf_id = make_conference(session, 3, prefix="W")
    question = current_question(db, conf_id)
    sites = list(site_ids(db, conf_id).values())
    with db.read() as session:
        from app.services.agenda import get_question

        option = get_question(session, question).options[0].id
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
