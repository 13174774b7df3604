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

from app.texts import Catalog, Message

WRITE_OPTION = "votum_write"
#: The key of PostgreSQL's advisory lock that write transactions hold until they end.
WRITE_LOCK = 0x766F74756D  # "votum"
#: PostgreSQL's channel announcing each committed write transaction.
CHANGES_CHANNEL = "votum_changes"
QUIET_OPTION = "votum_quiet"
_NOTIFY = f"pg_notify('{CHANGES_CHANNEL}', '')"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


#: What the database layer says, key → (German, English). A small catalog of its own here
#: rather than in a sibling module: app.db is one module of its layer (see the import
#: contracts in pyproject.toml), and a separate module would be one the contract does not name.
_TEXTS: dict[str, tuple[str, str]] = {
    # --- what keeps a database from storing (see _STORAGE_FAULTS) -------------------------
    "disk_full": ("Datenträger voll", "disk full"),
    "read_only": ("schreibgeschützt", "read-only"),
    "cannot_open_file": ("Datei nicht zu öffnen", "cannot open the file"),
    "io_error": ("Lese-/Schreibfehler", "disk I/O error"),
    "file_damaged": ("Datei beschädigt", "file is damaged"),
    "not_a_database": ("keine Datenbankdatei", "not a database file"),
    "locked_by_another": ("von einem anderen Programm gesperrt", "locked by another program"),
    "locked": ("gesperrt", "locked"),
    "permission_denied": ("keine Berechtigung", "permission denied"),
    # --- storing and opening ------------------------------------------------------------
    "unreachable": (
        "Datenbank nicht erreichbar ({reason})",
        "database unreachable ({reason})",
    ),
    "unreachable_plain": ("Datenbankserver nicht erreichbar", "database server unreachable"),
    "nothing_stored": (
        "Datenbank: {problem}; nichts gespeichert",
        "database: {problem}; nothing was stored",
    ),
    "nothing_stored_in_file": (
        "Datenbank {where}: {problem}; nichts gespeichert. Speicherplatz freigeben oder das "
        "Schreiben in die Datei und ihren Ordner ({folder}) erlauben, dann den Befehl noch "
        "einmal ausführen",
        "database {where}: {problem}; nothing was stored. Free disk space or allow writing "
        "to the file and its folder ({folder}), then run the command again",
    ),
    "cannot_open": ("{where}: {problem}", "{where}: {problem}"),
    "damaged": (
        "Die Datenbankdatei {where} lässt sich nicht öffnen: sie ist beschädigt ({detail}); "
        "nichts wurde geändert. Die letzte gute Kopie dieser Datei zurücklegen oder sie "
        "beiseiteschieben, um mit einer neuen zu beginnen (Datenordner: {folder})",
        "the database file {where} cannot be opened: it is damaged ({detail}); nothing was "
        "changed. Put back the last good copy of this file, or move it aside to start with "
        "a new one (data folder: {folder})",
    ),
    "folder_missing": (
        "Der Ordner der Datenbank existiert nicht: {folder}",
        "database folder does not exist: {folder}",
    ),
    "postgres_driver": (
        'PostgreSQL braucht den Treiber psycopg 3: pip install -e ".[postgres]" '
        '(oder pip install "psycopg[binary]")',
        'PostgreSQL needs the driver psycopg 3: pip install -e ".[postgres]" '
        '(or pip install "psycopg[binary]")',
    ),
    "driver_missing": (
        "Der Datenbanktreiber ist nicht installiert: {reason}",
        "the database driver is not installed: {reason}",
    ),
    "not_votum": (
        "Diese Datenbank enthält Tabellen, aber keine Votum-Schemaversion; sie bleibt unberührt",
        "this database holds tables but no Votum schema version; refusing to touch it",
    ),
    "newer_votum": (
        "Diese Datenbank wurde von einem neueren Votum geschrieben; bitte Votum aktualisieren",
        "this database was written by a newer Votum; please update Votum",
    ),
}

MESSAGES = Catalog.of_pairs("database messages", _TEXTS)

#: the message ``key`` in every language, its ``{placeholders}`` filled with ``values``
say = MESSAGES.message


class DatabaseError(Exception):
    """The database cannot be opened or is not a Votum database; :attr:`message` says
    why in every language, ``str()`` in both."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message

    def in_language(self, lang: str) -> str:
        """What went wrong, said in ``lang``."""
        return self.message.in_language(lang)


#: SQLite's result codes (by name) of a database that cannot store, and what to say.
_STORAGE_FAULTS = {
    "SQLITE_FULL": "disk_full",
    "SQLITE_READONLY": "read_only",
    "SQLITE_CANTOPEN": "cannot_open_file",
    "SQLITE_IOERR": "io_error",
    "SQLITE_CORRUPT": "file_damaged",
    "SQLITE_NOTADB": "not_a_database",
    "SQLITE_BUSY": "locked_by_another",
    "SQLITE_LOCKED": "locked",
    "SQLITE_PERM": "permission_denied",
}
DAMAGED = ("SQLITE_CORRUPT", "SQLITE_NOTADB")


def storage_problem(exc: BaseException, *, detail: bool = False) -> Message | None:
    """What keeps the database from storing, in a few words, if ``exc`` says so (read-only
    file or folder, full disk, damaged file, lost server); None for anything else, which
    is a bug and stays loud. ``detail``: a lost server with the driver's reason (its host
    and port: for the operator's command line and log, never for the sites' pages)."""
    key = storage_kind(exc)
    if key is None:
        return None
    if key == "unreachable" and detail:
        return say("unreachable", reason=storage_detail(exc))
    return say("unreachable_plain" if key == "unreachable" else key)


def storage_kind(exc: BaseException) -> str | None:
    """The catalog key of the storage problem ``exc`` shows ("read_only", "disk_full",
    "unreachable" …), or None when it shows none."""
    return next((k for k in map(_storage_kind, _chain(exc)) if k is not None), None)


def storage_detail(exc: BaseException) -> str:
    """The first line of the driver's own words about ``exc`` (for the operator)."""
    for seen in _chain(exc):
        orig = getattr(seen, "orig", None) or seen
        text = str(orig).strip()
        if text:
            return text.splitlines()[0]
    return type(exc).__name__


def _chain(exc: BaseException) -> list[BaseException]:
    """``exc`` and what it was raised from or during (a failed rollback hides the first
    error in its context)."""
    chain: list[BaseException] = []
    seen: BaseException | None = exc
    while seen is not None and len(chain) < 8:
        chain.append(seen)
        seen = seen.__cause__ or seen.__context__
    return chain


def _storage_kind(exc: BaseException) -> str | None:
    from sqlalchemy import exc as sa_exc

    orig = getattr(exc, "orig", None) or exc
    name = getattr(orig, "sqlite_errorname", None)
    if isinstance(name, str):
        base = next((k for k in _STORAGE_FAULTS if name == k or name.startswith(k + "_")), None)
        return None if base is None else _STORAGE_FAULTS[base]
    state = getattr(orig, "sqlstate", None)
    if isinstance(state, str) and state in _PG_STATES:
        return _PG_STATES[state]
    if isinstance(exc, sa_exc.OperationalError | sa_exc.InterfaceError):
        return "unreachable"
    if type(orig).__module__.startswith("psycopg") and type(orig).__name__ in _PG_UNREACHABLE:
        return "unreachable"  # the listener's own connection (psycopg, not SQLAlchemy)
    return None


#: PostgreSQL's SQLSTATEs of a server that cannot store (read-only, disk full, gone)
_PG_STATES = {"25006": "read_only", "53100": "disk_full"} | dict.fromkeys(
    ("57P01", "57P02", "57P03", "08000", "08003", "08006"), "unreachable"
)
#: psycopg's errors of a server that cannot be reached or went away
_PG_UNREACHABLE = frozenset({"OperationalError", "InterfaceError", "ConnectionTimeout"})


def storage_message(exc: BaseException, url: str) -> Message | None:
    """The one line for a command whose write (or read) the database refused, with what
    to do; None when ``exc`` is no storage problem."""
    problem = storage_problem(exc, detail=True)
    if problem is None:
        return None
    where = sqlite_file(url)
    if is_damage(exc):
        return damaged_message(where or url, str(getattr(exc, "orig", exc)).splitlines()[0])
    if where is None:
        return say("nothing_stored", problem=problem)
    return say("nothing_stored_in_file", where=where, problem=problem, folder=Path(where).parent)


def is_damage(exc: BaseException) -> bool:
    """True when ``exc`` says the database file itself is damaged."""
    for seen in _chain(exc):
        name = getattr(getattr(seen, "orig", None) or seen, "sqlite_errorname", "")
        if isinstance(name, str) and name.startswith(DAMAGED):
            return True
    return False


def damaged_message(where: str, detail: str) -> Message:
    """The one line for a damaged SQLite file: what happened and what to do."""
    return say("damaged", where=where, detail=detail, folder=Path(where).parent)


def sqlite_file(url: str) -> str | None:
    """The file of an SQLite URL (None for other databases and in-memory ones)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    database = parsed.database or ""
    if not database or database == ":memory:" or "mode=memory" in database:
        return None
    return database.removeprefix("file:").split("?", 1)[0]


def quick_check(engine: Engine, where: str) -> None:
    """SQLite's ``quick_check``: a damaged file is refused when it is opened, not half-way
    through a session. Measured: ~1 ms for the demo, ~1 s for 95 MB (a year of sessions at
    the design maximum, 300 sites × 100 questions × 12, 360,000 ballots with history);
    ``integrity_check`` would take 15 times as long, so it is not used."""
    try:
        with engine.connect() as conn:
            rows = conn.exec_driver_sql("PRAGMA quick_check(3)").scalars().all()
    except Exception as exc:
        if is_damage(exc):
            detail = str(getattr(exc, "orig", exc)).splitlines()[0]
            raise DatabaseError(damaged_message(where, detail)) from None
        raise
    if rows != ["ok"]:
        # a row may hold several lines ("*** in database main ***\nOn tree page …"): one line
        found = " ".join("; ".join(str(r) for r in rows).split())
        raise DatabaseError(damaged_message(where, found[:200]))


def create_db_engine(url: str, *, echo: bool = False) -> Engine:
    """An engine for ``url``; SQLite files get the pragmas and locking described above."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return _server_engine(parsed, echo=echo)
    database = parsed.database or ""
    if database and database != ":memory:" and not database.startswith("file:"):
        folder = Path(database).expanduser().resolve().parent
        if not folder.is_dir():
            raise DatabaseError(say("folder_missing", folder=folder))
    engine = create_engine(
        url,
        echo=echo,
        connect_args={"check_same_thread": False, "timeout": 30},
        pool_size=8,
        max_overflow=32,
    )
    _configure_sqlite(engine)
    return engine


def _server_engine(parsed: URL, *, echo: bool) -> Engine:
    """A database server; PostgreSQL through psycopg 3 (``postgresql://`` means
    ``postgresql+psycopg://``)."""
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    try:
        engine = create_engine(parsed, echo=echo, pool_pre_ping=True, pool_size=8, max_overflow=32)
    except ImportError as exc:  # the driver named by the URL is not installed
        if parsed.drivername == "postgresql+psycopg":
            raise DatabaseError(say("postgres_driver")) from None
        raise DatabaseError(say("driver_missing", reason=exc)) from None
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
        # A read sees one moment, as an SQLite read transaction does. PostgreSQL's default
        # (read committed) takes a new snapshot per statement: a voter page read across
        # the moderator's commit showed the new version with the old question. Read-only,
        # repeatable read never fails for serialisation.
        reads = (
            engine.execution_options(isolation_level="REPEATABLE READ")
            if engine.dialect.name == "postgresql"
            else engine
        )
        self._read = sessionmaker(reads, expire_on_commit=False)
        self._write = sessionmaker(
            engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False
        )
        self._write_quiet = sessionmaker(
            engine.execution_options(**{WRITE_OPTION: True, QUIET_OPTION: True}),
            expire_on_commit=False,
        )

    @classmethod
    def open(cls, url: str, *, migrate: bool = True) -> Database:
        """Open ``url``, check an SQLite file for damage, bring the schema up to date.

        Raises :class:`DatabaseError` with one line for a damaged file and for one that
        cannot be read or written (read-only file or folder, full disk)."""
        db = cls(create_db_engine(url))
        where = sqlite_file(url)
        try:
            if where is not None:
                quick_check(db.engine, where)
            if migrate:
                upgrade(db.engine)
        except DatabaseError:  # said already (quick_check's damage): not said again inside
            db.dispose()
            raise
        except BaseException as exc:
            db.dispose()
            problem = storage_problem(exc, detail=True)
            if problem is None:
                raise
            shown = where or make_url(url).render_as_string(hide_password=True)  # no password
            if is_damage(exc):
                detail = str(getattr(exc, "orig", exc)).splitlines()[0]
                raise DatabaseError(damaged_message(shown, detail)) from None
            raise DatabaseError(say("cannot_open", where=shown, problem=problem)) from None
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
        raise DatabaseError(say("not_votum"))
    try:
        command.upgrade(_alembic_config(engine), revision)
    except Exception as exc:  # alembic raises plain exceptions for unknown revisions
        if "Can't locate revision" in str(exc):
            raise DatabaseError(say("newer_votum")) from exc
        raise


def schema_revisions(engine: Engine) -> tuple[str | None, str]:
    """The database's schema revision (None: no Votum schema yet) and this Votum's."""
    from alembic.migration import MigrationContext
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config(engine)).get_current_head()
    assert head is not None
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    return current, head


def known_revision(engine: Engine, revision: str) -> bool:
    """True if ``revision`` is one of this Votum's (else a newer Votum wrote it)."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(_alembic_config(engine))
    return any(script.revision == revision for script in scripts.walk_revisions())
