"""What a remote console holds of a hosted server's live state, by the server's own ids.

:class:`LiveBook` starts empty, takes a full answer of the live endpoint
(:func:`app.services.live_feed.read_live`), then each answer with what changed since its
version, and makes the snapshot with the same :func:`~app.services.live_snapshot.compose`
the local console uses. Every answer is checked against what the book holds: a question
it does not know, a ballot count that does not add up, another server process: the book
refuses (:class:`Mismatch`) and its owner asks for everything again. Nothing is matched by
position, nothing is guessed.
"""

from __future__ import annotations

from dataclasses import replace

from app.services.ballots import BallotView
from app.services.live_feed import NOTHING, Changes, LiveAnswer, QuestionBallots
from app.services.live_snapshot import LiveSnapshot, QuestionPart, compose, shown_ids
from app.services.notes import NoteView
from app.services.views import CaseInfo, ConferenceInfo, InvitationInfo, QuestionInfo

#: the longest ``also`` the live endpoint takes (its words, comma-separated)
MAX_ALSO = 1000


class Mismatch(Exception):
    """An answer that does not fit what the book holds: ask for everything again."""


class LiveBook:
    """The server's live state as the console needs it. Not thread-safe: one owner."""

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        """Forget everything: the next query asks for all of it."""
        self.version = 0
        self.instance = ""
        self.state = ""  # the voter pages' version at this book's version
        self.cursor = 0
        self.conference: ConferenceInfo | None = None
        self.cases: tuple[CaseInfo, ...] = ()
        self.invitations: tuple[InvitationInfo, ...] = ()
        self.notes: tuple[NoteView, ...] = ()
        self.parts: dict[int, QuestionPart] = {}

    @property
    def ready(self) -> bool:
        return self.conference is not None

    def query(self, also: Changes = NOTHING) -> dict[str, str]:
        """The live endpoint's query for what changed since this book's version, and
        ``also`` what the event stream said changed (its worker may not be the one that
        answers)."""
        if not self.ready:
            return {}
        query = {
            "since": str(self.version),
            "instance": self.instance,
            "after": str(self.cursor),
            "held": ",".join(str(q) for q in sorted(self.parts)),
            "state": self.state,
        }
        words = ",".join(also.words())
        if len(words) > MAX_ALSO:
            return {}  # more than a query can say: everything
        if words:
            query["also"] = words
        return query

    def apply(self, answer: LiveAnswer) -> None:
        """Take an answer; a delta that does not fit raises :class:`Mismatch` and leaves
        the book as it was."""
        if answer.full:
            if answer.conference is None or answer.cases is None or answer.invitations is None:
                raise Mismatch("a full answer without its parts")
            parts = {p.question.id: p for p in answer.parts}
            self._commit(answer, answer.conference, answer.cases, answer.invitations, parts)
            return
        if self.conference is None or answer.instance != self.instance:
            raise Mismatch("a delta for a book that holds another state")
        cases = answer.cases if answer.cases is not None else self.cases
        parts = dict(self.parts)
        for question in answer.questions:
            cases = _patched(cases, question)
            if question.id in parts:
                parts[question.id] = replace(parts[question.id], question=question)
        for part in answer.parts:
            cases = _patched(cases, part.question)
            parts[part.question.id] = part
        for delta in answer.ballots:
            parts[delta.question_id] = _merged(parts.get(delta.question_id), delta)
        invitations = answer.invitations if answer.invitations is not None else self.invitations
        self._commit(answer, answer.conference or self.conference, cases, invitations, parts)

    def _commit(
        self,
        answer: LiveAnswer,
        conference: ConferenceInfo,
        cases: tuple[CaseInfo, ...],
        invitations: tuple[InvitationInfo, ...],
        parts: dict[int, QuestionPart],
    ) -> None:
        """Check the new state whole, then hold it (a refusal changes nothing)."""
        shown = shown_ids(cases, answer.current_question_id)
        if answer.current_question_id is not None and not shown:
            raise Mismatch(f"current question {answer.current_question_id} not on the agenda")
        missing = [q for q in shown if q not in parts]
        if missing:
            raise Mismatch(f"questions {missing} shown but not held")
        self.conference = replace(
            conference,
            current_question_id=answer.current_question_id,
            n_invited=len(invitations),
            n_present=sum(1 for i in invitations if i.present),
        )
        self.cases, self.invitations = cases, invitations
        if answer.notes is not None or answer.full:
            self.notes = answer.notes or ()
        self.parts = {q: parts[q] for q in shown}
        self.version, self.cursor, self.instance = answer.version, answer.cursor, answer.instance
        self.state = answer.state

    def snapshot(self, serial: int, notes: tuple[NoteView, ...] | None = None) -> LiveSnapshot:
        """What the console shows (``notes``: the book's, with the console's own not yet
        sent laid over them)."""
        if self.conference is None:
            raise Mismatch("nothing held yet")
        return compose(
            self.conference,
            self.cases,
            self.invitations,
            self.parts,
            self.notes if notes is None else notes,
            serial,
        )


def _patched(cases: tuple[CaseInfo, ...], question: QuestionInfo) -> tuple[CaseInfo, ...]:
    """The agenda with one question's new state (refused if the agenda lacks it)."""
    out, found = [], False
    for case in cases:
        if any(q.id == question.id for q in case.questions):
            found = True
            questions = tuple(question if q.id == question.id else q for q in case.questions)
            case = replace(case, questions=questions)
        out.append(case)
    if not found:
        raise Mismatch(f"question {question.id} is not on the agenda held")
    return tuple(out)


def _merged(part: QuestionPart | None, delta: QuestionBallots) -> QuestionPart:
    """A held question's ballots with the newer ones; the count must then add up."""
    if part is None:
        raise Mismatch(f"ballots for question {delta.question_id}, which is not held")
    by_site: dict[int, BallotView] = {b.site_id: b for b in part.ballots}
    for ballot in delta.ballots:
        by_site[ballot.site_id] = ballot
    if len(by_site) != delta.count:
        raise Mismatch(
            f"question {delta.question_id}: {len(by_site)} ballots held, {delta.count} stored"
        )
    return replace(part, ballots=tuple(by_site.values()))
