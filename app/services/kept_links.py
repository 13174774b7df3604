"""Decisions by hand about a question's earlier asking (:class:`app.models.QuestionLink`)
kept while a conference's content is replaced (results fetched home, its file imported
again): the questions are deleted and made anew, and with them would go every link made
or removed by hand, the conference's own and those of later sessions pointing to it.

A question has no id that outlives the replacement; its identity is its place in the
agenda ("2.1"), its text and its case's title. A decision goes, in this order, to the
question at the same place with the same text in the same case; to the one question
with the same text in a case of the same title, or else to the one with the same text
(the agenda reordered); to the question at the same place whose text is close (a typo
corrected on the server) unless that text is another old question's, moved there.
Without any of these it is dropped, and the link follows the text again: a wrong trend
line beside a result is worse than none. The caller owns the transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from difflib import SequenceMatcher

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Case, Question, QuestionLink
from app.models.search import text_key
from app.services.archive import agenda_numbers

#: At the same place, a text at least this close (difflib's ratio) is the same question.
CLOSE = 0.7


@dataclass(frozen=True)
class _Identity:
    """Where a round-1 question stands and what it asks."""

    number: str
    text_key: str
    search_key: str
    case_key: str


@dataclass(frozen=True)
class _Decision:
    """A link row to write again: ``question`` or ``earlier`` stands for a question of the
    replaced conference (by identity), the other side by its id (another conference)."""

    question: _Identity | int
    earlier: _Identity | int | None
    actor: str
    at: dt.datetime


@dataclass(frozen=True)
class KeptLinks:
    """The decisions by hand that touch a conference's questions, held by identity."""

    decisions: tuple[_Decision, ...]
    old_texts: frozenset[str] = frozenset()  # every old question's text key

    @classmethod
    def take(cls, session: Session, conference_id: int) -> KeptLinks:
        """Read them before the conference's questions are deleted."""
        own = _identities(session, conference_id)
        if not own:
            return cls(())
        rows = session.execute(
            select(QuestionLink.question_id, QuestionLink.earlier_id, QuestionLink.actor,
                   QuestionLink.at)
            .where(
                QuestionLink.question_id.in_(list(own))
                | QuestionLink.earlier_id.in_(list(own))
            )
            .order_by(QuestionLink.id)
        ).all()  # fmt: skip
        decisions = tuple(
            _Decision(
                own.get(question_id, question_id),
                None if earlier_id is None else own.get(earlier_id, earlier_id),
                actor,
                at,
            )
            for question_id, earlier_id, actor, at in rows
        )
        return cls(decisions, frozenset(identity.text_key for identity in own.values()))

    def restore(self, session: Session, conference_id: int) -> None:
        """Write them again for the conference's new questions (after its content is in)."""
        if not self.decisions:
            return
        new = {identity: qid for qid, identity in _identities(session, conference_id).items()}
        for decision in self.decisions:
            question = _find(decision.question, new, self.old_texts)
            earlier = (
                _find(decision.earlier, new, self.old_texts)
                if decision.earlier is not None
                else None
            )
            if question is None or (decision.earlier is not None and earlier is None):
                continue
            if session.scalar(select(QuestionLink.id).where(QuestionLink.question_id == question)):
                continue
            session.add(
                QuestionLink(
                    question_id=question, earlier_id=earlier, actor=decision.actor, at=decision.at
                )
            )
        session.flush()


def _identities(session: Session, conference_id: int) -> dict[int, _Identity]:
    """The conference's round-1 questions by id: agenda number, text key, search key and
    their case's title (as compared: case, spaces and punctuation aside)."""
    rows = session.execute(
        select(Question.id, Question.case_id, Question.text_key, Question.search_key, Case.title)
        .join(Case, Question.case_id == Case.id)
        .where(Case.conference_id == conference_id, Question.parent_id.is_(None))
    ).all()
    numbers = agenda_numbers(session, {row.case_id for row in rows}).questions
    return {
        row.id: _Identity(numbers[row.id], row.text_key, row.search_key, text_key(row.title))
        for row in rows
    }


def _only(found: list[int]) -> int | None:
    return found[0] if len(found) == 1 else None


def _find(
    side: _Identity | int, new: dict[_Identity, int], old_texts: frozenset[str]
) -> int | None:
    """The id a side of a decision has now: another conference's question keeps its id;
    one of the replaced conference is found as the module says, or not at all."""
    if isinstance(side, int):
        return side
    for identity, qid in new.items():
        if (identity.number, identity.text_key, identity.case_key) == (
            side.number,
            side.text_key,
            side.case_key,
        ):
            return qid
    same_text = [
        (identity, qid) for identity, qid in new.items() if identity.text_key == side.text_key
    ]
    in_case = _only([qid for identity, qid in same_text if identity.case_key == side.case_key])
    if in_case is not None:
        return in_case
    anywhere = _only([qid for _identity, qid in same_text])
    if anywhere is not None:
        return anywhere
    for identity, qid in new.items():
        if identity.number != side.number or identity.text_key in old_texts:
            continue  # elsewhere, or another old question moved here
        if SequenceMatcher(None, identity.search_key, side.search_key).ratio() >= CLOSE:
            return qid
    return None
