"""No token reaches a log line: not in a path, not in an exception's text or traceback."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import httpx
import pytest
from fastapi import FastAPI

from app.db import Database
from app.server.runner import VotingServer
from tests.server.helpers import tokens


def _failing(app: FastAPI) -> None:
    @app.get("/v/{token}/boom")
    def boom(token: str) -> None:
        raise RuntimeError(f"could not handle {token}")


@pytest.fixture
def failing(db: Database, demo_open: int) -> Iterator[httpx.Client]:
    server = VotingServer(db, demo_open, host="127.0.0.1", port=0, configure=_failing)
    server.start()
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{server.port}", timeout=10) as http:
            yield http
    finally:
        server.stop()


def test_an_unexpected_error_logs_no_token(
    failing: httpx.Client, db: Database, demo_open: int, caplog: pytest.LogCaptureFixture
) -> None:
    token = tokens(db, demo_open)["DD"]
    with caplog.at_level(logging.ERROR):
        answer = failing.get(f"/v/{token}/boom")
    assert answer.status_code == 500 and token not in answer.text
    masked = f"{token[:4]}…"
    assert f"unexpected error answering GET /v/{masked}/boom" in caplog.text
    assert f"RuntimeError: could not handle {masked}" in caplog.text  # the traceback is kept
    assert token not in caplog.text
