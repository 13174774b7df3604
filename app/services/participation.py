"""A site's participation across the series: sessions attended, questions voted,
participants; per session for the heat map, summed for the table.

The sessions are those held (:func:`app.services.plan.held_conferences`) in the period.
A question counts once per round asked; a site "voted" on it with any ballot, an
abstention included (it took part). Everything is counted by the database in three
grouped statements, however many ballots the series holds.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Ballot, Case, Conference, Invitation, Question, QuestionState, Site
from app.services.plan import held_conferences
from app.services.views import SiteInfo, name_key


@dataclass(frozen=True)
class SessionColumn:
    """A held session: when, what, and how many question rounds it asked."""

    conference_id: int
    slug: str
    date: dt.date
    topic: str
    asked: int


@dataclass(frozen=True)
class Cell:
    """A site in one session: present (checked in), its participants and its ballots."""

    present: bool
    participants: int
    voted: int
    asked: int

    @property
    def share(self) -> float:
        """Share of the session's questions the site voted on (0 to 1)."""
        return self.voted / self.asked if self.asked else 0.0


@dataclass(frozen=True)
class SiteParticipation:
    """One site across the sessions: ``cells`` per session (None: not invited)."""

    site: SiteInfo
    cells: tuple[Cell | None, ...]

    @property
    def invited(self) -> int:
        return sum(1 for c in self.cells if c is not None)

    @property
    def attended(self) -> int:
        """Sessions the site was present at (checked in, or voted)."""
        return sum(1 for c in self.cells if c is not None and (c.present or c.voted))

    @property
    def voted(self) -> int:
        return sum(c.voted for c in self.cells if c is not None)

    @property
    def asked(self) -> int:
        """Question rounds asked in the sessions the site was invited to."""
        return sum(c.asked for c in self.cells if c is not None)

    @property
    def participants(self) -> int:
        return sum(c.participants for c in self.cells if c is not None)

    @property
    def share(self) -> float:
        return self.voted / self.asked if self.asked else 0.0


@dataclass(frozen=True)
class Participation:
    """Sites (by name) × held sessions (by date)."""

    sessions: tuple[SessionColumn, ...]
    sites: tuple[SiteParticipation, ...]


def participation(
    session: Session,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    today: dt.date | None = None,
) -> Participation:
    """Every site invited to a session held from ``start`` to ``end`` (both included)."""
    query = select(Conference.id)
    if start is not None:
        query = query.where(Conference.date >= start)
    if end is not None:
        query = query.where(Conference.date <= end)
    held = held_conferences(session, session.scalars(query).all(), today=today)
    if not held:
        return Participation((), ())
    ids = sorted(held)
    asked = dict(
        session.execute(
            select(Case.conference_id, func.count(Question.id))
            .join(Question, Question.case_id == Case.id)
            .where(Case.conference_id.in_(ids), Question.state != QuestionState.DRAFT.value)
            .group_by(Case.conference_id)
        ).all()
    )
    sessions = tuple(
        sorted(
            (
                SessionColumn(conf_id, slug, date, topic, asked.get(conf_id, 0))
                for conf_id, slug, date, topic in session.execute(
                    select(Conference.id, Conference.slug, Conference.date, Conference.topic).where(
                        Conference.id.in_(ids)
                    )
                )
            ),
            key=lambda s: (s.date, s.conference_id),
        )
    )
    voted: dict[tuple[int, int], int] = {
        (conf_id, site_id): n
        for conf_id, site_id, n in session.execute(
            select(Case.conference_id, Ballot.site_id, func.count(Ballot.id))
            .join(Question, Ballot.question_id == Question.id)
            .join(Case, Question.case_id == Case.id)
            .where(Case.conference_id.in_(ids), Question.state != QuestionState.DRAFT.value)
            .group_by(Case.conference_id, Ballot.site_id)
        )
    }
    column = {s.conference_id: i for i, s in enumerate(sessions)}
    cells: dict[int, list[Cell | None]] = defaultdict(lambda: [None] * len(sessions))
    sites: dict[int, SiteInfo] = {}
    for site, conf_id, present, count in session.execute(
        select(Site, Invitation.conference_id, Invitation.present, Invitation.attendee_count)
        .join(Invitation, Invitation.site_id == Site.id)
        .where(Invitation.conference_id.in_(ids))
    ):
        sites[site.id] = SiteInfo.of(site)
        cells[site.id][column[conf_id]] = Cell(
            present,
            count if present else 0,
            voted.get((conf_id, site.id), 0),
            asked.get(conf_id, 0),
        )
    rows = tuple(
        SiteParticipation(info, tuple(cells[site_id]))
        for site_id, info in sorted(sites.items(), key=lambda item: name_key(item[1].name))
    )
    return Participation(sessions, rows)
