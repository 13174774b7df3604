"""``python main.py report`` and ``results``: success, and one clear line on bad input."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from app.cli import main
from app.db import Database
from app.services import conferences


@pytest.fixture
def empty_id(db: Database) -> int:
    """A conference with sites but no ballots yet."""
    with db.write() as session:
        conf = conferences.create_conference(
            session, "Noch leer", dt.date(2026, 12, 1), slug="leer"
        )
        site = conferences.ensure_site(session, conferences.SiteData("Klinikum Köln", "K"))
        conferences.invite_sites(session, conf, [site])
        return conf


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_report_and_results_succeed(
    db_url: str, demo_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    assert main(["--db", db_url, "report", "demo", "-o", str(out / "p.pdf"), "--lang", "en"]) == 0
    assert (out / "p.pdf").read_bytes().startswith(b"%PDF")
    for fmt in ("csv", "xlsx", "json"):
        assert (
            main(["--db", db_url, "results", "demo", "--format", fmt, "-o", str(out / f"r.{fmt}")])
            == 0
        )
    assert _leftovers(out) == ["p.pdf", "r.ballots.csv", "r.csv", "r.json", "r.xlsx"]
    assert "protocol written" in capsys.readouterr().out


@pytest.mark.parametrize("command", ["report", "results"])
def test_unknown_conference(
    db_url: str, demo_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    target = tmp_path / "out"
    target.mkdir()
    args = ["--db", db_url, command, "gibt-es-nicht", "-o", str(target / "x.pdf")]
    if command == "results":
        args += ["--format", "xlsx"]
    assert main(args) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("votum: ") and "gibt-es-nicht" in err and "not found" in err
    assert len(err.splitlines()) == 1
    assert _leftovers(target) == []


@pytest.mark.parametrize(
    "make_target",
    [
        lambda tmp: tmp / "missing-folder" / "p.pdf",
        lambda tmp: tmp,  # a folder
        lambda tmp: tmp / "a-file.txt" / "p.pdf",  # a file as the folder
    ],
)
def test_unwritable_output(
    db_url: str,
    demo_id: int,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    make_target: Callable[[Path], Path],
) -> None:
    (tmp_path / "a-file.txt").write_text("x")
    before = _leftovers(tmp_path)
    target = make_target(tmp_path)
    for args in (["report", "demo"], ["results", "demo", "--format", "csv"]):
        assert main(["--db", db_url, *args, "-o", str(target)]) == 1
        err = capsys.readouterr().err.strip()
        assert err.startswith("votum: ") and len(err.splitlines()) == 1
    assert _leftovers(tmp_path) == before


def test_read_only_folder(
    db_url: str, demo_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running with privileges that ignore folder permissions")
        assert main(["--db", db_url, "report", "demo", "-o", str(folder / "p.pdf")]) == 1
        assert "cannot write" in capsys.readouterr().err
        assert _leftovers(folder) == []
    finally:
        folder.chmod(0o700)


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
def test_folder_that_refuses_new_files_even_for_root(
    db_url: str, demo_id: int, capsys: pytest.CaptureFixture[str]
) -> None:
    """/proc accepts no new files whatever the privileges: the write fails cleanly."""
    assert main(["--db", db_url, "report", "demo", "-o", "/proc/self/votum-protocol.pdf"]) == 1
    err = capsys.readouterr().err.strip()
    assert "cannot write" in err and len(err.splitlines()) == 1


@pytest.mark.parametrize("fmt", ["pdf", "csv", "xlsx", "json"])
def test_conference_without_ballots(
    db_url: str, empty_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    target = tmp_path / "out"
    target.mkdir()
    if fmt == "pdf":
        args = ["report", "leer", "-o", str(target / "p.pdf")]
    else:
        args = ["results", "leer", "--format", fmt, "-o", str(target / f"r.{fmt}")]
    assert main(["--db", db_url, *args]) == 1
    err = capsys.readouterr().err.strip()
    assert "has no ballots yet" in err and len(err.splitlines()) == 1
    assert _leftovers(target) == []


def test_empty_protocol_when_asked(db: Database, empty_id: int, tmp_path: Path) -> None:
    from app.reports.protocol import write_protocol

    path = tmp_path / "p.pdf"
    write_protocol(db, empty_id, path, allow_empty=True)
    assert path.read_bytes().startswith(b"%PDF")


def test_failure_while_rendering_leaves_no_file(
    db: Database, demo_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.reports import protocol

    def broken(*args: object, **kwargs: object) -> bytes:
        raise RuntimeError("boom")

    monkeypatch.setattr(protocol, "render_protocol", broken)
    target = tmp_path / "out"
    target.mkdir()
    with pytest.raises(RuntimeError):
        protocol.write_protocol(db, demo_id, target / "p.pdf")
    assert _leftovers(target) == []


def test_written_files_are_readable_by_others(db: Database, demo_id: int, tmp_path: Path) -> None:
    """The atomic write starts from a private temporary file; the result must not stay 0600."""
    import os
    import stat

    from app.reports.protocol import write_protocol

    if os.name != "posix":
        pytest.skip("POSIX permissions")
    path = tmp_path / "p.pdf"
    write_protocol(db, demo_id, path)
    assert path.stat().st_mode & stat.S_IROTH
