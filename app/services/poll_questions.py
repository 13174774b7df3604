"""Poll questions → the conference's questions, and answers → options (pure functions):
the same text, else the closest one whose options can take the report's answers (to
confirm), else none; an answer by its option's label or code, or an abstention.
Participants and the plan are :mod:`app.services.poll_matching`.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from app.models.enums import QuestionKind
from app.services.views import QuestionInfo

#: Close question matches below this similarity are not offered at all.
CLOSE_CUTOFF = 0.6
ABSTAIN_WORDS = frozenset(
    {"enthaltung", "enthalten", "ich enthalte mich", "abstain", "abstention", "abstained"}
)


class QuestionMatchKind(StrEnum):
    EXACT = "exact"
    CLOSE = "close"
    CHOSEN = "chosen"
    NONE = "none"


def normalise(text: str) -> str:
    """Text as compared: NFKC, case folded, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


@dataclass(frozen=True)
class QuestionMatch:
    """A poll question and the conference question it stands for (None: not imported)."""

    poll_text: str
    question_id: int | None
    number: str
    how: QuestionMatchKind
    score: float

    @property
    def needs_confirmation(self) -> bool:
        return self.how is QuestionMatchKind.CLOSE


@dataclass(frozen=True)
class Vote:
    """An answer in the conference's terms: option ids in option order, or abstain, or text."""

    option_ids: tuple[int, ...] = ()
    abstain: bool = False
    comment: str = ""


def can_hold(question: QuestionInfo, answers: Iterable[Sequence[str]]) -> bool:
    """Whether every answer given in the report is an option of ``question`` (or an
    abstention it allows), and several at once only where several may be chosen."""
    for given in answers:
        vote = to_vote(question, given)
        if isinstance(vote, str):
            return False
        if vote is None:
            continue
        if vote.abstain and not question.allow_abstain:
            return False
        if len(vote.option_ids) > 1 and question.kind is not QuestionKind.MULTIPLE:
            return False
    return True


def match_questions(
    texts: Sequence[str],
    questions: Sequence[QuestionInfo],
    chosen: Mapping[str, int | None] | None = None,
    answers: Mapping[str, Sequence[Sequence[str]]] | None = None,
) -> list[QuestionMatch]:
    """Each poll question's counterpart: the moderator's choice, else the same text, else
    the closest text among the questions whose options can hold the report's ``answers``
    to it (to confirm), else none. A close text whose options cannot take the answers is
    never suggested: confirmed, it would refuse every one."""
    chosen = chosen or {}
    answers = answers or {}
    by_id = {q.id: q for q in questions}
    by_text: dict[str, QuestionInfo] = {}
    twins: Counter[str] = Counter()
    for question in questions:
        by_text.setdefault(normalise(question.text), question)
        twins[normalise(question.text)] += 1
    matches = []
    for text in texts:
        if text in chosen:
            wanted = chosen[text]
            target = by_id.get(wanted) if wanted is not None else None
            matches.append(
                QuestionMatch(
                    text,
                    target.id if target else None,
                    target.number if target else "",
                    QuestionMatchKind.CHOSEN if target else QuestionMatchKind.NONE,
                    1.0 if target else 0.0,
                )
            )
            continue
        key = normalise(text)
        if key in by_text:
            exact = by_text[key]
            # Two questions with this very text: the moderator confirms (or picks) which.
            how = QuestionMatchKind.CLOSE if twins[key] > 1 else QuestionMatchKind.EXACT
            matches.append(QuestionMatch(text, exact.id, exact.number, how, 1.0))
            continue
        scored = [
            (difflib.SequenceMatcher(None, key, normalise(q.text)).ratio(), q)
            for q in questions
            if can_hold(q, answers.get(text, ()))
        ]
        best = max(scored, key=lambda pair: pair[0], default=None)
        if best is not None and best[0] >= CLOSE_CUTOFF:
            score, question = best
            matches.append(
                QuestionMatch(text, question.id, question.number, QuestionMatchKind.CLOSE, score)
            )
        else:
            matches.append(QuestionMatch(text, None, "", QuestionMatchKind.NONE, 0.0))
    return matches


def to_vote(question: QuestionInfo, answers: Sequence[str]) -> Vote | str | None:
    """The answer cells as a vote; the text of the first unknown answer as a str; None for
    no answer at all."""
    if not answers:
        return None
    if question.kind is QuestionKind.FREE_TEXT:
        return Vote(comment="; ".join(answers))
    by_label: dict[str, int] = {}
    for option in question.options:
        by_label.setdefault(normalise(option.label), option.id)
        if option.code:
            by_label.setdefault(normalise(option.code), option.id)
    if len(answers) == 1 and normalise(answers[0]) in ABSTAIN_WORDS:
        return Vote(abstain=True)
    ids = []
    for answer in answers:
        option_id = by_label.get(normalise(answer))
        if option_id is None:
            return answer
        ids.append(option_id)
    order = {o.id: index for index, o in enumerate(question.options)}
    return Vote(option_ids=tuple(sorted(set(ids), key=order.__getitem__)))
