"""The moderator's feed: every committed ballot and state change, for the event stream.

:class:`ModeratorFeed` wraps the server's notifier: it passes every call on, counts it,
and wakes the moderator's event streams on the event loop, at most once per wake-up
however many ballots a group commit brings (a 300-site burst is one wake-up, not 300).
"""

from __future__ import annotations

import asyncio
import contextlib
import threading

from app.services.ballots import BallotReceipt
from app.services.events import Notifier, StateChange


class ModeratorFeed:
    """A notifier in front of another one; ``serial`` grows with every change."""

    def __init__(self, inner: Notifier) -> None:
        self.inner = inner
        self.serial = 0
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
        self._bump()

    def state_changed(self, change: StateChange) -> None:
        self.inner.state_changed(change)
        self._bump()

    def changed_elsewhere(self) -> None:
        """Thread-safe: something changed that this process did not commit itself (another
        worker's ballot, announced by the database); the streams re-read."""
        self._bump()

    def _bump(self) -> None:
        with self._lock:
            self.serial += 1
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
