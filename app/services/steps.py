"""The moderator's next step: which live actions fit a question's state, and the one obvious one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from app.models import QuestionState
from app.services.views import CaseInfo, QuestionInfo


class Step(StrEnum):
    """A moderator's step in the live session (one console action each)."""

    OPEN = "open"
    CLOSE = "close"
    REVEAL = "reveal"
    HIDE = "hide"
    NEXT = "next"
    PREVIOUS = "previous"
    REOPEN = "reopen"
    REPEAT = "repeat"
    BALLOT = "ballot"
    SKIP = "skip"


@dataclass(frozen=True)
class Position:
    """Where the session stands: the current question's state (``None``: no question) and
    what the agenda holds around it."""

    state: QuestionState | None
    revealed: bool = False
    skipped: bool = False
    is_round_two: bool = False
    has_round_two: bool = False
    has_next: bool = False
    has_previous: bool = False


def position(cases: Sequence[CaseInfo], question: QuestionInfo | None) -> Position:
    """The position of ``question`` in the agenda (with no question, "next" is the first)."""
    questions = [q for c in cases for q in c.questions]
    if question is None:
        return Position(None, has_next=bool(questions))
    ids = [q.id for q in questions]
    index = ids.index(question.id) if question.id in ids else -1
    return Position(
        question.state,
        revealed=question.revealed,
        skipped=question.skip_reason is not None,
        is_round_two=question.parent_id is not None,
        has_round_two=any(q.parent_id == question.id for q in questions),
        has_next=0 <= index < len(ids) - 1,
        has_previous=index > 0,
    )


def neighbour(cases: Sequence[CaseInfo], question: QuestionInfo | None, step: int) -> int | None:
    """The id of the question ``step`` places after (or before) ``question`` in the agenda."""
    ids = [q.id for c in cases for q in c.questions]
    if question is None:
        return ids[0] if ids and step > 0 else None
    if question.id not in ids:
        return None
    index = ids.index(question.id) + step
    return ids[index] if 0 <= index < len(ids) else None


def available_steps(pos: Position) -> frozenset[Step]:
    """Every step that is allowed now: a question being voted on must be closed before
    the moderator moves on; a result can be shown while voting is still open."""
    state = pos.state
    steps: set[Step] = set()
    if state is QuestionState.DRAFT:
        steps |= {Step.OPEN, Step.SKIP}  # a skipped question may still be asked
    if state is QuestionState.OPEN:
        steps |= {Step.CLOSE, Step.BALLOT}
    if state in (QuestionState.OPEN, QuestionState.CLOSED) and not pos.revealed:
        steps.add(Step.REVEAL)
    if state is not None and pos.revealed:
        steps.add(Step.HIDE)
    if state is QuestionState.CLOSED:
        steps.add(Step.REOPEN)
        if not pos.is_round_two and not pos.has_round_two:
            steps.add(Step.REPEAT)
    if state is not QuestionState.OPEN:
        if pos.has_next:
            steps.add(Step.NEXT)
        if pos.has_previous:
            steps.add(Step.PREVIOUS)
    return frozenset(steps)


def primary_step(pos: Position) -> Step | None:
    """The one obvious next step: open → close → show result → next question (a skipped
    question: the next one); ``None`` at the end of the agenda."""
    if pos.state is QuestionState.DRAFT and not pos.skipped:
        return Step.OPEN
    if pos.state is QuestionState.OPEN:
        return Step.CLOSE
    if pos.state is QuestionState.CLOSED and not pos.revealed:
        return Step.REVEAL
    return Step.NEXT if pos.has_next else None
