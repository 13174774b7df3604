"""A server's database from the first schema (0001), with a held session in it, upgraded
to this Votum's: every row kept, the schema equal to the models, the session usable (its
tally, its links, its moderator token, a new ballot), on SQLite and PostgreSQL.

Upgrading on a server is ``python main.py migrate`` with the service stopped; the rows
here are written with the first schema's own columns, as a Votum of that time wrote them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, func, select, text

from app.cli import main
from app.db import Database, create_db_engine, schema_revisions, upgrade
from app.models import Attendee, AuditEvent, Ballot, BallotChange, Base, Note
from app.services.ballots import cast_ballot
from app.services.conference_export import build_conference_file
from app.services.results import question_tally
from app.services.tokens import (
    check_moderator_token,
    conference_of_moderator_token,
    resolve_site_token,
)

MODERATOR_TOKEN = "M" * 43
LINKS = {"DD": "d" * 43, "GOE": "g" * 43}
T0 = dt.datetime(2026, 1, 15, 14, 0)  # naive: how UTCDateTime stores UTC

ROWS: list[tuple[str, dict[str, object]]] = [
    (
        "INSERT INTO sites (id, name, code, city, email) VALUES (:id, :name, :code, :city, '')",
        {"id": 1, "name": "Universitätsklinikum Dresden", "code": "DD", "city": "Dresden"},
    ),
    (
        "INSERT INTO sites (id, name, code, city, email) VALUES (:id, :name, :code, :city, '')",
        {"id": 2, "name": "Universitätsmedizin Göttingen", "code": "GOE", "city": "Göttingen"},
    ),
    (
        "INSERT INTO conferences (id, slug, topic, date, moderator, language, vnr, "
        "moderator_token, current_question_id, created_at, updated_at) VALUES (1, "
        "'2026-01-15-kras', 'KRAS-mutiertes Pankreaskarzinom', :date, 'Dr. Moderatorin', "
        "'de', '2760512026011500001', :token, NULL, :at, NULL)",
        {"date": dt.date(2026, 1, 15), "token": MODERATOR_TOKEN, "at": T0},
    ),
    (
        "INSERT INTO invitations (id, conference_id, site_id, token, token_hash, present, "
        "attendee_count, checked_in_at) VALUES (:id, 1, :site, :token, :hash, :present, "
        ":count, :at)",
        {
            "id": 1,
            "site": 1,
            "token": LINKS["DD"],
            "hash": hashlib.sha256(LINKS["DD"].encode()).hexdigest(),
            "present": True,
            "count": 2,
            "at": T0,
        },
    ),
    (
        "INSERT INTO invitations (id, conference_id, site_id, token, token_hash, present, "
        "attendee_count, checked_in_at) VALUES (:id, 1, :site, :token, :hash, :present, "
        ":count, :at)",
        {
            "id": 2,
            "site": 2,
            "token": LINKS["GOE"],
            "hash": hashlib.sha256(LINKS["GOE"].encode()).hexdigest(),
            "present": True,
            "count": 1,
            "at": T0,
        },
    ),
    (
        "INSERT INTO attendees (id, invitation_id, name, efn) VALUES "
        "(1, 1, 'Dr. Anna Beispiel', '802761234567894')",
        {},
    ),
    (
        "INSERT INTO fellows (id, conference_id, position, name, site) VALUES "
        "(1, 1, 0, 'Dr. Fellow', 'Dresden')",
        {},
    ),
    (
        "INSERT INTO cases (id, conference_id, position, title, presenter, age, sex, "
        "diagnosis, icd10, histology, stage, ecog, prior_therapy_lines, prior_therapies, "
        "tmb, msi, text) VALUES (1, 1, 0, 'KRAS G12D', 'Dr. Fellow', 58, 'f', "
        "'Pankreaskarzinom', 'C25.0', 'Adenokarzinom', 'IV', 1, 2, 'FOLFIRINOX', NULL, '', "
        "'Verlauf …')",
        {},
    ),
    (
        "INSERT INTO questions (id, case_id, position, text, kind, allow_abstain, round, "
        "parent_id, state, created_at, opened_at, closed_at, revealed_at, duration_seconds) "
        "VALUES (1, 1, 0, 'Empfehlen Sie HCQ + Trametinib?', 'single', :abstain, 1, NULL, "
        "'open', :at, :at, NULL, NULL, NULL)",
        {"abstain": True, "at": T0},
    ),
    (
        "INSERT INTO options (id, question_id, position, label, code, phrase_de, phrase_en) "
        "VALUES (1, 1, 0, 'Ja', 'yes', 'empfehlen HCQ + Trametinib', 'recommend HCQ + "
        "trametinib'), (2, 1, 1, 'Keine Empfehlung', 'no_recommendation', '', '')",
        {},
    ),
    ("UPDATE conferences SET current_question_id = 1 WHERE id = 1", {}),
    (
        "INSERT INTO ballots (id, question_id, site_id, abstain, comment, source, actor, "
        "cast_at, revision) VALUES (1, 1, 1, :no, 'nach Diskussion', 'site', 'Dresden', "
        ":at, 2)",
        {"no": False, "at": T0 + dt.timedelta(minutes=3)},
    ),
    ("INSERT INTO ballot_choices (ballot_id, option_id) VALUES (1, 1)", {}),
    (
        "INSERT INTO ballot_changes (id, question_id, site_id, revision, option_ids, "
        "abstain, comment, source, actor, at) VALUES "
        "(1, 1, 1, 1, '2', :no, '', 'site', 'Dresden', :first), "
        "(2, 1, 1, 2, '1', :no, 'nach Diskussion', 'site', 'Dresden', :second)",
        {
            "no": False,
            "first": T0 + dt.timedelta(minutes=1),
            "second": T0 + dt.timedelta(minutes=3),
        },
    ),
    (
        "INSERT INTO audit_events (id, conference_id, at, actor, action, question_id, "
        "site_id, detail) VALUES (1, 1, :at, 'moderator', 'question_opened', 1, NULL, '{}')",
        {"at": T0},
    ),
    (
        "INSERT INTO notes (id, conference_id, case_id, question_id, kind, text, updated_at) "
        "VALUES (1, 1, NULL, 1, 'discussion', 'Datenlage dünn', :at)",
        {"at": T0},
    ),
]


@pytest.fixture
def first_schema_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """An empty database of this test's backend, brought to schema 0001 and filled."""
    if backend == "sqlite":
        url = f"sqlite:///{(tmp_path / 'first.sqlite3').as_posix()}"
    else:
        server = request.getfixturevalue("postgres")
        url = server.new_database(migrated=False)
        request.addfinalizer(lambda: server.drop(url))
    engine = create_db_engine(url)
    upgrade(engine, "0001")
    with engine.begin() as connection:
        for statement, values in ROWS:
            connection.execute(text(statement), values)
    if backend == "postgresql":  # explicit ids: the sequences must follow them
        with engine.begin() as connection:
            for table in (
                "sites", "conferences", "invitations", "attendees", "fellows", "cases",
                "questions", "options", "ballots", "ballot_changes", "audit_events", "notes",
            ):  # fmt: skip
                connection.execute(
                    text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), 10)")
                )
    engine.dispose()
    yield url


def _counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            table: int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
            for table in (
                "sites",
                "conferences",
                "invitations",
                "attendees",
                "fellows",
                "cases",
                "questions",
                "options",
                "ballots",
                "ballot_choices",
                "ballot_changes",
                "audit_events",
                "notes",
            )
        }


def test_a_held_session_of_the_first_schema_upgrades_whole_and_stays_usable(
    first_schema_url: str,
) -> None:
    engine = create_db_engine(first_schema_url)
    before = _counts(engine)
    assert schema_revisions(engine)[0] == "0001"
    engine.dispose()

    db = Database.open(first_schema_url)  # the same upgrade as `migrate`
    try:
        assert _counts(db.engine) == before  # no row lost on the way (SQLite rebuilds)
        with db.engine.connect() as connection:
            diff = compare_metadata(
                MigrationContext.configure(connection, opts={"compare_type": True}),
                Base.metadata,
            )
        assert diff == []
        with db.read() as session:
            tally = question_tally(session, 1)
            assert [(o.option.label, o.count) for o in tally.options] == [
                ("Ja", 1),
                ("Keine Empfehlung", 0),
            ]
            assert resolve_site_token(session, LINKS["GOE"]).site_name.endswith("Göttingen")
            check_moderator_token(session, 1, MODERATOR_TOKEN)  # found by its new hash
            assert conference_of_moderator_token(session, MODERATOR_TOKEN) == 1
            attendee = session.scalars(select(Attendee)).one()
            assert (attendee.name, attendee.efn) == ("Dr. Anna Beispiel", "802761234567894")
            assert session.scalar(select(Note.text)) == "Datenlage dünn"
            history = session.scalars(select(BallotChange).order_by(BallotChange.id)).all()
            assert [h.comment for h in history] == ["", "nach Diskussion"]
            stored = session.scalars(select(Ballot)).one()
            assert stored.cast_at == dt.datetime(2026, 1, 15, 14, 3, tzinfo=dt.UTC)
            file = build_conference_file(session, 1)  # the fetch home reads it whole
            assert file.results is not None and len(file.results.history) == 2
        with db.write() as session:  # and the session goes on: Göttingen votes
            cast_ballot(session, 1, 2, option_ids=[2])
        with db.read() as session:
            assert [o.count for o in question_tally(session, 1).options] == [1, 1]
            assert session.scalar(select(func.count(BallotChange.id))) == 3
            assert session.scalar(select(func.count(AuditEvent.id))) == 1
    finally:
        db.dispose()


def test_migrate_upgrades_the_first_schema_and_then_the_check_passes(
    first_schema_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    check = ["--db", first_schema_url, "serve", "--check", "--host", "127.0.0.1", "--port", "0"]
    assert main(check) == 1
    said = capsys.readouterr().err
    assert said.count("\n") == 1
    assert "schema 0001 is older than this Votum's" in said
    assert "python main.py migrate" in said

    assert main(["--db", first_schema_url, "migrate"]) == 0
    out = capsys.readouterr().out
    engine = create_db_engine(first_schema_url)
    head = schema_revisions(engine)[1]
    assert out.strip() == f"database schema upgraded: 0001 → {head}"
    assert _counts(engine)["ballot_changes"] == 2
    engine.dispose()
    assert main(["--db", first_schema_url, "migrate"]) == 0
    assert capsys.readouterr().out.strip() == f"database schema is up to date ({head})"
    assert main(check) == 0
    assert "check: ok" in capsys.readouterr().out


def test_a_database_written_by_a_newer_votum_fails_the_check_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{(tmp_path / 'newer.sqlite3').as_posix()}"
    Database.open(url).dispose()
    engine = create_db_engine(url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    engine.dispose()
    assert main(["--db", url, "serve", "--check", "--port", "0"]) == 1
    said = capsys.readouterr().err
    assert said.count("\n") == 1 and "written by a newer Votum" in said
