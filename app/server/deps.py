"""Typed FastAPI dependencies: the server context, site tokens admitted by their budget,
the moderator check."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

import anyio.to_thread
from fastapi import Depends, Path, Query, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from app.server.actions import site_access
from app.server.context import ServerContext
from app.server.i18n import pick_lang
from app.server.messages import say
from app.server.security import RateLimiter, Refusal
from app.services.errors import Forbidden
from app.services.tokens import MAX_TOKEN_LENGTH, check_moderator_token

RATE_LIMITED = say("rate_limited")

#: database ids (INTEGER columns, signed 32-bit on PostgreSQL): larger ones get a 422
MAX_ID = 2**31 - 1

bearer = HTTPBearer(auto_error=False, description="a site's token or the moderator token")


async def get_ctx(request: Request) -> ServerContext:
    ctx: ServerContext = request.app.state.ctx
    return ctx


CtxDep = Annotated[ServerContext, Depends(get_ctx)]
BearerDep = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
TokenPath = Annotated[str, Path(min_length=1, max_length=MAX_TOKEN_LENGTH)]
LangQuery = Annotated[str | None, Query(max_length=5, description="de or en")]
IdPath = Annotated[int, Path(ge=1, le=MAX_ID)]


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def too_many() -> Refusal:
    return Refusal(status.HTTP_429_TOO_MANY_REQUESTS, RATE_LIMITED)


def charge_unknown(ctx: ServerContext, request: Request) -> None:
    """A refused token costs the caller's address from one shared budget: 429 once spent."""
    if not ctx.limits.unknown.allow("address:" + client_address(request)):
        raise too_many()


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


def moderator(request: Request, ctx: CtxDep, credentials: BearerDep) -> None:
    """401 without a bearer token, 403 with a wrong one (checked in constant time)."""
    if credentials is None:
        raise Refusal(
            status.HTTP_401_UNAUTHORIZED,
            say("moderator_token_missing"),
            {"WWW-Authenticate": "Bearer"},
        )
    with ctx.db.read() as session:
        try:
            check_moderator_token(session, ctx.conference_id, credentials.credentials)
        except Forbidden:
            charge_unknown(ctx, request)
            raise
    # the console reads after every event: reads draw on the (larger) reading budget
    budget = ctx.limits.reads if request.method == "GET" else ctx.limits.ballots
    if not budget.allow("moderator"):
        raise too_many()


async def lang_query(ctx: CtxDep, lang: LangQuery = None) -> str:
    return pick_lang(lang, ctx.language)


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
        raise Refusal(
            status.HTTP_401_UNAUTHORIZED,
            say("site_token_missing"),
            {"WWW-Authenticate": "Bearer"},
        )
    return credentials.credentials[: MAX_TOKEN_LENGTH + 1]


async def _read(request: Request, token: str, lang: str | None) -> SiteCall:
    ctx: ServerContext = request.app.state.ctx
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
LangDep = Annotated[str, Depends(lang_query)]
