"""Opening the database: a damaged, read-only or full SQLite file is one clear line."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

import app.db
from app.cli import main
from app.db import Database, DatabaseError
from app.services.demo import load_demo


def _demo_file(path: Path) -> str:
    url = f"sqlite:///{path.as_posix()}"
    db = Database.open(url)
    with db.write() as session:
        load_demo(session)
    db.dispose()  # the last connection checkpoints the WAL into the file
    return url


def _damage(path: Path) -> None:
    """Overwrite 8 KiB in the middle of the file, as a failing disk or copy would."""
    size = path.stat().st_size
    with path.open("r+b") as stream:
        stream.seek(size // 2)
        stream.write(b"\xa5" * 8192)


def _one_line(err: str) -> str:
    assert err.count("\n") == 1, err
    return err


def test_a_damaged_file_is_refused_when_opened_saying_what_to_do(tmp_path: Path) -> None:
    url = _demo_file(tmp_path / "votum.sqlite3")
    _damage(tmp_path / "votum.sqlite3")
    with pytest.raises(DatabaseError) as caught:
        Database.open(url)
    message = str(caught.value)
    assert "is damaged" in message and "last good copy" in message
    assert f"data folder: {tmp_path}" in message


@pytest.mark.parametrize(
    "command",
    [
        ["report", "demo", "-o", "{tmp}/p.pdf"],
        ["serve", "demo", "--host", "127.0.0.1", "--port", "0"],
        ["results", "demo", "--format", "xlsx", "-o", "{tmp}/r.xlsx"],
    ],
)
def test_report_and_serve_on_a_damaged_file_print_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    url = _demo_file(tmp_path / "votum.sqlite3")
    _damage(tmp_path / "votum.sqlite3")
    args = [part.replace("{tmp}", str(tmp_path)) for part in command]
    assert main(["--db", url, *args]) == 1
    err = _one_line(capsys.readouterr().err)
    assert err.startswith("votum: database: the database file")
    assert "Datenbankdatei" not in err and "is damaged" in err and "last good copy" in err
    assert not (tmp_path / "p.pdf").exists() and not (tmp_path / "r.xlsx").exists()


def test_a_read_only_database_is_one_line_for_a_command_that_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "votum.sqlite3"
    _demo_file(path)
    read_only = f"sqlite:///file:{path.as_posix()}?mode=ro&uri=true"
    assert main(["--db", read_only, "list"]) == 0  # reading works
    capsys.readouterr()
    assert main(["--db", read_only, "links", "demo", "--reissue", "DD"]) == 1
    err = _one_line(capsys.readouterr().err)
    assert "read-only; nothing was stored" in err and "schreibgeschützt" not in err
    assert str(tmp_path) in err


def test_a_full_disk_is_one_line_for_a_command_that_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = _demo_file(tmp_path / "votum.sqlite3")
    package = tmp_path / "gross.votum.json"
    text = "Verlauf " * 2_000
    package.write_text(json.dumps({"cases": [{"title": "Groß", "text": text}]}), "utf-8")
    engine_for = app.db.create_db_engine

    def no_room(url: str, **kwargs: Any) -> Any:
        engine = engine_for(url, **kwargs)

        @event.listens_for(engine, "connect")
        def full(dbapi_connection: Any, _record: Any) -> None:
            pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
            dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

        return engine

    monkeypatch.setattr(app.db, "create_db_engine", no_room)
    assert main(["--db", url, "import", str(package), "--into", "demo"]) == 1
    err = _one_line(capsys.readouterr().err)
    assert "disk full; nothing was stored" in err and "Datenträger" not in err


def test_quick_check_passes_a_healthy_file(tmp_path: Path) -> None:
    url = _demo_file(tmp_path / "votum.sqlite3")
    assert os.path.getsize(tmp_path / "votum.sqlite3") > 0
    Database.open(url).dispose()


def test_a_read_sees_one_moment_even_across_another_sessions_commit(
    db: Database, demo_id: int
) -> None:
    """A voter page is read in several statements; a commit between them must not show
    half of it new (PostgreSQL's read committed did: the new version, the old question)."""
    from sqlalchemy import select

    from app.models import Conference

    topic = select(Conference.topic).where(Conference.id == demo_id)
    with db.read() as reading:
        before = reading.scalar(topic)
        with db.write() as writing:
            writing.get_one(Conference, demo_id).topic = "Geändert"
        assert reading.scalar(topic) == before  # still the moment the read began
    with db.read() as later:
        assert later.scalar(topic) == "Geändert"
