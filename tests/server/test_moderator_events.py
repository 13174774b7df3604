"""The moderator's event stream announces every ballot and every action at once."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable

import httpx

from app.services import agenda
from tests.server.helpers import Served, current_question, make_conference, tokens

WITHIN = 2.0  # seconds; the stream is woken on commit, not polled


EVERY: list[dict[str, object]] = []  # every event a scenario read, in order


async def _event_until(
    lines: object, deadline: float, wanted: Callable[[dict[str, object]], bool] = lambda e: True
) -> dict[str, object]:
    """The first event that is ``wanted`` (a change may bring two: the count, the pages)."""
    async for line in lines:  # type: ignore[attr-defined]
        if line.startswith("data: "):
            event = dict(json.loads(line.removeprefix("data: ")))
            EVERY.append(event)
            if wanted(event):
                return event
        if time.monotonic() > deadline:
            break
    raise AssertionError("no event in time")


def later(seen: list[dict[str, object]]) -> Callable[[dict[str, object]], bool]:
    last = int(str(seen[-1]["serial"]))
    return lambda event: int(str(event["serial"])) > last


def test_ballots_actions_and_notes_each_reach_the_stream(served: Served) -> None:
    db = served.db
    site_token = tokens(db, served.conf_id)["DD"]
    question = current_question(db, served.conf_id)

    async def scenario() -> list[dict[str, object]]:
        seen: list[dict[str, object]] = []
        async with (
            httpx.AsyncClient(base_url=served.url, timeout=10) as http,
            http.stream("GET", "/api/moderator/events", headers=served.moderator) as stream,
        ):
            assert stream.headers["content-type"].startswith("text/event-stream")
            lines = stream.aiter_lines()
            seen.append(await _event_until(lines, time.monotonic() + WITHIN))
            state = (await http.get(f"/api/v/{site_token}/state")).json()
            # the site's visit of its link (the link test): the sites view shows it
            seen.append(await _event_until(lines, time.monotonic() + WITHIN, later(seen)))
            option = state["question"]["options"][0]["id"]
            body = {"question_id": question, "option_ids": [option]}
            cast = await http.post(f"/api/v/{site_token}/ballot", json=body)
            assert cast.status_code == 200
            seen.append(await _event_until(lines, time.monotonic() + WITHIN, later(seen)))
            close = f"/api/moderator/questions/{question}/close"
            assert (await http.post(close, headers=served.moderator)).status_code == 200
            before, newer = seen[-1]["version"], later(seen)
            seen.append(  # the count and the pages' state: both have moved
                await _event_until(
                    lines,
                    time.monotonic() + WITHIN,
                    lambda e: e["version"] != before and newer(e),
                )
            )
            note = {"question_id": question, "text": "n"}
            written = await http.put("/api/moderator/notes", json=note, headers=served.moderator)
            assert written.status_code == 200
            seen.append(await _event_until(lines, time.monotonic() + WITHIN, later(seen)))
        return seen

    EVERY.clear()
    events = asyncio.run(scenario())
    serials = [int(str(e["serial"])) for e in events]
    assert serials == sorted(set(serials)) and serials[0] == 0  # ballot, close, note: each new
    # each says what changed, so that the console reads just that (/live?since=serial)
    said = [list(e["changes"]) for e in EVERY]  # type: ignore[call-overload]
    assert said[0] == ["conference"]  # the first: read everything
    assert said[1] == ["attendance"]  # the visit
    assert said[2] == ["ballots"]
    assert said[3:].count([f"question:{question}"]) == 1  # the close (the pages' may follow)
    assert said[-1] == ["notes"]
    assert all(words == [] for words in said[3:-1] if words != [f"question:{question}"])
    assert len({e["instance"] for e in EVERY}) == 1


def test_the_stream_needs_the_moderator_token(served: Served) -> None:
    with httpx.Client(base_url=served.url, timeout=10) as http:
        assert http.get("/api/moderator/events").status_code == 401
        site_token = tokens(served.db, served.conf_id)["DD"]
        wrong = http.get("/api/moderator/events", headers={"Authorization": f"Bearer {site_token}"})
        assert wrong.status_code == 403


def test_the_live_answer_reads_what_the_console_says_its_stream_announced(
    served: Served, client: httpx.Client
) -> None:
    """The stream may be another worker's, which heard of a change this one has not yet:
    ``also`` makes the answer carry it though this process's log does not."""
    first = client.get("/api/moderator/live", headers=served.moderator).json()
    since = {
        "since": first["version"],
        "instance": first["instance"],
        "after": first["cursor"],
        "held": ",".join(str(p["question"]["id"]) for p in first.get("parts", ())),
        "state": first["state"],
    }
    quiet = client.get("/api/moderator/live", params=since, headers=served.moderator).json()
    assert "invitations" not in quiet and "notes" not in quiet
    said = {**since, "also": "attendance,notes"}
    told = client.get("/api/moderator/live", params=said, headers=served.moderator).json()
    assert not told["full"]
    assert [i["site"]["code"] for i in told["invitations"]] == [
        i["site"]["code"] for i in first["invitations"]
    ]
    assert len(told["notes"]) == len(first["notes"])
    for bad in ("attendance;drop", "x" * 1001, "question:abc"):
        refused = client.get(
            "/api/moderator/live", params={**since, "also": bad}, headers=served.moderator
        )
        assert refused.status_code == 422, bad


def _since(client: httpx.Client, served: Served, also: str) -> httpx.Response:
    first = client.get("/api/moderator/live", headers=served.moderator).json()
    query = {
        "since": first["version"],
        "instance": first["instance"],
        "after": first["cursor"],
        "held": ",".join(str(p["question"]["id"]) for p in first.get("parts", ())),
        "state": first["state"],
        "also": also,
    }
    return client.get("/api/moderator/live", params=query, headers=served.moderator)


def test_the_console_cannot_name_another_conferences_question_to_read_it(
    served: Served, client: httpx.Client
) -> None:
    with served.db.write() as session:
        other = make_conference(session, 2, prefix="X", open_first=False)
    with served.db.read() as session:
        foreign = agenda.ordered_question_ids(session, other)[0]
    answer = _since(client, served, f"question:{foreign}")
    assert answer.status_code == 200, answer.text
    assert foreign not in [q["id"] for q in answer.json().get("questions", ())]
    gone = _since(client, served, "question:999999")  # deleted since: no "conference gone"
    assert gone.status_code == 200 and not gone.json().get("questions")
