"""Many sites at once against a real server: nothing lost, nothing half-stored."""

from __future__ import annotations

import asyncio
import threading

import httpx

from app.db import Database
from app.services import lifecycle
from app.services.ballots import ballot_history, current_ballots
from app.services.results import question_tally
from tests.server.helpers import current_question, make_conference, serving, tokens


def _options(db: Database, question_id: int) -> list[int]:
    from app.services.agenda import get_question

    with db.read() as session:
        return [o.id for o in get_question(session, question_id).options]


async def _cast_all(
    url: str, jobs: list[tuple[str, dict]], on_response=None, spread: float = 0.0
) -> list[httpx.Response]:
    """Every job's POST at once (or started evenly over ``spread`` seconds)."""
    limits = httpx.Limits(max_connections=len(jobs), max_keepalive_connections=len(jobs))
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=60) as http:

        async def one(index: int, token: str, body: dict) -> httpx.Response:
            await asyncio.sleep(spread * index / len(jobs))
            response = await http.post(f"/api/v/{token}/ballot", json=body)
            if on_response is not None:
                on_response()
            return response

        return await asyncio.gather(*(one(i, *job) for i, job in enumerate(jobs)))


def test_300_sites_at_once_give_exactly_300_ballots(db: Database) -> None:
    with db.write() as session:
        conf_id = make_conference(session, 300, prefix="C")
    question = current_question(db, conf_id)
    yes, no = _options(db, question)[:2]
    site_tokens = tokens(db, conf_id)
    jobs = [
        (token, {"question_id": question, "option_ids": [yes if i % 3 else no]})
        for i, token in enumerate(site_tokens.values())
    ]
    with serving(db, conf_id) as running:
        responses = asyncio.run(_cast_all(running.url, jobs))
        groups = running.server.ctx.writer.groups
    assert [r.status_code for r in responses] == [200] * 300
    assert len({r.json()["site_id"] for r in responses}) == 300
    with db.read() as session:
        assert len(current_ballots(session, question)) == 300
        assert len(ballot_history(session, question)) == 300
        counted = question_tally(session, question)
    assert counted.n_valid == 300
    assert [o.count for o in counted.options[:2]] == [200, 100]
    assert len(running.notifier.settled(receipts=300).receipts) == 300
    assert groups < 300  # ballots were committed in groups


def test_ballots_racing_a_close_are_stored_and_counted_or_refused(db: Database) -> None:
    with db.write() as session:
        conf_id = make_conference(session, 300, prefix="R")
    question = current_question(db, conf_id)
    yes = _options(db, question)[0]
    site_tokens = tokens(db, conf_id)
    jobs = [
        (token, {"question_id": question, "option_ids": [yes]}) for token in site_tokens.values()
    ]
    answered = 0
    closing = threading.Event()

    def on_response() -> None:
        nonlocal answered
        answered += 1
        if answered == 50:
            closing.set()

    def close_from_the_desktop() -> None:  # as the live console does: services directly
        closing.wait(30)
        with db.write() as session:
            lifecycle.close_question(session, question)

    with serving(db, conf_id) as running:
        closer = threading.Thread(target=close_from_the_desktop)
        closer.start()
        responses = asyncio.run(_cast_all(running.url, jobs, on_response, spread=3.0))
        closer.join()
        running.server.notify_changed()
    by_site = dict(zip(site_tokens, responses, strict=True))
    stored = {code for code, r in by_site.items() if r.status_code == 200}
    refused = {code for code, r in by_site.items() if r.status_code != 200}
    for code in refused:
        response = by_site[code]
        assert response.status_code == 409, response.text
        assert "nicht offen / voting on this question is not open" in response.json()["detail"]
    with db.read() as session:
        in_db = {b.site_code for b in current_ballots(session, question)}
        counted = question_tally(session, question)
    assert in_db == stored
    assert counted.n_valid == len(stored)
    assert stored and refused, (len(stored), len(refused))
