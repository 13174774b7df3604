"""``serve --workers 2`` on PostgreSQL: what one worker changes reaches a moderator's live
state held through the other (the event stream says it, the live endpoint gives it).

Which worker holds a connection is read from /proc (:class:`tests.server.test_workers.Workers`).
"""

from __future__ import annotations

import asyncio
import json
from typing import Any
from urllib.parse import urlencode

from app.db import Database
from app.services.agenda import get_question
from app.services.conferences import invitations, set_attendance
from app.services.live_book import LiveBook
from app.services.live_feed import ANSWER
from tests.server.helpers import current_question, site_ids, tokens
from tests.server.test_workers import (
    Workers,
    _connect_spread,
    _next_state,
    _request,
    backend,
    linux_only,
)

__all__ = ["backend"]  # PostgreSQL only

Connection = tuple[asyncio.StreamReader, asyncio.StreamWriter]


async def _changes(reader: asyncio.StreamReader, word: str, timeout: float = 5) -> set[str]:
    """The words of the stream's events until one says ``word``."""
    said: set[str] = set()
    async with asyncio.timeout(timeout):
        while word not in said:
            said.update(json.loads(await _next_state(reader))["changes"])
    return said


@linux_only
def test_what_one_worker_changes_reaches_the_moderators_live_state_on_the_other(
    db_url: str, db: Database, demo_open: int
) -> None:
    """A site's check-in, a site's visit of its link, a note and a ballot that checks a site
    in, each through the worker that does not hold the moderator's stream: the stream
    says what changed within seconds and the live answer of either worker carries it."""
    question = current_question(db, demo_open)
    site_tokens = tokens(db, demo_open)
    book = LiveBook()
    with db.write() as session:
        option = get_question(session, question).options[0].id
        absent = sorted(i.site.id for i in invitations(session, demo_open))[:3]
        for site_id in absent:
            set_attendance(session, demo_open, site_id, present=False)
    codes = {i: code for code, i in site_ids(db, demo_open).items()}
    by_api, by_ballot, by_visit = (codes[i] for i in absent)
    workers = Workers(db_url, db, "demo")
    try:

        async def scenario() -> list[set[str]]:
            opened = await _connect_spread(workers, 40)
            on: dict[int, list[Connection]] = {}
            for connection, owner in opened:
                on.setdefault(owner, []).append(connection)
            assert len(on) == 2, "every connection went to the same worker"
            here, there = sorted(on)
            stream, reads = on[here][0], on[here][1]
            elsewhere, other_reads = on[there][0], on[there][1]
            token = workers.token

            async def read_live(connection: Connection) -> None:
                query = urlencode(book.query())
                status, body = await _request(
                    connection, "GET", f"/api/moderator/live?{query}", token=token
                )
                assert status == 200, body
                book.apply(ANSWER.validate_json(body))

            status, _ = await _request(stream, "GET", "/api/moderator/events", token=token)
            assert status == 200
            await _next_state(stream[0])  # listening from now on
            await read_live(reads)
            heard: list[set[str]] = []

            people = {"attendees": [{"name": "Dr. Anna Weiß"}, {"name": "Dr. Ben Roth"}]}
            status, body = await _request(
                elsewhere, "PUT", f"/api/v/{site_tokens[by_api]}/attendees", people
            )
            assert status == 200, body
            heard.append(await _changes(stream[0], "attendance"))
            await read_live(reads)

            note = {"question_id": question, "text": "Studienoption prüfen"}
            status, body = await _request(elsewhere, "PUT", "/api/moderator/notes", note, token)
            assert status == 200, body
            heard.append(await _changes(stream[0], "notes"))
            await read_live(other_reads)  # the other worker's answer: everything, as it knows

            status, _ = await _request(elsewhere, "GET", f"/api/v/{site_tokens[by_visit]}/state")
            assert status == 200
            heard.append(await _changes(stream[0], "attendance"))
            await read_live(reads)

            ballot = {"question_id": question, "option_ids": [option]}
            status, body = await _request(
                elsewhere, "POST", f"/api/v/{site_tokens[by_ballot]}/ballot", ballot
            )
            assert status == 200, body
            heard.append(await _changes(stream[0], "attendance"))
            await read_live(reads)
            for (_, writer), _owner in opened:
                writer.close()
            return heard

        heard = asyncio.run(scenario())
    finally:
        workers.stop()
    assert [("attendance" in h, "notes" in h) for h in heard] == [
        (True, False),
        (False, True),
        (True, False),
        (True, False),
    ]
    sites: dict[str, Any] = {i.site.code: i for i in book.invitations}
    assert [a.name for a in sites[by_api].attendees] == ["Dr. Anna Weiß", "Dr. Ben Roth"]
    assert sites[by_visit].last_seen_at is not None and not sites[by_visit].present
    assert sites[by_ballot].present and sites[by_ballot].attendee_count == 1
    notes = {n.question_id: n.text for n in book.notes}
    assert notes[question] == "Studienoption prüfen"
