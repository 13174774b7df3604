"""Results fetched home become the local conference: all of them, once, with their origin."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.db import Database
from app.services.conference_export import Publish, build_conference_file
from app.services.conference_import import count_ballots
from app.services.conferences import create_conference, get_conference
from app.services.demo import load_demo
from app.services.errors import InvalidInput
from app.services.fetch_home import adopt_fetched, fetched_from
from tests.server.helpers import snapshot

SERVER = "https://abstimmung.example-klinikum.de"


def test_a_fetched_file_becomes_the_local_copy_once_and_names_its_server(
    db: Database, tmp_path: Path
) -> None:
    server = Database.open(f"sqlite:///{(tmp_path / 'server.sqlite3').as_posix()}")
    with server.write() as session:
        demo_id = load_demo(session)
    with server.read() as session:
        served = build_conference_file(session, demo_id, server=SERVER)
    server.dispose()
    with db.write() as session:
        local = create_conference(
            session, "Vorbereitet", dt.date(2026, 11, 18), moderator="Dr. M", slug="prepared"
        )
    with db.write() as session:
        outcome = adopt_fetched(session, local, served, server=SERVER)
    assert outcome.changed and outcome.origin.server == SERVER
    with db.read() as session:
        assert count_ballots(session, local) == 48
        again = build_conference_file(session, local, server=SERVER)
        assert again.results is not None and served.results is not None
        assert again.results.ballots == served.results.ballots
        assert again.results.history == served.results.history
        assert get_conference(session, local).slug == "prepared"  # keeps its own name
        origin = fetched_from(session, local)
        assert origin is not None and origin.ballots == 48
    before = snapshot(db)
    with db.write() as session:
        assert not adopt_fetched(session, local, served, server=SERVER).changed
    assert snapshot(db) == before


def test_only_a_full_file_with_results_is_fetched_home(db: Database, demo_id: int) -> None:
    with db.read() as session:
        assert fetched_from(session, demo_id) is None  # a purely local conference
    with db.write() as session:
        published = build_conference_file(session, demo_id, publish=Publish())
        with pytest.raises(InvalidInput, match="full conference file"):
            adopt_fetched(session, demo_id, published, server=SERVER)
