"""Where Votum keeps its data and the settings it starts with (each default spelled once)."""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

APP_NAME = "Votum"
ENV_PREFIX = "VOTUM_"
DB_ENV_VAR = f"{ENV_PREFIX}DB"
#: the languages of the UI, the voter page, the protocol and a conference
LANGUAGES = ("de", "en")
RESOURCES = Path(__file__).resolve().parent.parent / "resources"


class SettingsError(ValueError):
    """The setting ``name`` (or its environment variable) has a value Votum cannot use."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(f"{name}: {problem}")
        self.name = name
        self.problem = problem


@dataclass(frozen=True)
class Settings:
    """Every tunable default of the command line, the desktop app and the voting server.

    :func:`load_settings` reads each field from the environment variable ``VOTUM_<FIELD>``
    (``VOTUM_PORT=9000``; the GC thresholds as ``VOTUM_GC_THRESHOLDS=50000,10,10``). The
    README lists them. Limits that are rules of the domain (comment length, package size)
    stay in ``app.services``: they are not a matter of the machine a conference runs on.
    """

    #: SQLAlchemy URL of the database; empty: an SQLite file in the user's data folder
    db: str = ""
    #: the address the voting server binds to: all interfaces, so sites on the LAN reach it
    host: str = "0.0.0.0"
    #: the voting server's port (0 picks a free one); the desktop app remembers the port
    #: the moderator entered last and uses this one until then
    port: int = 8765
    #: requests with a larger body are refused with 413 before any route reads them
    max_body_bytes: int = 64 * 1024
    #: per site (or the moderator), for ballots and other writes: a token bucket that holds
    #: ``ballot_burst`` requests and refills ``ballot_rate`` per second
    ballot_rate: float = 3.0
    ballot_burst: int = 30
    #: per site, for the live page (page, panel, event stream, state): several tabs poll
    read_rate: float = 20.0
    read_burst: int = 200
    #: per client address, shared by every unknown, revoked or wrong token it sends
    unknown_rate: float = 1.0
    unknown_burst: int = 30
    #: a published conference file (images embedded) may be this large (413 above)
    max_upload_bytes: int = 100 * 1024 * 1024
    #: a request's headers (and a small body) must arrive within this many seconds of its
    #: first byte, else the connection is closed (slow clients; larger bodies get more)
    request_seconds: float = 10.0
    #: an idle kept-alive connection is closed after this many seconds
    keep_alive_seconds: int = 20
    #: open connections at once; above it new requests get 503 at once
    max_connections: int = 2000
    #: the live console redraws at most once per this many milliseconds during a burst (a
    #: lone ballot waits up to this long: 30 ms keeps a real pace's p99 under 50 ms, and a
    #: redraw costs the GUI thread under 10 ms, see BENCHMARKS.md)
    coalesce_ms: int = 30
    #: Python collects its youngest generation after 700 new objects. In a burst, 300
    #: requests wait for their commit at once, and every collection walks all their objects
    #: again: measured, about a sixth of a ballot's CPU. Collected 70 times less often,
    #: they are mostly gone before a collection sees them (set while a server runs).
    gc_thresholds: tuple[int, int, int] = (50_000, 10, 10)
    #: the language the command line speaks, "de" or "en"; empty: the system's
    #: (:func:`command_language`)
    lang: str = ""

    def __post_init__(self) -> None:
        lang = self.lang.strip().lower().replace("-", "_").split("_")[0]  # "de_DE", "EN-us"
        if lang not in ("", *LANGUAGES):
            raise SettingsError("lang", f"expected {' or '.join(LANGUAGES)}")
        object.__setattr__(self, "lang", lang)
        if not 0 <= self.port <= 65535:
            raise SettingsError("port", "not a port (0–65535)")
        if not self.host:
            raise SettingsError("host", "expected an address, e.g. 0.0.0.0 or 127.0.0.1")
        for name in (
            "max_body_bytes",
            "max_upload_bytes",
            "ballot_burst",
            "read_burst",
            "unknown_burst",
            "keep_alive_seconds",
            "max_connections",
        ):
            if getattr(self, name) < 1:
                raise SettingsError(name, "expected at least 1")
        for name in ("ballot_rate", "read_rate", "unknown_rate", "coalesce_ms"):
            if not math.isfinite(getattr(self, name)) or getattr(self, name) < 0:
                raise SettingsError(name, "expected 0 or more")
        if not math.isfinite(self.request_seconds) or self.request_seconds <= 0:
            raise SettingsError("request_seconds", "expected more than 0")
        if len(self.gc_thresholds) != 3 or min(self.gc_thresholds) < 1:
            raise SettingsError("gc_thresholds", "expected three whole numbers ≥ 1, e.g. 700,10,10")


def env_var(name: str) -> str:
    """The environment variable that overrides the setting ``name``."""
    return f"{ENV_PREFIX}{name.upper()}"


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """The defaults of :class:`Settings`, overridden by the ``VOTUM_*`` variables set in
    ``environ`` (default: this process's environment). A value that does not parse is a
    :class:`SettingsError` naming the variable."""
    environ = os.environ if environ is None else environ
    defaults = Settings()
    values: dict[str, Any] = {}  # each converted by its default's type below
    for field in fields(Settings):
        raw = environ.get(env_var(field.name), "").strip()
        if not raw:
            continue
        default = getattr(defaults, field.name)
        try:
            if isinstance(default, tuple):
                values[field.name] = tuple(int(part) for part in raw.split(","))
            else:
                values[field.name] = type(default)(raw)
        except ValueError:
            kind = {int: "a whole number", float: "a number"}.get(type(default), "numbers")
            raise SettingsError(f"{env_var(field.name)}={raw!r}", f"expected {kind}") from None
    try:
        return replace(defaults, **values)
    except SettingsError as exc:
        name = env_var(exc.name)
        raise SettingsError(f"{name}={environ.get(name, '')!r}", exc.problem) from None


def command_language(settings: Settings, environ: Mapping[str, str] | None = None) -> str:
    """The language of the command line's output: ``VOTUM_LANG`` if set, else the system's
    (the first of ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set, as POSIX reads them;
    on Windows, where they are rarely set, the user's locale): German for a German locale,
    English for any other (``C.UTF-8`` included)."""
    if settings.lang:
        return settings.lang
    environ = os.environ if environ is None else environ
    name = next((environ[v] for v in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(v)), "")
    if not name and os.name == "nt":
        name = _windows_display_language()
    return "de" if name.lower().startswith(("de", "german")) else "en"


def _windows_display_language() -> str:
    """The language Windows shows its own texts in ("de" or "en"; "" if it cannot say)."""
    if sys.platform != "win32":
        return ""
    import ctypes

    try:
        lang_id = ctypes.windll.kernel32.GetUserDefaultUILanguage()
    except OSError:
        return ""
    return "de" if int(lang_id) & 0x3FF == 0x07 else "en"  # LANG_GERMAN, any region


def data_dir() -> Path:
    """The per-user folder for the database (created on demand)."""
    from platformdirs import user_data_path  # 5 ms at start-up; only this path needs it

    path = user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_url(settings: Settings | None = None) -> str:
    """``VOTUM_DB`` if set, else an SQLite file in the user's data folder."""
    db = (settings or load_settings()).db
    if db:
        return db
    return f"sqlite:///{(data_dir() / 'votum.sqlite3').as_posix()}"
