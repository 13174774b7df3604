"""Everything one running voting server shares: database, conference, writer, live state."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from app.db import Database, announce_change
from app.server.actions import SubmittedChoice, cast_for_token
from app.server.live import LiveState
from app.server.security import KnownTokens, Limits
from app.server.visits import VisitLog
from app.server.writer import BatchHandler, Writer
from app.services.ballot_batch import SiteBallot, cast_site_ballots
from app.services.ballots import BallotReceipt
from app.services.conferences import invitations
from app.services.events import Notifier

T = TypeVar("T")


@dataclass
class ServerContext:
    """The served conference and the parts every route needs (kept in ``app.state.ctx``)."""

    db: Database
    conference_id: int
    language: str
    notifier: Notifier
    writer: Writer
    live: LiveState
    limits: Limits
    known: KnownTokens
    visits: VisitLog = field(default_factory=VisitLog)  # the link test (issue 21)

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
            work = _announced(work)

        def after(value: T) -> None:
            if changes_state:
                self.live.poke()
            if after_commit is not None:
                after_commit(value)

        return await self.writer.submit_async(work, after, batch=batch, payload=payload)

    def remember_invited(self) -> None:
        """Note every invited site's current token, so that even a site's very first ballot
        is charged to its budget without a lookup of its own (a burst at the first open)."""
        with self.db.read() as session:
            for invitation in invitations(session, self.conference_id):
                if invitation.token:
                    self.known.add(invitation.token, invitation.site.id)

    async def cast_site_ballot(self, token: str, choice: SubmittedChoice) -> BallotReceipt:
        """A site's ballot, stored durably (fast path in groups, else the service)."""
        return await self.write(
            cast_for_token(self.conference_id, token, choice),
            self.notifier.ballot_stored,
            batch=self._cast_run,
            payload=SiteBallot(token, choice),
            changes_state=False,
        )

    def _cast_run(self, session: Session, ballots: list[SiteBallot]) -> list[Any]:
        return list(cast_site_ballots(session, self.conference_id, ballots))


def _announced(work: Callable[[Session], T]) -> Callable[[Session], T]:
    def announcing(session: Session) -> T:
        value = work(session)
        announce_change(session)  # rolled back with the job's savepoint if it is refused
        return value

    return announcing
