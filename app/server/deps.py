"""Typed FastAPI dependencies: the conference a request is for, site tokens admitted by
their budget, the moderator and organiser checks.

A server serving one conference answers every request with its context; a standing
server finds the context through the request's token (a link's token in the path, a site's
or a moderator's bearer token). The dependency that checks the token finds the context
and keeps it for the request (``request.state``), so :data:`CtxDep` costs nothing more.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

import anyio.to_thread
from fastapi import Depends, Path, Query, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from app.config import LANGUAGES
from app.server.actions import site_access
from app.server.context import ServerContext
from app.server.i18n import pick_lang
from app.server.messages import say
from app.server.registry import Conferences
from app.server.security import RateLimiter, Refusal
from app.services.errors import Forbidden, NotFound
from app.services.organiser import check_organiser_token
from app.services.tokens import MAX_TOKEN_LENGTH, check_moderator_token

RATE_LIMITED = say("rate_limited")

#: database ids (INTEGER columns, signed 32-bit on PostgreSQL): larger ones get a 422
MAX_ID = 2**31 - 1

bearer = HTTPBearer(
    auto_error=False,
    description="a site's token, a conference's moderator token or the organiser token",
)
#: where a request keeps the context its token named
_CTX = "votum_ctx"


def conferences_of(request: Request) -> Conferences:
    conferences: Conferences = request.app.state.conferences
    return conferences


def request_context(request: Request) -> ServerContext | None:
    """The context this request was found to be for (None before its token was read on a
    standing server)."""
    ctx: ServerContext | None = getattr(request.state, _CTX, None)
    return ctx if ctx is not None else conferences_of(request).fixed


def forget_token(request: Request) -> None:
    """The link's token in the path was refused: forget it was ever seen valid."""
    token = request.path_params.get("token")
    if isinstance(token, str):
        conferences_of(request).forget(token)
        ctx = request_context(request)
        if ctx is not None:
            ctx.known.forget(token)


def unknown_budget(request: Request) -> RateLimiter:
    """The budget a refused token is charged to (the served conference's, or on a
    standing server the one every conference shares)."""
    conferences = conferences_of(request)
    return conferences.fixed.limits.unknown if conferences.fixed else conferences.unknown


async def site_context(request: Request, token: str) -> ServerContext:
    """The context of the conference ``token`` (a site's) belongs to; a token no
    conference holds is refused and charged to the caller's address."""
    conferences = conferences_of(request)
    ctx = conferences.cached(token)
    if ctx is None:
        try:
            ctx = await conferences.for_site(token)
        except Forbidden:
            charge(unknown_budget(request), request)
            raise
    return ctx


async def get_ctx(request: Request) -> ServerContext:
    """The served conference of this request: the one the server serves, the one whose
    token an earlier dependency checked, or the one the link's token in the path names."""
    ctx = request_context(request)
    if ctx is None:
        token = request.path_params.get("token")
        if not isinstance(token, str):  # a route without a token on a standing server
            raise NotFound(say("conference_unknown"))
        ctx = await site_context(request, token)
        setattr(request.state, _CTX, ctx)
    return ctx


async def maybe_ctx(request: Request) -> ServerContext | None:
    """The served conference, or None on a standing server (a page without a token)."""
    return request_context(request)


CtxDep = Annotated[ServerContext, Depends(get_ctx)]
MaybeCtxDep = Annotated[ServerContext | None, Depends(maybe_ctx)]
BearerDep = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
TokenPath = Annotated[str, Path(min_length=1, max_length=MAX_TOKEN_LENGTH)]
LangQuery = Annotated[str | None, Query(max_length=5, description="de or en")]
IdPath = Annotated[int, Path(ge=1, le=MAX_ID)]


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def too_many() -> Refusal:
    return Refusal(status.HTTP_429_TOO_MANY_REQUESTS, RATE_LIMITED)


def charge(unknown: RateLimiter, request: Request) -> None:
    """A refused token costs the caller's address from one shared budget: 429 once spent."""
    if not unknown.allow("address:" + client_address(request)):
        raise too_many()


def charge_unknown(ctx: ServerContext, request: Request) -> None:
    """:func:`charge` from the conference's budget for unknown tokens."""
    charge(ctx.limits.unknown, request)


def _site_of(ctx: ServerContext, token: str) -> int:
    with ctx.db.read() as session:
        return site_access(session, ctx.conference_id, token).site_id


async def admit(ctx: ServerContext, request: Request, token: str, budget: RateLimiter) -> int:
    """The site behind ``token``, once its ``budget`` allows one more request.

    The token is checked first (a site seen before is remembered): a wrong one raises
    Forbidden and is charged to the caller's address, never to a budget of its own.
    """
    site_id = ctx.known.get(token)
    if site_id is None:
        try:
            site_id = await anyio.to_thread.run_sync(_site_of, ctx, token)
        except Forbidden:
            charge_unknown(ctx, request)
            raise
        ctx.known.add(token, site_id)
    if not budget.allow(f"site:{site_id}"):
        raise too_many()
    return site_id


def missing(key: str) -> Refusal:
    """401 for a request without the bearer token it needs."""
    return Refusal(status.HTTP_401_UNAUTHORIZED, say(key), {"WWW-Authenticate": "Bearer"})


def _check_moderator(ctx: ServerContext, token: str) -> None:
    with ctx.db.read() as session:
        check_moderator_token(session, ctx.conference_id, token)


async def moderator(request: Request, credentials: BearerDep) -> None:
    """401 without a bearer token, 403 with a wrong one (checked in constant time); on a
    standing server the token names the conference."""
    if credentials is None:
        raise missing("moderator_token_missing")
    conferences = conferences_of(request)
    token = credentials.credentials
    try:
        if conferences.fixed is not None:
            ctx = conferences.fixed
            await anyio.to_thread.run_sync(_check_moderator, ctx, token)
        else:
            ctx = await conferences.for_moderator(token)
    except Forbidden:
        charge(unknown_budget(request), request)
        raise
    setattr(request.state, _CTX, ctx)
    # the console reads after every event: reads draw on the (larger) reading budget
    budget = ctx.limits.reads if request.method == "GET" else ctx.limits.ballots
    if not budget.allow("moderator"):
        raise too_many()


def _check_organiser(request: Request, token: str) -> None:
    with conferences_of(request).db.read() as session:
        check_organiser_token(session, token)


async def organiser(request: Request, credentials: BearerDep) -> None:
    """The organiser token: 401 without, 403 wrong, revoked or rotated (every request
    reads its hash from the database, so a rotation counts at once on every worker)."""
    if credentials is None:
        raise missing("organiser_token_missing")
    try:
        await anyio.to_thread.run_sync(_check_organiser, request, credentials.credentials)
    except Forbidden:
        charge(unknown_budget(request), request)
        raise
    limits = request.app.state.limits
    budget = limits.reads if request.method == "GET" else limits.ballots
    if not budget.allow("organiser"):
        raise too_many()


async def lang_query(request: Request, lang: LangQuery = None) -> str:
    ctx = request_context(request)
    if ctx is None and isinstance(request.path_params.get("token"), str):
        ctx = await get_ctx(request)
    return pick_lang(lang, ctx.language if ctx is not None else LANGUAGES[0])


@dataclass(frozen=True)
class SiteCall:
    """A read made with a site's token, admitted by its budget: context, token, the site's
    id and the language, in one dependency. (The ballot routes admit their token
    themselves: see ``app.server.routes.site_api``.)"""

    ctx: ServerContext
    token: str
    site_id: int
    lang: str


def bearer_token(credentials: HTTPAuthorizationCredentials | None) -> str:
    if credentials is None:
        raise missing("site_token_missing")
    return credentials.credentials[: MAX_TOKEN_LENGTH + 1]


async def _read(request: Request, token: str, lang: str | None) -> SiteCall:
    ctx = await site_context(request, token)
    setattr(request.state, _CTX, ctx)
    site_id = await admit(ctx, request, token, ctx.limits.reads)
    return SiteCall(ctx, token, site_id, pick_lang(lang, ctx.language))


async def site_reads(request: Request, token: TokenPath, lang: LangQuery = None) -> SiteCall:
    """The link's token (``/v/{token}``) for the live page and state: the generous budget."""
    return await _read(request, token, lang)


async def bearer_reads(
    request: Request, credentials: BearerDep, lang: LangQuery = None
) -> SiteCall:
    """As :func:`site_reads`, with the token in ``Authorization: Bearer``."""
    return await _read(request, bearer_token(credentials), lang)


SiteReadDep = Annotated[SiteCall, Depends(site_reads)]
BearerReadDep = Annotated[SiteCall, Depends(bearer_reads)]
ModeratorDep = Depends(moderator)
OrganiserDep = Depends(organiser)
LangDep = Annotated[str, Depends(lang_query)]
