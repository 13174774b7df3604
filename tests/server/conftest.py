"""Fixtures for the voting server: a real uvicorn server on 127.0.0.1, port 0."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import trustme

from app.db import Database
from app.services import lifecycle
from app.services.conferences import get_conference
from tests.server.helpers import Served, make_conference, serving


@pytest.fixture
def demo_open(db: Database, demo_id: int) -> int:
    """The demo conference with its current question (1.1, round 2) open."""
    with db.write() as session:
        current = get_conference(session, demo_id).current_question_id
        assert current is not None
        lifecycle.open_question(session, current)
    return demo_id


@pytest.fixture
def served(db: Database, demo_open: int) -> Iterator[Served]:
    with serving(db, demo_open) as running:
        yield running


@pytest.fixture
def client(served: Served) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=served.url, timeout=10) as http:
        yield http


@pytest.fixture
def small_conf(db: Database) -> int:
    """A conference of 5 sites with an open single-choice question."""
    with db.write() as session:
        return make_conference(session, 5, prefix="T")


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    """A throwaway certificate authority for HTTPS tests."""
    return trustme.CA()


@pytest.fixture
def certificate(ca: trustme.CA, tmp_path: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 signed by ``ca``: (certificate chain file, key file)."""
    cert = ca.issue_cert("127.0.0.1", "localhost")
    certfile, keyfile = tmp_path / "server.pem", tmp_path / "server.key"
    cert.private_key_pem.write_to_path(str(keyfile))
    with certfile.open("wb") as stream:
        for blob in cert.cert_chain_pems:
            stream.write(blob.bytes())
    return certfile, keyfile
