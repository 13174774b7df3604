"""The site's JSON API: its view of the current state and casting its ballot.

The site token goes in the path (``/api/v/{token}/…``, as in the link) or in an
``Authorization: Bearer`` header (``/api/site/…``); both act only for that site and only
in the conference this server serves.
"""

from __future__ import annotations

from fastapi import APIRouter

from app.server.actions import SubmittedChoice, site_access
from app.server.context import ServerContext
from app.server.deps import BearerReadDep, BearerWriteDep, SiteReadDep, SiteWriteDep
from app.server.i18n import clock, texts
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
    what = ", ".join(receipt.option_labels) if receipt.option_labels else ""
    if receipt.abstain:
        what = t["abstain"]
    elif not what:
        what = receipt.comment
    return f"{t['stored_at'].format(time=clock(receipt.cast_at))}: {what}"


async def _cast(ctx: ServerContext, token: str, ballot: BallotIn, lang: str) -> ReceiptOut:
    choice = SubmittedChoice(
        ballot.question_id, tuple(ballot.option_ids), ballot.abstain, ballot.comment
    )
    receipt = await ctx.cast_site_ballot(token, choice)
    return ReceiptOut.of(receipt, confirmation(receipt, lang))


@router.get("/v/{token}/state", responses=ERRORS)
def state_by_link(call: SiteReadDep) -> SiteStateOut:
    """The site's view: current case and question, its own ballot, results once revealed."""
    return _state(call.ctx, call.token, call.lang)


@router.get("/site/state", responses=ERRORS)
def state_by_header(call: BearerReadDep) -> SiteStateOut:
    """As ``/api/v/{token}/state``, with the token in ``Authorization: Bearer``."""
    return _state(call.ctx, call.token, call.lang)


@router.post("/v/{token}/ballot", responses=ERRORS)
async def cast_by_link(call: SiteWriteDep, ballot: BallotIn) -> ReceiptOut:
    """Cast or change the site's ballot for the current question; answered only after the
    ballot is committed durably. A later ballot replaces the earlier one (both are kept in
    the history)."""
    return await _cast(call.ctx, call.token, ballot, call.lang)


@router.post("/site/ballot", responses=ERRORS)
async def cast_by_header(call: BearerWriteDep, ballot: BallotIn) -> ReceiptOut:
    """As ``/api/v/{token}/ballot``, with the token in ``Authorization: Bearer``."""
    return await _cast(call.ctx, call.token, ballot, call.lang)
