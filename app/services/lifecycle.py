"""The question life cycle: open, close, reveal, reopen, repeat as round 2, move on.

Only one question of a conference is open at a time, and the conference's *current*
question is the one every voter page shows.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Case, Conference, Option, Question, QuestionState, utcnow
from app.services import audit, electorate
from app.services.agenda import get_question, ordered_question_ids
from app.services.errors import InvalidInput, NotFound, StateConflict
from app.services.messages import say
from app.services.text import clean
from app.services.views import QuestionInfo


def _lock_question(session: Session, question_id: int) -> Question:
    question = session.get(Question, question_id, with_for_update=True)
    if question is None:
        raise NotFound(say("question_not_found", question_id=question_id))
    return question


def _conference(session: Session, question: Question) -> Conference:
    return question.case.conference


def _open_sibling(session: Session, question: Question) -> Question | None:
    return session.scalar(
        select(Question)
        .join(Case)
        .where(
            Case.conference_id == question.case.conference_id,
            Question.state == QuestionState.OPEN.value,
            Question.id != question.id,
        )
    )


def open_question(session: Session, question_id: int, *, actor: str = "moderator") -> QuestionInfo:
    """Open a draft question for voting and make it the current one."""
    question = _lock_question(session, question_id)
    if question.state == QuestionState.OPEN.value:
        raise StateConflict(say("question_already_open"))
    if question.state == QuestionState.CLOSED.value:
        raise StateConflict(say("question_closed_use_reopen"))
    _refuse_second_open(session, question)
    skipped = question.skip_reason
    question.state = QuestionState.OPEN.value
    question.opened_at = utcnow()
    question.skip_reason = None  # asked after all
    _conference(session, question).current_question_id = question.id
    if skipped is not None:
        return _record(session, question, actor, "question_opened", skipped_before=skipped)
    return _record(session, question, actor, "question_opened")


MAX_SKIP_REASON = 500


def skip_question(
    session: Session, question_id: int, reason: str, actor: str = "moderator"
) -> QuestionInfo:
    """Skip a question that was never opened, with a reason (one line): the results and
    the protocol report it as not asked and say why. Opening it later asks it after all."""
    question = _lock_question(session, question_id)
    if question.state != QuestionState.DRAFT.value:
        raise StateConflict(say("skip_only_unopened"))
    cleaned = " ".join(clean(reason).split())  # the cleaning rule of every stored text
    if not cleaned:
        raise InvalidInput(say("give_reason"))
    if len(cleaned) > MAX_SKIP_REASON:
        raise InvalidInput(say("reason_too_long", limit=MAX_SKIP_REASON))
    question.skip_reason = cleaned
    return _record(session, question, actor, "question_skipped", reason=cleaned)


def _record(
    session: Session, question: Question, actor: str, action: str, **detail: Any
) -> QuestionInfo:
    """Audit the change, flush it and return the question as it is now."""
    audit.record(
        session,
        _conference(session, question).id,
        actor,
        action,
        question_id=question.id,
        **detail,
    )
    session.flush()
    return get_question(session, question.id)


def _refuse_second_open(session: Session, question: Question) -> None:
    other = _open_sibling(session, question)
    if other is not None:
        number = get_question(session, other.id).number
        raise StateConflict(say("other_question_open", number=number))


def close_question(session: Session, question_id: int, *, actor: str = "moderator") -> QuestionInfo:
    """Close voting; ballots arriving after this are refused. Who could vote is stored
    (:mod:`app.services.electorate`)."""
    question = _lock_question(session, question_id)
    if question.state != QuestionState.OPEN.value:
        raise StateConflict(say("question_not_open"))
    question.state = QuestionState.CLOSED.value
    question.closed_at = utcnow()
    electorate.store(session, question)  # who could vote stays what it was now
    return _record(session, question, actor, "question_closed")


def reopen_question(
    session: Session, question_id: int, *, actor: str = "moderator"
) -> QuestionInfo:
    """Open a closed question again (results are hidden again until the next reveal)."""
    question = _lock_question(session, question_id)
    if question.state != QuestionState.CLOSED.value:
        raise StateConflict(say("reopen_only_closed"))
    _refuse_second_open(session, question)
    question.state = QuestionState.OPEN.value
    question.closed_at = None
    question.revealed_at = None
    electorate.forget(session, question.id)  # counted with today's attendance till it closes
    _conference(session, question).current_question_id = question.id
    return _record(session, question, actor, "question_reopened")


def reveal_question(
    session: Session, question_id: int, *, actor: str = "moderator"
) -> QuestionInfo:
    """Show the results to voters and on the presenter view."""
    question = _lock_question(session, question_id)
    if question.state == QuestionState.DRAFT.value:
        raise StateConflict(say("question_never_opened"))
    if question.revealed_at is not None:
        return get_question(session, question.id)
    question.revealed_at = utcnow()
    return _record(
        session,
        question,
        actor,
        "results_revealed",
        while_open=question.state == QuestionState.OPEN.value,
    )


def hide_results(session: Session, question_id: int, *, actor: str = "moderator") -> QuestionInfo:
    """Take revealed results off the voters' pages again."""
    question = _lock_question(session, question_id)
    if question.revealed_at is None:
        return get_question(session, question.id)
    question.revealed_at = None
    return _record(session, question, actor, "results_hidden")


def repeat_question(
    session: Session, question_id: int, *, actor: str = "moderator"
) -> QuestionInfo:
    """Create round 2 of a closed question right after it; round 1 keeps its ballots."""
    question = _lock_question(session, question_id)
    if question.parent_id is not None:
        raise StateConflict(say("already_round_two"))
    if question.state != QuestionState.CLOSED.value:
        raise StateConflict(say("close_round_one_first"))
    existing = session.scalar(select(Question.id).where(Question.parent_id == question.id))
    if existing is not None:
        raise StateConflict(say("round_two_exists"))
    repeat = Question(
        text=question.text,
        kind=question.kind,
        allow_abstain=question.allow_abstain,
        duration_seconds=question.duration_seconds,
        round=2,
        parent_id=question.id,
        state=QuestionState.DRAFT.value,
        options=[
            Option(
                position=o.position,
                label=o.label,
                code=o.code,
                phrase_de=o.phrase_de,
                phrase_en=o.phrase_en,
                exclusive=o.exclusive,
            )
            for o in question.options
        ],
    )
    rows = list(question.case.questions)
    rows.insert(rows.index(question) + 1, repeat)
    question.case.questions = rows
    for position, row in enumerate(rows):
        row.position = position
    session.flush()
    _conference(session, question).current_question_id = repeat.id
    return _record(session, repeat, actor, "question_repeated", round_1=question.id)


def set_current(
    session: Session, conference_id: int, question_id: int | None, *, actor: str = "moderator"
) -> None:
    """Make a question the one voter pages and the presenter view show (None: a pause)."""
    conf = session.get(Conference, conference_id)
    if conf is None:
        raise NotFound(say("conference_not_found", conference_id=conference_id))
    if question_id is not None:
        question = session.get(Question, question_id)
        if question is None or question.case.conference_id != conference_id:
            raise NotFound(say("question_not_in_conference"))
    if conf.current_question_id != question_id:
        conf.current_question_id = question_id
        audit.record(session, conference_id, actor, "current_question", question_id=question_id)
    session.flush()


def next_question(session: Session, conference_id: int, *, actor: str = "moderator") -> int | None:
    """Move to the question after the current one; returns its id (None at the end)."""
    conf = session.get(Conference, conference_id)
    if conf is None:
        raise NotFound(say("conference_not_found", conference_id=conference_id))
    if conf.current_question_id is not None:
        current = session.get(Question, conf.current_question_id)
        if current is not None and current.state == QuestionState.OPEN.value:
            raise StateConflict(say("current_question_open"))
    ids = ordered_question_ids(session, conference_id)
    if not ids:
        return None
    if conf.current_question_id in ids:
        index = ids.index(conf.current_question_id) + 1
        following = ids[index] if index < len(ids) else None
    else:
        following = ids[0]
    if following is None:
        return None
    set_current(session, conference_id, following, actor=actor)
    return following


def current_question_id(session: Session, conference_id: int) -> int | None:
    conf = session.get(Conference, conference_id)
    if conf is None:
        raise NotFound(say("conference_not_found", conference_id=conference_id))
    return conf.current_question_id
