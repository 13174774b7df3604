"""The moderator's JSON API (``Authorization: Bearer <moderator token>``).

Every action goes through the same writer as the ballots, so a ballot racing a close is
either committed before it (and counted) or refused after it, never half.
"""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter

from app.server.actions import (
    SubmittedChoice,
    attendance_action,
    cast_for_site,
    next_action,
    question_action,
    require_question,
    skip_action,
)
from app.server.deps import CtxDep, IdPath, LangDep, ModeratorDep
from app.server.routes.site_api import ERRORS, confirmation
from app.server.schemas import (
    AttendanceIn,
    AttendanceOut,
    LiveOut,
    ModeratorBallotIn,
    ModeratorStateOut,
    NextOut,
    QuestionOut,
    QuestionStateOut,
    ReceiptOut,
    ResultOut,
    SkipIn,
)
from app.services.agenda import get_question
from app.services.conferences import get_conference
from app.services.events import StateChange
from app.services.results import live_status, question_result
from app.services.views import QuestionInfo

router = APIRouter(prefix="/api/moderator", tags=["moderator"], dependencies=[ModeratorDep])

Action = Literal["open", "close", "reveal", "hide", "reopen", "repeat"]


@router.get("/state", responses=ERRORS)
def state(ctx: CtxDep, lang: LangDep) -> ModeratorStateOut:
    """The conference, its current question and who has voted on it."""
    with ctx.db.read() as session:
        conf = get_conference(session, ctx.conference_id)
        current, live = None, None
        if conf.current_question_id is not None:
            info = get_question(session, conf.current_question_id)
            current = QuestionOut.of(info, lang)
            live = LiveOut.of(live_status(session, info.id))
    return ModeratorStateOut(
        conference_id=conf.id, slug=conf.slug, topic=conf.topic, current=current, live=live
    )


@router.post("/questions/{question_id}/ballots", responses=ERRORS)
async def cast_for(
    ctx: CtxDep, question_id: IdPath, body: ModeratorBallotIn, lang: LangDep
) -> ReceiptOut:
    """Enter a site's ballot on its behalf (given by voice or chat); marked as such."""
    choice = SubmittedChoice(question_id, tuple(body.option_ids), body.abstain, body.comment)
    receipt = await ctx.write(
        cast_for_site(ctx.conference_id, body.site_code, choice),
        ctx.notifier.ballot_stored,
        changes_state=True,  # the site's own page shows the entered ballot at once
    )
    return ReceiptOut.of(receipt, confirmation(receipt, lang))


@router.post("/questions/{question_id}/skip", responses=ERRORS)
async def skip(ctx: CtxDep, question_id: IdPath, body: SkipIn, lang: LangDep) -> QuestionStateOut:
    """Skip a question that was never opened, with a reason: reported as not asked."""

    def notify(result: tuple[QuestionInfo, StateChange]) -> None:
        ctx.notifier.state_changed(result[1])

    info, _change = await ctx.write(
        skip_action(ctx.conference_id, question_id, body.reason), notify
    )
    return QuestionStateOut(question=QuestionOut.of(info, lang))


@router.post("/questions/{question_id}/{action}", responses=ERRORS)
async def question(
    ctx: CtxDep, question_id: IdPath, action: Action, lang: LangDep
) -> QuestionStateOut:
    """Open, close, reveal (results to voters), hide, reopen, or repeat (round 2) a question."""

    def notify(result: tuple[QuestionInfo, StateChange]) -> None:
        ctx.notifier.state_changed(result[1])

    info, _change = await ctx.write(question_action(ctx.conference_id, action, question_id), notify)
    return QuestionStateOut(question=QuestionOut.of(info, lang))


@router.post("/next", responses=ERRORS)
async def next_question(ctx: CtxDep) -> NextOut:
    """Move every page to the question after the current one (refused while it is open)."""

    def notify(result: tuple[int | None, StateChange]) -> None:
        ctx.notifier.state_changed(result[1])

    following, _change = await ctx.write(next_action(ctx.conference_id), notify)
    return NextOut(current_question_id=following)


@router.put("/attendance/{site_code}", responses=ERRORS)
async def attendance(ctx: CtxDep, site_code: str, body: AttendanceIn) -> AttendanceOut:
    """Check a site in or out (CME attendance)."""

    def notify(result: tuple[int, StateChange]) -> None:
        ctx.notifier.state_changed(result[1])

    count, _change = await ctx.write(
        attendance_action(ctx.conference_id, site_code, body.present, body.attendee_count),
        notify,
    )
    return AttendanceOut(site_code=site_code, present=body.present, attendee_count=count)


@router.get("/questions/{question_id}/results", responses=ERRORS)
def results(ctx: CtxDep, question_id: IdPath, lang: LangDep) -> ResultOut:
    """Counts, percentages, consensus class and the ready sentences (also before reveal)."""
    with ctx.db.read() as session:
        require_question(session, ctx.conference_id, question_id)
        return ResultOut.of(question_result(session, question_id), lang)
