"""The voting server takes its address and limits from the settings (``VOTUM_*``)."""

from __future__ import annotations

import httpx
import pytest

from app.config import Settings
from app.db import Database
from app.server.runner import VotingServer
from tests.server.helpers import tokens


def test_server_reads_address_and_limits_from_the_environment(
    db: Database, small_conf: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VOTUM_HOST", "127.0.0.1")
    monkeypatch.setenv("VOTUM_PORT", "0")
    monkeypatch.setenv("VOTUM_MAX_BODY_BYTES", "2000")
    monkeypatch.setenv("VOTUM_BALLOT_BURST", "2")
    monkeypatch.setenv("VOTUM_READ_RATE", "7.5")
    server = VotingServer(db, small_conf)
    assert server.host == "127.0.0.1"
    limits = server.ctx.limits
    assert (limits.ballots.burst, limits.reads.rate) == (2, 7.5)
    assert (limits.unknown.rate, limits.unknown.burst) == (1.0, 30)  # the defaults
    server.start()
    try:
        assert server.port != 0
        token = next(iter(tokens(db, small_conf).values()))
        with httpx.Client(base_url=f"http://127.0.0.1:{server.port}", timeout=10) as http:
            small = http.post(f"/api/v/{token}/ballot", json={"comment": "x" * 1500})
            large = http.post(f"/api/v/{token}/ballot", json={"comment": "x" * 2500})
    finally:
        server.stop()
    assert small.status_code == 422  # read and refused by the route: no question_id
    assert large.status_code == 413


def test_explicit_settings_and_arguments_win_over_the_environment(
    db: Database, small_conf: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VOTUM_PORT", "not read")
    server = VotingServer(db, small_conf, port=0, settings=Settings(host="127.0.0.2", port=9))
    assert (server.host, server.port) == ("127.0.0.2", 0)
