"""The round's plan: its sessions with date, topic, responsible fellows and their sites,
and each session's state (planned, prepared, held, published).

The plan shows every plan entry and every conference no entry names (a session held
before there was a plan), by date. The next conference is made from its entry in one
step: date, times, topic and fellows from the entry; language, moderator, scientific lead,
CME category and the invited sites from the last session before it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import and_, func, or_, select, true
from sqlalchemy.orm import Session, selectinload

from app.models import Case, Conference, Invitation, PlanEntry, PlanFellow, Question, utcnow
from app.models.enums import QuestionState
from app.services import audit, conferences
from app.services.conferences import normalise_time
from app.services.errors import InvalidInput, NotFound
from app.services.messages import say as say_field
from app.services.series_texts import say, text
from app.services.text import clean, clean_field
from app.services.views import FellowInfo

#: Fellows of one session at most (the round plans two or three).
MAX_FELLOWS = 10


class PlanStatus(StrEnum):
    """Where a session of the plan stands, in this order."""

    PLANNED = "planned"
    PREPARED = "prepared"
    HELD = "held"
    PUBLISHED = "published"

    def label(self, lang: str) -> str:
        return text(lang, f"status_{self.value}")


@dataclass(frozen=True)
class PlanEntryData:
    """A plan entry as entered: times "HH:MM" or empty; fellows as (name, site)."""

    date: dt.date
    topic: str
    starts_at: str = ""
    ends_at: str = ""
    fellows: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class PlanRow:
    """One session of the plan: an entry (``entry_id``), its conference once there is one
    (``conference_id``), or a conference that no entry names (``entry_id`` None)."""

    entry_id: int | None
    uid: str
    date: dt.date
    starts_at: str
    ends_at: str
    topic: str
    fellows: tuple[FellowInfo, ...]
    conference_id: int | None
    slug: str
    status: PlanStatus
    sequence: int = 0
    updated_at: dt.datetime | None = None

    def fellows_text(self) -> str:
        """ "Dr. A (Dresden), Dr. B (Heidelberg)"."""
        return ", ".join(f"{f.name} ({f.site})" if f.site else f.name for f in self.fellows)


# --- state -------------------------------------------------------------------------------


def held_conferences(
    session: Session, conference_ids: Iterable[int], *, today: dt.date | None = None
) -> set[int]:
    """The conferences that were held: the moderator marked the session as held
    (``held_at``), or, without the mark (a session from before it existed, or a mark
    forgotten), its date has passed and it closed a question. The one place that decides
    "held" for the plan, participation and the yearly report."""
    ids = list(conference_ids)
    if not ids:
        return set()
    day = today or dt.date.today()
    closed = (
        select(Question.id)
        .join(Case, Question.case_id == Case.id)
        .where(Case.conference_id == Conference.id)
        .where(Question.state == QuestionState.CLOSED.value)
        .exists()
    )
    rows = session.execute(
        select(Conference.id).where(
            Conference.id.in_(ids),
            or_(Conference.held_at.is_not(None), and_(Conference.date < day, closed)),
        )
    )
    return set(rows.scalars())


def _question_counts(session: Session, conference_ids: list[int]) -> dict[int, int]:
    if not conference_ids:
        return {}
    rows = session.execute(
        select(Case.conference_id, func.count(Question.id))
        .join(Question, Question.case_id == Case.id)
        .where(Case.conference_id.in_(conference_ids))
        .group_by(Case.conference_id)
    )
    return {conf_id: n for conf_id, n in rows}


def plan_status(*, has_questions: bool, held: bool, published: bool) -> PlanStatus:
    """Published is the project lead's mark; held as :func:`held_conferences` says;
    prepared once its conference holds questions; planned before."""
    if published:
        return PlanStatus.PUBLISHED
    if held:
        return PlanStatus.HELD
    return PlanStatus.PREPARED if has_questions else PlanStatus.PLANNED


def plan(session: Session, *, today: dt.date | None = None) -> list[PlanRow]:
    """Every session of the round, planned or held, by date."""
    entries = session.scalars(
        select(PlanEntry)
        .options(selectinload(PlanEntry.fellows))
        .order_by(PlanEntry.date, PlanEntry.id)
    ).all()
    named = {e.conference_id for e in entries if e.conference_id is not None}
    with_fellows = select(Conference).options(selectinload(Conference.fellows))
    others = session.scalars(
        with_fellows.where(Conference.id.not_in(named) if named else true())
    ).all()
    conference_rows = {c.id: c for c in others}
    conference_rows.update(
        {c.id: c for c in session.scalars(with_fellows.where(Conference.id.in_(named)))}
    )
    ids = list(conference_rows)
    held = held_conferences(session, ids, today=today)
    counts = _question_counts(session, ids)
    rows = [_entry_row(e, conference_rows, held, counts) for e in entries]
    for conf in others:
        status = plan_status(
            has_questions=counts.get(conf.id, 0) > 0, held=conf.id in held, published=False
        )
        fellows = tuple(FellowInfo(f.name, f.site) for f in conf.fellows)
        rows.append(
            PlanRow(
                None,
                "",
                conf.date,
                conf.starts_at,
                conf.ends_at,
                conf.topic,
                fellows,
                conf.id,
                conf.slug,
                status,
            )
        )
    return sorted(rows, key=lambda r: (r.date, r.entry_id is None, r.entry_id or 0))


def _entry_row(
    entry: PlanEntry,
    conference_rows: dict[int, Conference],
    held: set[int],
    counts: dict[int, int],
) -> PlanRow:
    conf = conference_rows.get(entry.conference_id) if entry.conference_id else None
    status = plan_status(
        has_questions=conf is not None and counts.get(conf.id, 0) > 0,
        held=conf is not None and conf.id in held,
        published=entry.published_at is not None,
    )
    return PlanRow(
        entry.id,
        entry.uid,
        entry.date,
        entry.starts_at,
        entry.ends_at,
        entry.topic,
        tuple(FellowInfo(f.name, f.site) for f in entry.fellows),
        conf.id if conf else None,
        conf.slug if conf else "",
        status,
        entry.sequence,
        entry.updated_at,
    )


def find_entry(session: Session, ref: str) -> int:
    """A plan entry's id from its number (as the plan lists it) or its date (YYYY-MM-DD)."""
    ref = ref.strip()
    if ref.isdigit():
        return _entry(session, int(ref)).id
    try:
        day = dt.date.fromisoformat(ref)
    except ValueError:
        raise NotFound(say("plan_entry_ref", ref=ref)) from None
    found = session.scalars(select(PlanEntry.id).where(PlanEntry.date == day)).all()
    if len(found) != 1:
        key = "plan_entry_ref" if not found else "plan_entry_ambiguous"
        raise NotFound(say(key, ref=ref))
    return found[0]


# --- editing -----------------------------------------------------------------------------


def _entry(session: Session, entry_id: int) -> PlanEntry:
    entry = session.get(PlanEntry, entry_id)
    if entry is None:
        raise NotFound(say("plan_entry_not_found", entry_id=entry_id))
    return entry


def _apply(entry: PlanEntry, data: PlanEntryData) -> None:
    starts = normalise_time(data.starts_at, "field_starts_at")
    ends = normalise_time(data.ends_at, "field_ends_at")
    if starts and ends and ends <= starts:
        raise InvalidInput(say("plan_end_before_start", starts=starts, ends=ends))
    fellows = [(n, s) for n, s in data.fellows if clean(n)]
    if len(fellows) > MAX_FELLOWS:
        raise InvalidInput(say("plan_too_many_fellows", limit=MAX_FELLOWS))
    entry.topic = clean_field(data.topic, say_field("field_topic"), limit=200, required=True)
    entry.date, entry.starts_at, entry.ends_at = data.date, starts, ends
    entry.fellows = [
        PlanFellow(
            position=position,
            name=clean_field(name, say_field("field_fellow"), limit=200),
            site=clean_field(site, say_field("field_fellow_site"), limit=200),
        )
        for position, (name, site) in enumerate(fellows)
    ]


def entry_data(session: Session, entry_id: int) -> PlanEntryData:
    """A plan entry as entered (the base of a change)."""
    entry = _entry(session, entry_id)
    fellows = tuple((f.name, f.site) for f in entry.fellows)
    return PlanEntryData(entry.date, entry.topic, entry.starts_at, entry.ends_at, fellows)


def add_entry(
    session: Session, data: PlanEntryData, *, uid: str = "", conference_id: int | None = None
) -> int:
    """A new planned session (for an existing conference: ``conference_id``); returns its
    id. ``uid`` names it in calendars (default: a new random one)."""
    entry = PlanEntry(uid=uid or f"{uuid.uuid4()}@votum", conference_id=conference_id)
    _apply(entry, data)
    session.add(entry)
    session.flush()
    return entry.id


def update_entry(session: Session, entry_id: int, data: PlanEntryData) -> None:
    """Change a planned session (a calendar that has it takes the change: its sequence
    grows)."""
    entry = _entry(session, entry_id)
    _apply(entry, data)
    entry.sequence += 1
    entry.updated_at = utcnow()
    session.flush()


def delete_entry(session: Session, entry_id: int) -> None:
    """Remove a session from the plan; its conference, if made, stays."""
    session.delete(_entry(session, entry_id))
    session.flush()


def set_published(session: Session, entry_id: int, published: bool) -> None:
    """The project lead's mark: the session's results are published."""
    entry = _entry(session, entry_id)
    entry.published_at = utcnow() if published else None
    entry.updated_at = utcnow()
    session.flush()


def adopt_conference(session: Session, conference_id: int) -> int:
    """A plan entry for a conference the plan does not name yet (its date, times, topic
    and fellows); returns the entry's id (the existing one if there is one)."""
    existing = session.scalar(select(PlanEntry.id).where(PlanEntry.conference_id == conference_id))
    if existing is not None:
        return existing
    conf = conferences.get_conference_row(session, conference_id)
    entry = PlanEntry(
        uid=f"{uuid.uuid4()}@votum",
        date=conf.date,
        starts_at=conf.starts_at,
        ends_at=conf.ends_at,
        topic=conf.topic,
        conference_id=conf.id,
        fellows=[PlanFellow(position=f.position, name=f.name, site=f.site) for f in conf.fellows],
    )
    session.add(entry)
    session.flush()
    return entry.id


def last_session(session: Session, before: dt.date) -> Conference | None:
    """The latest conference before ``before`` that invited sites (else the latest one
    that did at all): whose sites the next session invites."""
    invited = select(Invitation.conference_id)
    query = select(Conference).where(Conference.id.in_(invited))
    latest = query.order_by(Conference.date.desc(), Conference.id.desc()).limit(1)
    return session.scalar(latest.where(Conference.date < before)) or session.scalar(latest)


def create_conference(session: Session, entry_id: int, *, actor: str = "moderator") -> int:
    """The conference of a planned session, made in one step (see the module's docstring);
    refused when the entry has its conference already."""
    entry = _entry(session, entry_id)
    if entry.conference_id is not None:
        conf = conferences.get_conference_row(session, entry.conference_id)
        raise InvalidInput(
            say("plan_has_conference", date=entry.date.strftime("%d.%m.%Y"), slug=conf.slug)
        )
    last = last_session(session, entry.date)
    conf_id = conferences.create_conference(
        session,
        entry.topic,
        entry.date,
        moderator=last.moderator if last else "",
        language=last.language if last else "de",
        actor=actor,
    )
    conferences.update_conference(
        session,
        conf_id,
        starts_at=entry.starts_at or (last.starts_at if last else ""),
        ends_at=entry.ends_at or (last.ends_at if last else ""),
        cme_category=last.cme_category if last else None,
        scientific_lead=last.scientific_lead if last else None,
    )
    conferences.set_fellows(session, conf_id, [(f.name, f.site) for f in entry.fellows])
    if last is not None:
        sites = [i.site_id for i in last.invitations]
        conferences.invite_sites(session, conf_id, sites, actor=actor)
    entry.conference_id = conf_id
    entry.updated_at = utcnow()
    audit.record(
        session,
        conf_id,
        actor,
        "created_from_plan",
        plan_entry=entry.uid,
        sites_from=last.slug if last else "",
    )
    session.flush()
    return conf_id
