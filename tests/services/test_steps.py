"""The moderator's next step, for every state of the current question (no Qt needed)."""

from __future__ import annotations

import pytest

from app.models import QuestionKind, QuestionState
from app.services.steps import (
    Position,
    Step,
    available_steps,
    neighbour,
    position,
    primary_step,
)
from app.services.views import CaseInfo, QuestionInfo

DRAFT_, OPEN_, CLOSED_ = QuestionState.DRAFT, QuestionState.OPEN, QuestionState.CLOSED
OPEN, CLOSE, REVEAL, HIDE = Step.OPEN, Step.CLOSE, Step.REVEAL, Step.HIDE
NEXT, PREV, REOPEN, REPEAT, BALLOT, SKIP = (
    Step.NEXT,
    Step.PREVIOUS,
    Step.REOPEN,
    Step.REPEAT,
    Step.BALLOT,
    Step.SKIP,
)


@pytest.mark.parametrize(
    ("pos", "primary", "available"),
    [
        # no current question: begin with the first one, if there is one
        (Position(None, has_next=True), NEXT, {NEXT}),
        (Position(None), None, set()),
        # a draft: open it; moving on is allowed
        (Position(DRAFT_, has_next=True, has_previous=True), OPEN, {OPEN, SKIP, NEXT, PREV}),
        (Position(DRAFT_), OPEN, {OPEN, SKIP}),
        # a skipped draft: move on (it may still be opened, or skipped with a new reason)
        (Position(DRAFT_, skipped=True, has_next=True), NEXT, {OPEN, SKIP, NEXT}),
        (Position(DRAFT_, skipped=True), None, {OPEN, SKIP}),
        # voting open: close it; votes by voice; result may be shown early; no moving on
        (Position(OPEN_, has_next=True, has_previous=True), CLOSE, {CLOSE, BALLOT, REVEAL}),
        (Position(OPEN_, revealed=True, has_next=True), CLOSE, {CLOSE, BALLOT, HIDE}),
        # closed, result hidden: show it; reopen or repeat as round 2
        (Position(CLOSED_, has_next=True), REVEAL, {REVEAL, REOPEN, REPEAT, NEXT}),
        # a round 2 is not repeated again, nor a question that has its round 2 already
        (Position(CLOSED_, is_round_two=True), REVEAL, {REVEAL, REOPEN}),
        (Position(CLOSED_, has_round_two=True, has_next=True), REVEAL, {REVEAL, REOPEN, NEXT}),
        # closed and shown: the next question; at the end of the agenda nothing
        (
            Position(CLOSED_, revealed=True, has_next=True, has_previous=True),
            NEXT,
            {HIDE, REOPEN, REPEAT, NEXT, PREV},
        ),
        (Position(CLOSED_, revealed=True, has_previous=True), None, {HIDE, REOPEN, REPEAT, PREV}),
    ],
)
def test_primary_and_available_steps_follow_the_question_state(
    pos: Position, primary: Step | None, available: set[Step]
) -> None:
    assert primary_step(pos) == primary
    assert available_steps(pos) == available
    # the primary step is always one the moderator may take
    assert primary is None or primary in available_steps(pos)


def _question(qid: int, state: QuestionState = DRAFT_, parent: int | None = None) -> QuestionInfo:
    return QuestionInfo(
        id=qid,
        case_id=1,
        number=str(qid),
        text=f"Q{qid}",
        kind=QuestionKind.SINGLE,
        allow_abstain=True,
        round=2 if parent else 1,
        parent_id=parent,
        state=state,
        opened_at=None,
        closed_at=None,
        revealed_at=None,
        duration_seconds=None,
        options=(),
    )


def _case(cid: int, *questions: QuestionInfo) -> CaseInfo:
    return CaseInfo(
        id=cid,
        number=cid,
        title="",
        presenter="",
        age=None,
        sex=None,
        diagnosis="",
        icd10="",
        histology="",
        stage="",
        ecog=None,
        prior_therapy_lines=None,
        prior_therapies="",
        tmb=None,
        msi="",
        text="",
        findings=(),
        images=(),
        questions=questions,
    )


def test_position_reads_neighbours_and_rounds_from_the_agenda() -> None:
    q1, q2 = _question(1, CLOSED_), _question(2, DRAFT_)
    q3 = _question(3, DRAFT_, parent=1)
    cases = [_case(1, q1, q3), _case(2, q2)]
    assert position(cases, None) == Position(None, has_next=True)
    assert position(cases, q1) == Position(CLOSED_, has_round_two=True, has_next=True)
    assert position(cases, q3) == Position(
        DRAFT_, is_round_two=True, has_next=True, has_previous=True
    )
    assert position(cases, q2) == Position(DRAFT_, has_previous=True)
    assert position([], None) == Position(None)
    assert neighbour(cases, None, 1) == 1
    assert neighbour(cases, None, -1) is None
    assert neighbour(cases, q1, 1) == 3
    assert neighbour(cases, q2, 1) is None
    assert neighbour(cases, q2, -1) == 3
