"""Slow clients cannot tie the server up: requests that trickle in, or never start, are
closed after a bounded time while ballots keep being answered quickly."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator

import httpx
import pytest

from app.db import Database
from app.server.connections import ConnectionLimits
from app.server.runner import VotingServer
from tests.server.helpers import current_question, tokens

pytestmark = pytest.mark.slow

LIMITS = ConnectionLimits(request_seconds=2.0, keep_alive_seconds=2, max_connections=2000)
TRICKLERS = 50
#: no trickler may live longer than this (the limit plus slack for a busy test machine)
CLOSED_WITHIN = LIMITS.request_seconds + 3.0


@pytest.fixture
def guarded(db: Database, demo_open: int) -> Iterator[VotingServer]:
    server = VotingServer(db, demo_open, host="127.0.0.1", port=0, connection_limits=LIMITS)
    server.start()
    try:
        yield server
    finally:
        server.stop()


async def _trickle(port: int, opening: bytes, pause: float, give_up: float) -> float | None:
    """Send ``opening`` then one byte per ``pause``; seconds until the server hung up."""
    started = time.monotonic()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        if opening:
            writer.write(opening)
        while time.monotonic() - started < give_up:  # bounded: stops by itself
            try:
                got = await asyncio.wait_for(reader.read(1024), pause)
            except TimeoutError:
                try:
                    writer.write(b"x")
                    await writer.drain()
                except ConnectionError:
                    return time.monotonic() - started
                continue
            except ConnectionError:
                return time.monotonic() - started
            if not got:  # EOF: the server closed it
                return time.monotonic() - started
        return None
    finally:
        writer.close()


async def _ballots(base: str, site_tokens: list[str], question: int) -> list[float]:
    latencies = []
    async with httpx.AsyncClient(base_url=base, timeout=10) as http:
        state = (await http.get(f"/api/v/{site_tokens[0]}/state")).json()
        option = state["question"]["options"][0]["id"]
        for token in site_tokens:
            began = time.monotonic()
            cast = await http.post(
                f"/api/v/{token}/ballot", json={"question_id": question, "option_ids": [option]}
            )
            latencies.append(time.monotonic() - began)
            assert cast.status_code == 200, cast.text
    return latencies


def test_fifty_trickling_connections_are_closed_and_ballots_still_answered(
    guarded: VotingServer, db: Database, demo_open: int
) -> None:
    port = guarded.port
    site_tokens = list(tokens(db, demo_open).values())
    question = current_question(db, demo_open)
    give_up = CLOSED_WITHIN + 5

    async def scenario() -> tuple[list[float | None], list[float]]:
        openings = [
            b"GET /v/",  # headers one byte at a time
            b"POST /api/site/ballot HTTP/1.1\r\nHost: x\r\nContent-Length: 200\r\n\r\n{",  # body
            b"",  # connects and says nothing
        ]
        slow = [
            asyncio.create_task(_trickle(port, openings[i % 3], 0.3, give_up))
            for i in range(TRICKLERS)
        ]
        await asyncio.sleep(0.5)  # every trickler is connected and sending
        latencies = await _ballots(f"http://127.0.0.1:{port}", site_tokens, question)
        return list(await asyncio.gather(*slow)), latencies

    closed_after, latencies = asyncio.run(scenario())
    assert max(latencies) < 1.0, latencies
    assert all(t is not None for t in closed_after), closed_after
    assert max(t for t in closed_after if t is not None) < CLOSED_WITHIN
    assert min(t for t in closed_after if t is not None) >= LIMITS.request_seconds - 0.2


def test_a_request_that_arrives_in_time_is_answered_and_kept_alive(guarded: VotingServer) -> None:
    with httpx.Client(base_url=f"http://127.0.0.1:{guarded.port}", timeout=10) as http:
        for _ in range(3):
            assert http.get("/").status_code == 200
        assert http.get("/openapi.json").status_code == 200
