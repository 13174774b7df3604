"""The project lead's yearly report as plain data: the sessions held in a year with their
topics, participation by site, consensus rates by topic, CME participants and points.

Each question counts once, with the result of its last round asked (round 2 where the
round voted again). Results are tallied from the ballots by the one rule
(:func:`app.services.archive.results_of`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.models import Attendee, Case, Conference, Invitation, Question, QuestionState
from app.models.search import search_text
from app.services.archive import last_rounds, results_of
from app.services.cme import efn_valid
from app.services.consensus import ConsensusClass
from app.services.errors import InvalidInput
from app.services.participation import Participation, participation
from app.services.series_texts import say
from app.services.views import FellowInfo

#: The classes that count as "consensus reached" in the rate (AWMF: consensus and above).
REACHED = frozenset({ConsensusClass.STRONG, ConsensusClass.CONSENSUS})


@dataclass(frozen=True)
class SessionSummary:
    """A held session: date, topic, fellows; cases and questions asked; attendance; CME."""

    conference_id: int
    slug: str
    date: dt.date
    topic: str
    fellows: tuple[FellowInfo, ...]
    cases: int
    questions: int
    invited: int
    present: int
    participants: int
    named: int
    valid_efn: int
    vnr: str
    cme_category: str
    cme_points: int | None

    @property
    def points_awarded(self) -> int:
        """CME points of all participants (points per person × participants)."""
        return (self.cme_points or 0) * self.participants


@dataclass(frozen=True)
class TopicConsensus:
    """The questions of one topic and how many reached each AWMF class; ``unclassed``
    are those without one (free text, multiple choice, no valid answer)."""

    topic: str
    questions: int
    classes: dict[ConsensusClass, int]
    unclassed: int

    @property
    def classed(self) -> int:
        return self.questions - self.unclassed

    @property
    def reached(self) -> int:
        return sum(n for c, n in self.classes.items() if c in REACHED)

    @property
    def rate(self) -> float | None:
        """Share of the classed questions with consensus or strong consensus."""
        return self.reached / self.classed if self.classed else None


@dataclass(frozen=True)
class YearReport:
    year: int
    sessions: tuple[SessionSummary, ...]
    participation: Participation
    topics: tuple[TopicConsensus, ...]

    @property
    def questions(self) -> int:
        return sum(s.questions for s in self.sessions)

    @property
    def participants(self) -> int:
        return sum(s.participants for s in self.sessions)

    @property
    def points_awarded(self) -> int:
        return sum(s.points_awarded for s in self.sessions)

    @property
    def sites(self) -> int:
        """Sites present at one session at least."""
        return sum(1 for s in self.participation.sites if s.attended)


def check_year(year: int) -> int:
    if not 1900 <= year <= 9999:
        raise InvalidInput(say("year_invalid", year=year))
    return year


def year_report(session: Session, year: int, *, today: dt.date | None = None) -> YearReport:
    """The report of the sessions held in ``year``."""
    check_year(year)
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return period_report(session, year, start=start, end=end, today=today)


def period_report(
    session: Session,
    year: int,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    today: dt.date | None = None,
) -> YearReport:
    """The report of the sessions held from ``start`` to ``end`` (None: no bound), titled
    ``year``."""
    table = participation(session, start=start, end=end, today=today)
    ids = [s.conference_id for s in table.sessions]
    sessions = _sessions(session, ids)
    return YearReport(year, sessions, table, _topics(session, ids))


def _sessions(session: Session, ids: list[int]) -> tuple[SessionSummary, ...]:
    if not ids:
        return ()
    cases = dict(
        session.execute(
            select(Case.conference_id, func.count(Case.id))
            .where(Case.conference_id.in_(ids))
            .group_by(Case.conference_id)
        ).all()
    )
    asked = dict(
        session.execute(
            select(Case.conference_id, func.count(Question.id))
            .join(Question, Question.case_id == Case.id)
            .where(
                Case.conference_id.in_(ids),
                Question.parent_id.is_(None),
                Question.state != QuestionState.DRAFT.value,
            )
            .group_by(Case.conference_id)
        ).all()
    )
    attendees: dict[int, list[str]] = defaultdict(list)
    for conf_id, efn in session.execute(
        select(Invitation.conference_id, Attendee.efn)
        .join(Attendee, Attendee.invitation_id == Invitation.id)
        .where(Invitation.conference_id.in_(ids), Invitation.present.is_(True))
    ):
        attendees[conf_id].append(efn)
    summaries = []
    for conf in session.scalars(
        select(Conference)
        .where(Conference.id.in_(ids))
        .options(selectinload(Conference.fellows), selectinload(Conference.invitations))
        .order_by(Conference.date, Conference.id)
    ):
        present = [i for i in conf.invitations if i.present]
        named = attendees.get(conf.id, [])
        summaries.append(
            SessionSummary(
                conf.id,
                conf.slug,
                conf.date,
                conf.topic,
                tuple(FellowInfo(f.name, f.site) for f in conf.fellows),
                cases.get(conf.id, 0),
                asked.get(conf.id, 0),
                len(conf.invitations),
                len(present),
                sum(i.attendee_count for i in present),
                len(named),
                sum(1 for efn in named if efn and efn_valid(efn)),
                conf.vnr,
                conf.cme_category,
                conf.cme_points,
            )
        )
    return tuple(summaries)


def _topics(session: Session, ids: list[int]) -> tuple[TopicConsensus, ...]:
    """Consensus per topic: sessions of the same topic (after normalisation) together, in
    the order of their first session."""
    if not ids:
        return ()
    roots = session.execute(
        select(Question.id, Conference.topic)
        .join(Case, Question.case_id == Case.id)
        .join(Conference, Case.conference_id == Conference.id)
        .where(Conference.id.in_(ids), Question.parent_id.is_(None))
        .order_by(Conference.date, Conference.id)
    ).all()
    last = last_rounds(session, [qid for qid, _ in roots])
    counted = results_of(session, last.values())
    names: dict[str, str] = {}
    classes: dict[str, Counter[ConsensusClass]] = defaultdict(Counter)
    totals: Counter[str] = Counter()
    unclassed: Counter[str] = Counter()
    for qid, topic in roots:
        result = counted.get(last[qid])
        if result is None:
            continue  # never asked
        key = search_text(topic)
        names.setdefault(key, topic)
        totals[key] += 1
        consensus = result.tally.consensus
        if consensus is None:
            unclassed[key] += 1
        else:
            classes[key][consensus.awmf] += 1
    return tuple(
        TopicConsensus(
            names[key],
            totals[key],
            {c: classes[key][c] for c in ConsensusClass},
            unclassed[key],
        )
        for key in names
    )
