"""Storage faults made for real, one log line each: a read-only database file refuses
``serve`` at start; a file that turns read-only, a disk that fills up and a PostgreSQL
that goes away during voting are one log line saying what to do and one when it works
again (no traceback), sites get "not stored, try again" in their language and the voter
page its own styled page that tries again by itself, never the driver's words.

Root ignores file modes: a read-only file is made immutable (``chattr +i``), a full
disk is a small tmpfs; where the machine does not allow that, the test is skipped.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import psycopg
import pytest
from sqlalchemy.engine import make_url

from app.db import Database
from app.server.runner import VotingServer
from app.services.agenda import get_question
from app.services.ballots import current_ballots
from app.services.demo import load_demo
from tests.conftest import PostgresServer, libpq
from tests.server.helpers import current_question, make_conference, tokens

ROOT = Path(__file__).resolve().parents[2]
STORAGE_LOG = "app.server.storage"


def _chattr(flag: str, paths: list[Path]) -> None:
    done = subprocess.run(["chattr", flag, *map(str, paths)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"chattr {flag} is not allowed here: {done.stderr.strip()}")


@contextlib.contextmanager
def read_only(*paths: Path) -> Iterator[None]:
    """The files cannot be written, not even by root, until the block ends."""
    if sys.platform == "win32" or shutil.which("chattr") is None:
        pytest.skip("needs chattr (Linux)")
    _chattr("+i", list(paths))
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", *map(str, paths)], check=True)


def _episode_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == STORAGE_LOG]


def _tracebacks(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [f"{r.name}: {r.getMessage()}" for r in caplog.records if r.exc_info]


@pytest.mark.parametrize("backend", ["sqlite"])
def test_serve_on_a_read_only_database_is_one_line_and_exit_1_at_start(
    db_url: str, db: Database
) -> None:
    with db.write() as session:
        load_demo(session)
    db.dispose()
    path = Path(make_url(db_url).database or "")
    with read_only(path):
        done = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "--db", db_url, "serve", "demo",
             "--host", "127.0.0.1", "--port", "0"],
            capture_output=True, text=True, timeout=120, cwd=ROOT,
        )  # fmt: skip
    assert done.returncode == 1, done.stdout
    assert done.stdout == "" and done.stderr.count("\n") == 1, done.stderr
    assert done.stderr.startswith(f"votum: database {path}: read-only")  # VOTUM_LANG=en
    assert f"database {path}: read-only; the server could not store a single vote" in done.stderr
    assert f"allow writing to the file and its folder ({path.parent})" in done.stderr


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_database_turning_read_only_is_one_log_line_and_one_when_it_recovers(
    db_url: str, db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    with db.write() as session:
        conf_id = make_conference(session, 12, prefix="RO")
    question = current_question(db, conf_id)
    with db.read() as session:
        yes = get_question(session, question).options[0].id
    codes = tokens(db, conf_id)
    path = Path(make_url(db_url).database or "")
    server = VotingServer(db, conf_id, host="127.0.0.1", port=0)
    server.start()
    ballot = {"question_id": question, "option_ids": [yes]}
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{server.port}", timeout=20) as http:
            assert http.post(f"/api/v/{codes['RO000']}/ballot", json=ballot).status_code == 200
            with caplog.at_level(logging.INFO), read_only(path, Path(f"{path}-wal")):
                refused = [
                    http.post(f"/api/v/{codes[f'RO{n:03d}']}/ballot", json=ballot)
                    for n in range(1, 11)
                ]
                page = http.post(
                    f"/v/{codes['RO011']}?lang=de",
                    data={"question_id": str(question), "choice": str(yes)},
                )
            assert {r.status_code for r in refused} == {503}
            said = refused[0].json()["messages"]
            assert said["en"].startswith("not stored (") and said["en"].endswith("please try again")
            assert said["de"].startswith("Nicht gespeichert (")
            assert page.status_code == 503 and "Nicht gespeichert (" in page.text
            (fault,) = _episode_lines(caplog)
            assert f"database {path}: " in fault and "nothing is stored" in fault
            assert str(path.parent) in fault  # where to look
            with caplog.at_level(logging.INFO):
                again = http.post(f"/api/v/{codes['RO005']}/ballot", json=ballot)
            assert again.status_code == 200
    finally:
        server.stop()
    lines = _episode_lines(caplog)
    assert len(lines) == 2 and f"database {path}: works again, storing resumed" in lines[1]
    assert _tracebacks(caplog) == []
    with db.read() as session:
        stored = {b.site_id for b in current_ballots(session, question)}
    assert len(stored) == 2  # the first ballot and the one after the fault, nothing between


@contextlib.contextmanager
def small_disk(folder: Path, size: str = "8M") -> Iterator[Path]:
    """A tmpfs of ``size`` at ``folder`` (skipped where mounting is not allowed)."""
    if sys.platform != "linux":
        pytest.skip("needs a Linux tmpfs")
    folder.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True, text=True,
    )  # fmt: skip
    if done.returncode != 0:
        pytest.skip(f"mounting a small tmpfs is not allowed here: {done.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _fill(path: Path) -> None:
    """Take every free byte of the disk ``path`` lies on."""
    with path.open("wb", buffering=0) as filler, contextlib.suppress(OSError):
        while True:  # unbuffered: nothing is left to write when the file closes
            filler.write(b"\0" * 65536)


def test_a_full_disk_in_a_burst_is_one_log_line_and_nothing_lost(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with small_disk(tmp_path / "disk") as disk:
        db = Database.open(f"sqlite:///{(disk / 'voll.sqlite3').as_posix()}")
        with db.write() as session:
            conf_id = make_conference(session, 40, prefix="FD")
        question = current_question(db, conf_id)
        with db.read() as session:
            yes = get_question(session, question).options[0].id
        codes = list(tokens(db, conf_id).values())
        server = VotingServer(db, conf_id, host="127.0.0.1", port=0)
        server.start()
        body = {"question_id": question, "option_ids": [yes], "comment": "x" * 1_900}
        try:
            base = f"http://127.0.0.1:{server.port}"
            with httpx.Client(base_url=base, timeout=30) as http, caplog.at_level(logging.INFO):
                _fill(disk / "filler")
                answers = [http.post(f"/api/v/{t}/ballot", json=body) for t in codes[:30]]
                assert 503 in {a.status_code for a in answers}
                (disk / "filler").unlink()
                time.sleep(0.2)
                after = [http.post(f"/api/v/{t}/ballot", json=body) for t in codes[30:]]
        finally:
            server.stop()
        with db.read() as session:
            stored = {b.site_id for b in current_ballots(session, question)}
        db.dispose()
    acknowledged = [a.json()["site_id"] for a in answers + after if a.status_code == 200]
    assert {a.status_code for a in answers} <= {200, 503}
    assert [a.status_code for a in after] == [200] * 10
    assert set(acknowledged) <= stored  # every acknowledged ballot is on disk
    refused = next(a for a in answers if a.status_code == 503).json()["messages"]
    assert refused["en"] == "not stored (disk full), please try again"
    lines = _episode_lines(caplog)
    assert len(lines) == 2, lines
    assert "disk full — nothing is stored" in lines[0] and "free disk space" in lines[0]
    assert "works again" in lines[1]
    assert _tracebacks(caplog) == []


@contextlib.contextmanager
def postgresql_away(admin_url: str, database: str) -> Iterator[None]:
    """The database refuses every connection and its open ones are cut, until the end."""
    with psycopg.connect(libpq(admin_url), autocommit=True) as admin:
        admin.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS false')
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
            (database,),
        )
        try:
            yield
        finally:
            admin.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS true')


@pytest.mark.parametrize("backend", ["postgresql"])
def test_postgresql_gone_is_a_page_of_our_own_one_log_line_and_recovery(
    db_url: str, db: Database, postgres: PostgresServer, caplog: pytest.LogCaptureFixture
) -> None:
    with db.write() as session:
        conf_id = make_conference(session, 5, prefix="PG")
    question = current_question(db, conf_id)
    with db.read() as session:
        yes = get_question(session, question).options[0].id
    codes = tokens(db, conf_id)
    url = make_url(db_url)
    server = VotingServer(db, conf_id, host="127.0.0.1", port=0)
    server.start()
    ballot = {"question_id": question, "option_ids": [yes]}
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{server.port}", timeout=30) as http:
            with caplog.at_level(logging.INFO):
                with postgresql_away(postgres.admin_url, url.database or ""):
                    time.sleep(1.0)  # the live state's poll fails a few times meanwhile
                    page = http.get(f"/v/{codes['PG001']}?lang=de")
                    english = http.get(f"/v/{codes['PG001']}?lang=en")
                    vote = http.post(f"/api/v/{codes['PG002']}/ballot", json=ballot)
                    form = http.post(
                        f"/v/{codes['PG003']}?lang=de",
                        data={"question_id": str(question), "choice": str(yes)},
                    )
                for _ in range(50):  # the poll hears the server back within a moment
                    if len(_episode_lines(caplog)) == 2:
                        break
                    time.sleep(0.2)
            after = http.post(f"/api/v/{codes['PG004']}/ballot", json=ballot)
    finally:
        server.stop()
    for answer in (page, english, form):
        assert answer.status_code == 503 and answer.headers["retry-after"] == "5"
        assert '<meta http-equiv="refresh" content="5">' in answer.text  # tries again itself
        assert 'href="/static/voter.css"' in answer.text  # styled as every voter page
        for internal in (str(url.port), "127.0.0.1", "connection", "psycopg", "server closed"):
            assert internal not in answer.text
    assert (
        "Gerade nicht erreichbar" in page.text and "Datenbankserver nicht erreichbar" in page.text
    )
    assert "Not reachable right now" in english.text and 'lang="en"' in english.text
    assert "Die Stimme wurde nicht gespeichert" in form.text
    assert vote.status_code == 503
    assert vote.json()["messages"] == {
        "de": "Nicht gespeichert (Datenbankserver nicht erreichbar) – bitte gleich noch einmal "
        "versuchen",
        "en": "not stored (database server unreachable), please try again",
    }
    assert after.status_code == 200
    lines = _episode_lines(caplog)
    assert len(lines) == 2, lines
    assert "database server unreachable — nothing is stored" in lines[0]
    assert "start PostgreSQL or check its address in VOTUM_DB" in lines[0]
    assert "works again" in lines[1]
    assert _tracebacks(caplog) == []
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING and r.name != STORAGE_LOG]


@pytest.mark.browser
@pytest.mark.parametrize("backend", ["postgresql"])
def test_the_voter_page_in_a_browser_tries_again_by_itself_until_the_database_is_back(
    db_url: str, db: Database, postgres: PostgresServer
) -> None:
    from tests.server.test_browser import ARGS, CHROMIUM

    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    with db.write() as session:
        conf_id = make_conference(session, 2, prefix="BR")
    token = tokens(db, conf_id)["BR000"]
    server = VotingServer(db, conf_id, host="127.0.0.1", port=0)
    server.start()
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            page = browser.new_page(java_script_enabled=False)  # the oldest browser there is
            with postgresql_away(postgres.admin_url, make_url(db_url).database or ""):
                page.goto(f"http://127.0.0.1:{server.port}/v/{token}?lang=de")
                sync_api.expect(page.locator("h1")).to_have_text("Gerade nicht erreichbar")
                assert "5432" not in page.content()
            sync_api.expect(page.locator("#site-name")).to_have_text(
                "Standort BR000", timeout=20_000
            )  # reloaded by itself once the database answered again
            browser.close()
    finally:
        server.stop()
