"""The voter page: the plain HTML form (POST, then a confirmation page) and its live feed.

CSRF: the page has no cookies or sessions at all. The only credential is the secret
token in the URL path, which a third-party site cannot know, so a forged cross-site POST
has nothing to ride on; Origin/Referer checks would add nothing and would break browsers
that strip them (``Referrer-Policy: no-referrer`` is what we send ourselves).

The form route answers every refusal with the voter page again (in the site's language,
with the message and what was typed), never with JSON: its users may have no script.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Annotated, Any

import anyio.to_thread
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from app.models import BallotSource
from app.server.actions import SubmittedChoice, require_question, site_access
from app.server.context import ServerContext
from app.server.deps import (
    MAX_ID,
    CtxDep,
    LangDep,
    MaybeCtxDep,
    SiteReadDep,
    TokenPath,
    admit,
)
from app.server.messages import say
from app.server.pages import (
    CheckinTyped,
    Typed,
    checkin_context,
    checkin_section,
    stored_page,
    voter_page,
    voter_panel,
    welcome_page,
)
from app.server.routes.site_api import cast_json, read_checkin, save_checkin, visited
from app.server.schemas import BallotIn, ReceiptOut
from app.server.security import Refusal
from app.services.agenda import get_question
from app.services.ballots import MAX_COMMENT, plain_form_choice, site_ballot
from app.services.checkin import MAX_NAME, MAX_ROLE, AttendeeData, CheckinView
from app.services.conferences import get_conference
from app.services.errors import Forbidden, InvalidInput, NotFound, VotumError
from app.services.messages import say as service_says
from app.services.voting import VoterView, view_for
from app.texts import Message

router = APIRouter(tags=["voter page"], include_in_schema=False)

HEARTBEAT_SECONDS = 15.0
#: the plain form's address; the body limit lets this route answer oversized posts itself
FORM_PATH = re.compile(r"/v/[^/]+")
_CHOICE = re.compile(r"abstain|[1-9][0-9]{0,9}")

INVALID_CHOICE = say("invalid_choice")
INVALID_FORM = say("invalid_form")
COMMENT_TOO_LONG = service_says("comment_too_long", limit=MAX_COMMENT)


class BallotForm(BaseModel):
    """The plain HTML form: ``choice`` repeated (option ids or ``abstain``), a comment.

    Browsers send a textarea's line breaks as CR LF, but count them as one character for
    ``maxlength``: the raw comment may be twice the limit; the service judges the length.
    """

    model_config = ConfigDict(extra="forbid")

    question_id: Annotated[int, Field(ge=1, le=MAX_ID)]
    choice: Annotated[list[Annotated[str, Field(max_length=12)]], Field(max_length=30)] = []
    comment: Annotated[str, Field(max_length=2 * MAX_COMMENT)] = ""

    @field_validator("comment")
    @classmethod
    def _line_breaks(cls, value: str) -> str:
        return value.replace("\r\n", "\n")

    def to_choice(self) -> SubmittedChoice:
        if not all(_CHOICE.fullmatch(c) for c in self.choice):
            raise InvalidInput(INVALID_CHOICE)
        ids = tuple(int(c) for c in self.choice if c != "abstain")
        return SubmittedChoice(self.question_id, ids, "abstain" in self.choice, self.comment)


def _view(ctx: ServerContext, token: str) -> VoterView:
    with ctx.db.read() as session:
        return view_for(session, site_access(session, ctx.conference_id, token))


def _plain_form_choice(ctx: ServerContext, token: str, choice: SubmittedChoice) -> SubmittedChoice:
    """Abstain and options sent together by the plain form: the one that changes wins."""
    with ctx.db.read() as session:
        access = site_access(session, ctx.conference_id, token)
        stored = site_ballot(session, choice.question_id, access.site_id)
    ids, abstain = plain_form_choice(choice.option_ids, choice.abstain, stored)
    return SubmittedChoice(choice.question_id, ids, abstain, choice.comment)


@router.get("/", response_class=HTMLResponse)
def welcome(ctx: MaybeCtxDep, lang: LangDep) -> HTMLResponse:
    """Where the join address leads without a token: open your site's own link (a
    standing server serves many conferences: it names none)."""
    topic = ""
    if ctx is not None:
        with ctx.db.read() as session:
            topic = get_conference(session, ctx.conference_id).topic
    return HTMLResponse(welcome_page(lang, topic))


def _parts(ctx: ServerContext, token: str) -> tuple[VoterView, CheckinView]:
    """The page's two parts, read together: the vote and the site's check-in."""
    with ctx.db.read() as session:
        access = site_access(session, ctx.conference_id, token)
        view = view_for(session, access)
    return view, read_checkin(ctx, access.site_id)


@router.get("/v/{token}", response_class=HTMLResponse)
def page(call: SiteReadDep, request: Request) -> HTMLResponse:
    """The site's page: the current question and, below it, the check-in (the page also
    confirms that the link works and when the session is: the link test)."""
    visited(call)
    view, checkin = _parts(call.ctx, call.token)
    saved = request.query_params.get("checkin") == "saved"
    context = checkin_context(checkin, call.lang, saved=saved)
    return HTMLResponse(voter_page(view, call.token, call.lang, checkin=context))


@router.get("/v/{token}/checkin", response_class=HTMLResponse)
def checkin_part(call: SiteReadDep, request: Request) -> HTMLResponse:
    """The check-in part alone, for the page's script after a change."""
    view, checkin = _parts(call.ctx, call.token)
    saved = request.query_params.get("saved") == "1"
    context = checkin_context(checkin, call.lang, saved=saved)
    return HTMLResponse(checkin_section(view, call.token, call.lang, context))


MAX_FORM_ROWS = 100


def _checkin_typed(raw: Any) -> CheckinTyped:
    """The plain check-in form: ``name``, ``efn``, ``role`` once per person in order,
    ``remove`` with the number of each person to remove."""

    def column(key: str, limit: int) -> list[str]:
        return [v[: 2 * limit] if isinstance(v, str) else "" for v in raw.getlist(key)]

    names, efns, roles = column("name", MAX_NAME), column("efn", 40), column("role", MAX_ROLE)
    count = max(len(names), len(efns), len(roles))
    if count > MAX_FORM_ROWS:
        raise InvalidInput(INVALID_FORM)

    def at(values: list[str], index: int) -> str:
        return values[index] if index < len(values) else ""

    removed = frozenset(
        int(v) for v in raw.getlist("remove") if isinstance(v, str) and v.isdigit() and len(v) <= 3
    )
    rows = tuple(AttendeeData(at(names, i), at(efns, i), at(roles, i)) for i in range(count))
    return CheckinTyped(rows, removed)


@router.post("/v/{token}/checkin", response_class=HTMLResponse)
async def check_in(request: Request, ctx: CtxDep, token: TokenPath, lang: LangDep) -> Response:
    """Save the site's participants from the plain form, then back to the page (PRG); a
    refusal shows the page again with the message and everything typed."""
    typed: CheckinTyped | None = None
    try:
        typed = _checkin_typed(await request.form())
        people = [row for i, row in enumerate(typed.rows) if i not in typed.removed]
        await save_checkin(request, ctx, token, people)
    except Refusal as exc:
        return await _checkin_again(ctx, token, lang, exc.message, exc.status_code, typed)
    except HTTPException as exc:
        return await _checkin_again(ctx, token, lang, INVALID_FORM, exc.status_code, typed)
    except Forbidden:
        raise  # the handler shows the page for wrong links
    except VotumError as exc:
        return await _checkin_again(ctx, token, lang, exc.message, exc.status, typed)
    return RedirectResponse(f"/v/{token}?lang={lang}&checkin=saved#checkin", status_code=303)


async def _checkin_again(
    ctx: ServerContext,
    token: str,
    lang: str,
    message: Message,
    status: int,
    typed: CheckinTyped | None,
) -> HTMLResponse:
    view, checkin = await anyio.to_thread.run_sync(_parts, ctx, token)
    context = checkin_context(checkin, lang, error=message, typed=typed)
    return HTMLResponse(voter_page(view, token, lang, checkin=context), status_code=status)


@router.get("/v/{token}/panel", response_class=HTMLResponse)
def panel(call: SiteReadDep) -> HTMLResponse:
    """The changing part of the page, for the live script (same HTML as the full page)."""
    return HTMLResponse(voter_panel(_view(call.ctx, call.token), call.token, call.lang))


def _typed(raw: Any) -> tuple[dict[str, Any], Typed]:
    """The form's fields for :class:`BallotForm`, and what to show again if refused."""
    fields: dict[str, Any] = {
        key: raw.getlist(key) if key == "choice" else raw.get(key) for key in raw
    }
    choices = tuple(c for c in raw.getlist("choice") if isinstance(c, str))
    comment = raw.get("comment")
    comment = comment.replace("\r\n", "\n")[: 2 * MAX_COMMENT] if isinstance(comment, str) else ""
    question = raw.get("question_id")
    return fields, Typed(question if isinstance(question, str) else "", choices, comment)


def _form_problem(exc: ValidationError) -> Message:
    fields = {str(error["loc"][0]) for error in exc.errors() if error.get("loc")}
    if "comment" in fields:
        return COMMENT_TOO_LONG
    if "choice" in fields:
        return INVALID_CHOICE
    return INVALID_FORM


async def _again(
    ctx: ServerContext,
    token: str,
    lang: str,
    message: Message,
    status: int,
    typed: Typed | None,
) -> HTMLResponse:
    """The voter page again, with ``message`` and the voter's input."""
    view, checkin = await anyio.to_thread.run_sync(_parts, ctx, token)
    headers = {"Connection": "close"} if status == 413 else None  # the body was not read
    return HTMLResponse(
        voter_page(
            view, token, lang, error=message, typed=typed, checkin=checkin_context(checkin, lang)
        ),
        status_code=status,
        headers=headers,
    )


@router.post("/v/{token}/ballot", response_model=ReceiptOut)
async def submit_json(request: Request, token: TokenPath, ballot: BallotIn) -> Response:
    """The voter page's own post where JavaScript runs: as the site API's ballot route
    (the same JSON in and out), its ballots labelled as cast on the voter page."""
    return await cast_json(request, token, ballot, BallotSource.SITE)


@router.post("/v/{token}", response_class=HTMLResponse)
async def submit(request: Request, ctx: CtxDep, token: TokenPath, lang: LangDep) -> Response:
    """Store the ballot, then redirect to the confirmation (Post/Redirect/Get)."""
    typed: Typed | None = None
    try:
        fields, typed = _typed(await request.form())
        await admit(ctx, request, token, ctx.limits.ballots)
        choice = BallotForm.model_validate(fields).to_choice()
        if choice.abstain and choice.option_ids:
            choice = await anyio.to_thread.run_sync(_plain_form_choice, ctx, token, choice)
        receipt = await ctx.cast_site_ballot(token, choice)
    except Refusal as exc:  # over the ballot budget, body too large
        return await _again(ctx, token, lang, exc.message, exc.status_code, typed)
    except HTTPException as exc:
        return await _again(ctx, token, lang, INVALID_FORM, exc.status_code, typed)
    except ValidationError as exc:
        return await _again(ctx, token, lang, _form_problem(exc), 422, typed)
    except Forbidden:
        raise  # the handler shows the page for wrong links
    except VotumError as exc:
        return await _again(ctx, token, lang, exc.message, exc.status, typed)
    return RedirectResponse(
        f"/v/{token}/stored?q={receipt.question_id}&rev={receipt.revision}&lang={lang}",
        status_code=303,
    )


@router.get("/v/{token}/stored", response_class=HTMLResponse)
def stored(
    call: SiteReadDep,
    q: Annotated[int, Query(ge=1, le=MAX_ID)],
    rev: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
) -> Response:
    """The confirmation: exactly what is stored for this question, and when (and, given
    the receipt's ``rev``, whether it has been replaced since)."""
    ctx, token, lang = call.ctx, call.token, call.lang
    with ctx.db.read() as session:
        access = site_access(session, ctx.conference_id, token)
        view = view_for(session, access)
        try:
            require_question(session, ctx.conference_id, q)
            question = get_question(session, q)
        except NotFound:
            question = None
        ballot = site_ballot(session, q, access.site_id) if question else None
    if question is None or ballot is None:
        return RedirectResponse(f"/v/{token}?lang={lang}", status_code=303)
    replaced = rev is not None and rev != ballot.revision
    return HTMLResponse(stored_page(view, question, ballot, token, lang, replaced=replaced))


@router.get("/v/{token}/events")
async def events(call: SiteReadDep, request: Request) -> Response:
    """Server-sent events: ``state`` with the version whenever the page should re-render."""
    ctx = call.ctx
    await anyio.to_thread.run_sync(_view, ctx, call.token)  # Forbidden for a revoked link

    async def stream() -> AsyncIterator[str]:
        seen = ctx.live.version
        yield f"retry: 3000\nevent: state\ndata: {seen}\n\n"
        while not ctx.live.closed:
            version = await ctx.live.wait_change(seen, HEARTBEAT_SECONDS)
            if await request.is_disconnected():
                break
            if version != seen:  # the last one too ("gone": the page shows why it ends)
                seen = version
                yield f"event: state\ndata: {version}\n\n"
            elif not ctx.live.closed:
                yield ": ping\n\n"

    return StreamingResponse(
        stream(),
        media_type="text/event-stream",
        headers={"X-Accel-Buffering": "no"},
    )
