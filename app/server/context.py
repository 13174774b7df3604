"""Everything the routes of one served conference share: database, conference, writer,
live state, budgets. ``serve CONFERENCE`` and the desktop serve one; a standing server
holds one per conference (:mod:`app.server.registry`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import anyio.to_thread
from sqlalchemy.orm import Session

from app.db import Database, announce_change
from app.models import BallotSource
from app.server.actions import SubmittedChoice, cast_for_token
from app.server.feed import ModeratorFeed
from app.server.live import GONE, LiveState
from app.server.security import KnownTokens, Limits
from app.server.visits import VisitLog
from app.server.writer import BatchHandler, Writer
from app.services.ballot_batch import SiteBallot, cast_site_ballots
from app.services.ballots import BallotReceipt
from app.services.conferences import invitations

T = TypeVar("T")


@dataclass(eq=False)
class ServerContext:
    """A served conference and the parts every route needs (``app.state.ctx`` when the
    server serves one; :class:`~app.server.registry.Conferences` finds it by token)."""

    db: Database
    conference_id: int
    language: str
    #: the moderator's event stream and whoever else listens (the desktop console)
    notifier: ModeratorFeed
    #: the server's one writer, shared by every conference it serves
    writer: Writer
    live: LiveState
    limits: Limits
    known: KnownTokens
    visits: VisitLog = field(default_factory=VisitLog)  # the link test (issue 21)
    #: told when the conference is deleted (the registry forgets it)
    on_retire: Callable[[ServerContext], None] | None = None
    retired: bool = False

    async def start(self) -> None:
        """Before the first request (on the event loop): remember the links, watch the
        state."""
        await anyio.to_thread.run_sync(self.remember_invited)
        await self.live.start()

    async def stop(self) -> None:
        await self.live.stop()

    def retire(self) -> None:
        """The conference is deleted: its tokens are forgotten, its pages and streams end,
        and the server serves it no more."""
        self.retired = True
        self.known.clear()
        self.live.close(GONE)
        if self.on_retire is not None:
            self.on_retire(self)

    async def write(
        self,
        work: Callable[[Session], T],
        after_commit: Callable[[T], None] | None = None,
        *,
        batch: BatchHandler | None = None,
        payload: Any = None,
        changes_state: bool = True,
    ) -> T:
        """Run ``work`` in the writer; returns once its group is committed durably.

        ``changes_state``: voter pages re-read the state after the commit (not for ballots,
        which leave the pages' version as it is), here and, announced with the commit, in
        every other process serving from the same PostgreSQL database.
        """
        if changes_state:
            work = announced(work)

        def after(value: T) -> None:
            if changes_state:
                self.live.poke()
            if after_commit is not None:
                after_commit(value)

        return await self.writer.submit_async(
            work, after, batch=batch, payload=payload, lane=self.conference_id
        )

    def remember_invited(self) -> None:
        """Note every invited site's current token, so that even a site's very first ballot
        is charged to its budget without a lookup of its own (a burst at the first open)."""
        with self.db.read() as session:
            for invitation in invitations(session, self.conference_id):
                if invitation.token:
                    self.known.add(invitation.token, invitation.site.id)

    async def cast_site_ballot(
        self, token: str, choice: SubmittedChoice, source: BallotSource = BallotSource.SITE
    ) -> BallotReceipt:
        """A site's ballot, stored durably (fast path in groups, else the service);
        ``source``: its voter page or its JSON API."""
        return await self.write(
            cast_for_token(self.conference_id, token, choice, source),
            self.notifier.ballot_stored,
            batch=self._cast_run,
            payload=SiteBallot(token, choice, source),
            changes_state=False,
        )

    def _cast_run(self, session: Session, ballots: list[SiteBallot]) -> list[Any]:
        return list(cast_site_ballots(session, self.conference_id, ballots))


def announced(work: Callable[[Session], T]) -> Callable[[Session], T]:
    """``work`` whose commit is announced to every process serving from the database
    (the writer's session is quiet otherwise)."""

    def announcing(session: Session) -> T:
        value = work(session)
        announce_change(session)  # rolled back with the job's savepoint if it is refused
        return value

    return announcing
