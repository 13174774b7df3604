"""``links``: the CSV never runs formulas, bad targets are one line, a new link is never lost."""

from __future__ import annotations

import csv
import errno
import io
from pathlib import Path

import pytest

from app.cli import main
from app.db import Database
from app.services import conferences
from app.services.text import spreadsheet_safe
from tests.server.helpers import tokens

BASE = "http://192.168.1.20:8765"


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("+49 351", "'+49 351"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab", "'\tTab"),
        ("\rCR", "'\rCR"),
        ("Universitätsklinikum Dresden", "Universitätsklinikum Dresden"),
    ],
)
def test_cells_that_would_start_a_formula_are_neutralised(cell: str, shown: str) -> None:
    assert spreadsheet_safe(cell) == shown


def test_site_links_csv_neutralises_formula_site_names(
    db_url: str, db: Database, demo_id: int, capsys: pytest.CaptureFixture[str]
) -> None:
    with db.write() as session:
        site = conferences.save_site(session, conferences.SiteData("=cmd|' /C calc'!A0", "@EVIL"))
        conferences.invite_sites(session, demo_id, [site])
    assert main(["--db", db_url, "links", "demo", "--base-url", BASE]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    evil = next(r for r in rows if "calc" in r[0])
    assert evil[:2] == ["'=cmd|' /C calc'!A0", "'@EVIL"]
    assert evil[2] == f"{BASE}/v/{tokens(db, demo_id)['@EVIL']}"


def test_pdf_into_a_missing_folder_is_one_line_and_changes_no_link(
    db_url: str,
    db: Database,
    demo_id: int,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = tokens(db, demo_id)
    missing = tmp_path / "nowhere" / "links.pdf"
    said = {
        "de": "{option} {missing}: Ordner {folder} existiert nicht",
        "en": "{option} {missing}: folder {folder} does not exist",
    }
    for option, lang in (("--pdf", "de"), ("--png", "en")):
        monkeypatch.setenv("VOTUM_LANG", lang)  # one line in the command line's language
        code = main(["--db", db_url, "links", "demo", option, str(missing), "--reissue", "DD"])
        err = capsys.readouterr().err
        assert code == 1
        line = said[lang].format(option=option, missing=missing, folder=missing.parent)
        assert err == f"votum: {line}\n"
    assert tokens(db, demo_id) == before  # refused before the new token was saved


def test_reissue_prints_the_new_link_even_when_the_sheet_cannot_be_written(
    db_url: str,
    db: Database,
    demo_id: int,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def disk_full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("app.commands.links.write_png", disk_full)
    before = tokens(db, demo_id)
    code = main(
        [
            "--db",
            db_url,
            "links",
            "demo",
            "--base-url",
            BASE,
            "--reissue",
            "DD",
            "--png",
            str(tmp_path / "links.png"),
        ]
    )
    out, err = capsys.readouterr()
    after = tokens(db, demo_id)
    assert code == 1
    assert after["DD"] != before["DD"]
    new_link = f"{BASE}/v/{after['DD']}"
    assert f"new link issued: DD {new_link}" in err
    assert new_link in out
    assert "No space left on device" in err and "the links above are valid" in err
