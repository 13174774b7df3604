"""Voter pages follow the moderator: server-sent events after pushes, commits and polls."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx

from app.db import Database
from app.services import lifecycle
from tests.server.helpers import Served, current_question, tokens


def _events(response: httpx.Response) -> Iterator[str]:
    """The ``data`` of each ``state`` event."""
    event = None
    for line in response.iter_lines():
        if line.startswith("event: "):
            event = line[len("event: ") :]
        elif line.startswith("data: ") and event == "state":
            yield line[len("data: ") :]


def test_page_hears_about_changes_made_outside_the_server(served: Served, db: Database) -> None:
    token = tokens(db, served.conf_id)["DD"]
    question = current_question(db, served.conf_id)
    timeout = httpx.Timeout(10, read=10)
    with (
        httpx.Client(base_url=served.url, timeout=timeout) as http,
        http.stream("GET", f"/v/{token}/events") as response,
    ):
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        versions = _events(response)
        assert next(versions) == f"{question}:open:0:0|open"

        started = time.monotonic()
        with db.write() as session:  # the desktop app, through the services
            lifecycle.close_question(session, question)
        served.server.notify_changed()
        assert next(versions) == f"{question}:closed:0:0|open"
        pushed = time.monotonic() - started

        started = time.monotonic()
        with db.write() as session:  # another process: nobody tells the server
            lifecycle.reveal_question(session, question)
        assert next(versions) == f"{question}:closed:1:0|open"
        polled = time.monotonic() - started
    assert pushed < 1.0
    assert polled < 3.0


def test_moderator_api_pushes_at_once(served: Served, db: Database) -> None:
    token = tokens(db, served.conf_id)["DD"]
    question = current_question(db, served.conf_id)
    with (
        httpx.Client(base_url=served.url, timeout=10) as http,
        http.stream("GET", f"/v/{token}/events") as response,
    ):
        versions = _events(response)
        next(versions)
        http.post(f"/api/moderator/questions/{question}/close", headers=served.moderator)
        assert next(versions) == f"{question}:closed:0:0|open"


def test_a_ballot_entered_by_the_moderator_reaches_the_sites_page(
    served: Served, db: Database
) -> None:
    token = tokens(db, served.conf_id)["DD"]
    question = current_question(db, served.conf_id)
    with (
        httpx.Client(base_url=served.url, timeout=10) as http,
        http.stream("GET", f"/v/{token}/events") as response,
    ):
        versions = _events(response)
        before = next(versions)
        state = http.get(f"/api/v/{token}/state").json()
        option = state["question"]["options"][0]["id"]
        entered = http.post(
            f"/api/moderator/questions/{question}/ballots",
            headers=served.moderator,
            json={"site_code": "DD", "option_ids": [option]},
        )
        assert entered.status_code == 200, entered.text
        assert next(versions) != before
        page = http.get(f"/v/{token}").text
    assert "Moderation" in page


def test_event_stream_refuses_bad_tokens(served: Served) -> None:
    with httpx.Client(base_url=served.url, timeout=10) as http:
        assert http.get("/v/not-a-token/events").status_code == 403


def test_server_stops_promptly_with_open_streams(db: Database, demo_open: int) -> None:
    from tests.server.helpers import serving

    token = tokens(db, demo_open)["DD"]
    with serving(db, demo_open) as running:
        http = httpx.Client(base_url=running.url, timeout=10)
        stream = http.stream("GET", f"/v/{token}/events")
        response = stream.__enter__()
        next(_events(response))
        started = time.monotonic()
        running.server.stop()
        stopped = time.monotonic() - started
        stream.__exit__(None, None, None)
        http.close()
    assert stopped < 3.0
    assert not running.server.running


def test_server_restarts_after_stop(db: Database, demo_open: int) -> None:
    """The desktop app may stop and start the same server (e.g. on another port)."""
    from app.server.runner import VotingServer

    token = tokens(db, demo_open)["DD"]
    server = VotingServer(db, demo_open, host="127.0.0.1", port=0)
    for _ in range(2):
        server.start()
        url = f"http://127.0.0.1:{server.port}"
        with (
            httpx.Client(base_url=url, timeout=10) as http,
            http.stream("GET", f"/v/{token}/events") as response,
        ):
            assert next(_events(response)).endswith(":open:0:0|open")
            server.notify_changed()
            assert http.get(f"/api/v/{token}/state").json()["phase"] == "open"
        server.stop()
        assert not server.running
