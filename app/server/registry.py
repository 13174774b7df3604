"""The conferences one server serves, each with its :class:`ServerContext`.

``serve CONFERENCE`` and the desktop serve one conference: :attr:`Conferences.fixed`, made
at start. A standing server (``serve`` alone) serves every conference of its database on
one port: a request names its conference through its token (a site's link, a moderator
token), and the conference's context is made the first time one of its tokens arrives,
or when the organiser publishes it, and dropped when it is deleted (here, or by another
worker: its live state finds it gone). Every context shares the server's one writer (each
conference its own lane, :mod:`app.server.writer`), one budget for unknown tokens per
client address, and on PostgreSQL one ``LISTEN`` connection that pokes them all.

The token → conference cache only saves lookups: every read and write still checks the
token in the database, so a deleted conference or a revoked token fails at once on every
worker.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable

import anyio.to_thread

from app.db import Database
from app.server import fanout
from app.server.context import ServerContext
from app.server.live import GONE
from app.server.security import KnownTokens, RateLimiter
from app.server.writer import Writer
from app.services.events import StateChange
from app.services.tokens import SiteAccess, conference_of_moderator_token, resolve_site_token

log = logging.getLogger(__name__)

#: Builds the context of a conference (raises NotFound if it does not exist); its live
#: state calls the second argument once the conference is found deleted.
ContextFactory = Callable[[int, Callable[[], None]], ServerContext]


class Conferences:
    """Contexts by conference id; the ones in use are started on the event loop."""

    def __init__(
        self,
        db: Database,
        writer: Writer,
        make: ContextFactory,
        *,
        unknown: RateLimiter,
        fixed: int | None = None,
    ) -> None:
        """``fixed``: the one conference served (``serve CONFERENCE``); None for a
        standing server. ``unknown`` is the per-address budget for refused tokens, shared
        by every conference (a guessed token names none)."""
        self.db = db
        self.writer = writer
        self.unknown = unknown
        self._make = make
        self._fixed_id = fixed
        self._contexts: dict[int, ServerContext] = {}
        self._tokens = KnownTokens()  # a site's token → its conference
        self._creating = asyncio.Lock()
        self._listener: asyncio.Task[None] | None = None
        self._listening = False
        self.fixed: ServerContext | None = None
        if fixed is not None:
            self.fixed = self._context(fixed)

    @property
    def standing(self) -> bool:
        """True for a standing server (every conference of the database)."""
        return self._fixed_id is None

    def served(self) -> list[ServerContext]:
        """The contexts in use now."""
        return list(self._contexts.values())

    # --- life cycle (the app's lifespan) ----------------------------------------------

    async def start(self) -> None:
        self.writer.start()
        self._creating = asyncio.Lock()
        if self.fixed is not None:
            self._contexts[self.fixed.conference_id] = self.fixed
            await self.fixed.start()
            return
        conninfo = fanout.listen_conninfo(self.db)
        if conninfo is not None:
            self._listener = asyncio.create_task(
                fanout.listen(conninfo, self.poke_all, self._set_listening, on_said=self._said),
                name="votum-conferences-listen",
            )

    async def stop(self) -> None:
        self.close()
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._listener
            self._listener = None
        for ctx in self.served():
            await ctx.stop()
        if self.standing:
            self._contexts.clear()
        self.writer.stop()

    def close(self) -> None:
        """Thread-safe: end every open event stream (the server is stopping)."""
        for ctx in self.served():
            ctx.live.close()

    def poke_all(self) -> None:
        """Thread-safe: every served conference re-reads its state now."""
        for ctx in self.served():
            ctx.live.poke()

    def _said(self, origin: str, change: StateChange) -> None:
        """What another process said changed, to the feed of its conference (if served)."""
        ctx = self._contexts.get(change.conference_id)
        if ctx is not None:
            ctx.notifier.heard(origin, change)

    def _set_listening(self, listening: bool) -> None:
        self._listening = listening
        for ctx in self.served():
            ctx.live.set_listening(listening)

    # --- finding a conference -----------------------------------------------------------

    async def get(self, conference_id: int) -> ServerContext:
        """The conference's context, made and started on first use (NotFound if the
        conference does not exist)."""
        ctx = self._contexts.get(conference_id)
        if ctx is not None:
            return ctx
        async with self._creating:
            ctx = self._contexts.get(conference_id)
            if ctx is None:
                ctx = await anyio.to_thread.run_sync(self._context, conference_id)
                await ctx.start()
                ctx.live.set_listening(self._listening)
                self._contexts[conference_id] = ctx
                log.info("serving conference %s", conference_id)
        return ctx

    def _context(self, conference_id: int) -> ServerContext:
        ctx = self._make(conference_id, lambda: self.drop(conference_id))
        ctx.on_retire = lambda retired: self.drop(retired.conference_id)
        return ctx

    def cached(self, token: str) -> ServerContext | None:
        """The context a site token was seen with, if that conference is still served."""
        if self.fixed is not None:
            return self.fixed
        conference_id = self._tokens.get(token)
        return None if conference_id is None else self._contexts.get(conference_id)

    async def for_site(self, token: str) -> ServerContext:
        """The context of the conference a site token belongs to; Forbidden for a forged
        or revoked one (charging the caller is the caller's business)."""
        ctx = self.cached(token)
        if ctx is not None:
            return ctx
        access = await anyio.to_thread.run_sync(self._site_access, token)
        ctx = await self.get(access.conference_id)
        ctx.known.add(token, access.site_id)
        self._tokens.add(token, access.conference_id)
        return ctx

    def _site_access(self, token: str) -> SiteAccess:
        with self.db.read() as session:
            return resolve_site_token(session, token)

    async def for_moderator(self, token: str) -> ServerContext:
        """The context of the conference whose moderator token ``token`` is (checked in
        the database every time: a new token replaces the old one at once)."""
        conference_id = await anyio.to_thread.run_sync(self._moderated, token)
        return await self.get(conference_id)

    def _moderated(self, token: str) -> int:
        with self.db.read() as session:
            return conference_of_moderator_token(session, token)

    def forget(self, token: str) -> None:
        """A token was refused: forget what it was seen with."""
        self._tokens.forget(token)

    def drop(self, conference_id: int) -> None:
        """On the event loop: the conference was deleted; serve it no more."""
        if conference_id == self._fixed_id:
            return  # the served conference's server ends when its moderator stops it
        ctx = self._contexts.pop(conference_id, None)
        if ctx is not None:
            ctx.live.close(GONE)
            log.info("conference %s deleted: no longer served", conference_id)
