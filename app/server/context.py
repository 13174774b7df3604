"""Everything one running voting server shares: database, conference, writer, live state."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy.orm import Session

from app.db import Database
from app.server.live import LiveState
from app.server.security import RateLimiter
from app.server.writer import Writer
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
    limiter: RateLimiter

    async def write(
        self, work: Callable[[Session], T], after_commit: Callable[[T], None] | None = None
    ) -> T:
        """Run ``work`` in the writer; returns once its group is committed durably."""

        def after(value: T) -> None:
            self.live.poke()
            if after_commit is not None:
                after_commit(value)

        return await asyncio.wrap_future(self.writer.submit(work, after))
