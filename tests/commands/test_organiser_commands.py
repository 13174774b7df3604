"""``organiser token`` on the server and ``organiser publish|list|fetch|delete|
moderator-token`` from anywhere, as the organiser runs them against a standing server."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import main
from app.db import Database
from app.services.conference_export import Publish, build_conference_file
from app.services.conference_file import read_conference_file, write_conference_file
from app.services.errors import Forbidden
from app.services.organiser import check_organiser_token, organiser_token_since
from tests.server.helpers import Round, make_conference, serving_round


@pytest.fixture
def backend() -> str:
    """The commands' behaviour does not depend on the database: SQLite only."""
    return "sqlite"


@pytest.fixture
def standing(db: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[Round]:
    with serving_round(db) as running:
        monkeypatch.setenv("VOTUM_ORGANISER_TOKEN", running.organiser_token)
        yield running


@pytest.fixture
def prepared(tmp_path: Path) -> Path:
    """A conference file prepared on a laptop, published form."""
    laptop = Database.open(f"sqlite:///{(tmp_path / 'laptop.sqlite3').as_posix()}")
    with laptop.write() as session:
        conf_id = make_conference(session, 3, prefix="K", open_first=False)
        file = build_conference_file(session, conf_id, publish=Publish())
    laptop.dispose()
    path = tmp_path / "k.votum-conference.json"
    write_conference_file(file, path)
    return path


def test_the_token_is_shown_once_kept_as_a_hash_rotated_and_revoked(
    db_url: str, db: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["--db", db_url, "organiser", "token"]) == 0
    assert "organiser token: none yet" in capsys.readouterr().out
    assert main(["--db", db_url, "organiser", "token", "--rotate"]) == 0
    first = capsys.readouterr().out.splitlines()[0].removeprefix("organiser token: ")
    with db.read() as session:
        check_organiser_token(session, first)
        assert organiser_token_since(session) is not None
    target = tmp_path / "token"
    assert (
        main(["--db", db_url, "organiser", "token", "--rotate", "--token-file", str(target)]) == 0
    )
    out = capsys.readouterr().out
    second = target.read_text().strip()
    assert second not in out and first not in out
    if sys.platform != "win32":
        assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    with db.read() as session:
        check_organiser_token(session, second)
        with pytest.raises(Forbidden):
            check_organiser_token(session, first)
    assert main(["--db", db_url, "organiser", "token", "--revoke"]) == 0
    with db.read() as session, pytest.raises(Forbidden):
        check_organiser_token(session, second)
    assert main(["--db", db_url, "organiser", "token", "--token-file", str(target)]) == 1
    assert capsys.readouterr().err.count("\n") == 1


def test_publish_list_fetch_and_delete_from_the_command_line(
    standing: Round, prepared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server = ["--server", standing.url]
    token_file = tmp_path / "moderator-token"
    publish = ["organiser", "publish", str(prepared), *server]
    assert main([*publish, "--moderator-token-file", str(token_file)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("published k (2026-11-18) as conference ")
    conference = out.split("as conference ")[1].split(";")[0]
    moderator = token_file.read_text().strip()
    assert len(moderator) == 43 and moderator not in out

    assert main(["organiser", "list", *server]) == 0
    listed = capsys.readouterr().out
    assert f"{conference}\tk\t2026-11-18\tTest K\t3 sites\t0 ballots" in listed

    home = tmp_path / "home.votum-conference.json"
    assert main(["organiser", "fetch", conference, "-o", str(home), *server]) == 0
    assert read_conference_file(home).conference.slug == "k"

    assert main(["organiser", "moderator-token", conference, *server]) == 0
    assert "a new moderator token" in capsys.readouterr().out

    assert main(["organiser", "delete", conference, *server]) == 0
    assert "deleted conference" in capsys.readouterr().out
    assert main(["organiser", "delete", conference, *server]) == 1
    refused = capsys.readouterr().err
    assert refused.count("\n") == 1 and "not found" in refused


def test_a_wrong_or_missing_organiser_token_is_one_line(
    standing: Round, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("VOTUM_ORGANISER_TOKEN", "x" * 43)
    assert main(["organiser", "list", "--server", standing.url]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "organiser token refused" in err and "Organisationstoken" not in err
    monkeypatch.setenv("VOTUM_LANG", "de")
    assert main(["organiser", "list", "--server", standing.url]) == 1
    err = capsys.readouterr().err
    assert "Organisationstoken abgelehnt" in err and "refused" not in err
    monkeypatch.setenv("VOTUM_LANG", "en")
    monkeypatch.delenv("VOTUM_ORGANISER_TOKEN")
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)
    assert main(["organiser", "list", "--server", standing.url]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "VOTUM_ORGANISER_TOKEN" in err


def test_a_server_for_one_conference_says_it_has_no_organiser_api(
    db: Database, standing: Round, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.server.helpers import serving

    with db.write() as session:
        conf_id = make_conference(session, 2, prefix="S")
    with serving(db, conf_id) as one:
        assert main(["organiser", "list", "--server", one.url]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no standing server for the round" in err


def test_serve_without_a_conference_has_no_single_moderator_token_file(
    db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    args = ["--db", db_url, "serve", "--moderator-token-file", str(tmp_path / "t"), "--port", "0"]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "a moderator token per conference" in err
    assert not (tmp_path / "t").exists()
