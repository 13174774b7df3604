"""``poll-import``: the preview printed, one-line refusals with the way out, the import."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.db import Database
from app.models import Ballot, PollImport
from tests.services.poll_helpers import FILES, load_blank_demo, long_report

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def conf(db: Database, tmp_path: Path) -> int:
    return load_blank_demo(db, tmp_path)


def ballots(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count(Ballot.id))) or 0


def test_unresolved_conflicts_are_refused_with_the_way_to_resolve_them(
    db: Database, db_url: str, conf: int, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["--db", db_url, "poll-import", "demo", str(FILES / "zoom_2021.csv"), "--confirm", "3.1"]
    )
    out, err = capsys.readouterr()
    assert code == 1
    assert err.count("\n") == 1 and "conflict" in err and "--resolve SITE:QUESTION" in err
    assert "conflict DD 3.1:" in out and "Konflikt" not in out
    assert "[1] Sotorasib + Einschluss in eine Studie — Dr. Anna Müller (DD)" in out
    assert "Gast <gast@gmail.com> → — (none)" in out
    assert "Dr. Björn Schäfer (München) <bjoern.schaefer@example.com> → — (none: LMU, TUM)" in out
    assert "line 12: Prof. Jörg Weiß — earlier submission, the last one counts" in out
    assert ballots(db) == 0


def test_a_mapping_file_and_resolve_import_and_a_second_run_changes_nothing(
    db: Database, db_url: str, conf: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mapping = tmp_path / "mapping.json"
    mapping.write_text(
        json.dumps(
            {
                "participants": {"bjoern.schaefer@example.com": "LMU"},
                "domains": {"charite.de": "B"},
                "resolve": {"DD:3.1": "abstain"},
            }
        ),
        "utf-8",
    )
    argv = [
        "--db",
        db_url,
        "poll-import",
        "demo",
        str(FILES / "zoom_legacy.csv"),
        "--mapping",
        str(mapping),
        "--confirm",
        "all",
    ]
    assert main([*argv, "--dry-run"]) == 0
    assert "dry run: nothing stored" in capsys.readouterr().out
    assert ballots(db) == 0
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "imported: 7 ballots" in out
    assert "1.1   DD     Keine Empfehlung (2×, counted once)" in out
    assert ballots(db) == 7
    assert main(argv) == 1
    assert "already imported" in capsys.readouterr().err
    with db.read() as session:
        assert session.scalar(select(func.count(PollImport.id))) == 1
    assert ballots(db) == 7


def test_a_plain_csv_through_the_real_program(db: Database, db_url: str, conf: int) -> None:
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "--db",
            db_url,
            "poll-import",
            "demo",
            str(FILES / "plain.csv"),
            "--format",
            "csv",
            "--columns",
            "Standort,Frage,Antwort",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "Wien → — (none)" in run.stdout
    assert "imported: 6 ballots" in run.stdout
    assert ballots(db) == 6


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--resolve", "DD3.1"], "expected SITE:QUESTION=CHOICE"),
        (["--resolve", "XX:3.1=1"], "site 'XX' is not invited"),
        (["--resolve", "DD:9.9=1"], "question '9.9' not found"),
        (["--columns", "1,2"], "columns: participant,question,answer"),
    ],
)
def test_wrong_arguments_get_one_line(
    db: Database,
    db_url: str,
    conf: int,
    extra: list[str],
    message: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--db", db_url, "poll-import", "demo", str(FILES / "zoom_2021.csv"), *extra]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_a_broken_file_names_line_and_problem(
    db: Database, db_url: str, conf: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.csv"
    broken.write_bytes(b"#,User Name,User Email,Submitted Date/Time,\n1,A,a@x.de,,Frage?\n")
    assert main(["--db", db_url, "poll-import", "demo", str(broken)]) == 1
    assert "line 2: question without answer" in capsys.readouterr().err
    assert ballots(db) == 0


def test_a_long_preview_is_summarised_and_full_shows_every_line(
    db: Database, db_url: str, conf: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "lang.csv"
    report.write_bytes(long_report(3_000))
    args = ["--db", db_url, "poll-import", "demo", str(report), "--dry-run"]
    assert main(args) == 1  # nobody matches a site: nothing to import
    out, err = capsys.readouterr()
    assert len(out.splitlines()) < 80
    assert "… and 2980 more (--full shows all)" in out
    assert err.count("\n") == 1
    assert main([*args, "--full"]) == 1
    out, _ = capsys.readouterr()
    assert len(out.splitlines()) > 3_000


def test_a_report_over_the_size_limit_is_one_line_and_nothing_stored(
    db: Database, db_url: str, conf: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "riesig.csv"
    with report.open("wb") as out:
        out.write(long_report(10))
        out.truncate(20 * 1024 * 1024)
    assert main(["--db", db_url, "poll-import", "demo", str(report)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert "riesig.csv: file too large: 20 MB (at most 10 MB)" in err and "zu groß" not in err
    assert ballots(db) == 0
