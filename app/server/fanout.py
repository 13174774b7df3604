"""Live updates across processes: every committed write on PostgreSQL is announced by
``NOTIFY``; every serving process ``LISTEN``s and re-reads what its pages show.

Several worker processes serve one conference from one PostgreSQL database (``serve
--workers N``), and other programs may change it too. Each write transaction queues a
``NOTIFY`` (:mod:`app.db`), which PostgreSQL delivers exactly when the transaction commits
(never if it rolls back). Every worker's :class:`~app.server.live.LiveState` runs
:func:`listen` and re-reads the conference's state version on each announcement: one
cheap query, and the pages hear of a change only if the version changed. SQLite has no
such channel: there, one process serves and pokes itself, and polls for the rest.

What changed for the moderator (attendance, notes, a visit, a question) changes no page,
so the version cannot carry it: each process's moderator feed also says every change it
makes in a ``NOTIFY`` of its own, with the change as payload (:func:`publisher`,
:func:`said`), and the others' feeds take it as if it were theirs. Ballots are counted
instead (:mod:`app.server.feed`).
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app.db import CHANGES_CHANNEL, Database
from app.server.storage import StorageWatch
from app.services.events import StateChange

log = logging.getLogger(__name__)

RECONNECT_SECONDS = 1.0


def listen_conninfo(db: Database) -> str | None:
    """psycopg's connection string for ``db`` if it is PostgreSQL, else None."""
    url = db.engine.url
    if url.get_backend_name() != "postgresql":
        return None
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def publisher(db: Database) -> Callable[[str, StateChange], None] | None:
    """For PostgreSQL: ``publish(origin, change)`` says a committed change to every other
    process (``origin``: the feed that made it, so that it does not hear itself); else None.
    Best effort: a database that cannot be reached loses the announcement (logged)."""
    if listen_conninfo(db) is None:
        return None
    statement = text("SELECT pg_notify(:channel, :payload)")

    # one thread of its own, in order: the writer (which calls this after each commit)
    # never waits for the announcement's round trip
    sender = ThreadPoolExecutor(max_workers=1, thread_name_prefix="votum-announce")

    def send(payload: str) -> None:
        try:
            with db.engine.connect() as connection:
                connection.execute(statement, {"channel": CHANGES_CHANNEL, "payload": payload})
                connection.commit()
        except SQLAlchemyError as exc:
            log.warning("announcing a change to the other processes failed (%s)", exc)

    def publish(origin: str, change: StateChange) -> None:
        payload = json.dumps(
            [origin, change.conference_id, change.action, change.change, change.question_id]
        )
        sender.submit(send, payload)

    return publish


def said(payload: str) -> tuple[str, StateChange] | None:
    """The (origin, change) a :func:`publisher` announced; None for the plain
    announcement of a commit, or anything else on the channel."""
    try:
        origin, conference_id, action, change, question_id = json.loads(payload)
    except (ValueError, TypeError):
        return None
    fields = (origin, action, change)
    if not all(isinstance(f, str) for f in fields) or not isinstance(conference_id, int):
        return None
    if question_id is not None and not isinstance(question_id, int):
        return None
    return origin, StateChange(conference_id, question_id, action, change)


async def listen(
    conninfo: str,
    on_change: Callable[[], None],
    on_listening: Callable[[bool], None] | None = None,
    *,
    watch: StorageWatch | None = None,
    on_said: Callable[[str, StateChange], None] | None = None,
) -> None:
    """Call ``on_change`` for every committed write until cancelled, and ``on_said``
    with each change another process's feed said (:func:`publisher`).

    A lost connection is opened again after :data:`RECONNECT_SECONDS`; ``on_change`` also
    runs each time listening (re)starts, for whatever happened in between.
    ``on_listening(True/False)`` says whether announcements can arrive right now.
    ``watch`` hears a server gone and back (one log line each, not one per second).
    """
    import psycopg

    watch = watch or StorageWatch()
    while True:
        try:
            conn = await psycopg.AsyncConnection.connect(conninfo, autocommit=True)
            async with conn:
                await conn.execute(f"LISTEN {CHANGES_CHANNEL}")
                watch.worked(writing=False)
                if on_listening is not None:
                    on_listening(True)
                on_change()
                async for note in conn.notifies():
                    on_change()
                    if on_said is not None and note.payload:
                        heard = said(note.payload)
                        if heard is not None:
                            on_said(*heard)
        except (psycopg.Error, OSError) as exc:
            if watch.failed(exc, writing=False) is None:
                log.warning(
                    "listening for changes failed (%s); again in %s s", exc, RECONNECT_SECONDS
                )
        finally:
            if on_listening is not None:
                on_listening(False)
        await asyncio.sleep(RECONNECT_SECONDS)
