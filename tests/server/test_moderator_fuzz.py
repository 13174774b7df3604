"""Fuzzing the moderator API from its own OpenAPI description: with the moderator token,
no made-up path, body or header gets a server error."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.db import Database
from app.server.security import RateLimiter
from tests.server.helpers import serving

pytestmark = pytest.mark.slow

KEYS = [
    "present", "attendee_count", "attendees", "name", "efn", "site_code", "option_ids",
    "abstain", "comment", "case_id", "question_id", "kind", "text", "conference", "cases",
    "invitations", "sites", "format", "version", "mode", "results",
]  # fmt: skip
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(KEYS), inner),
    max_leaves=12,
)
bodies = st.none() | values | st.dictionaries(st.sampled_from(KEYS), values, max_size=6)
path_values = (
    st.integers(min_value=-5, max_value=2**65).map(str)
    | st.sampled_from(["open", "close", "reveal", "hide", "reopen", "repeat", "DD", "HD"])
    | st.text(
        alphabet=st.characters(min_codepoint=33, max_codepoint=0x2FF), min_size=1, max_size=12
    )
)


def _operations(spec: dict[str, Any]) -> list[tuple[str, str]]:
    return sorted(
        (method.upper(), path)
        for path, item in spec["paths"].items()
        if path.startswith("/api/moderator")
        for method in item
        # deleting the conference ends the fuzzing, an event stream never ends: both are
        # tested on their own
        if method != "delete" and not path.endswith("/events")
    )


def test_no_moderator_request_gets_a_server_error(db: Database, demo_open: int) -> None:
    generous = RateLimiter(rate=1e6, burst=1_000_000)
    with (
        serving(db, demo_open, rate_limiter=generous) as served,
        httpx.Client(base_url=served.url, timeout=10) as http,
    ):
        operations = _operations(http.get("/openapi.json").json())
        assert ("PUT", "/api/moderator/conference") in operations and len(operations) >= 10
        auth = served.moderator

        @settings(
            max_examples=300,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow],
        )
        @given(
            operation=st.sampled_from(operations),
            fill=st.lists(path_values, min_size=3, max_size=3),
            body=bodies,
            request_id=st.none()
            | st.text(max_size=70).filter(
                # what an HTTP client can send at all: printable ASCII, no space at either end
                lambda t: t.isascii() and t.isprintable() and t == t.strip()
            ),
        )
        def one(
            operation: tuple[str, str], fill: list[str], body: object, request_id: str | None
        ) -> None:
            method, template = operation
            parts = iter(fill)
            path = re.sub(r"\{[^}]+\}", lambda _m: quote(next(parts), safe=""), template)
            headers = dict(auth)
            if request_id is not None:
                headers["Idempotency-Key"] = request_id
            kwargs: dict[str, Any] = {"headers": headers}
            if method in ("POST", "PUT"):
                kwargs["json"] = body
            answer = http.request(method, path, **kwargs)
            assert answer.status_code < 500, (method, path, body, answer.text)

        one()
