"""A running server's database faults: one log line when storing (or reading) stops,
saying what to do, and one when it works again; never a traceback per request.

Every place that touches the database while the server runs (the writer, the voter
pages' reads, the live state's poll, the moderator feed, PostgreSQL's listener) reports
a failure to one :class:`StorageWatch`. A storage fault (read-only file or folder, full
disk, lost server; :func:`app.db.storage_kind`) starts an *episode*: logged once with
the operator's advice and the driver's own words, told once to ``alarm`` (the live
console). The episode ends with the next write that is stored, or, when reads failed too
(a server that was gone), with the next read that works: logged once more. Anything else
is a bug and is left to the caller to log loudly.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url

from app.db import Database, sqlite_file, storage_detail, storage_kind, storage_problem
from app.server.messages import say
from app.texts import Message

log = logging.getLogger(__name__)

#: Told the problem when storing fails, and ``None`` once it works again.
StorageAlarm = Callable[[Message | None], None]

#: What to do about each storage problem (the key of its advice in the server's catalog).
_ADVICE = {
    "read_only": "advice_read_only",
    "permission_denied": "advice_read_only",
    "cannot_open_file": "advice_read_only",
    "disk_full": "advice_disk_full",
    "unreachable": "advice_unreachable",
    "locked_by_another": "advice_locked",
    "locked": "advice_locked",
}


def shown_url(url: str) -> str:
    """The database as the operator knows it: an SQLite file's path, else the URL with its
    password hidden."""
    return sqlite_file(url) or make_url(url).render_as_string(hide_password=True)


def storage_advice(kind: str, url: str) -> Message:
    """What the operator does about a storage problem of ``kind`` (:func:`storage_kind`)."""
    where = sqlite_file(url)
    folder = str(Path(where).parent) if where else shown_url(url)
    return say(_ADVICE.get(kind, "advice_other"), folder=folder)


def try_write(db: Database) -> None:
    """A write, rolled back: raises what the driver raises when the database cannot store
    (read-only file or folder, full disk, a read-only PostgreSQL), so that a server refuses
    to start before it promises sites to store their votes."""
    try:
        with db.write() as session:
            session.execute(text("UPDATE alembic_version SET version_num = version_num"))
            raise _TriedWrite
    except _TriedWrite:
        return


class _TriedWrite(Exception):
    """Rolls :func:`try_write`'s trial write back."""


def cannot_serve(exc: BaseException, url: str) -> Message | None:
    """The one line for a server that must not start on a database that cannot store
    (``exc`` from :func:`try_write`); None if ``exc`` is no such fault."""
    kind = storage_kind(exc)
    if kind is None:
        return None
    problem = storage_problem(exc, detail=True)
    advice = storage_advice(kind, url)
    return say("cannot_serve", where=shown_url(url), problem=problem, advice=advice)


@dataclass
class _Episode:
    problem: Message
    reads_failed: bool


class StorageWatch:
    """The server's one view of its database's health (thread-safe)."""

    def __init__(self, url: str = "", alarm: StorageAlarm | None = None) -> None:
        self.url = url
        self.alarm = alarm
        self._lock = threading.Lock()
        self._episode: _Episode | None = None
        self._followers: list[StorageAlarm] = []

    def follow(self, follower: StorageAlarm) -> None:
        """Tell ``follower`` too when an episode starts, changes or ends."""
        with self._lock:
            self._followers.append(follower)

    @property
    def problem(self) -> Message | None:
        """What keeps the database from working right now (None: nothing known)."""
        episode = self._episode
        return None if episode is None else episode.problem

    def failed(self, exc: BaseException, *, writing: bool) -> Message | None:
        """Note a failure; the problem as the sites may hear it (no host, no port), or
        None when ``exc`` is no storage fault (a bug: the caller logs it)."""
        kind = storage_kind(exc)
        if kind is None:
            return None
        problem = storage_problem(exc)
        assert problem is not None
        with self._lock:
            episode = self._episode
            new = episode is None
            changed = new or (episode is not None and episode.problem != problem)
            if episode is None:
                self._episode = _Episode(problem, reads_failed=not writing)
            else:
                episode.problem = problem
                episode.reads_failed |= not writing
        if changed:
            self._tell(problem)  # the console shows what keeps it from storing now
        if new:  # the log says it once per episode
            where = shown_url(self.url) if self.url else "?"
            line = say(
                "storage_fault",
                where=where,
                problem=problem,
                advice=storage_advice(kind, self.url),
                detail=Message.plain(storage_detail(exc)),
            )
            log.warning("%s", line)
        return problem

    def worked(self, *, writing: bool) -> None:
        """Note a success: a stored write ends an episode, a read only one whose reads
        failed too (a read-only file still reads)."""
        with self._lock:
            episode = self._episode
            if episode is None or not (writing or episode.reads_failed):
                return
            self._episode = None
        where = shown_url(self.url) if self.url else "?"
        log.warning("%s", say("storage_recovered", where=where))
        self._tell(None)

    def _tell(self, problem: Message | None) -> None:
        with self._lock:
            told = [self.alarm, *self._followers] if self.alarm else list(self._followers)
        for alarm in told:
            try:
                alarm(problem)
            except Exception:  # a broken listener must not stop the caller
                log.exception("storage alarm failed")
