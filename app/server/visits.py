"""The link test: each site's visits of its link, written at most every few minutes.

A page view must stay cheap during a 300-site session: the last write per site is kept
in memory, and a visit is written (through the writer, without waiting for it) only when
the site's last written one is older than :data:`app.services.checkin.VISIT_EVERY`. Only
the page itself and the site API's reads count; the live panel, the event stream and the
ballot routes never write a visit.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future

from sqlalchemy.orm import Session

from app.server.writer import StorageUnavailable, Writer, WriterStopped
from app.services.checkin import VISIT_EVERY, record_visit
from app.services.events import Notifier, StateChange

log = logging.getLogger(__name__)


class VisitLog:
    """When each site's visit was last written (in this process; thread-safe)."""

    def __init__(self, every: float = VISIT_EVERY.total_seconds()) -> None:
        self._every = every
        self._written: dict[int, float] = {}
        self._lock = threading.Lock()

    def due(self, site_id: int, now: float | None = None) -> bool:
        """Whether this visit should be written (and, if so, count it as written)."""
        moment = time.monotonic() if now is None else now
        with self._lock:
            last = self._written.get(site_id)
            if last is not None and moment - last < self._every:
                return False
            self._written[site_id] = moment
            return True


def note_visit(
    visits: VisitLog,
    writer: Writer,
    conference_id: int,
    site_id: int,
    notifier: Notifier | None = None,
) -> None:
    """Write the site's visit if it is due; the caller does not wait for the commit.
    ``notifier`` hears of it once it is stored: the moderator sees which sites have tested
    their link as they do."""
    if not visits.due(site_id):
        return
    work: Callable[[Session], None] = lambda session: record_visit(  # noqa: E731
        session, conference_id, site_id
    )
    after: Callable[[None], None] | None = None
    if notifier is not None:
        change = StateChange(conference_id, None, "visit", "attendance")
        after = lambda _none: notifier.state_changed(change)  # noqa: E731
    try:
        future = writer.submit(work, after)
    except WriterStopped:
        return
    future.add_done_callback(_log_failure)


def _log_failure(future: Future[None]) -> None:
    error = future.exception()
    # a storage fault is logged once per episode by the writer's watch (app.server.storage)
    if error is not None and not isinstance(error, WriterStopped | StorageUnavailable):
        log.warning("a site's visit could not be written: %s", error)
