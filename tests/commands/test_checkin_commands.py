"""``sites status``, ``conference checkin|held`` and ``certificates`` on the command line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.cli import main
from app.db import Database
from app.services import checkin, conferences
from tests.server.helpers import make_conference, site_ids


def test_sites_status_shows_who_opened_their_link(
    db: Database, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with db.write() as session:
        conf = make_conference(session, 2, prefix="ST", open_first=False)
    seen = dt.datetime(2026, 11, 17, 15, 30, tzinfo=dt.UTC)
    with db.write() as session:
        checkin.record_visit(session, conf, site_ids(db, conf)["ST001"], seen)
    assert main(["--db", db_url, "sites", "status", "st"]) == 0
    lines = capsys.readouterr().out.splitlines()
    local = seen.astimezone().strftime("%Y-%m-%d %H:%M")
    assert lines[0].split()[:4] == ["ST000", "not", "opened", "yet"]
    assert "geöffnet" not in lines[0] and lines[0].endswith("Standort ST000")
    assert lines[1].startswith(f"ST001  {local}") and lines[1].endswith("Standort ST001")
    assert lines[2] == "1 of 2 sites have opened their link"


def test_held_closes_check_in_and_checkin_reopens_it(
    db: Database, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with db.write() as session:
        conf = make_conference(session, 1, prefix="H", open_first=False)
    assert main(["--db", db_url, "conference", "held", "h"]) == 0
    assert "check-in closed" in capsys.readouterr().out
    with db.read() as session:
        info = conferences.get_conference(session, conf)
    assert info.held_at is not None and not info.checkin_open
    assert main(["--db", db_url, "conference", "checkin", "h", "--open"]) == 0
    with db.read() as session:
        assert conferences.get_conference(session, conf).checkin_open


def test_certificates_command_writes_the_folder(
    db: Database, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with db.write() as session:
        conf = make_conference(session, 1, prefix="Z", open_first=False)
    with db.write() as session:
        checkin.check_in_by_site(session, conf, site_ids(db, conf)["Z000"], [("Dr. A", "")])
    out = tmp_path / "bescheinigungen"
    assert main(["--db", db_url, "certificates", "z", "-o", str(out), "--lang", "en"]) == 0
    assert "1 certificate written" in capsys.readouterr().out
    assert sorted(p.name for p in out.iterdir()) == ["001-Z000-Dr-A.pdf", "all-certificates-z.pdf"]
    missing = tmp_path / "nowhere" / "x"
    assert main(["--db", db_url, "certificates", "z", "-o", str(missing)]) == 1
    assert "does not exist" in capsys.readouterr().err
