"""The moderator API's live endpoint, in plain data: what changed since a version, and the
answer that carries only that, keyed by the server's own ids.

A remote console holds the server's live state (:class:`app.services.live_book.LiveBook`)
at a *version*: the serial of the server's moderator feed, valid for one server process
(its *instance*). After each event it asks for what changed since its version;
:func:`read_live` answers with the parts that changed (:class:`Changes`): a question's
state, the ballots of the shown questions cast after the console's ballot *cursor* (with
each question's count, so the console can check its merge), the attendance, the notes,
the agenda. Unknown to the server (another process, an old version): everything.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from pydantic import TypeAdapter
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Ballot, BallotChange, Conference, Question, Site
from app.services import agenda, conferences
from app.services.ballots import BallotView, ballot_view
from app.services.errors import NotFound
from app.services.live_snapshot import QuestionPart, read_part
from app.services.messages import say
from app.services.notes import NoteView, conference_notes
from app.services.views import CaseInfo, ConferenceInfo, InvitationInfo, QuestionInfo, name_key
from app.services.voting import state_version

#: what the moderator actions change (:class:`app.services.moderator_actions.Change`)
KNOWN = frozenset({"question", "current", "agenda", "ballots", "attendance", "notes"})


@dataclass(frozen=True)
class Changes:
    """What changed since a version: the questions whose state changed, and which kinds of
    parts. ``None`` in place of a Changes: unknown, so everything."""

    questions: frozenset[int] = frozenset()
    ballots: bool = False
    current: bool = False
    agenda: bool = False
    attendance: bool = False
    notes: bool = False

    @classmethod
    def of(cls, entries: Iterable[tuple[str, int | None]]) -> Changes | None:
        """From the feed's (change, question id) entries; None when one is not known."""
        kinds: set[str] = set()
        questions: set[int] = set()
        for kind, question_id in entries:
            if kind not in KNOWN:
                return None
            kinds.add(kind)
            if kind == "question" and question_id is not None:
                questions.add(question_id)
        return cls(
            frozenset(questions),
            ballots="ballots" in kinds,
            current="current" in kinds,
            agenda="agenda" in kinds,
            attendance="attendance" in kinds,
            notes="notes" in kinds,
        )

    @classmethod
    def parse(cls, words: Iterable[str]) -> Changes | None:
        """From the event stream's words (:meth:`words`); None for one it does not know
        ("conference": anything)."""
        entries: list[tuple[str, int | None]] = []
        for word in words:
            kind, _, question = word.partition(":")
            if question and not (kind == "question" and question.isdigit()):
                return None
            entries.append((kind, int(question) if question else None))
        return cls.of(entries)

    def __or__(self, other: Changes) -> Changes:
        """What changed in either."""
        return Changes(
            self.questions | other.questions,
            ballots=self.ballots or other.ballots,
            current=self.current or other.current,
            agenda=self.agenda or other.agenda,
            attendance=self.attendance or other.attendance,
            notes=self.notes or other.notes,
        )

    def words(self) -> list[str]:
        """As the event stream says it: ``["question:12", "ballots", "notes"]``."""
        words = [f"question:{q}" for q in sorted(self.questions)]
        for kind in ("current", "agenda", "ballots", "attendance", "notes"):
            if getattr(self, kind):
                words.append(kind)
        return words


#: nothing changed
NOTHING = Changes()


@dataclass(frozen=True)
class QuestionBallots:
    """The ballots of a held question cast after the cursor, and how many it has now."""

    question_id: int
    ballots: tuple[BallotView, ...]
    count: int


@dataclass(frozen=True)
class LiveAnswer:
    """What the live endpoint answers: always the version, the ballot cursor and the
    current question; the parts that changed (``full``: all of them)."""

    version: int
    instance: str
    cursor: int
    current_question_id: int | None
    full: bool
    state: str = ""  # the voter pages' version (app.services.voting.state_version)
    conference: ConferenceInfo | None = None
    cases: tuple[CaseInfo, ...] | None = None
    invitations: tuple[InvitationInfo, ...] | None = None
    notes: tuple[NoteView, ...] | None = None
    questions: tuple[QuestionInfo, ...] = ()  # states changed (not in ``parts``)
    parts: tuple[QuestionPart, ...] = ()  # shown questions the console did not hold
    ballots: tuple[QuestionBallots, ...] = ()  # held questions: ballots since the cursor


#: the answer as JSON (the server writes it, the client reads it, both with these types)
ANSWER = TypeAdapter(LiveAnswer)


def ballot_cursor(session: Session) -> int:
    """The newest ballot change's id: a ballot cast later has a larger one."""
    return session.scalar(select(func.max(BallotChange.id))) or 0


def _shown(session: Session, current: int | None) -> tuple[int, ...]:
    if current is None:
        return ()
    parent = session.scalar(select(Question.parent_id).where(Question.id == current))
    return (current,) if parent is None else (current, parent)


def ballots_after(session: Session, question_id: int, cursor: int) -> tuple[BallotView, ...]:
    """The current ballots of the sites that voted on the question after ``cursor``."""
    changed = select(BallotChange.site_id).where(
        BallotChange.question_id == question_id, BallotChange.id > cursor
    )
    rows = session.execute(
        select(Ballot, Site)
        .join(Site, Site.id == Ballot.site_id)
        .where(Ballot.question_id == question_id, Ballot.site_id.in_(changed))
    ).all()
    views = [ballot_view(ballot, site) for ballot, site in rows]
    return tuple(sorted(views, key=lambda b: name_key(b.site_name)))


def _count(session: Session, question_id: int) -> int:
    return session.scalar(select(func.count()).where(Ballot.question_id == question_id)) or 0


def _ballot_deltas(session: Session, held: list[int], after: int) -> tuple[QuestionBallots, ...]:
    """The held questions that got ballots after the cursor: those, and each one's count."""
    deltas = []
    for question_id in held:
        changed = ballots_after(session, question_id, after)
        if changed:
            deltas.append(QuestionBallots(question_id, changed, _count(session, question_id)))
    return tuple(deltas)


def read_live(
    session: Session,
    conference_id: int,
    *,
    version: int,
    instance: str,
    changes: Changes | None,
    held: Collection[int] = (),
    after: int | None = None,
    state: str | None = None,
) -> LiveAnswer:
    """The answer for a console at ``after`` holding the questions ``held``, given what
    ``changes`` since its version (None, or no cursor: everything). ``state``: the voter
    pages' version the console saw; when it moved without a change this process knows of
    (another worker's action), the shown questions are read again."""
    current = session.scalar(
        select(Conference.current_question_id).where(Conference.id == conference_id)
    )
    if current is None and session.get(Conference, conference_id) is None:
        raise NotFound(say("conference_not_found", conference_id=conference_id))
    cursor = ballot_cursor(session)
    shown = _shown(session, current)
    now = state_version(session, conference_id)
    if changes is None or after is None:
        return LiveAnswer(
            version, instance, cursor, current, True, now,
            conferences.get_conference(session, conference_id),
            tuple(agenda.agenda(session, conference_id)),
            tuple(conferences.invitations(session, conference_id)),
            tuple(conference_notes(session, conference_id)),
            parts=tuple(read_part(session, q) for q in shown),
        )  # fmt: skip
    moved = {q for q in shown if q in held} if state is not None and state != now else set()
    # a held question whose state changed comes whole again: its close keeps an electorate
    new = [q for q in shown if q not in held or q in changes.questions or q in moved]
    kept = [q for q in shown if q not in new]
    states = sorted((changes.questions | moved) - set(new))
    if states:  # only this conference's questions that still exist (the console names some)
        states = sorted(set(states) & set(agenda.ordered_question_ids(session, conference_id)))
    return LiveAnswer(
        version,
        instance,
        cursor,
        current,
        False,
        now,
        conference=conferences.get_conference(session, conference_id) if changes.agenda else None,
        cases=tuple(agenda.agenda(session, conference_id)) if changes.agenda else None,
        invitations=(
            tuple(conferences.invitations(session, conference_id)) if changes.attendance else None
        ),
        notes=tuple(conference_notes(session, conference_id)) if changes.notes else None,
        questions=tuple(agenda.get_question(session, q) for q in states),
        parts=tuple(read_part(session, q) for q in new),
        ballots=_ballot_deltas(session, kept, after) if changes.ballots else (),
    )
