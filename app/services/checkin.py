"""The sites' own hands: check-in of a site's participants, the link test, the session held.

A site checks in its own participants through its link (name, EFN, role) from the moment
it is invited until the moderator closes the check-in, which marking the session as held
does too; the moderator can reopen it and can always correct the names
(:func:`app.services.conferences.set_attendance`). Every change goes to the audit trail
with its source: the site's own page or API ("site") or the moderator.

Each invited site's last visit of its link is kept (``Invitation.last_seen_at``), so the
day before the moderator sees which sites have tested their link. The server writes it at
most every :data:`VISIT_EVERY` per site (see ``app.server.visits``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Attendee, Conference, Invitation, utcnow
from app.services import audit
from app.services.cme import efn_valid, stored_efn
from app.services.errors import InvalidInput, StateConflict
from app.services.messages import say
from app.services.text import clean, clean_field
from app.services.tokens import get_invitation
from app.services.views import AttendeeInfo, SiteInfo, name_key

#: A site's own check-in holds at most this many people. A site's tumour board room rarely
#: seats more than ten doctors who follow the round; 30 leaves room for a teaching session
#: in a lecture room while keeping the page's form short and a forged request from filling
#: the CME list with thousands of names. The moderator may name more (``MAX_ATTENDEES``).
MAX_SITE_ATTENDEES = 30
MAX_NAME = 200
MAX_ROLE = 100
#: a site's visit is written at most this often (the link test needs the day, not the second)
VISIT_EVERY = dt.timedelta(minutes=5)

SITE_ACTOR = "site"


@dataclass(frozen=True)
class AttendeeData:
    """One participant as typed on a site's page, in its API or in the console."""

    name: str
    efn: str = ""
    role: str = ""


@dataclass(frozen=True)
class CheckinView:
    """What a site's check-in shows: whether it is open and who is checked in."""

    site_id: int
    open: bool
    attendees: tuple[AttendeeInfo, ...]
    #: the session: its date, local times ("HH:MM", empty until known), whether it was held
    date: dt.date
    starts_at: str = ""
    ends_at: str = ""
    held: bool = False
    limit: int = MAX_SITE_ATTENDEES

    @property
    def key(self) -> str:
        """Open or closed, held or not, as the voter pages' version says it
        (:func:`checkin_key`)."""
        return checkin_key(is_open=self.open, held=self.held)


@dataclass(frozen=True)
class CheckinState:
    """After a moderator's check-in action: whether sites may still check in, and when
    the session was marked as held (None: not yet)."""

    checkin_open: bool
    held_at: dt.datetime | None


@dataclass(frozen=True)
class LinkVisit:
    """An invited site and the last time it opened its link (None: not yet)."""

    site: SiteInfo
    last_seen_at: dt.datetime | None

    @property
    def tested(self) -> bool:
        return self.last_seen_at is not None


def as_data(row: AttendeeData | Sequence[str]) -> AttendeeData:
    """A participant from a (name, EFN[, role]) tuple as older callers pass them."""
    if isinstance(row, AttendeeData):
        return row
    name, efn, *rest = (*row, "")
    return AttendeeData(name, efn, rest[0] if rest else "")


def clean_attendees(
    rows: Iterable[AttendeeData | Sequence[str]], *, limit: int
) -> list[AttendeeData]:
    """The participants as stored: names and roles cleaned, an EFN normalised when valid
    and else kept as typed (marked invalid on the CME list), empty rows dropped.

    Refused (:class:`InvalidInput`, naming the person by number): a row without a name,
    more than ``limit`` people, the same person twice (same name and EFN, or one valid EFN
    under two names).
    """
    cleaned: list[AttendeeData] = []
    for number, row in enumerate((as_data(r) for r in rows), start=1):
        if not (clean(row.name) or clean(row.efn) or clean(row.role)):
            continue
        where = say("attendee_row", number=number)
        if not clean(row.name):
            raise InvalidInput(say("attendee_name_missing", number=number))
        try:
            name = clean_field(row.name, say("field_name"), limit=MAX_NAME, required=True)
            role = clean_field(row.role, say("field_role"), limit=MAX_ROLE)
        except InvalidInput as exc:
            raise InvalidInput(say("attendee_problem", where=where, problem=exc.message)) from exc
        cleaned.append(AttendeeData(name, stored_efn(clean(row.efn)), role))
    if len(cleaned) > limit:
        raise InvalidInput(say("too_many_site_attendees", limit=limit))
    _refuse_twice(cleaned)
    return cleaned


def _refuse_twice(people: Sequence[AttendeeData]) -> None:
    seen: dict[tuple[str, str], AttendeeData] = {}
    efns: dict[str, AttendeeData] = {}
    for person in people:
        key = (" ".join(name_key(person.name).split()), person.efn)
        if key in seen:
            raise InvalidInput(say("attendee_twice", name=person.name))
        seen[key] = person
        if person.efn and efn_valid(person.efn):
            other = efns.get(person.efn)
            if other is not None:
                raise InvalidInput(say("attendee_efn_twice", efn=person.efn, name=other.name))
            efns[person.efn] = person


def replace_attendees(
    invitation: Invitation, people: Sequence[AttendeeData]
) -> dict[str, list[str]]:
    """Put ``people`` in place of the invitation's named attendees; what changed, by name,
    for the audit trail (a person kept with the same name keeps their row)."""
    before = {(a.name, a.efn, a.role) for a in invitation.attendees}
    after = {(p.name, p.efn, p.role) for p in people}
    invitation.attendees[:] = [Attendee(name=p.name, efn=p.efn, role=p.role) for p in people]
    names_before = {n for n, _e, _r in before}
    names_after = {n for n, _e, _r in after}
    return {
        "added": sorted(names_after - names_before),
        "removed": sorted(names_before - names_after),
        "changed": sorted(n for n, e, r in after - before if n in names_before),
    }


def _conference(session: Session, conference_id: int) -> Conference:
    conf = session.get(Conference, conference_id)
    assert conf is not None, "callers check the conference first"
    return conf


def checkin_key(*, is_open: bool, held: bool) -> str:
    """The check-in's part of the voter pages' version (``app.services.voting.
    state_version``): ``open`` or ``closed``, ``+held`` once the session was held."""
    return ("open" if is_open else "closed") + ("+held" if held else "")


def checkin_open(conf: Conference) -> bool:
    return conf.checkin_closed_at is None


def site_checkin(session: Session, conference_id: int, site_id: int) -> CheckinView:
    """A site's check-in as its page and its API show it."""
    invitation = get_invitation(session, conference_id, site_id)
    conf = _conference(session, conference_id)
    return CheckinView(
        site_id,
        checkin_open(conf),
        tuple(AttendeeInfo(a.name, a.efn, a.role) for a in invitation.attendees),
        conf.date,
        conf.starts_at,
        conf.ends_at,
        conf.held_at is not None,
    )


def check_in_by_site(
    session: Session,
    conference_id: int,
    site_id: int,
    attendees: Iterable[AttendeeData | Sequence[str]],
    *,
    actor: str = SITE_ACTOR,
) -> CheckinView:
    """A site's own list of participants replaces its named attendees (refused once the
    check-in is closed). Naming anyone marks the site present, with as many attendees as
    names; an empty list removes the names and leaves presence as it was."""
    conf = _conference(session, conference_id)
    invitation = get_invitation(session, conference_id, site_id)
    if not checkin_open(conf):
        raise StateConflict(say("checkin_closed"))
    people = clean_attendees(attendees, limit=MAX_SITE_ATTENDEES)
    changes = replace_attendees(invitation, people)
    if people:
        invitation.present = True
        invitation.attendee_count = len(people)
        invitation.checked_in_at = invitation.checked_in_at or utcnow()
    audit.record(
        session,
        conference_id,
        actor,
        "attendees",
        site_id=site_id,
        present=invitation.present,
        attendee_count=invitation.attendee_count,
        names=changes,
    )
    session.flush()
    return site_checkin(session, conference_id, site_id)


def set_checkin_open(
    session: Session, conference_id: int, is_open: bool, *, actor: str = "moderator"
) -> bool:
    """Open or close the sites' own check-in (the moderator's; attendance itself stays
    the moderator's to change either way). Returns whether it is open now."""
    conf = _conference(session, conference_id)
    if checkin_open(conf) != is_open:
        conf.checkin_closed_at = None if is_open else utcnow()
        audit.record(
            session, conference_id, actor, "checkin_opened" if is_open else "checkin_closed"
        )
    return is_open


def _state(conf: Conference) -> CheckinState:
    return CheckinState(checkin_open(conf), conf.held_at)


def open_checkin(session: Session, conference_id: int, *, actor: str) -> CheckinState:
    """Reopen the sites' own check-in (after closing it, or after the session was held)."""
    set_checkin_open(session, conference_id, True, actor=actor)
    return _state(_conference(session, conference_id))


def close_checkin(session: Session, conference_id: int, *, actor: str) -> CheckinState:
    """Close the sites' own check-in: from now on only the moderator changes attendance."""
    set_checkin_open(session, conference_id, False, actor=actor)
    return _state(_conference(session, conference_id))


def mark_held(session: Session, conference_id: int, *, actor: str) -> CheckinState:
    """Mark the session as held (once: the first time stays) and close the sites'
    check-in; reopening the check-in afterwards stays possible."""
    conf = _conference(session, conference_id)
    if conf.held_at is None:
        conf.held_at = utcnow()
        audit.record(session, conference_id, actor, "session_held")
    set_checkin_open(session, conference_id, False, actor=actor)
    return _state(conf)


def record_visit(
    session: Session, conference_id: int, site_id: int, at: dt.datetime | None = None
) -> None:
    """Note that the site opened its link (no audit entry: a visit changes nothing)."""
    invitation = session.scalar(
        select(Invitation).where(
            Invitation.conference_id == conference_id, Invitation.site_id == site_id
        )
    )
    if invitation is not None:
        invitation.last_seen_at = at or utcnow()


def link_visits(session: Session, conference_id: int) -> list[LinkVisit]:
    """Every invited site with its last visit, in name order (``sites status``)."""
    rows = session.scalars(select(Invitation).where(Invitation.conference_id == conference_id))
    visits = [LinkVisit(SiteInfo.of(i.site), i.last_seen_at) for i in rows]
    return sorted(visits, key=lambda v: name_key(v.site.name))
