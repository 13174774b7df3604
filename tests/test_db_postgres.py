"""PostgreSQL's write transactions take turns, as SQLite's ``BEGIN IMMEDIATE`` ones do."""

from __future__ import annotations

import threading
import time

from sqlalchemy import text

from app.db import WRITE_LOCK, Database
from tests.conftest import PostgresServer


def _waiting_for_the_write_lock(db: Database) -> int:
    with db.read() as session:
        return int(
            session.execute(
                text(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
                    "AND objid = :low"
                ),
                {"low": WRITE_LOCK & 0xFFFFFFFF},
            ).scalar_one()
        )


def test_a_postgresql_write_waits_until_the_other_write_commits(postgres: PostgresServer) -> None:
    url = postgres.new_database()
    db = Database.open(url)
    order: list[str] = []

    def second_writer() -> None:
        with db.write() as session:
            session.execute(text("SELECT 1"))
            order.append("second")

    try:
        with db.write() as session:
            session.execute(text("SELECT 1"))  # the first statement takes the lock
            other = threading.Thread(target=second_writer)
            other.start()
            deadline = time.monotonic() + 10
            while _waiting_for_the_write_lock(db) == 0:
                assert time.monotonic() < deadline, "the second writer never waited"
            order.append("first")
        other.join(10)
        assert order == ["first", "second"]
        with db.read() as session:  # reads never take it
            session.execute(text("SELECT 1"))
            assert _waiting_for_the_write_lock(db) == 0
    finally:
        db.dispose()
        postgres.drop(url)
