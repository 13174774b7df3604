"""Every failure of a hosted server said for what it is, on the console's strip, in the UI
language, against a real ``serve`` over HTTPS: an untrusted certificate, a refused token
and a deleted conference are not retried; a server that cannot reach its database is
said as such, and the console is back by itself once it can."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import psycopg
import pytest
import trustme
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from app.db import Database
from app.remote.client import Connection, tls_context
from app.services.demo import load_demo
from app.ui.i18n import install_language
from app.ui.live.console import LiveConsole
from app.ui.live.remote_session import RemoteSession
from app.ui.live.source import Problem
from tests.conftest import PostgresServer, libpq
from tests.remote.hosting import Hosted, ca, ca_file, host, hosted, server_db_url
from tests.server.helpers import tokens
from tests.server.test_storage_episodes import read_only

pytestmark = pytest.mark.slow
__all__ = ["ca", "ca_file", "hosted", "server_db_url"]  # the hosted server's fixtures

WAIT = 20_000
CERTIFICATE = (
    "The server's certificate is not trusted: choose its CA file "
    "(Live → Connect to a voting server…), or ask IT."
)


@pytest.fixture
def attach(qtbot: QtBot) -> Iterator[Callable[[Connection], tuple[RemoteSession, LiveConsole]]]:
    sessions: list[RemoteSession] = []

    def attach(connection: Connection) -> tuple[RemoteSession, LiveConsole]:
        session = RemoteSession(connection, retry_seconds=1)
        sessions.append(session)
        console = LiveConsole(session)
        qtbot.addWidget(console)
        console.resize(1280, 720)
        console.show()
        return session, console

    try:
        yield attach
    finally:
        for session in sessions:
            session.close()
        install_language("en")


def _not_retried(qtbot: QtBot, session: RemoteSession) -> None:
    """No request goes out any more (a problem retrying cannot mend)."""
    qtbot.wait(1500)  # the stream's retry would come after 1 s
    tries = session.traffic[0]
    qtbot.wait(2500)
    assert session.traffic[0] == tries


def test_an_untrusted_certificate_is_said_in_the_ui_language_and_not_retried(
    qtbot: QtBot, hosted: Hosted, attach: Callable[[Connection], tuple[RemoteSession, LiveConsole]]
) -> None:
    session, console = attach(hosted.connection(ca=False))  # the hospital's CA not given
    strip = console.connection_strip
    qtbot.waitUntil(strip.isVisible, timeout=WAIT)
    assert session.connection_state.problem is Problem.CERTIFICATE
    assert strip.text() == CERTIFICATE
    assert strip.toolTip().startswith(f"certificate of 127.0.0.1:{hosted.port} not trusted")
    assert console.server_label.text() == f"Not connected to 127.0.0.1:{hosted.port}"
    assert not console.primary.isEnabled() and not console.actions_.attendance.isEnabled()
    _not_retried(qtbot, session)
    install_language("de")  # the problem is said again, in German, at once
    qtbot.waitUntil(lambda: strip.text() != CERTIFICATE, timeout=2000)
    assert strip.text() == (
        "Das Zertifikat des Servers ist nicht vertrauenswürdig: seine CA-Datei wählen "
        "(Live → Mit Abstimmungsserver verbinden …) oder die IT fragen."
    )
    assert strip.toolTip().startswith(f"Zertifikat von 127.0.0.1:{hosted.port}")


def test_a_refused_token_is_said_and_not_retried(
    qtbot: QtBot, hosted: Hosted, attach: Callable[[Connection], tuple[RemoteSession, LiveConsole]]
) -> None:
    session, console = attach(Connection(hosted.url, "x" * 40, hosted.ca_file))
    qtbot.waitUntil(console.connection_strip.isVisible, timeout=WAIT)
    assert session.connection_state.problem is Problem.TOKEN
    assert console.connection_strip.text() == (
        "The server refuses the moderator token: enter it again "
        "(Live → Connect to a voting server…)."
    )
    _not_retried(qtbot, session)


def test_a_conference_deleted_on_the_server_is_said_and_not_retried(
    qtbot: QtBot, hosted: Hosted, attach: Callable[[Connection], tuple[RemoteSession, LiveConsole]]
) -> None:
    session, console = attach(hosted.connection())
    qtbot.waitUntil(lambda: session.online and console.snapshot is not None, timeout=WAIT)
    with httpx.Client(verify=tls_context(hosted.ca_file), timeout=10) as http:
        deleted = http.delete(
            f"{hosted.url}/api/moderator/conference",
            headers={"Authorization": f"Bearer {hosted.token}"},
        )
    assert deleted.status_code == 204
    qtbot.waitUntil(lambda: session.connection_state.problem is Problem.GONE, timeout=WAIT)
    assert console.connection_strip.text() == "This conference no longer exists on the server."
    assert not console.primary.isEnabled()
    _not_retried(qtbot, session)


@pytest.fixture
def on_postgres(
    postgres: PostgresServer, ca: trustme.CA, ca_file: Path, tmp_path: Path
) -> Iterator[tuple[Hosted, str]]:
    """A hosted server on a PostgreSQL database of its own (name given) with the demo."""
    url = postgres.new_database()
    database = Database.open(url)
    with database.write() as session:
        load_demo(session)
    database.dispose()
    server = host(url, ca, ca_file, tmp_path)
    try:
        yield server, str(make_url(url).database)
    finally:
        server.kill()
        postgres.drop(url)


def test_a_server_without_its_database_is_said_and_the_console_comes_back(
    qtbot: QtBot,
    postgres: PostgresServer,
    on_postgres: tuple[Hosted, str],
    attach: Callable[[Connection], tuple[RemoteSession, LiveConsole]],
) -> None:
    hosted, name = on_postgres
    session, console = attach(hosted.connection())
    qtbot.waitUntil(lambda: session.online and console.snapshot is not None, timeout=WAIT)
    with psycopg.connect(libpq(postgres.admin_url), autocommit=True) as admin:
        admin.execute(f"ALTER DATABASE {name} ALLOW_CONNECTIONS false")
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,)
        )
        qtbot.waitUntil(lambda: session.connection_state.problem is Problem.STORAGE, timeout=WAIT)
        assert console.connection_strip.text() == (
            "Connected, but the server cannot reach its database: votes are not being stored. "
            "Retrying in 1 s"
        )
        assert not console.primary.isEnabled()
        admin.execute(f"ALTER DATABASE {name} ALLOW_CONNECTIONS true")
    qtbot.waitUntil(lambda: session.online, timeout=WAIT)
    assert not console.connection_strip.isVisible()
    assert console.server_label.text() == f"Connected to 127.0.0.1:{hosted.port}"


def test_a_server_whose_sqlite_file_turned_read_only_is_said_and_the_console_comes_back(
    qtbot: QtBot,
    hosted: Hosted,
    server_db_url: str,
    attach: Callable[[Connection], tuple[RemoteSession, LiveConsole]],
) -> None:
    """The file still reads: the console learns it from a site's write the server could
    not store, and from the server's trial write while the fault lasts."""
    session, console = attach(hosted.connection())
    qtbot.waitUntil(lambda: session.online and console.snapshot is not None, timeout=WAIT)
    path = Path(make_url(server_db_url).database or "")
    server_db = Database.open(server_db_url)
    token = tokens(server_db, session.conference_id)["FR"]
    server_db.dispose()
    people = {"attendees": [{"name": "Dr. Anna Weiß"}]}
    with (
        httpx.Client(base_url=hosted.url, verify=tls_context(hosted.ca_file), timeout=10) as http,
        read_only(path, Path(f"{path}-wal")),
    ):
        assert http.put(f"/api/v/{token}/attendees", json=people).status_code == 503
        qtbot.waitUntil(lambda: session.connection_state.problem is Problem.STORAGE, timeout=WAIT)
        assert console.connection_strip.text() == (
            "Connected, but the server cannot reach its database: votes are not being stored. "
            "Retrying in 1 s"
        )
        assert not console.primary.isEnabled()
    qtbot.waitUntil(lambda: session.online, timeout=WAIT)  # writable again: the retry sees it
    assert not console.connection_strip.isVisible()
    assert console.server_label.text() == f"Connected to 127.0.0.1:{hosted.port}"
