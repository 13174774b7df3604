"""Schema versions: an empty database upgraded to head matches the models exactly."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from app.db import Database, DatabaseError, create_db_engine, upgrade
from app.models import Base


def test_upgrade_of_an_empty_database_matches_the_models(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    else:
        server = request.getfixturevalue("postgres")
        url = server.new_database(migrated=False)
        request.addfinalizer(lambda: server.drop(url))
    engine = create_db_engine(url)
    assert inspect(engine).get_table_names() == []
    upgrade(engine)
    with engine.connect() as connection:
        diff = compare_metadata(
            MigrationContext.configure(connection, opts={"compare_type": True}), Base.metadata
        )
    engine.dispose()
    assert diff == []


def test_opening_twice_keeps_data_and_version(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'twice.sqlite3'}"
    first = Database.open(url)
    with first.write() as session:
        session.execute(text("INSERT INTO sites (name, code, city, email) VALUES ('A','A','','')"))
    first.dispose()
    second = Database.open(url)
    with second.read() as session:
        assert session.execute(text("SELECT count(*) FROM sites")).scalar() == 1
        assert session.execute(text("SELECT version_num FROM alembic_version")).scalar()
    second.dispose()


def test_the_database_is_set_up_for_durability(db: Database) -> None:
    with db.read() as session:
        if db.engine.dialect.name == "postgresql":  # a commit waits for its WAL flush
            assert session.execute(text("SHOW synchronous_commit")).scalar() == "on"
            return
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL


def test_a_foreign_database_is_not_touched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE patients (id INTEGER PRIMARY KEY)")
    with pytest.raises(DatabaseError, match="no Votum schema"):
        Database.open(f"sqlite:///{path}")
    engine = create_db_engine(f"sqlite:///{path}")
    assert inspect(engine).get_table_names() == ["patients"]
    engine.dispose()


def test_a_database_from_a_newer_votum_is_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'newer.sqlite3'}"
    Database.open(url).dispose()
    with sqlite3.connect(tmp_path / "newer.sqlite3") as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    with pytest.raises(DatabaseError, match="newer Votum"):
        Database.open(url)


def test_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="folder does not exist"):
        create_db_engine(f"sqlite:///{tmp_path / 'nope' / 'x.sqlite3'}")


def test_history_and_audit_trail_cannot_be_rewritten(db: Database, demo_id: int) -> None:
    from sqlalchemy.exc import IntegrityError

    for table in ("audit_events", "ballot_changes"):
        with pytest.raises(IntegrityError, match="append-only"), db.write() as session:
            session.execute(text(f"UPDATE {table} SET actor = 'someone else'"))
    with db.read() as session:
        actors = session.execute(text("SELECT DISTINCT actor FROM ballot_changes")).scalars()
        assert "someone else" not in set(actors)


def test_deleting_a_conference_removes_its_rows_but_keeps_the_site_registry(
    db: Database, demo_id: int
) -> None:
    from app.services.conferences import delete_conference, list_sites
    from app.services.demo import load_demo

    with db.write() as session:
        delete_conference(session, demo_id)
    with db.read() as session:
        assert session.execute(text("SELECT count(*) FROM ballots")).scalar() == 0
        assert session.execute(text("SELECT count(*) FROM audit_events")).scalar() == 0
        assert len(list_sites(session)) == 18
    with db.write() as session:
        load_demo(session, reset=True)  # the demo can be built again on the same registry
    with db.read() as session:
        assert session.execute(text("SELECT count(*) FROM ballots")).scalar() > 0


def test_every_foreign_key_is_indexed(db: Database) -> None:
    """Neither SQLite nor PostgreSQL indexes foreign keys itself: without an index, reading
    a question's options scans the table, and each cascading delete scans every child
    table per row."""
    inspector = inspect(db.engine)
    missing = []
    for table in inspector.get_table_names():
        leading = {index["column_names"][0] for index in inspector.get_indexes(table)}
        leading |= {u["column_names"][0] for u in inspector.get_unique_constraints(table)}
        primary = inspector.get_pk_constraint(table)["constrained_columns"]
        leading |= set(primary[:1])
        for fk in inspector.get_foreign_keys(table):
            if fk["constrained_columns"][0] not in leading:
                missing.append(f"{table}.{fk['constrained_columns'][0]}")
    assert missing == []


def test_a_database_of_the_previous_version_upgrades_with_its_data(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'older.sqlite3'}"
    engine = create_db_engine(url)
    upgrade(engine, "0002")
    with engine.begin() as connection:
        connection.execute(
            text("INSERT INTO sites (name, code, city, email) VALUES ('A','A','','')")
        )
    engine.dispose()
    db = Database.open(url)  # migrates to the current version
    with db.read() as session:
        assert session.execute(text("SELECT code FROM sites")).scalars().all() == ["A"]
        indexes = {row[1] for row in session.execute(text("PRAGMA index_list('options')"))}
    db.dispose()
    assert "ix_options_question_id" in indexes
