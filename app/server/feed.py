"""The moderator's feed: every committed ballot and state change, for the event stream.

:class:`ModeratorFeed` wraps the server's notifier: it passes every call on, counts it,
and wakes the moderator's event streams on the event loop, at most once per wake-up
however many ballots a group commit brings (a 300-site burst is one wake-up, not 300).

Ballots that other processes commit (``serve --workers N``: another worker's writer) are
announced to no one — announcing every ballot would make each worker re-read its pages'
state for nothing. While a moderator stream is open, the feed instead reads the
conference's ballot count every :data:`BALLOT_POLL_SECONDS` (one indexed count) and wakes
the streams when it moved: the moderator hears every worker's ballots within that time,
and the ballot path pays nothing.

The feed also remembers *what* changed (:meth:`changes_since`): the last
:data:`LOG_SIZE` changes with their serial, so that a console at serial N can be told just
what changed after it (:mod:`app.services.live_feed`). The serial is this process's own
(:attr:`instance`). While the database cannot be reached (the ballot count fails), and
again once it can, the streams are woken too: a console then reads and finds out which.

On PostgreSQL, what the feed hears of is also said to every other process's feed
(:func:`app.server.fanout.publisher`), and what they say is logged here as if it were this
process's own (:meth:`heard`): a moderator's stream on one worker hears the attendance,
notes, visits and questions that another worker changed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import threading
from collections import deque
from collections.abc import AsyncIterator, Callable

import anyio.to_thread
from sqlalchemy.exc import DBAPIError

from app.server.storage import StorageWatch
from app.services.ballots import BallotReceipt
from app.services.events import Notifier, StateChange
from app.services.live_feed import Changes

log = logging.getLogger(__name__)

BALLOT_POLL_SECONDS = 1.0
#: changes remembered; a console further behind than this reads everything again
LOG_SIZE = 10_000

#: (serial, conference id or None: any, change, question id or None)
Entry = tuple[int, int | None, str, int | None]


class ModeratorFeed:
    """A notifier in front of another one; ``serial`` grows with every change."""

    def __init__(
        self,
        inner: Notifier,
        ballots: Callable[[], int] | None = None,
        *,
        watch: StorageWatch | None = None,
        publish: Callable[[str, StateChange], None] | None = None,
    ) -> None:
        """``ballots`` reads the conference's ballot count (see :meth:`watching`);
        ``watch`` hears when that read fails or works (one log line per episode);
        ``publish`` says each change to the other processes (with this feed's instance)."""
        self.inner = inner
        self._publish = publish
        self._ballots = ballots
        self._watch = watch or StorageWatch()
        # storing stopped or works again: the consoles read, and find out which
        self._watch.follow(lambda _problem: self._bump((None, "storage", None)))
        self._watchers = 0
        self._poller: asyncio.Task[None] | None = None
        self._counted = asyncio.Event()
        self._counted.set()  # nothing to count without ``ballots``
        self.serial = 0
        self.instance = secrets.token_hex(6)  # this process: serials of others differ
        self._log: deque[Entry] = deque()
        self._forgotten = 0  # the newest serial of which an entry left the log
        self._stored_here = 0  # ballots this process announced
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._changed = asyncio.Event()
        self._wake_pending = False

    def bind(self, loop: asyncio.AbstractEventLoop) -> None:
        """The loop the streams wait on (set by the first stream; idempotent)."""
        if self._loop is not loop:
            self._loop = loop
            self._changed = asyncio.Event()

    def ballot_stored(self, receipt: BallotReceipt) -> None:
        self.inner.ballot_stored(receipt)
        self._stored_here += 1  # (the count's poll knows this one already)
        conference = receipt.conference_id
        if receipt.checked_in:  # the ballot checked its site in
            self._bump(
                (conference, "ballots", receipt.question_id), (conference, "attendance", None)
            )
            # the ballot itself the others count; that it checked a site in, they are told
            self._say(StateChange(conference, receipt.question_id, "ballot", "attendance"))
        else:
            self._bump((conference, "ballots", receipt.question_id))

    def state_changed(self, change: StateChange) -> None:
        self.inner.state_changed(change)
        self._bump((change.conference_id, change.change, change.question_id))
        self._say(change)

    def _say(self, change: StateChange) -> None:
        if self._publish is not None:
            self._publish(self.instance, change)

    def heard(self, origin: str, change: StateChange) -> None:
        """Thread-safe: a change another process's feed said (not this one's own)."""
        if origin == self.instance:
            return
        self.inner.state_changed(change)
        self._bump((change.conference_id, change.change, change.question_id))

    def changed_elsewhere(self) -> None:
        """Thread-safe: something changed that this process did not commit itself (another
        worker's ballot, seen in the ballot count); the streams re-read."""
        self._bump((None, "ballots", None))

    def changes_since(self, conference_id: int, serial: int) -> Changes | None:
        """What changed for the conference after ``serial`` (None: not known here, so
        everything: a serial of another process, or one older than the log)."""
        with self._lock:
            if serial > self.serial or serial < self._forgotten:
                return None
            entries = [
                (kind, question)
                for at, conference, kind, question in self._log
                if at > serial and conference in (None, conference_id)
            ]
        return Changes.of(entries)

    @contextlib.asynccontextmanager
    async def watching(self) -> AsyncIterator[None]:
        """Held by each open moderator stream: while any is open, the ballot count is
        polled so that ballots committed by other processes wake the streams too."""
        self._watchers += 1
        if self._ballots is not None and self._poller is None:
            self._counted = asyncio.Event()
            self._poller = asyncio.create_task(self._poll(self._ballots, self._counted))
        counted = self._counted
        try:
            # counted before the stream's first event: every ballot committed after that
            # event moves the count, even one that comes before the poller's next turn
            await counted.wait()
            yield
        finally:
            self._watchers -= 1
            if self._watchers == 0 and self._poller is not None:
                self._poller.cancel()
                self._poller = None

    async def _count(self, ballots: Callable[[], int]) -> int | None:
        try:
            count = await anyio.to_thread.run_sync(ballots)
        except DBAPIError as exc:  # the database is away: the streams go on, we retry
            if self._watch.failed(exc, writing=False) is None:
                log.warning("reading the ballot count failed (%s)", type(exc).__name__)
            return None
        self._watch.worked(writing=False)
        return count

    async def _poll(self, ballots: Callable[[], int], counted: asyncio.Event) -> None:
        try:
            seen = await self._count(ballots)
            mine = self._stored_here
        finally:
            counted.set()  # no stream waits forever, whatever happened
        failing = seen is None
        while True:
            await asyncio.sleep(BALLOT_POLL_SECONDS)
            count = await self._count(ballots)
            here = self._stored_here
            if (count is None) != failing:  # the database went away, or came back:
                failing = count is None  # the consoles read again and see which
                self._bump((None, "storage", None))
            if count is None:
                continue
            # more than this process announced itself: another one stored some
            if seen is not None and count - seen > here - mine:
                self.changed_elsewhere()
            seen, mine = count, here

    def _bump(self, *entries: tuple[int | None, str, int | None]) -> None:
        with self._lock:
            self.serial += 1
            self._log.extend((self.serial, *entry) for entry in entries)
            while len(self._log) > LOG_SIZE:
                self._forgotten = self._log.popleft()[0]
            if self._wake_pending:
                return
            self._wake_pending = True
        loop = self._loop
        if loop is None or loop.is_closed():
            self._wake_pending = False
            return
        with contextlib.suppress(RuntimeError):  # loop shutting down
            loop.call_soon_threadsafe(self._wake)

    def _wake(self) -> None:
        with self._lock:
            self._wake_pending = False
        event, self._changed = self._changed, asyncio.Event()
        event.set()

    async def wait(self, seen: int, timeout: float) -> int:
        """The serial once it differs from ``seen`` (or as it is after ``timeout``)."""
        event = self._changed
        if self.serial == seen:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), timeout)
        return self.serial
