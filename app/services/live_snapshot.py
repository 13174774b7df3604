"""What a live console shows, as one immutable snapshot, and how it is made from its parts.

The parts are the conference, its agenda, the invitations with their attendance, the notes,
and the shown questions (the current one and its round 1) each with every site's current
ballot. The local console reads them from its database (:func:`read_snapshot`); the remote
console receives them from the moderator API's live endpoint, keyed by the server's ids
(:mod:`app.services.live_feed`). Both make the snapshot with :func:`compose`: the same
rules of :mod:`app.services.results` on the same parts, so both show the same.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from app.services import agenda, asked_before, conferences, results
from app.services.asked_before import EarlierAsking
from app.services.ballots import BallotView, current_ballots
from app.services.call_polls import CallTally, question_call_tally
from app.services.electorate import Electorate, kept
from app.services.notes import NoteView, conference_notes
from app.services.views import CaseInfo, ConferenceInfo, InvitationInfo, QuestionInfo, SiteInfo


@dataclass(frozen=True)
class QuestionPart:
    """A shown question: its state, every site's current ballot, the totals of an
    anonymous call poll imported for it, its earlier asking in the series (None: none), and
    the electorate kept when it closed (None while it has not closed)."""

    question: QuestionInfo
    ballots: tuple[BallotView, ...]
    calls: CallTally | None = None
    earlier: EarlierAsking | None = None
    electorate: Electorate | None = None


@dataclass(frozen=True)
class LiveSnapshot:
    """Everything the console and the presenter view show, read in one transaction."""

    conference: ConferenceInfo
    cases: tuple[CaseInfo, ...]
    invitations: tuple[InvitationInfo, ...]
    question: QuestionInfo | None = None
    case: CaseInfo | None = None
    status: results.LiveStatus | None = None
    result: results.QuestionResult | None = None
    round_one: results.QuestionResult | None = None
    serial: int = 0
    # (round, totals) of the rounds on screen that an anonymous call poll counted
    calls: tuple[tuple[int, CallTally], ...] = ()
    notes: tuple[NoteView, ...] = ()  # every note of the conference
    extra: dict[str, Any] = field(default_factory=dict, compare=False)
    # the question's earlier asking in the series (its result beside today's), if any
    earlier: EarlierAsking | None = None

    @property
    def n_present(self) -> int:
        return sum(1 for i in self.invitations if i.present)


def find_question(
    cases: Sequence[CaseInfo], question_id: int | None
) -> tuple[QuestionInfo | None, CaseInfo | None]:
    """The question with this id and its case (None, None: not on the agenda)."""
    for case in cases:
        for question in case.questions:
            if question.id == question_id:
                return question, case
    return None, None


def shown_ids(cases: Sequence[CaseInfo], question_id: int | None) -> tuple[int, ...]:
    """The questions a console shows for the current one: it, and its round 1."""
    question, _case = find_question(cases, question_id)
    if question is None:
        return ()
    if question.parent_id is None:
        return (question.id,)
    return (question.id, question.parent_id)


def compose(
    conference: ConferenceInfo,
    cases: tuple[CaseInfo, ...],
    invitations: tuple[InvitationInfo, ...],
    parts: Mapping[int, QuestionPart],
    notes: tuple[NoteView, ...],
    serial: int,
    *,
    focus: int | None = None,
) -> LiveSnapshot:
    """The snapshot from its parts (``focus``: the question shown while none is current)."""
    question, case = find_question(cases, conference.current_question_id or focus)
    status = result = round_one = earlier = None
    calls: list[tuple[int, CallTally]] = []
    sites: list[tuple[SiteInfo, bool]] = [(i.site, i.present) for i in invitations]
    if question is not None and question.id in parts:
        part = parts[question.id]
        earlier = part.earlier
        status, result = results.live_view_of(question, sites, part.ballots, part.electorate)
        parent = parts.get(question.parent_id) if question.parent_id is not None else None
        if parent is not None:
            round_one = results.result_of(parent.question, sites, parent.ballots, parent.electorate)
            if parent.calls is not None:
                calls.append((parent.question.round, parent.calls))
        if part.calls is not None:
            calls.append((question.round, part.calls))
    return LiveSnapshot(
        conference, cases, invitations, question, case, status, result, round_one, serial,
        tuple(calls), notes, earlier=earlier,
    )  # fmt: skip


def read_part(session: Session, question_id: int) -> QuestionPart:
    """A shown question from the database."""
    return QuestionPart(
        agenda.get_question(session, question_id),
        tuple(current_ballots(session, question_id)),
        question_call_tally(session, question_id),
        asked_before.earlier_asking(session, question_id),
        kept(session, [question_id]).get(question_id),
    )


def read_snapshot(
    session: Session, conference_id: int, serial: int, *, focus: int | None = None
) -> LiveSnapshot:
    """Everything a console shows, from one read of the database."""
    conference = conferences.get_conference(session, conference_id)
    cases = tuple(agenda.agenda(session, conference_id))
    shown = shown_ids(cases, conference.current_question_id or focus)
    return compose(
        conference,
        cases,
        tuple(conferences.invitations(session, conference_id)),
        {question_id: read_part(session, question_id) for question_id in shown},
        tuple(conference_notes(session, conference_id)),
        serial,
        focus=focus,
    )
