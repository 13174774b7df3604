"""The site's JSON API: its view of the current state and casting its ballot.

The site token goes in the path (``/api/v/{token}/…``, as in the link) or in an
``Authorization: Bearer`` header (``/api/site/…``); both act only for that site and only
in its conference (the one this server serves, or on a standing server the one the token
belongs to).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response

from app.models import BallotSource
from app.server.actions import SubmittedChoice, checkin_for_token, site_access
from app.server.checkin_schemas import CheckinIn, CheckinOut
from app.server.context import ServerContext
from app.server.deps import (
    BearerDep,
    BearerReadDep,
    SiteCall,
    SiteReadDep,
    TokenPath,
    admit,
    bearer_token,
    site_context,
)
from app.server.i18n import clock, pick_lang, texts
from app.server.schemas import BallotIn, ErrorOut, ReceiptOut, SiteStateOut
from app.server.visits import note_visit
from app.services.ballots import BallotReceipt
from app.services.checkin import AttendeeData, CheckinView, site_checkin
from app.services.voting import view_for

router = APIRouter(prefix="/api", tags=["site"])

ERRORS: dict[int | str, dict[str, object]] = {
    status: {"model": ErrorOut} for status in (401, 403, 404, 409, 413, 422, 429)
}


def _state(ctx: ServerContext, token: str, lang: str) -> SiteStateOut:
    with ctx.db.read() as session:
        view = view_for(session, site_access(session, ctx.conference_id, token))
    return SiteStateOut.of(view, lang)


def confirmation(receipt: BallotReceipt, lang: str) -> str:
    """ "Gespeichert um 14:03:12: „Keine Empfehlung“." """
    t = texts(lang)
    what = ", ".join(receipt.labels_in(lang))
    if receipt.abstain:
        what = t["abstain"]
    elif not what:
        what = receipt.comment
    return f"{t['stored_at'].format(time=clock(receipt.cast_at))}: {what}"


#: ``?lang=`` on the ballot routes, documented here and read by hand (see :func:`cast_json`)
LANG_PARAMETER: dict[str, Any] = {
    "parameters": [
        {
            "name": "lang",
            "in": "query",
            "required": False,
            "description": (
                "de or en: the language of the confirmation message "
                "(any other value means the conference's language)"
            ),
            "schema": {"type": "string"},
        }
    ]
}


async def cast_json(
    request: Request, token: str, ballot: BallotIn, source: BallotSource = BallotSource.API
) -> Response:
    """Admit the token, store the ballot durably, answer with the receipt. ``source``: the
    site's API (a program of its own), or its voter page posting with JavaScript.

    The ballot routes are the hot path of a burst, so they skip FastAPI's per-request
    machinery where that changes nothing for the caller: the token is admitted here rather
    than in a dependency, and ``lang`` is read by hand (an unknown value means the
    conference's language). Measured, the two cost about 45 µs per ballot, nearly all of
    the route's own overhead over a bare endpoint. One consequence: a malformed body gets
    its 422 before the token is looked at. The receipt is serialised here, once, rather
    than validated again by FastAPI (``response_model`` still documents it).
    """
    ctx = await site_context(request, token)
    await admit(ctx, request, token, ctx.limits.ballots)
    choice = SubmittedChoice(
        ballot.question_id, tuple(ballot.option_ids), ballot.abstain, ballot.comment
    )
    receipt = await ctx.cast_site_ballot(token, choice, source)
    lang = pick_lang(request.query_params.get("lang"), ctx.language)
    receipt_out = ReceiptOut.of(receipt, confirmation(receipt, lang))
    return Response(receipt_out.model_dump_json(), media_type="application/json")


def visited(call: SiteCall) -> None:
    """The site used its link (the link test; written at most every few minutes)."""
    ctx = call.ctx
    note_visit(ctx.visits, ctx.writer, ctx.conference_id, call.site_id, ctx.notifier)


@router.get("/v/{token}/state", responses=ERRORS)
def state_by_link(call: SiteReadDep) -> SiteStateOut:
    """The site's view: current case and question, its own ballot, results once revealed."""
    visited(call)
    return _state(call.ctx, call.token, call.lang)


@router.get("/site/state", responses=ERRORS)
def state_by_header(call: BearerReadDep) -> SiteStateOut:
    """As ``/api/v/{token}/state``, with the token in ``Authorization: Bearer``."""
    visited(call)
    return _state(call.ctx, call.token, call.lang)


# --- the site's own check-in -------------------------------------------------------------


def read_checkin(ctx: ServerContext, site_id: int) -> CheckinView:
    with ctx.db.read() as session:
        return site_checkin(session, ctx.conference_id, site_id)


async def save_checkin(
    request: Request, ctx: ServerContext, token: str, people: list[AttendeeData]
) -> CheckinView:
    """Replace the site's participants (the ballot budget: a write), durably; the
    console hears of it at once."""
    await admit(ctx, request, token, ctx.limits.ballots)
    view, _change = await ctx.write(
        checkin_for_token(ctx.conference_id, token, people),
        lambda result: ctx.notifier.state_changed(result[1]),
    )
    return view


def _people(body: CheckinIn) -> list[AttendeeData]:
    return [AttendeeData(a.name, a.efn, a.role) for a in body.attendees]


@router.get("/v/{token}/attendees", responses=ERRORS)
def attendees_by_link(call: SiteReadDep) -> CheckinOut:
    """Who is checked in for this site, and whether the check-in is still open."""
    visited(call)
    return CheckinOut.of(read_checkin(call.ctx, call.site_id))


@router.get("/site/attendees", responses=ERRORS)
def attendees_by_header(call: BearerReadDep) -> CheckinOut:
    """As ``/api/v/{token}/attendees``, with the token in ``Authorization: Bearer``."""
    visited(call)
    return CheckinOut.of(read_checkin(call.ctx, call.site_id))


@router.put("/v/{token}/attendees", responses=ERRORS)
async def check_in_by_link(request: Request, token: TokenPath, body: CheckinIn) -> CheckinOut:
    """The site's whole list of participants (name; EFN and role optional) replaces the
    one before; naming anyone marks the site present. Refused (409) once the moderator
    closed the check-in, and (422) for the same person twice or more than 30 people."""
    ctx = await site_context(request, token)
    return CheckinOut.of(await save_checkin(request, ctx, token, _people(body)))


@router.put("/site/attendees", responses=ERRORS)
async def check_in_by_header(
    request: Request, credentials: BearerDep, body: CheckinIn
) -> CheckinOut:
    """As ``PUT /api/v/{token}/attendees``, with the token in ``Authorization: Bearer``."""
    token = bearer_token(credentials)
    ctx = await site_context(request, token)
    return CheckinOut.of(await save_checkin(request, ctx, token, _people(body)))


@router.post(
    "/v/{token}/ballot",
    response_model=ReceiptOut,
    responses=ERRORS,
    openapi_extra=LANG_PARAMETER,
)
async def cast_by_link(request: Request, token: TokenPath, ballot: BallotIn) -> Response:
    """Cast or change the site's ballot for the current question; answered only after the
    ballot is committed durably. A later ballot replaces the earlier one (both are kept in
    the history)."""
    return await cast_json(request, token, ballot)


@router.post(
    "/site/ballot", response_model=ReceiptOut, responses=ERRORS, openapi_extra=LANG_PARAMETER
)
async def cast_by_header(request: Request, credentials: BearerDep, ballot: BallotIn) -> Response:
    """As ``/api/v/{token}/ballot``, with the token in ``Authorization: Bearer``."""
    return await cast_json(request, bearer_token(credentials), ballot)
