"""Setting up a conference without the desktop, through ``main([...])``: conference files,
the site registry, invitations, attendance, the conference's own data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.db import Database
from app.services.cme import EFN_PREFIX, luhn_check_digit
from app.services.conferences import find_conference, invitations
from app.services.demo import load_demo

EFN = EFN_PREFIX + "123456789" + luhn_check_digit(EFN_PREFIX + "123456789")


@pytest.fixture
def demo_url(db_url: str) -> str:
    database = Database.open(db_url)
    with database.write() as session:
        load_demo(session)
    database.dispose()
    return db_url


def _read(url: str, slug: str = "demo") -> tuple:
    database = Database.open(url)
    try:
        with database.read() as session:
            conf = find_conference(session, slug)
            return conf, invitations(session, conf.id)
    finally:
        database.dispose()


@pytest.mark.parametrize(
    "command",
    [
        ["conference", "import"],
        ["conference", "export"],
        ["conference", "set"],
        ["conference", "new"],
        ["sites", "import"],
        ["sites", "export"],
        ["invite"],
        ["attendance"],
    ],
)
def test_every_setup_command_has_help(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([*command, "--help"])
    assert exit_info.value.code == 0
    assert "usage:" in capsys.readouterr().out


def test_conference_export_then_import_moves_a_conference_to_another_database(
    demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "demo.votum-conference.json"
    assert main(["--db", demo_url, "conference", "export", "demo", str(file)]) == 0
    other = f"sqlite:///{(tmp_path / 'server.sqlite3').as_posix()}"
    assert main(["--db", other, "conference", "import", str(file)]) == 0
    assert "imported demo (" in capsys.readouterr().out
    (conf, invited), (original, original_invited) = _read(other), _read(demo_url)
    assert conf.topic == original.topic and conf.date == original.date
    assert [(i.site.code, i.token, i.attendees) for i in invited] == [
        (i.site.code, i.token, i.attendees) for i in original_invited
    ]


def test_conference_import_of_a_broken_file_is_one_line_and_exit_1(
    demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "bad.votum-conference.json"
    file.write_text(json.dumps({"conference": {"topic": "X", "date": "2026-13-01"}}), "utf-8")
    assert main(["--db", demo_url, "conference", "import", str(file)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("votum: bad.votum-conference.json: $.conference.date:")
    assert "\n" not in err


def test_conference_import_of_a_copy_needs_new_links(
    demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "demo.votum-conference.json"
    main(["--db", demo_url, "conference", "export", "demo", str(file), "--publish"])
    assert main(["--db", demo_url, "conference", "import", str(file)]) == 1
    assert "already belongs to conference 'demo'" in capsys.readouterr().err
    assert main(["--db", demo_url, "conference", "import", str(file), "--new-links"]) == 0
    (_copy, copied), (_demo, original) = _read(demo_url, "demo-2"), _read(demo_url)
    assert {i.token for i in copied}.isdisjoint({i.token for i in original})


def test_conference_set_changes_date_times_cme_and_people(
    demo_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--db", demo_url, "conference", "set", "demo", "--date", "2026-12-03"]
    args += ["--starts", "16:00", "--ends", "17:30", "--vnr", "2760512025111800013"]
    args += ["--cme-points", "2", "--cme-category", "A", "--scientific-lead", "Prof. L"]
    args += ["--moderator", "Dr. M", "--fellow", "Dr. F@Dresden", "--fellow", "Dr. G"]
    assert main(args) == 0
    conf, _ = _read(demo_url)
    assert conf.date.isoformat() == "2026-12-03" and conf.moderator == "Dr. M"
    assert [(f.name, f.site) for f in conf.fellows] == [("Dr. F", "Dresden"), ("Dr. G", "")]
    database = Database.open(demo_url)
    with database.read() as session:
        from app.services.conference_export import build_conference_file

        meta = build_conference_file(session, conf.id).conference
    database.dispose()
    assert (meta.starts_at, meta.ends_at, meta.cme.points, meta.cme.category) == (
        "16:00",
        "17:30",
        2,
        "A",
    )
    assert meta.cme.vnr == "2760512025111800013" and meta.cme.scientific_lead == "Prof. L"
    capsys.readouterr()
    assert main(["--db", demo_url, "conference", "set", "demo", "--starts", "25:00"]) == 1
    assert "HH:MM" in capsys.readouterr().err


def test_sites_import_adds_and_updates_then_export_writes_them_back(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_file = tmp_path / "sites.csv"
    csv_file.write_text("code;name;city\nDD;Uniklinikum Dresden;Dresden\nL;UK Leipzig;\n", "utf-8")
    assert main(["--db", db_url, "sites", "import", str(csv_file)]) == 0
    assert "2 added, 0 updated" in capsys.readouterr().out
    csv_file.write_text("code,name,city\nDD,Universitätsklinikum Dresden,Dresden\n", "utf-8")
    assert main(["--db", db_url, "sites", "import", str(csv_file)]) == 0
    assert "0 added, 1 updated" in capsys.readouterr().out
    out = tmp_path / "out.json"
    assert main(["--db", db_url, "sites", "export", str(out)]) == 0
    sites = json.loads(out.read_text("utf-8"))["sites"]
    assert [(s["code"], s["name"]) for s in sites] == [
        ("L", "UK Leipzig"),
        ("DD", "Universitätsklinikum Dresden"),
    ]
    assert main(["--db", db_url, "sites", "import", str(out)]) == 0  # JSON reads back
    assert "0 added, 2 updated" in capsys.readouterr().out


def test_sites_import_names_the_bad_line(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_file = tmp_path / "sites.csv"
    csv_file.write_text("code,name\nDD,Dresden\n,Ohne Kürzel\n", "utf-8")
    assert main(["--db", db_url, "sites", "import", str(csv_file)]) == 1
    assert "sites.csv: line 3: code: must not be empty" in capsys.readouterr().err
    assert main(["--db", db_url, "sites", "export", "-"]) == 0
    assert capsys.readouterr().out == "code,name,city,email\n"  # nothing was written


def test_invite_and_withdraw(
    demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_file = tmp_path / "sites.csv"
    csv_file.write_text("code,name\nNEU,Klinikum Neu\n", "utf-8")
    main(["--db", demo_url, "sites", "import", str(csv_file)])
    before = len(_read(demo_url)[1])
    assert main(["--db", demo_url, "invite", "demo", "NEU"]) == 0
    invited = _read(demo_url)[1]
    assert len(invited) == before + 1 and next(i for i in invited if i.site.code == "NEU").token
    assert main(["--db", demo_url, "invite", "demo", "NEU", "--withdraw"]) == 0
    assert len(_read(demo_url)[1]) == before
    capsys.readouterr()
    assert main(["--db", demo_url, "invite", "demo", "XX"]) == 1
    assert "unknown site code 'XX'" in capsys.readouterr().err
    assert main(["--db", demo_url, "invite", "demo", "DD", "--withdraw"]) == 1  # DD has voted
    assert "has already voted" in capsys.readouterr().err


def test_attendance_with_names_and_efns(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--db", demo_url, "attendance", "demo", "HD", "--present", "--count", "4"]
    args += ["--name", "Dr. A", "--efn", EFN, "--name", "Dr. B", "--role", "Fellow"]
    assert main(args) == 0
    row = next(i for i in _read(demo_url)[1] if i.site.code == "HD")
    assert row.present and row.attendee_count == 4
    assert [(a.name, a.efn, a.role) for a in row.attendees] == [
        ("Dr. A", EFN, ""),
        ("Dr. B", "", "Fellow"),
    ]
    assert main(["--db", demo_url, "attendance", "demo", "HD", "--absent"]) == 0
    row = next(i for i in _read(demo_url)[1] if i.site.code == "HD")
    assert not row.present and row.attendee_count == 0
    capsys.readouterr()
    bad = ["--db", demo_url, "attendance", "demo", "HD", "--present", "--name", "X", "--efn", "1"]
    assert main(bad) == 0  # the person is kept, the EFN marked for the CME office to fix
    warning = capsys.readouterr().err
    assert "15 digits expected" in warning and "X: kept" in warning
    row = next(i for i in _read(demo_url)[1] if i.site.code == "HD")
    assert [(a.name, a.efn, a.efn_invalid) for a in row.attendees] == [("X", "1", True)]
    with pytest.raises(SystemExit):
        main(["--db", demo_url, "attendance", "demo", "HD", "--present", "--efn", EFN])
    with pytest.raises(SystemExit):
        main(["--db", demo_url, "attendance", "demo", "HD", "--present", "--role", "Fellow"])


def test_a_fetched_conference_file_writes_the_same_protocol(demo_url: str, tmp_path: Path) -> None:
    from tests.reports.pdftools import page_texts

    file = tmp_path / "results.votum-conference.json"
    assert main(["--db", demo_url, "conference", "export", "demo", str(file)]) == 0
    home = f"sqlite:///{(tmp_path / 'home.sqlite3').as_posix()}"
    assert main(["--db", home, "conference", "import", str(file)]) == 0
    for url, name in ((demo_url, "original.pdf"), (home, "imported.pdf")):
        assert main(["--db", url, "report", "demo", "-o", str(tmp_path / name)]) == 0

    def text(name: str) -> list[str]:
        keep = []
        for page in page_texts(tmp_path / name):
            keep.append("\n".join(x for x in page.splitlines() if "erstellt" not in x))
        return keep

    assert text("imported.pdf") == text("original.pdf")
