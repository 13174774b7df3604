"""The command line: help for every command, the foundation commands, one-line errors."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import build_parser, main

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = [
    "demo",
    "import",
    "export",
    "list",
    "links",
    "serve",
    "report",
    "results",
    "poll-import",
]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    assert "usage:" in capsys.readouterr().out


def test_parser_lists_all_spec_commands() -> None:
    help_text = build_parser().format_help()
    for command in COMMANDS:
        assert command in help_text


def test_demo_import_export_through_the_real_program(tmp_path: Path) -> None:
    db = f"sqlite:///{(tmp_path / 'cli.sqlite3').as_posix()}"
    env_run = [sys.executable, str(ROOT / "main.py"), "--db", db]

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*env_run, *args], capture_output=True, text=True, timeout=120)

    created = run("demo", "--no-gui")
    assert created.returncode == 0, created.stderr
    assert "demo conference ready: demo" in created.stdout
    package = tmp_path / "demo.votum.json"
    exported = run("export", "demo", str(package))
    assert exported.returncode == 0, exported.stderr
    assert len(json.loads(package.read_text("utf-8"))["cases"]) == 3
    imported = run("import", str(package), str(package))
    assert imported.returncode == 0, imported.stderr
    assert "cases: 6, files: 2" in imported.stdout
    listed = run("list")
    # the imported conference, the demo and its round's earlier session
    assert listed.stdout.count("\n") == 3 and "\tdemo\t" in listed.stdout


def test_broken_package_exits_non_zero_with_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{(tmp_path / 'cli.sqlite3').as_posix()}"
    bad = tmp_path / "kaputt.votum.json"
    bad.write_text('{"cases": [', "utf-8")
    assert main(["--db", db, "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("votum: kaputt.votum.json: line 1") and "invalid JSON" in err
    assert "Zeile" not in err
    assert main(["--db", db, "list"]) == 0
    assert "no conferences yet" in capsys.readouterr().out


def test_unknown_conference_and_missing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{(tmp_path / 'cli.sqlite3').as_posix()}"
    assert main(["--db", db, "export", "nirgendwo", str(tmp_path / "x.json")]) == 1
    assert "conference not found" in capsys.readouterr().err
    assert not (tmp_path / "x.json").exists()
    assert main(["--db", db, "import", str(tmp_path / "fehlt.json")]) == 1
    assert "file not found" in capsys.readouterr().err


def test_a_file_that_is_no_database_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not an sqlite file at all" * 100)
    assert main(["--db", f"sqlite:///{junk.as_posix()}", "list"]) == 1
    err = capsys.readouterr().err
    assert err.count("cannot be opened") == 1  # said once, not inside itself
    assert "(file is not a database); nothing was changed" in err


def test_postgresql_without_its_driver_is_one_line_naming_the_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if the extra were not installed
    assert main(["--db", "postgresql://votum@127.0.0.1:5432/votum", "list"]) == 1
    err = capsys.readouterr().err
    assert err == (
        'votum: database: PostgreSQL needs the driver psycopg 3: pip install -e ".[postgres]" '
        '(or pip install "psycopg[binary]")\n'
    )


def test_an_unreachable_database_server_is_one_line_without_its_password(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert main(["--db", f"postgresql://votum:geheim@127.0.0.1:{port}/votum", "list"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "database unreachable" in err
    assert "geheim" not in err and f"votum:***@127.0.0.1:{port}" in err


def test_db_url_comes_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("VOTUM_DB", f"sqlite:///{(tmp_path / 'env.sqlite3').as_posix()}")
    assert main(["demo", "--no-gui"]) == 0
    assert (tmp_path / "env.sqlite3").exists()


def test_attendance_list_and_empty_protocol_on_request(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{(tmp_path / 'cli.sqlite3').as_posix()}"
    assert main(["--db", db, "demo", "--no-gui"]) == 0
    attendance = tmp_path / "anwesenheit.csv"
    assert (
        main(["--db", db, "results", "demo", "--format", "attendance-csv", "-o", str(attendance)])
        == 0
    )
    text = attendance.read_text("utf-8-sig")
    assert "Universitätsklinikum Dresden" in text and "802765260181597" in text
    package = tmp_path / "p.votum.json"
    assert main(["--db", db, "export", "demo", str(package)]) == 0
    assert main(["--db", db, "import", str(package)]) == 0
    capsys.readouterr()
    new_slug = next(line.split("\t")[1] for line in _lines(db, capsys) if "\tdemo\t" not in line)
    protocol = tmp_path / "leer.pdf"
    assert main(["--db", db, "report", new_slug, "-o", str(protocol)]) == 1
    assert "no ballots" in capsys.readouterr().err and not protocol.exists()
    assert main(["--db", db, "report", new_slug, "-o", str(protocol), "--allow-empty"]) == 0
    assert protocol.read_bytes().startswith(b"%PDF")


def _lines(db: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["--db", db, "list"]) == 0
    return capsys.readouterr().out.strip().splitlines()


@pytest.mark.parametrize("port", ["70000", "-1", "acht"])
@pytest.mark.parametrize("command", ["serve", "links"])
def test_a_port_out_of_range_is_a_usage_error(
    command: str, port: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "demo", "--port", port])
    assert exit_info.value.code == 2
    assert "--port" in capsys.readouterr().err


@pytest.mark.parametrize(
    "base",
    [
        "ftp://192.168.1.20:8765",
        "http:///v",
        "http://x y:8765",
        "http://192.168.1.20:8765/?a=1",
        "http://192.168.1.20:8765#frag",
        "http://192.168.1.20:99999",
        "192.168.1.20:8765",
    ],
)
def test_links_refuse_a_base_url_that_cannot_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], base: str
) -> None:
    db = f"sqlite:///{(tmp_path / 'cli.sqlite3').as_posix()}"
    assert main(["--db", db, "demo", "--no-gui"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "links", "demo", "--base-url", base]) == 1
    captured = capsys.readouterr()
    assert "--base-url" in captured.err and captured.out == ""


def test_links_accept_any_case_scheme_and_trailing_slash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{(tmp_path / 'cli.sqlite3').as_posix()}"
    assert main(["--db", db, "demo", "--no-gui"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "links", "demo", "--base-url", "HTTP://192.168.1.20:8765/"]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    assert len(rows) == 18
    assert all("http://192.168.1.20:8765/v/" in row for row in rows)


def test_serve_and_links_defaults_come_from_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VOTUM_HOST", "127.0.0.1")
    monkeypatch.setenv("VOTUM_PORT", "9100")
    serve = build_parser().parse_args(["serve", "demo"])
    assert (serve.host, serve.port) == ("127.0.0.1", 9100)
    assert build_parser().parse_args(["links", "demo"]).port == 9100
    assert build_parser().parse_args(["serve", "demo", "--port", "9200"]).port == 9200


def test_a_bad_setting_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("VOTUM_PORT", "eighty")
    assert main(["list"]) == 2
    assert capsys.readouterr().err == "votum: VOTUM_PORT='eighty': expected a whole number\n"


def test_a_console_code_page_without_the_arrow_does_not_end_the_command(tmp_path: Path) -> None:
    """German Windows writes a redirected stdout in cp1252, which has no "→"."""
    url = f"sqlite:///{(tmp_path / 'new.sqlite3').as_posix()}"
    env = {**os.environ, "PYTHONIOENCODING": "cp1252", "VOTUM_LANG": "de"}
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", url, "migrate"],
        capture_output=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr.decode("cp1252", "replace")
    assert "Schema der Datenbank aktualisiert: leer ? " in done.stdout.decode("cp1252")
