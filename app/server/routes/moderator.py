"""The moderator's JSON API (``Authorization: Bearer <moderator token>``): the session's
actions, what the console lists, the conference as a whole, and an event stream.

The actions' routes are made from their one definition
(:data:`app.services.moderator_actions.ACTIONS`). Every action goes through the same
writer as the ballots, so a ballot racing a close is
either committed before it (and counted) or refused after it, never half. An action sent
with an ``Idempotency-Key`` is done at most once: its answer is stored with it.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import asdict
from datetime import datetime
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, Header, Query, Request, Response
from fastapi import Path as FastPath
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.orm import Session

from app.server.checkin_schemas import CheckinStateOut
from app.server.context import ServerContext
from app.server.deps import CtxDep, IdPath, LangDep, ModeratorDep
from app.server.feed import ModeratorFeed
from app.server.i18n import error_body
from app.server.messages import say
from app.server.routes.site_api import ERRORS, confirmation
from app.server.routes.voter import HEARTBEAT_SECONDS
from app.server.schemas import (
    AgendaCaseOut,
    AttendanceOut,
    InvitationOut,
    LiveOut,
    ModeratorStateOut,
    NextOut,
    NoteOut,
    QuestionOut,
    QuestionStateOut,
    ReceiptOut,
    ResultOut,
)
from app.server.storage import StorageWatch
from app.server.writer import StorageUnavailable, WriterStopped
from app.services.agenda import agenda, get_question
from app.services.ballots import BallotReceipt, current_ballots
from app.services.conferences import get_conference, invitations
from app.services.live_feed import ANSWER, Changes, LiveAnswer, read_live
from app.services.moderator_actions import ACTIONS, API, Action, Answer, Definition
from app.services.moderator_rules import require_question
from app.services.notes import conference_notes
from app.services.requests import REQUEST_ID_PATTERN, RequestKey, fingerprint, recall, remember
from app.services.results import live_status, question_result
from app.texts import Message

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


#: each path parameter an action's route may have, as FastAPI reads it
PATH_PARAMETERS: dict[str, object] = {
    "question_id": IdPath,
    "site_code": Annotated[str, FastPath(min_length=1, max_length=20)],
}

#: each kind of answer: its response model and how a rule's value becomes it
ANSWERS: dict[Answer, tuple[type[BaseModel], Callable[[Any, str], BaseModel]]] = {
    Answer.QUESTION: (
        QuestionStateOut,
        lambda info, lang: QuestionStateOut(question=QuestionOut.of(info, lang)),
    ),
    Answer.CURRENT: (NextOut, lambda current, _lang: NextOut(current_question_id=current)),
    Answer.RECEIPT: (
        ReceiptOut,
        lambda receipt, lang: ReceiptOut.of(receipt, confirmation(receipt, lang)),
    ),
    Answer.ATTENDANCE: (AttendanceOut, lambda done, _lang: AttendanceOut(**asdict(done))),
    Answer.NOTE: (NoteOut, lambda note, _lang: NoteOut.of(note)),
    Answer.CHECKIN: (CheckinStateOut, lambda state, _lang: CheckinStateOut(**asdict(state))),
}


def _announce(ctx: ServerContext, action: Action, value: object) -> None:
    """Tell every page and the moderator's stream (a ballot as a ballot)."""
    if isinstance(value, BallotReceipt):
        ctx.notifier.ballot_stored(value)
    else:
        ctx.notifier.state_changed(action.announced(ctx.conference_id, value))


def action_route(definition: Definition) -> Callable[..., Awaitable[Response]]:
    """The route of one moderator action: its path parameters and body as the definition
    says, the rule run once per request id through the writer (actor: the API)."""
    model, render = ANSWERS[definition.answer]

    async def endpoint(
        ctx: ServerContext,
        lang: str,
        request_id: RequestKey | None = None,
        body: BaseModel | None = None,
        **path: int | str,
    ) -> Response:
        action = Action(definition, path, dict(body or {}))
        return await once(
            ctx,
            request_id,
            lambda session: action.run(session, ctx.conference_id, actor=API),
            lambda value: render(value, lang),
            lambda value: _announce(ctx, action, value),
        )

    keyword = inspect.Parameter.KEYWORD_ONLY
    parameters = [
        inspect.Parameter("ctx", keyword, annotation=CtxDep),
        inspect.Parameter("lang", keyword, annotation=LangDep),
        *(
            inspect.Parameter(name, keyword, annotation=PATH_PARAMETERS[name])
            for name in definition.path_parameters
        ),
    ]
    if definition.body is not None:
        parameters.append(inspect.Parameter("body", keyword, annotation=definition.body))
    parameters.append(
        inspect.Parameter("request_id", keyword, annotation=RequestIdHeader, default=None)
    )
    # FastAPI reads the parameters from the signature: these, not the generic ones above
    endpoint.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    endpoint.__name__ = definition.name
    endpoint.__doc__ = definition.doc
    router.add_api_route(
        definition.path,
        endpoint,
        methods=[definition.method],
        response_model=model,
        responses=ERRORS,
        summary=definition.title[1],
    )
    return endpoint


for _definition in ACTIONS:
    action_route(_definition)


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


HeldQuery = Annotated[
    str,
    Query(
        max_length=120,
        pattern=r"^([0-9]{1,10}(,[0-9]{1,10}){0,9})?$",
        description="the question ids the console holds (comma-separated)",
    ),
]
Serial = Annotated[int | None, Query(ge=0, le=2**62)]
AlsoQuery = Annotated[
    str,
    Query(
        max_length=1000,
        pattern=r"^([a-z]{1,20}(:[0-9]{1,10})?(,[a-z]{1,20}(:[0-9]{1,10})?)*)?$",
        description="what the event stream said changed since (its words, comma-separated)",
    ),
]


def _touch(session: Session) -> None:
    session.execute(text("UPDATE alembic_version SET version_num = version_num"))


def _storing_fails(ctx: ServerContext, watch: StorageWatch) -> Message | None:
    """While storing failed, whether it still does: a write through the server's writer
    that changes nothing (a read-only file still reads; the writer's commit tells, and
    ends the episode once it works). None: storing works, as far as anyone knows."""
    if watch.problem is None:
        return None
    with contextlib.suppress(StorageUnavailable, WriterStopped, TimeoutError):
        ctx.writer.submit(_touch).result(timeout=5)
    return watch.problem


@router.get(
    "/live",
    responses={200: {"model": LiveAnswer, "description": "what changed"}, **ERRORS},
    response_class=Response,
)
def live(
    ctx: CtxDep,
    request: Request,
    since: Serial = None,
    instance: Annotated[str | None, Query(max_length=40)] = None,
    after: Serial = None,
    held: HeldQuery = "",
    state: Annotated[str | None, Query(max_length=200)] = None,
    also: AlsoQuery = "",
) -> Response:
    """What a console shows, keyed by this server's ids, with a version (``version`` of
    this server process, ``instance``). Without ``since``: everything. With the version
    and ballot cursor (``after``) of an earlier answer and the questions it holds: only
    what changed since (``full`` false): question states, the shown questions' ballots
    cast after the cursor with each one's count, attendance, notes, the agenda. ``also``:
    what the event stream said changed, read too (the stream may be another worker's,
    whose news this one has not heard yet)."""
    problem = _storing_fails(ctx, request.app.state.watch)
    if problem is not None:  # reads may work (a read-only file): the console must know
        message = say("database_unavailable", problem=problem)
        return JSONResponse(error_body(message), 503, headers={"Retry-After": "5"})
    feed: ModeratorFeed = ctx.notifier  # this conference's (a standing server has many)
    version = feed.serial  # read first: every change up to it is in the read below
    changes = None
    if since is not None and instance == feed.instance:
        changes = feed.changes_since(ctx.conference_id, since)
        said = Changes.parse(also.split(",")) if also else Changes()
        changes = None if changes is None or said is None else changes | said
    with ctx.db.read() as session:
        answer = read_live(
            session,
            ctx.conference_id,
            version=version,
            instance=feed.instance,
            changes=changes,
            held={int(q) for q in held.split(",") if q},
            after=after,
            state=state,
        )
    return Response(ANSWER.dump_json(answer, exclude_defaults=True), media_type="application/json")


class CurrentBallotOut(BaseModel):
    """One site's current ballot."""

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


# --- the moderator's event stream ------------------------------------------------------


@router.get(
    "/events",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}}, **ERRORS},
)
async def events(ctx: CtxDep, request: Request) -> StreamingResponse:
    """Server-sent events: ``changed`` after every committed ballot, question action,
    attendance or note, and whenever the pages' state changed otherwise. Its data says
    what changed: ``{"serial": …, "instance": …, "version": …, "changes": ["question:12",
    "ballots", "attendance", "notes", "agenda", "current"]}`` (``["conference"]``:
    anything); ``/live?since=serial`` then gives just that. ``version`` is the voter
    pages' state."""
    feed: ModeratorFeed = ctx.notifier  # this conference's (a standing server has many)
    feed.bind(asyncio.get_running_loop())

    def event(serial: int, version: str, since: int | None) -> str:
        known = None if since is None else feed.changes_since(ctx.conference_id, since)
        data = {
            "serial": serial,
            "instance": feed.instance,
            "version": version,
            "changes": ["conference"] if known is None else known.words(),
        }
        return f"event: changed\ndata: {json.dumps(data)}\n\n"

    async def stream() -> AsyncIterator[str]:
        async with feed.watching():
            async for chunk in changes():
                yield chunk

    async def changes() -> AsyncIterator[str]:
        serial, version = feed.serial, ctx.live.version
        yield "retry: 3000\n" + event(serial, version, None)
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
                since, serial, version = serial, feed.serial, ctx.live.version
                yield event(serial, version, since)
            else:
                yield ": ping\n\n"

    return StreamingResponse(
        stream(), media_type="text/event-stream", headers={"X-Accel-Buffering": "no"}
    )
