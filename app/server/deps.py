"""Typed FastAPI dependencies: the server context, rate-limited tokens, the moderator check."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Path, Query, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from app.server.context import ServerContext
from app.server.i18n import pick_lang
from app.services.tokens import MAX_TOKEN_LENGTH, check_moderator_token

RATE_LIMITED = "Zu viele Anfragen; bitte kurz warten / too many requests; please wait a moment"
MODERATOR_MISSING = "Moderationstoken fehlt / moderator token missing (Authorization: Bearer …)"
SITE_TOKEN_MISSING = "Standort-Token fehlt / site token missing (Authorization: Bearer …)"

bearer = HTTPBearer(auto_error=False, description="a site's token or the moderator token")


async def get_ctx(request: Request) -> ServerContext:
    ctx: ServerContext = request.app.state.ctx
    return ctx


CtxDep = Annotated[ServerContext, Depends(get_ctx)]
BearerDep = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


def limit(ctx: ServerContext, key: str) -> None:
    """429 once ``key`` (a token) has used up its requests."""
    if not ctx.limiter.allow(key):
        raise HTTPException(status.HTTP_429_TOO_MANY_REQUESTS, RATE_LIMITED)


async def path_token(
    ctx: CtxDep,
    token: Annotated[str, Path(min_length=1, max_length=MAX_TOKEN_LENGTH)],
) -> str:
    """A site token from the link (``/v/{token}``), rate-limited."""
    limit(ctx, token)
    return token


async def bearer_site_token(ctx: CtxDep, credentials: BearerDep) -> str:
    """A site token from ``Authorization: Bearer``, rate-limited."""
    if credentials is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED, SITE_TOKEN_MISSING, {"WWW-Authenticate": "Bearer"}
        )
    token = credentials.credentials[: MAX_TOKEN_LENGTH + 1]
    limit(ctx, token)
    return token


def moderator(ctx: CtxDep, credentials: BearerDep) -> None:
    """401 without a bearer token, 403 with a wrong one (checked in constant time)."""
    if credentials is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED, MODERATOR_MISSING, {"WWW-Authenticate": "Bearer"}
        )
    limit(ctx, "moderator:" + credentials.credentials[:80])
    with ctx.db.read() as session:
        check_moderator_token(session, ctx.conference_id, credentials.credentials)


async def lang_query(
    ctx: CtxDep,
    lang: Annotated[str | None, Query(max_length=5, description="de or en")] = None,
) -> str:
    return pick_lang(lang, ctx.language)


@dataclass(frozen=True)
class SiteCall:
    """A request made with a site's link: context, token (rate-limited) and language.

    One dependency instead of three: the ballot route is the hot path of a burst.
    """

    ctx: ServerContext
    token: str
    lang: str


async def site_call(
    request: Request,
    token: Annotated[str, Path(min_length=1, max_length=MAX_TOKEN_LENGTH)],
    lang: Annotated[str | None, Query(max_length=5, description="de or en")] = None,
) -> SiteCall:
    ctx: ServerContext = request.app.state.ctx
    limit(ctx, token)
    return SiteCall(ctx, token, pick_lang(lang, ctx.language))


SiteCallDep = Annotated[SiteCall, Depends(site_call)]
PathTokenDep = Annotated[str, Depends(path_token)]
BearerSiteTokenDep = Annotated[str, Depends(bearer_site_token)]
ModeratorDep = Depends(moderator)
LangDep = Annotated[str, Depends(lang_query)]
