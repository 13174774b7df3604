"""Small parts of the server on their own: rate limiter, addresses, port binding, i18n."""

from __future__ import annotations

import gc
import socket
import time

import pytest

from app.config import Settings
from app.server.addresses import base_urls
from app.server.i18n import error_body, pick_lang
from app.server.runner import (
    ServerStartError,
    bind_socket,
    restore_garbage_collector,
    tune_garbage_collector,
)
from app.server.security import RateLimiter
from app.services.messages import say


def test_rate_limiter_allows_a_burst_then_refills() -> None:
    limiter = RateLimiter(rate=50.0, burst=3)
    assert [limiter.allow("a") for _ in range(4)] == [True, True, True, False]
    assert limiter.allow("b")
    deadline = time.monotonic() + 2
    while not limiter.allow("a"):  # refills at 50 per second
        assert time.monotonic() < deadline


def test_rate_limiter_forgets_the_oldest_keys() -> None:
    limiter = RateLimiter(rate=0.0, burst=1, max_keys=2)
    for key in ("a", "b", "c"):
        assert limiter.allow(key)
    assert limiter.allow("a")  # forgotten, so a fresh bucket
    assert not limiter.allow("c")


def test_base_urls_put_loopback_last() -> None:
    assert base_urls("127.0.0.1", 8765) == ["http://127.0.0.1:8765"]
    urls = base_urls("0.0.0.0", 8765)
    assert urls[-1] == "http://127.0.0.1:8765"
    assert all(u.startswith("http://") and u.endswith(":8765") for u in urls)
    assert base_urls("10.1.2.3", 80) == ["http://10.1.2.3:80"]


def test_busy_port_is_a_clear_error() -> None:
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen()
        port = blocker.getsockname()[1]
        with pytest.raises(ServerStartError, match=f"port {port} is in use"):
            bind_socket("127.0.0.1", port)
    with bind_socket("127.0.0.1", 0) as sock:
        assert sock.getsockname()[1] > 0
        assert sock.proto == socket.IPPROTO_TCP  # asyncio sets TCP_NODELAY only then


def test_languages_and_the_json_error_in_both_languages() -> None:
    assert pick_lang("en", "de") == "en"
    assert pick_lang("fr", "de") == "de"
    assert pick_lang(None, "en") == "en"
    body = error_body(say("voting_not_open"))
    assert body == {
        "detail": "Die Abstimmung zu dieser Frage ist nicht offen / "
        "voting on this question is not open",
        "messages": {
            "de": "Die Abstimmung zu dieser Frage ist nicht offen",
            "en": "voting on this question is not open",
        },
    }


def test_tune_garbage_collector_freezes_startup_objects_until_restored() -> None:
    gc.unfreeze()
    before = gc.get_threshold()
    tune_garbage_collector()
    assert gc.get_freeze_count() > 10_000  # the server stack, kept out of full passes
    assert gc.get_threshold() == Settings().gc_thresholds
    assert Settings().gc_thresholds[0] > 700  # Python's default
    tune_garbage_collector((60_000, 10, 10))  # a second server start in the same process
    assert gc.get_threshold() == (60_000, 10, 10)
    restore_garbage_collector()
    assert gc.get_freeze_count() == 0  # a stopped server's objects can be collected again
    assert gc.get_threshold() == before
