"""Engine and session factories; SQLite and PostgreSQL are set up for durable, serialised writes.

Every SQLite connection gets foreign keys, WAL and ``synchronous=FULL`` (a commit
survives power loss). Sessions made by :func:`write_session` start with
``BEGIN IMMEDIATE`` so that a check ("is the question open?") and the write that
depends on it happen under the same lock; read sessions start a plain ``BEGIN``
and never block writers in WAL mode.

PostgreSQL (psycopg 3) gives the same guarantees: its commits wait for the WAL flush
(``synchronous_commit`` stays on), and a write session's transaction first takes one
transaction-level advisory lock (:data:`WRITE_LOCK`), the equivalent of ``BEGIN
IMMEDIATE``: write transactions of every process take turns, and what one of them has
checked stays true until it commits. Reads (READ COMMITTED) never wait for it. In the same
statement it queues a ``NOTIFY`` on :data:`CHANGES_CHANNEL`, which PostgreSQL delivers only
if the transaction commits: every process serving pages hears "the database changed" and
re-reads what its pages show (:mod:`app.server.fanout`). A *quiet* write session (the
voting server's writer, whose site ballots change no page) announces only what a caller
asks for with :func:`announce_change`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

WRITE_OPTION = "votum_write"
#: The key of PostgreSQL's advisory lock that write transactions hold until they end.
WRITE_LOCK = 0x766F74756D  # "votum"
#: PostgreSQL's channel announcing each committed write transaction.
CHANGES_CHANNEL = "votum_changes"
QUIET_OPTION = "votum_quiet"
_NOTIFY = f"pg_notify('{CHANGES_CHANNEL}', '')"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class DatabaseError(Exception):
    """The database cannot be opened or is not a Votum database."""


def create_db_engine(url: str, *, echo: bool = False) -> Engine:
    """An engine for ``url``; SQLite files get the pragmas and locking described above."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return _server_engine(parsed, echo=echo)
    database = parsed.database or ""
    if database and database != ":memory:" and not database.startswith("file:"):
        folder = Path(database).expanduser().resolve().parent
        if not folder.is_dir():
            raise DatabaseError(f"database folder does not exist: {folder}")
    engine = create_engine(
        url,
        echo=echo,
        connect_args={"check_same_thread": False, "timeout": 30},
        pool_size=8,
        max_overflow=32,
    )
    _configure_sqlite(engine)
    return engine


#: The one line a PostgreSQL URL gives when the driver is missing.
POSTGRES_EXTRA = (
    'PostgreSQL needs the driver psycopg 3: pip install -e ".[postgres]" '
    '(or pip install "psycopg[binary]")'
)


def _server_engine(parsed: URL, *, echo: bool) -> Engine:
    """A database server; PostgreSQL through psycopg 3 (``postgresql://`` means
    ``postgresql+psycopg://``)."""
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    try:
        engine = create_engine(parsed, echo=echo, pool_pre_ping=True, pool_size=8, max_overflow=32)
    except ImportError as exc:  # the driver named by the URL is not installed
        if parsed.drivername == "postgresql+psycopg":
            raise DatabaseError(POSTGRES_EXTRA) from None
        raise DatabaseError(f"the database driver is not installed: {exc}") from None
    if engine.dialect.name == "postgresql":
        _configure_postgresql(engine)
    return engine


def _configure_postgresql(engine: Engine) -> None:
    @event.listens_for(engine, "begin")
    def on_begin(conn: Any) -> None:
        options = conn.get_execution_options()
        if options.get(WRITE_OPTION, False):
            announce = "" if options.get(QUIET_OPTION, False) else f", {_NOTIFY}"
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK}){announce}")


def announce_change(session: Session) -> None:
    """In a quiet write session: announce this transaction's commit after all (PostgreSQL;
    elsewhere nothing)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text(f"SELECT {_NOTIFY}"))


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below issue BEGIN instead of pysqlite.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


class Database:
    """One engine plus the two kinds of session the application uses."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._read = sessionmaker(engine, expire_on_commit=False)
        self._write = sessionmaker(
            engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False
        )
        self._write_quiet = sessionmaker(
            engine.execution_options(**{WRITE_OPTION: True, QUIET_OPTION: True}),
            expire_on_commit=False,
        )

    @classmethod
    def open(cls, url: str, *, migrate: bool = True) -> Database:
        """Open ``url`` and bring its schema to the current version."""
        db = cls(create_db_engine(url))
        if migrate:
            upgrade(db.engine)
        return db

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; rolled back at the end."""
        with self._read() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session for one user action: committed on success, rolled back on error."""
        with self._write() as session, session.begin():
            yield session

    def new_write_session(self, *, quiet: bool = False) -> Session:
        """A bare write session for callers that manage commits themselves (batching);
        ``quiet``: its commits are announced only on request (:func:`announce_change`)."""
        return self._write_quiet() if quiet else self._write()

    def dispose(self) -> None:
        self.engine.dispose()


def _alembic_config(engine: Engine) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply migrations up to ``revision``; refuses a database that is not Votum's."""
    from alembic import command

    tables = set(inspect(engine).get_table_names())
    if tables and "alembic_version" not in tables:
        raise DatabaseError(
            "this database holds tables but no Votum schema version; refusing to touch it"
        )
    try:
        command.upgrade(_alembic_config(engine), revision)
    except Exception as exc:  # alembic raises plain exceptions for unknown revisions
        if "Can't locate revision" in str(exc):
            raise DatabaseError(
                "this database was written by a newer Votum; please update Votum"
            ) from exc
        raise
