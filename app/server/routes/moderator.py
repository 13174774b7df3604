"""The moderator's JSON API (``Authorization: Bearer <moderator token>``): the session's
actions, what the console lists, the conference as a whole, and an event stream.

Every action goes through the same writer as the ballots, so a ballot racing a close is
either committed before it (and counted) or refused after it, never half. An action sent
with an ``Idempotency-Key`` is done at most once: its answer is stored with it.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from datetime import datetime
from typing import Annotated, Literal, TypeVar

from fastapi import APIRouter, Depends, Header, Request, Response
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel
from sqlalchemy.orm import Session

from app.server.actions import (
    SubmittedChoice,
    attendance_action,
    cast_for_site,
    next_action,
    question_action,
    require_question,
    skip_action,
)
from app.server.context import ServerContext
from app.server.deps import CtxDep, IdPath, LangDep, ModeratorDep
from app.server.feed import ModeratorFeed
from app.server.messages import say
from app.server.routes.site_api import ERRORS, confirmation
from app.server.routes.voter import HEARTBEAT_SECONDS
from app.server.schemas import (
    AgendaCaseOut,
    AttendanceIn,
    AttendanceOut,
    InvitationOut,
    LiveOut,
    ModeratorBallotIn,
    ModeratorStateOut,
    NextOut,
    NoteIn,
    NoteOut,
    QuestionOut,
    QuestionStateOut,
    ReceiptOut,
    ResultOut,
    SkipIn,
)
from app.services.agenda import agenda, get_question
from app.services.ballots import current_ballots
from app.services.conferences import get_conference, invitations
from app.services.errors import InvalidInput, NotFound
from app.services.events import StateChange
from app.services.lifecycle import set_current
from app.services.notes import NoteView, conference_notes, save_note
from app.services.requests import REQUEST_ID_PATTERN, RequestKey, fingerprint, recall, remember
from app.services.results import live_status, question_result
from app.services.views import QuestionInfo

router = APIRouter(prefix="/api/moderator", tags=["moderator"], dependencies=[ModeratorDep])

T = TypeVar("T")
Out = TypeVar("Out", bound=BaseModel)


async def request_key(
    request: Request,
    key: Annotated[
        str | None,
        Header(
            alias="Idempotency-Key",
            pattern=REQUEST_ID_PATTERN,
            description="A request id chosen by the client (e.g. a UUID). The same request "
            "sent again with the same id is not done twice: the first answer comes back "
            "(header `Idempotent-Replayed: true`). The id belongs to its request (method, "
            "path, body): sent with another request it is refused (422).",
        ),
    ] = None,
) -> RequestKey | None:
    """The request's Idempotency-Key bound to the request (see app.services.requests)."""
    if key is None:
        return None
    return RequestKey(key, fingerprint(request.method, request.url.path, await request.body()))


RequestIdHeader = Annotated[RequestKey | None, Depends(request_key)]
REPLAYED = "Idempotent-Replayed"


async def once(
    ctx: ServerContext,
    request_id: RequestKey | None,
    work: Callable[[Session], T],
    answer: Callable[[T], Out],
    after_commit: Callable[[T], None] | None = None,
) -> Response:
    """Run a moderator action through the writer, at most once per request id."""
    if request_id is None:
        value = await ctx.write(work, after_commit)
        return JSONResponse(answer(value).model_dump(mode="json"))

    def job(session: Session) -> tuple[T | None, str, bool]:
        remembered = recall(session, ctx.conference_id, request_id)
        if remembered is not None:
            return None, remembered, True
        value = work(session)
        body = answer(value).model_dump_json()
        remember(session, ctx.conference_id, request_id, body)
        return value, body, False

    def after(result: tuple[T | None, str, bool]) -> None:
        value, _body, replayed = result
        if after_commit is not None and not replayed:
            after_commit(value)  # type: ignore[arg-type]  # not replayed: work() set it

    _value, body, replayed = await ctx.write(job, after)
    headers = {REPLAYED: "true"} if replayed else {}
    return JSONResponse(json.loads(body), headers=headers)


async def _question_changed(
    ctx: ServerContext,
    request_id: RequestKey | None,
    work: Callable[[Session], tuple[QuestionInfo, StateChange]],
    lang: str,
) -> Response:
    """A question's life-cycle step, done once per request id; every page hears of it."""

    def notify(result: tuple[QuestionInfo, StateChange]) -> None:
        ctx.notifier.state_changed(result[1])

    return await once(
        ctx,
        request_id,
        work,
        lambda result: QuestionStateOut(question=QuestionOut.of(result[0], lang)),
        notify,
    )


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


@router.post("/questions/{question_id}/ballots", response_model=ReceiptOut, responses=ERRORS)
async def cast_for(
    ctx: CtxDep,
    question_id: IdPath,
    body: ModeratorBallotIn,
    lang: LangDep,
    request_id: RequestIdHeader = None,
) -> Response:
    """Enter a site's ballot on its behalf (given by voice or chat); marked as such."""
    choice = SubmittedChoice(question_id, tuple(body.option_ids), body.abstain, body.comment)

    return await once(  # pages re-read the state: the site sees the entered ballot at once
        ctx,
        request_id,
        cast_for_site(ctx.conference_id, body.site_code, choice),
        lambda receipt: ReceiptOut.of(receipt, confirmation(receipt, lang)),
        ctx.notifier.ballot_stored,
    )


@router.post("/questions/{question_id}/skip", response_model=QuestionStateOut, responses=ERRORS)
async def skip(
    ctx: CtxDep,
    question_id: IdPath,
    body: SkipIn,
    lang: LangDep,
    request_id: RequestIdHeader = None,
) -> Response:
    """Skip a question that was never opened, with a reason: reported as not asked."""
    work = skip_action(ctx.conference_id, question_id, body.reason)
    return await _question_changed(ctx, request_id, work, lang)


@router.post("/questions/{question_id}/{action}", response_model=QuestionStateOut, responses=ERRORS)
async def question(
    ctx: CtxDep,
    question_id: IdPath,
    action: Action,
    lang: LangDep,
    request_id: RequestIdHeader = None,
) -> Response:
    """Open, close, reveal (results to voters), hide, reopen, or repeat (round 2) a question."""
    work = question_action(ctx.conference_id, action, question_id)
    return await _question_changed(ctx, request_id, work, lang)


@router.post("/next", response_model=NextOut, responses=ERRORS)
async def next_question(ctx: CtxDep, request_id: RequestIdHeader = None) -> Response:
    """Move every page to the question after the current one (refused while it is open)."""

    def notify(result: tuple[int | None, StateChange]) -> None:
        ctx.notifier.state_changed(result[1])

    return await once(
        ctx,
        request_id,
        next_action(ctx.conference_id),
        lambda result: NextOut(current_question_id=result[0]),
        notify,
    )


class CurrentIn(BaseModel):
    """The question every page shows (None: a pause between questions)."""

    question_id: int | None


@router.put("/current", response_model=NextOut, responses=ERRORS)
async def choose_current(
    ctx: CtxDep, body: CurrentIn, request_id: RequestIdHeader = None
) -> Response:
    """Make a question the current one (the console's agenda and "previous question")."""

    def work(session: Session) -> tuple[int | None, StateChange]:
        set_current(session, ctx.conference_id, body.question_id, actor="moderator (API)")
        return body.question_id, StateChange(ctx.conference_id, body.question_id, "current")

    def notify(result: tuple[int | None, StateChange]) -> None:
        ctx.notifier.state_changed(result[1])

    return await once(
        ctx, request_id, work, lambda result: NextOut(current_question_id=result[0]), notify
    )


@router.put("/attendance/{site_code}", response_model=AttendanceOut, responses=ERRORS)
async def attendance(
    ctx: CtxDep, site_code: str, body: AttendanceIn, request_id: RequestIdHeader = None
) -> Response:
    """Check a site in or out (CME attendance), with names and EFNs if given."""

    def notify(result: tuple[int, StateChange]) -> None:
        ctx.notifier.state_changed(result[1])

    return await once(
        ctx,
        request_id,
        attendance_action(
            ctx.conference_id,
            site_code,
            body.present,
            body.attendee_count,
            None if body.attendees is None else [(a.name, a.efn) for a in body.attendees],
        ),
        lambda result: AttendanceOut(
            site_code=site_code, present=body.present, attendee_count=result[0]
        ),
        notify,
    )


class CurrentBallotOut(BaseModel):
    """One site's current ballot (what the desktop console mirrors between full reads)."""

    site_code: str
    option_ids: list[int]
    abstain: bool
    comment: str
    source: str
    cast_at: datetime
    revision: int


@router.get("/questions/{question_id}/ballots", responses=ERRORS)
def ballots_list(ctx: CtxDep, question_id: IdPath) -> list[CurrentBallotOut]:
    """Every site's current ballot on one question (also before the reveal)."""
    with ctx.db.read() as session:
        require_question(session, ctx.conference_id, question_id)
        return [
            CurrentBallotOut(
                site_code=b.site_code,
                option_ids=list(b.option_ids),
                abstain=b.abstain,
                comment=b.comment,
                source=b.source.value,
                cast_at=b.cast_at,
                revision=b.revision,
            )
            for b in current_ballots(session, question_id)
        ]


@router.get("/questions/{question_id}/results", responses=ERRORS)
def results(ctx: CtxDep, question_id: IdPath, lang: LangDep) -> ResultOut:
    """Counts, percentages, consensus class and the ready sentences (also before reveal)."""
    with ctx.db.read() as session:
        require_question(session, ctx.conference_id, question_id)
        return ResultOut.of(question_result(session, question_id), lang)


# --- what the console lists: agenda, attendance, notes -------------------------------


@router.get("/agenda", responses=ERRORS)
def agenda_list(ctx: CtxDep, lang: LangDep) -> list[AgendaCaseOut]:
    """Every case in order with its questions (ids, numbers, state, round, options)."""
    with ctx.db.read() as session:
        return [AgendaCaseOut.of(case, lang) for case in agenda(session, ctx.conference_id)]


@router.get("/attendance", responses=ERRORS)
def attendance_list(ctx: CtxDep) -> list[InvitationOut]:
    """Every invited site's attendance with the attendees' names and EFNs."""
    with ctx.db.read() as session:
        return [InvitationOut.of(i) for i in invitations(session, ctx.conference_id)]


@router.get("/notes", responses=ERRORS)
def notes_list(ctx: CtxDep) -> list[NoteOut]:
    """Every note and key message of the conference."""
    with ctx.db.read() as session:
        return [NoteOut.of(n) for n in conference_notes(session, ctx.conference_id)]


@router.put("/notes", response_model=NoteOut, responses=ERRORS)
async def write_note(ctx: CtxDep, body: NoteIn, request_id: RequestIdHeader = None) -> Response:
    """Create or replace the note of this kind for a case or a question of this conference."""
    if (body.case_id is None) == (body.question_id is None):
        raise InvalidInput(say("give_case_or_question"))

    def work(session: Session) -> NoteView:
        if body.question_id is not None:
            require_question(session, ctx.conference_id, body.question_id)
        elif body.case_id not in {c.id for c in agenda(session, ctx.conference_id)}:
            raise NotFound(say("case_not_found"))
        return save_note(
            session,
            body.text,
            case_id=body.case_id,
            question_id=body.question_id,
            kind=body.kind,
        )

    def notify(note: NoteView) -> None:
        ctx.notifier.state_changed(StateChange(ctx.conference_id, note.question_id, "note"))

    return await once(ctx, request_id, work, NoteOut.of, notify)


# --- the moderator's event stream ------------------------------------------------------


@router.get(
    "/events",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}}, **ERRORS},
)
async def events(ctx: CtxDep, request: Request) -> StreamingResponse:
    """Server-sent events: ``changed`` after every committed ballot, question action,
    attendance or note, and whenever the pages' state changed otherwise; its data is
    ``{"serial": …, "version": …}``. Read ``/state`` (or what changed) on each event."""
    feed: ModeratorFeed = request.app.state.feed
    feed.bind(asyncio.get_running_loop())

    def event(serial: int, version: str) -> str:
        return f"event: changed\ndata: {json.dumps({'serial': serial, 'version': version})}\n\n"

    async def stream() -> AsyncIterator[str]:
        async with feed.watching():
            async for chunk in changes():
                yield chunk

    async def changes() -> AsyncIterator[str]:
        serial, version = feed.serial, ctx.live.version
        yield "retry: 3000\n" + event(serial, version)
        while not ctx.live.closed:
            waits = {
                asyncio.ensure_future(feed.wait(serial, HEARTBEAT_SECONDS)),
                asyncio.ensure_future(ctx.live.wait_change(version, HEARTBEAT_SECONDS)),
            }
            _done, pending = await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
            for task in pending:
                task.cancel()
            if ctx.live.closed or await request.is_disconnected():
                break
            if (feed.serial, ctx.live.version) != (serial, version):
                serial, version = feed.serial, ctx.live.version
                yield event(serial, version)
            else:
                yield ": ping\n\n"

    return StreamingResponse(
        stream(), media_type="text/event-stream", headers={"X-Accel-Buffering": "no"}
    )
