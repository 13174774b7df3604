"""The voter page: the plain HTML form (POST, then a confirmation page) and its live feed.

CSRF: the page has no cookies or sessions at all. The only credential is the secret
token in the URL path, which a third-party site cannot know, so a forged cross-site POST
has nothing to ride on; Origin/Referer checks would add nothing and would break browsers
that strip them (``Referrer-Policy: no-referrer`` is what we send ourselves).
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Annotated

import anyio.to_thread
from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from app.server.actions import SubmittedChoice, require_question, site_access
from app.server.context import ServerContext
from app.server.deps import CtxDep, LangDep, PathTokenDep
from app.server.pages import (
    forbidden_page,
    stored_page,
    voter_page,
    voter_panel,
    welcome_page,
)
from app.services.agenda import get_question
from app.services.ballots import MAX_COMMENT, site_ballot
from app.services.conferences import get_conference
from app.services.errors import Forbidden, InvalidInput, NotFound, VotumError
from app.services.voting import VoterView, view_for

router = APIRouter(tags=["voter page"], include_in_schema=False)

HEARTBEAT_SECONDS = 15.0
_CHOICE = re.compile(r"abstain|[1-9][0-9]{0,9}")


class BallotForm(BaseModel):
    """The plain HTML form: ``choice`` repeated (option ids or ``abstain``), a comment."""

    model_config = ConfigDict(extra="forbid")

    question_id: Annotated[int, Field(ge=1)]
    choice: Annotated[list[Annotated[str, Field(max_length=12)]], Field(max_length=30)] = []
    comment: Annotated[str, Field(max_length=MAX_COMMENT)] = ""

    def to_choice(self) -> SubmittedChoice:
        if not all(_CHOICE.fullmatch(c) for c in self.choice):
            raise InvalidInput("Ungültige Auswahl / invalid choice")
        ids = tuple(int(c) for c in self.choice if c != "abstain")
        return SubmittedChoice(self.question_id, ids, "abstain" in self.choice, self.comment)


def _view(ctx: ServerContext, token: str) -> VoterView:
    with ctx.db.read() as session:
        return view_for(session, site_access(session, ctx.conference_id, token))


def _forbidden(lang: str, exc: VotumError) -> HTMLResponse:
    return HTMLResponse(forbidden_page(lang, str(exc)), status_code=403)


@router.get("/", response_class=HTMLResponse)
def welcome(ctx: CtxDep, lang: LangDep) -> HTMLResponse:
    """Where the join address leads without a token: open your site's own link."""
    with ctx.db.read() as session:
        topic = get_conference(session, ctx.conference_id).topic
    return HTMLResponse(welcome_page(lang, topic))


@router.get("/v/{token}", response_class=HTMLResponse)
def page(ctx: CtxDep, token: PathTokenDep, lang: LangDep) -> HTMLResponse:
    try:
        view = _view(ctx, token)
    except Forbidden as exc:
        return _forbidden(lang, exc)
    return HTMLResponse(voter_page(view, token, lang))


@router.get("/v/{token}/panel", response_class=HTMLResponse)
def panel(ctx: CtxDep, token: PathTokenDep, lang: LangDep) -> HTMLResponse:
    """The changing part of the page, for the live script (same HTML as the full page)."""
    try:
        view = _view(ctx, token)
    except Forbidden as exc:
        return _forbidden(lang, exc)
    return HTMLResponse(voter_panel(view, token, lang))


@router.post("/v/{token}", response_class=HTMLResponse)
async def submit(
    ctx: CtxDep, token: PathTokenDep, lang: LangDep, form: Annotated[BallotForm, Form()]
) -> Response:
    """Store the ballot, then redirect to the confirmation (Post/Redirect/Get)."""
    try:
        choice = form.to_choice()
        receipt = await ctx.cast_site_ballot(token, choice)
    except Forbidden as exc:
        return _forbidden(lang, exc)
    except VotumError as exc:
        try:
            view = await anyio.to_thread.run_sync(_view, ctx, token)
        except Forbidden as denied:
            return _forbidden(lang, denied)
        return HTMLResponse(voter_page(view, token, lang, error=str(exc)), status_code=exc.status)
    return RedirectResponse(
        f"/v/{token}/stored?q={receipt.question_id}&lang={lang}", status_code=303
    )


@router.get("/v/{token}/stored", response_class=HTMLResponse)
def stored(
    ctx: CtxDep, token: PathTokenDep, lang: LangDep, q: Annotated[int, Query(ge=1)]
) -> Response:
    """The confirmation: exactly what is stored for this question, and when."""
    try:
        with ctx.db.read() as session:
            access = site_access(session, ctx.conference_id, token)
            view = view_for(session, access)
            try:
                require_question(session, ctx.conference_id, q)
                question = get_question(session, q)
            except NotFound:
                question = None
            ballot = site_ballot(session, q, access.site_id) if question else None
    except Forbidden as exc:
        return _forbidden(lang, exc)
    if question is None or ballot is None:
        return RedirectResponse(f"/v/{token}?lang={lang}", status_code=303)
    return HTMLResponse(stored_page(view, question, ballot, token, lang))


@router.get("/v/{token}/events")
async def events(ctx: CtxDep, token: PathTokenDep, request: Request) -> Response:
    """Server-sent events: ``state`` with the version whenever the page should re-render."""
    try:
        await anyio.to_thread.run_sync(_view, ctx, token)
    except Forbidden as exc:
        return _forbidden(ctx.language, exc)

    async def stream() -> AsyncIterator[str]:
        seen = ctx.live.version
        yield f"retry: 3000\nevent: state\ndata: {seen}\n\n"
        while not ctx.live.closed:
            version = await ctx.live.wait_change(seen, HEARTBEAT_SECONDS)
            if ctx.live.closed or await request.is_disconnected():
                break
            if version != seen:
                seen = version
                yield f"event: state\ndata: {version}\n\n"
            else:
                yield ": ping\n\n"

    return StreamingResponse(
        stream(),
        media_type="text/event-stream",
        headers={"X-Accel-Buffering": "no"},
    )
