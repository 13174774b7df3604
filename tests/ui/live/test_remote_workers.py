"""The console attached to ``serve --workers 2`` on PostgreSQL: what a site changes
through either worker reaches it, whichever worker holds its event stream."""

from __future__ import annotations

import http.client
import json
import re
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from app.db import Database
from app.remote.client import Connection
from app.services.conferences import invitations, set_attendance
from app.ui.live.console import LiveConsole
from app.ui.live.remote_session import RemoteSession
from tests.server.helpers import tokens
from tests.server.test_workers import Workers, linux_only
from tests.ui.live.test_remote_attendance import counts
from tests.ui.live.test_remote_console import WAIT

pytestmark = [pytest.mark.slow, linux_only]


@pytest.fixture
def backend() -> str:
    """Several workers need PostgreSQL."""
    return "postgresql"


@pytest.fixture
def workers(db_url: str, db: Database, demo_id: int) -> Iterator[Workers]:
    served = Workers(db_url, db, "demo")
    try:
        yield served
    finally:
        served.stop()


def on_each_worker(workers: Workers) -> dict[int, http.client.HTTPConnection]:
    """One open connection held by each worker."""
    held: dict[int, http.client.HTTPConnection] = {}
    for _ in range(60):
        connection = http.client.HTTPConnection("127.0.0.1", workers.port, timeout=10)
        connection.connect()
        assert connection.sock is not None
        owner = workers.owner(connection.sock.getsockname()[1])
        if owner in held:
            connection.close()
        else:
            held[owner] = connection
        if len(held) == 2:
            return held
    raise AssertionError("every connection went to the same worker")


def test_check_ins_through_either_worker_reach_the_remote_console(
    qtbot: QtBot, db: Database, demo_id: int, workers: Workers
) -> None:
    with db.write() as session:  # four sites not yet here
        absent = sorted(i.site.id for i in invitations(session, demo_id))[:4]
        for site_id in absent:
            set_attendance(session, demo_id, site_id, present=False)
        codes = [i.site.code for i in invitations(session, demo_id) if i.site.id in absent]
    site_tokens = tokens(db, demo_id)
    session = RemoteSession(Connection(f"http://127.0.0.1:{workers.port}", workers.token))
    console = LiveConsole(session)
    qtbot.addWidget(console)
    console.show()
    try:
        qtbot.waitUntil(lambda: session.online and console.snapshot is not None, timeout=WAIT)
        present, invited, people = counts(console)
        connections = list(on_each_worker(workers).values())
        for number, code in enumerate(codes):  # two through each worker
            names = [{"name": f"Dr. Teilnehmer {number}.{i}"} for i in range(number + 1)]
            connection = connections[number % 2]
            connection.request(
                "PUT",
                f"/api/v/{site_tokens[code]}/attendees",
                json.dumps({"attendees": names}),
                {"Content-Type": "application/json"},
            )
            answer = connection.getresponse()
            assert answer.status == 200, answer.read()
            answer.read()
            expected = (present + number + 1, invited, people + sum(range(1, number + 2)))
            qtbot.waitUntil(lambda e=expected: counts(console) == e, timeout=WAIT)  # type: ignore[misc]
        for connection in connections:
            connection.close()
        assert console.snapshot is not None
        named = {i.site.code: len(i.attendees) for i in console.snapshot.invitations}
        assert [named[code] for code in codes] == [1, 2, 3, 4]
        assert re.search(r"check-in open", console.attendance_label.text())
    finally:
        session.close()
