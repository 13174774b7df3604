"""The live endpoint of a real ``serve`` over HTTPS: the event says what changed, the
answer carries just that, keyed by the server's ids, and the book it fills shows what the
server's own database says."""

from __future__ import annotations

import threading
import time
from typing import Any

import httpx

from app.db import Database
from app.remote.client import ModeratorClient, tls_context
from app.services.live_book import LiveBook
from app.services.live_snapshot import read_snapshot
from app.services.moderator_actions import NOTE, OPEN
from tests.remote.hosting import Hosted
from tests.server.helpers import tokens


class Events:
    """The moderator event stream, read in a thread."""

    def __init__(self, hosted: Hosted) -> None:
        self.client = hosted.client(retries=0)
        self.seen: list[dict[str, Any]] = []
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()
        self.wait_for("conference", 0)  # the first event: listening from now on

    def _read(self) -> None:
        try:
            for event in self.client.events():
                self.seen.append(event)
        except Exception:  # closed at the end of the test
            return

    def wait_for(self, word: str, after: int, timeout: float = 10) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for event in self.seen[after:]:
                if word in event["changes"]:
                    return event
            time.sleep(0.02)
        raise AssertionError(f"no event with {word!r}: {self.seen[after:]}")

    def close(self) -> None:
        self.client.close()


def test_a_ballot_is_announced_and_read_alone_by_the_servers_ids(
    hosted: Hosted, server_db_url: str
) -> None:
    server_db = Database.open(server_db_url)
    events = Events(hosted)
    try:
        with hosted.client() as client:
            book = LiveBook()
            book.apply(client.live())
            question = book.snapshot(0).question
            assert question is not None  # the demo's current question, by the server's id
            seen = len(events.seen)
            client.send(OPEN(question_id=question.id))
            opened = events.wait_for(f"question:{question.id}", seen)
            assert opened["instance"] == book.instance
            book.apply(client.live(book.query()))
            site_token = tokens(server_db, book.snapshot(0).conference.id)["DD"]
            seen = len(events.seen)
            with httpx.Client(verify=tls_context(hosted.ca_file), timeout=10) as site:
                cast = site.post(
                    f"{hosted.url}/api/v/{site_token}/ballot",
                    json={"question_id": question.id, "option_ids": [question.options[0].id]},
                )
                assert cast.status_code == 200, cast.text
            assert events.wait_for("ballots", seen)["serial"] > book.version
            requests, sent, received = client.traffic.totals()
            delta = client.live(book.query())
            after = client.traffic.totals()
            assert after[0] == requests + 1
            assert (after[1] - sent) + (after[2] - received) < 2000  # bytes, headers included
            assert not delta.full and delta.cases is None and delta.invitations is None
            (counted,) = delta.ballots
            assert counted.count == 1 and [b.site_code for b in counted.ballots] == ["DD"]
            book.apply(delta)
            seen = len(events.seen)
            client.send(NOTE(question_id=question.id, text="Studienoption prüfen"))
            events.wait_for("notes", seen)
            book.apply(client.live(book.query()))
        with server_db.read() as session:
            server = read_snapshot(session, book.snapshot(0).conference.id, 0)
        mine = book.snapshot(0)
        assert (mine.question, mine.status, mine.result) == (
            server.question,
            server.status,
            server.result,
        )
        assert mine.notes == server.notes and mine.invitations == server.invitations
    finally:
        events.close()
        server_db.dispose()


def test_a_version_of_another_process_gets_everything(hosted: Hosted) -> None:
    with ModeratorClient(hosted.connection()) as client:
        first = client.live()
        book = LiveBook()
        book.apply(first)
        query = {**book.query(), "instance": "another-process"}
        again = client.live(query)
    assert again.full and again.cases == first.cases
