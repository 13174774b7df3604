"""``series`` and ``archive`` on the command line: the plan from adding a session to its
conference, the calendar, participation, the yearly report and the archive search; one
clear line and a non-zero exit on bad input."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.cli import main
from app.db import Database
from app.services.demo import load_demo
from tests.reports.pdftools import page_texts


def _run(capsys: pytest.CaptureFixture[str], db_url: str, *args: str) -> tuple[int, str, str]:
    code = main(["--db", db_url, *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_round(db: Database) -> int:
    """The demo with its round: June's session, November's, two planned."""
    with db.write() as session:
        return load_demo(session, series=True)


def test_a_session_is_planned_changed_made_and_published(
    db_url: str, demo_round: int, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = _run(
        capsys,
        db_url,
        *("series", "add", "--date", "2027-05-12", "--topic", "HER2-low", "--starts", "16:00"),
        *("--fellow", "Dr. Fiona Fellow@Dresden"),
    )
    assert code == 0 and out.startswith("planned: 5\t2027-05-12\tHER2-low")
    code, out, _ = _run(capsys, db_url, "series", "set", "2027-05-12", "--ends", "17:30")
    assert code == 0 and "changed: 5" in out
    code, out, _ = _run(capsys, db_url, "series", "create", "5")
    assert code == 0
    assert "conference made: 2027-05-12-her2-low\t2027-05-12\tHER2-low\t18 sites invited" in out
    code, out, _ = _run(capsys, db_url, "series", "publish", "1", "--undo")
    assert code == 0
    code, out, _ = _run(capsys, db_url, "series", "plan", "--lang", "en")
    lines = out.splitlines()
    assert len(lines) == 5
    assert lines[0].split("\t")[:5] == ["1", "2026-06-17", "16:00–17:30", "held", "demo-juni"]
    assert lines[4].split("\t")[:6] == [
        "5",
        "2027-05-12",
        "16:00–17:30",
        "planned",
        "2027-05-12-her2-low",
        "HER2-low",
    ]
    assert lines[4].endswith("Dr. Fiona Fellow (Dresden)")
    calendar = tmp_path / "plan.ics"
    code, out, _ = _run(capsys, db_url, "series", "calendar", "-o", str(calendar))
    assert code == 0 and "(5 sessions)" in out
    assert calendar.read_bytes().count(b"BEGIN:VEVENT") == 5


def test_participation_report_and_search(
    db_url: str,
    demo_round: int,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code, out, _ = _run(capsys, db_url, "series", "participation", "--year", "2026")
    assert code == 0
    assert "DD\tUniversitätsklinikum Dresden\t2/2\t5/5\t" in out
    assert "HL\tUniversitätsklinikum Schleswig-Holstein, Campus Lübeck\t0/2\t0/5\t0" in out
    report = tmp_path / "jahr.pdf"
    code, out, _ = _run(
        capsys, db_url, "series", "report", "--year", "2026", "-o", str(report), "--lang", "de"
    )
    assert (
        code == 0
        and "(Sitzungen: 2, Fragen: 5)" not in out
        and "(sessions: 2, questions: 5)" in out
    )
    assert "Jahresbericht 2026" in page_texts(report)[0]
    code, out, _ = _run(capsys, db_url, "archive", "search", "HCQ", "Trametinib", "--lang", "en")
    assert code == 0
    assert out.splitlines() == [
        "2026-11-18\tdemo\t1.1\tWürde Ihr Standort HCQ + Trametinib empfehlen?\t"
        "Keine Empfehlung 81 % · Consensus",
        "2026-06-17\tdemo-juni\t1.1\tWürde Ihr Standort HCQ + Trametinib empfehlen?\t"
        "Keine Empfehlung 60 % · Majority agreement",
        "2 questions found",
    ]
    monkeypatch.setenv("VOTUM_LANG", "de")  # hits and summary in the command line's language
    code, out, _ = _run(capsys, db_url, "archive", "search", "KRAS", "--limit", "1")
    assert code == 0 and out.splitlines()[-1] == "1 von 8 Fragen gefunden"
    assert "Consensus" not in out and "agreement" not in out


@pytest.mark.parametrize(
    ("args", "said", "exit_code"),
    [
        (("series", "create", "2030-01-01"), "no plan entry “2030-01-01”", 1),
        (("series", "create", "1"), "already has its conference", 1),
        (("series", "report", "--year", "12", "-o", "x.pdf"), "year 12", 1),
        (("series", "add", "--date", "2027-01-01", "--topic", " "), "topic: must not be empty", 1),
        (("series", "add", "--date", "morgen", "--topic", "T"), "not a date", 2),
        (("series", "set", "1", "--starts", "18:00", "--ends", "17:00"), "before the start", 1),
    ],
)
def test_bad_input_gets_one_line_and_changes_nothing(
    db_url: str,
    demo_round: int,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    said: str,
    exit_code: int,
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)  # where a refused report would have landed
    _, before, _ = _run(capsys, db_url, "series", "plan")
    if exit_code == 2:
        with pytest.raises(SystemExit) as exited:
            main(["--db", db_url, *args])
        code, err = exited.value.code, capsys.readouterr().err
    else:
        code, _, err = _run(capsys, db_url, *args)
        assert err.count("\n") == 1 and err.startswith("votum: ")
    assert code == exit_code and said in err
    _, after, _ = _run(capsys, db_url, "series", "plan")
    assert after == before
    assert not list(work.iterdir())


def test_today_is_no_session_yet(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, db_url, "series", "plan")
    assert code == 0 and "the plan is empty" in out
    code, out, _ = _run(capsys, db_url, "archive", "search", "KRAS")
    assert code == 0 and out == "0 questions found\n"
    assert dt.date.today().year > 2000
