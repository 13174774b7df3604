"""Shared fixtures: a fresh database per test on SQLite and on PostgreSQL, the demo
conference, offscreen Qt.

PostgreSQL comes from ``--pg-url URL`` or ``$VOTUM_TEST_PG_URL`` (a superuser's URL: each
test gets its own database, copied from a migrated template). Without either, the session
starts a throwaway cluster of its own when PostgreSQL's binaries are installed
(``tests/pgcluster.py``), so ``python -m pytest`` alone tests both backends; only without
binaries are the PostgreSQL variants skipped, with the reason.
"""

from __future__ import annotations

import gc
import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy.engine import make_url

from app.db import Database
from app.services.demo import load_demo
from tests.pgcluster import Cluster, ClusterError, find_bin_dir

PG_URL_ENV_VAR = "VOTUM_TEST_PG_URL"
BACKENDS = ["sqlite", "postgresql"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--pg-url",
        default=None,
        metavar="URL",
        help=f"a PostgreSQL superuser's URL for the PostgreSQL variants (or ${PG_URL_ENV_VAR}; "
        "default: a throwaway cluster if PostgreSQL is installed)",
    )


@pytest.fixture(autouse=True)
def command_line_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line speaks the system's language: the tests pin English (a test of
    German output sets ``VOTUM_LANG=de`` itself); servers started as processes inherit it."""
    monkeypatch.setenv("VOTUM_LANG", "en")


@pytest.fixture(autouse=True)
def garbage_collector_as_found() -> Iterator[None]:
    """Servers started by a test tune the collector for the whole process: undo it."""
    thresholds = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)


def libpq(url: str) -> str:
    """An SQLAlchemy URL as psycopg's own connection string."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


class PostgresServer:
    """A PostgreSQL server for this test session: a migrated template, databases copied
    from it (``CREATE DATABASE … TEMPLATE``: about 0.1 s, ten times cheaper than migrating)."""

    def __init__(self, admin_url: str) -> None:
        import psycopg

        self.admin_url = admin_url
        self._admin = psycopg.connect(libpq(admin_url), autocommit=True)
        self._names = itertools.count(1)
        self._prefix = f"votum_test_{os.getpid()}"
        self.template = f"{self._prefix}_template"
        self._admin.execute(f"DROP DATABASE IF EXISTS {self.template} WITH (FORCE)")
        self._admin.execute(f"CREATE DATABASE {self.template}")
        Database.open(self.url_of(self.template)).dispose()

    def url_of(self, name: str) -> str:
        return make_url(self.admin_url).set(database=name).render_as_string(hide_password=False)

    def new_database(self, *, migrated: bool = True) -> str:
        """A fresh database's URL (an empty one unless ``migrated``)."""
        name = f"{self._prefix}_{next(self._names)}"
        template = f" TEMPLATE {self.template} STRATEGY FILE_COPY" if migrated else ""
        self._admin.execute(f"CREATE DATABASE {name}{template}")
        return self.url_of(name)

    def drop(self, url: str) -> None:
        self._admin.execute(f"DROP DATABASE IF EXISTS {make_url(url).database} WITH (FORCE)")

    def close(self) -> None:
        self.drop(self.url_of(self.template))
        self._admin.close()


@pytest.fixture(scope="session")
def postgres(request: pytest.FixtureRequest) -> Iterator[PostgresServer]:
    """The session's PostgreSQL server (given, or a throwaway cluster), else a skip."""
    url = request.config.getoption("--pg-url") or os.environ.get(PG_URL_ENV_VAR)
    try:
        import psycopg  # noqa: F401
    except ImportError:
        missing = 'PostgreSQL: its driver is not installed (pip install -e ".[test,postgres]")'
        if url:  # asked for, so a failure: never a silent skip
            pytest.fail(missing)
        pytest.skip(missing)
    cluster = None
    if not url:
        bin_dir = find_bin_dir()
        if bin_dir is None:
            pytest.skip(
                f"PostgreSQL: no server given (--pg-url or ${PG_URL_ENV_VAR}) and no "
                "PostgreSQL installed to start one (initdb, pg_ctl)"
            )
        cluster = Cluster(bin_dir)
        try:
            url = cluster.start()
        except ClusterError as exc:
            cluster.stop()
            pytest.fail(f"PostgreSQL: the throwaway cluster did not start: {exc}")
    server = PostgresServer(url)
    try:
        yield server
    finally:
        server.close()
        if cluster is not None:
            cluster.stop()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def new_db_url(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[Callable[[], str]]:
    """Makes fresh databases on this test's backend (PostgreSQL's already migrated)."""
    made: list[str] = []
    server: PostgresServer | None = None
    if backend != "sqlite":
        server = request.getfixturevalue("postgres")

    def make() -> str:
        if server is None:
            name = f"votum{len(made) or ''}.sqlite3"  # the first keeps its old name
            url = f"sqlite:///{(tmp_path / name).as_posix()}"
        else:
            url = server.new_database()
        made.append(url)
        return url

    yield make
    if server is not None:
        for url in made:
            server.drop(url)


@pytest.fixture
def db_url(new_db_url: Callable[[], str]) -> str:
    """A fresh database for this test, on each backend in turn."""
    return new_db_url()


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    """A fresh, migrated database file."""
    database = Database.open(db_url)
    yield database
    database.dispose()


@pytest.fixture
def demo_id(db: Database) -> int:
    """The demo conference loaded into ``db``."""
    with db.write() as session:
        return load_demo(session)
