"""The site's JSON API: its view of the current state and casting its ballot.

The site token goes in the path (``/api/v/{token}/…``, as in the link) or in an
``Authorization: Bearer`` header (``/api/site/…``); both act only for that site and only
in the conference this server serves.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response

from app.models import BallotSource
from app.server.actions import SubmittedChoice, site_access
from app.server.context import ServerContext
from app.server.deps import (
    BearerDep,
    BearerReadDep,
    SiteReadDep,
    TokenPath,
    admit,
    bearer_token,
)
from app.server.i18n import clock, pick_lang, texts
from app.server.schemas import BallotIn, ErrorOut, ReceiptOut, SiteStateOut
from app.services.ballots import BallotReceipt
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
    ctx: ServerContext = request.app.state.ctx
    await admit(ctx, request, token, ctx.limits.ballots)
    choice = SubmittedChoice(
        ballot.question_id, tuple(ballot.option_ids), ballot.abstain, ballot.comment
    )
    receipt = await ctx.cast_site_ballot(token, choice, source)
    lang = pick_lang(request.query_params.get("lang"), ctx.language)
    receipt_out = ReceiptOut.of(receipt, confirmation(receipt, lang))
    return Response(receipt_out.model_dump_json(), media_type="application/json")


@router.get("/v/{token}/state", responses=ERRORS)
def state_by_link(call: SiteReadDep) -> SiteStateOut:
    """The site's view: current case and question, its own ballot, results once revealed."""
    return _state(call.ctx, call.token, call.lang)


@router.get("/site/state", responses=ERRORS)
def state_by_header(call: BearerReadDep) -> SiteStateOut:
    """As ``/api/v/{token}/state``, with the token in ``Authorization: Bearer``."""
    return _state(call.ctx, call.token, call.lang)


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
