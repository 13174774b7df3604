"""What voter pages follow: the conference's state version, pushed and polled.

The version is :func:`app.services.voting.state_version` (question, state, reveal,
ballots entered by the moderator); it is the same for every site, so one value serves
all pages. It is
re-read right after every write the server commits, on :meth:`LiveState.poke` (the
desktop app changed state through the services directly) and about once a second as a
fallback (another process changed the database). On PostgreSQL, every committed write of
any process is announced (:mod:`app.server.fanout`; ``serve --workers N``): while that
channel listens, the fallback reads only every :data:`LISTENING_POLL_SECONDS`. A standing
server (many conferences) listens once for all of them and pokes each (``listen=False``
here, :meth:`LiveState.set_listening` from the one listener).

A conference deleted meanwhile (here or by another process) reads as :data:`GONE`: its
pages hear it once, every stream ends, and ``on_gone`` lets the server forget it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable

import anyio.to_thread
from sqlalchemy import select

from app.db import Database
from app.models import Conference
from app.server import fanout
from app.server.storage import StorageWatch
from app.services.events import StateChange
from app.services.voting import state_version

log = logging.getLogger(__name__)

#: The fallback read while PostgreSQL announces every change: a safety net only.
LISTENING_POLL_SECONDS = 30.0
#: The version of a conference that no longer exists (deleted).
GONE = "gone"


def read_version(db: Database, conference_id: int) -> str:
    """The current state version of the conference (:func:`state_version`), or
    :data:`GONE` once it has been deleted."""
    with db.read() as session:
        if session.scalar(select(Conference.id).where(Conference.id == conference_id)) is None:
            return GONE
        return state_version(session, conference_id)


class LiveState:
    """Holds the version and wakes every waiting page when it changes (event-loop side)."""

    def __init__(
        self,
        db: Database,
        conference_id: int,
        *,
        interval: float = 1.0,
        listen: bool = True,
        on_gone: Callable[[], None] | None = None,
        watch: StorageWatch | None = None,
        on_said: Callable[[str, StateChange], None] | None = None,
    ) -> None:
        """``listen``: follow PostgreSQL's announcements itself (else someone calls
        :meth:`poke` and :meth:`set_listening`); ``on_gone`` runs on the event loop once
        the conference is found deleted; ``watch`` hears when reading (or listening) fails
        and works again; ``on_said`` hears what another process said changed in this
        conference (:func:`app.server.fanout.said`)."""
        self._db = db
        self._storage = watch or StorageWatch()
        self._conference_id = conference_id
        self._interval = interval
        self._loop: asyncio.AbstractEventLoop | None = None
        self._changed = asyncio.Event()
        self._poked = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._listener: asyncio.Task[None] | None = None
        self._conninfo = fanout.listen_conninfo(db) if listen else None
        self._on_gone = on_gone
        self._on_said = on_said
        self.listening = False
        self.closed = False
        self.version = read_version(db, conference_id)

    async def start(self) -> None:
        """Begin watching on the running loop (again after a stop: fresh events)."""
        self.closed = False
        self._changed = asyncio.Event()
        self._poked = asyncio.Event()
        self.version = await anyio.to_thread.run_sync(read_version, self._db, self._conference_id)
        self._loop = asyncio.get_running_loop()
        self._task = asyncio.create_task(self._watch(), name="votum-live-state")
        if self._conninfo is not None:
            self._listener = asyncio.create_task(
                fanout.listen(
                    self._conninfo,
                    self._poked.set,
                    self._set_listening,
                    watch=self._storage,
                    on_said=self._said,
                ),
                name="votum-live-listen",
            )

    async def stop(self) -> None:
        self.close()
        for task in (self._task, self._listener):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        self._task = self._listener = None

    def _said(self, origin: str, change: StateChange) -> None:
        if self._on_said is not None and change.conference_id == self._conference_id:
            self._on_said(origin, change)

    def _set_listening(self, listening: bool) -> None:
        self.listening = listening
        self._poked.set()  # the next wait takes the interval that now applies

    def set_listening(self, listening: bool) -> None:
        """On the event loop: whether someone else's listener hears every change now."""
        if listening != self.listening:
            self._set_listening(listening)

    def poke(self) -> None:
        """Thread-safe: re-read the state now (after a commit or a change made elsewhere)."""
        loop = self._loop
        if loop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):  # loop shutting down
                loop.call_soon_threadsafe(self._poked.set)

    def close(self, version: str | None = None) -> None:
        """Thread-safe: end every open event stream (server shutdown); ``version`` is the
        last one they say (:data:`GONE`: the conference was deleted)."""
        self.closed = True
        loop = self._loop
        if loop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(self._end, version)

    def _end(self, version: str | None) -> None:
        if version is not None:
            self.version = version
        self._wake_all()

    async def wait_change(self, seen: str, timeout: float) -> str:
        """The version once it differs from ``seen`` (or whatever it is after ``timeout``)."""
        event = self._changed
        if self.version == seen and not self.closed:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), timeout)
        return self.version

    def _wake_all(self) -> None:
        event, self._changed = self._changed, asyncio.Event()
        event.set()
        if self.closed:
            self._poked.set()  # the watcher ends now, not after its interval

    async def _watch(self) -> None:
        while not self.closed:
            interval = LISTENING_POLL_SECONDS if self.listening else self._interval
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._poked.wait(), interval)
            self._poked.clear()
            try:
                version = await anyio.to_thread.run_sync(
                    read_version, self._db, self._conference_id
                )
            except Exception as exc:  # the database is busy or gone for a moment: try again
                if self._storage.failed(exc, writing=False) is None:  # a fault: said once
                    log.exception("reading the conference state failed")
                continue
            self._storage.worked(writing=False)
            if version != self.version:
                self.version = version
                if version == GONE:
                    self.closed = True
                self._wake_all()
            if version == GONE:
                log.info("conference %s was deleted: its pages are closed", self._conference_id)
                if self._on_gone is not None:
                    self._on_gone()
                return
