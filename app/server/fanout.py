"""Live updates across processes: every committed write on PostgreSQL is announced by
``NOTIFY``; every serving process ``LISTEN``s and re-reads what its pages show.

Several worker processes serve one conference from one PostgreSQL database (``serve
--workers N``), and other programs may change it too. Each write transaction queues a
``NOTIFY`` (:mod:`app.db`), which PostgreSQL delivers exactly when the transaction commits
(never if it rolls back). Every worker's :class:`~app.server.live.LiveState` runs
:func:`listen` and re-reads the conference's state version on each announcement: one
cheap query, and the pages hear of a change only if the version changed. SQLite has no
such channel: there, one process serves and pokes itself, and polls for the rest.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from app.db import CHANGES_CHANNEL, Database
from app.server.storage import StorageWatch

log = logging.getLogger(__name__)

RECONNECT_SECONDS = 1.0


def listen_conninfo(db: Database) -> str | None:
    """psycopg's connection string for ``db`` if it is PostgreSQL, else None."""
    url = db.engine.url
    if url.get_backend_name() != "postgresql":
        return None
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


async def listen(
    conninfo: str,
    on_change: Callable[[], None],
    on_listening: Callable[[bool], None] | None = None,
    *,
    watch: StorageWatch | None = None,
) -> None:
    """Call ``on_change`` for every committed write until cancelled.

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
                async for _note in conn.notifies():
                    on_change()
        except (psycopg.Error, OSError) as exc:
            if watch.failed(exc, writing=False) is None:
                log.warning(
                    "listening for changes failed (%s); again in %s s", exc, RECONNECT_SECONDS
                )
        finally:
            if on_listening is not None:
                on_listening(False)
        await asyncio.sleep(RECONNECT_SECONDS)
