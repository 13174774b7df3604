"""Conferences, the site registry, invitations, fellows and attendance (CME)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.config import LANGUAGES
from app.models import Conference, Fellow, Invitation, Site, utcnow
from app.services import audit
from app.services.checkin import AttendeeData, clean_attendees, replace_attendees
from app.services.cme import normalise_vnr
from app.services.errors import InvalidInput, NotFound
from app.services.messages import say
from app.services.text import clean, clean_field
from app.services.tokens import get_invitation, issue_token, new_moderator_token
from app.services.views import ConferenceInfo, InvitationInfo, SiteInfo, name_key
from app.texts import Message

MAX_ATTENDEES = 500


@dataclass(frozen=True)
class SiteData:
    """A site as entered in the registry editor or a package."""

    name: str
    code: str
    city: str = ""
    email: str = ""


def _clean(text: str, field: Message, *, limit: int = 200, required: bool = False) -> str:
    return clean_field(text, field, limit=limit, required=required)


# --- sites ---------------------------------------------------------------------------


def list_sites(session: Session) -> list[SiteInfo]:
    sites = [SiteInfo.of(s) for s in session.scalars(select(Site))]
    return sorted(sites, key=lambda s: name_key(s.name))


def save_site(session: Session, data: SiteData, site_id: int | None = None) -> int:
    """Create a site, or update it when ``site_id`` is given; names and codes are unique."""
    name = _clean(data.name, say("field_site"), required=True)
    code = _clean(data.code, say("field_code"), limit=20, required=True)
    clash = session.scalar(
        select(Site).where((func.lower(Site.name) == name.lower()) | (Site.code == code))
    )
    if clash is not None and clash.id != site_id:
        raise InvalidInput(say("site_exists", name=clash.name, code=clash.code))
    site = session.get(Site, site_id) if site_id else Site()
    if site is None:
        raise NotFound(say("site_not_found", site_id=site_id))
    site.name, site.code = name, code
    site.city = _clean(data.city, say("field_city"))
    site.email = _clean(data.email, say("field_email"))
    session.add(site)
    session.flush()
    return site.id


def ensure_site(session: Session, data: SiteData) -> int:
    """The id of the site with this code (or name), creating it if it is new."""
    code, name = clean(data.code), clean(data.name)
    site = session.scalar(select(Site).where(Site.code == code))
    if site is None:
        site = session.scalar(select(Site).where(func.lower(Site.name) == name.lower()))
    return site.id if site is not None else save_site(session, data)


# --- conferences ---------------------------------------------------------------------


def _slugify(topic: str, date: dt.date) -> str:
    ascii_topic = unicodedata.normalize("NFKD", topic).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_topic.lower()).strip("-")
    return f"{date.isoformat()}-{words}"[:32].strip("-")


def _unique_slug(session: Session, wanted: str) -> str:
    slug, n = wanted, 2
    while session.scalar(select(Conference.id).where(Conference.slug == slug)) is not None:
        slug = f"{wanted[:28]}-{n}"
        n += 1
    return slug


def create_conference(
    session: Session,
    topic: str,
    date: dt.date,
    *,
    moderator: str = "",
    language: str = "de",
    vnr: str = "",
    slug: str | None = None,
    actor: str = "moderator",
) -> int:
    """A new, empty conference; returns its id."""
    topic = _clean(topic, say("field_topic"), required=True)
    if language not in LANGUAGES:
        raise InvalidInput(say("language_unknown", language=language))
    wanted = slug.strip().lower() if slug else _slugify(topic, date)
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,39}", wanted):
        raise InvalidInput(say("slug_invalid", slug=slug))
    conf = Conference(
        slug=_unique_slug(session, wanted),
        topic=topic,
        date=date,
        moderator=_clean(moderator, say("field_moderator")),
        language=language,
        vnr=normalise_vnr(vnr),
    )
    new_moderator_token(conf)
    session.add(conf)
    session.flush()
    audit.record(session, conf.id, actor, "conference_created", topic=topic)
    return conf.id


def normalise_time(value: str, field: str) -> str:
    """A local clock time as stored, "HH:MM" ("9:05" becomes "09:05"); empty stays empty.

    ``field`` is the catalog key of the field's name (``field_starts_at``, ``field_ends_at``).
    """
    text = value.strip()
    if re.fullmatch(r"[0-9]:[0-5][0-9]", text):
        text = "0" + text
    if text and not re.fullmatch(r"([01][0-9]|2[0-3]):[0-5][0-9]", text):
        raise InvalidInput(say("time_invalid", field=say(field), value=value))
    return text


def check_cme_points(points: int) -> int:
    """CME points as the chambers award them: a whole number 0–100."""
    if not 0 <= points <= 100:
        raise InvalidInput(say("cme_points_range"))
    return points


def parse_cme_points(text: str) -> int | None:
    """CME points as typed in a form: empty is "not yet known" (None), else 0–100."""
    text = text.strip()
    if not text:
        return None
    if not re.fullmatch(r"[0-9]{1,3}", text):
        raise InvalidInput(say("cme_points_range"))
    return check_cme_points(int(text))


def update_conference(
    session: Session,
    conference_id: int,
    *,
    topic: str | None = None,
    date: dt.date | None = None,
    moderator: str | None = None,
    language: str | None = None,
    vnr: str | None = None,
    starts_at: str | None = None,
    ends_at: str | None = None,
    cme_category: str | None = None,
    cme_points: int | None = None,
    scientific_lead: str | None = None,
    organiser: str | None = None,
) -> None:
    """Change the given fields (``None`` leaves a field as it is; :func:`set_cme_points`
    also clears the points)."""
    conf = get_conference_row(session, conference_id)
    start = None if starts_at is None else normalise_time(starts_at, "field_starts_at")
    end = None if ends_at is None else normalise_time(ends_at, "field_ends_at")
    if start is not None:
        conf.starts_at = start
    if end is not None:
        conf.ends_at = end
    if cme_category is not None:
        conf.cme_category = _clean(cme_category, say("field_cme_category"), limit=10)
    if cme_points is not None:
        conf.cme_points = check_cme_points(cme_points)
    if scientific_lead is not None:
        conf.scientific_lead = _clean(scientific_lead, say("field_scientific_lead"))
    if organiser is not None:
        conf.organiser = _clean(organiser, say("field_organiser"))
    if topic is not None:
        conf.topic = _clean(topic, say("field_topic"), required=True)
    if date is not None and date != conf.date:
        old_prefix = conf.date.isoformat()
        conf.date = date
        if conf.slug.startswith(old_prefix):  # the short name follows the corrected date
            wanted = (date.isoformat() + conf.slug.removeprefix(old_prefix))[:40]
            conf.slug = _unique_slug(session, wanted)
    if moderator is not None:
        conf.moderator = _clean(moderator, say("field_moderator"))
    if language is not None:
        if language not in LANGUAGES:
            raise InvalidInput(say("language_unknown", language=language))
        conf.language = language
    if vnr is not None:
        conf.vnr = normalise_vnr(vnr)
    conf.updated_at = utcnow()


def set_cme_points(session: Session, conference_id: int, points: int | None) -> None:
    """Set the CME points, or clear them with ``None`` (not yet awarded)."""
    conf = get_conference_row(session, conference_id)
    conf.cme_points = None if points is None else check_cme_points(points)
    conf.updated_at = utcnow()


def set_fellows(session: Session, conference_id: int, fellows: Sequence[tuple[str, str]]) -> None:
    """Replace the fellows with (name, site) pairs, in this order."""
    conf = get_conference_row(session, conference_id)
    conf.fellows.clear()
    session.flush()
    for position, (name, site) in enumerate(fellows):
        if clean(name):
            conf.fellows.append(
                Fellow(
                    position=position,
                    name=_clean(name, say("field_fellow")),
                    site=_clean(site, say("field_fellow_site")),
                )
            )


def list_conferences(session: Session) -> list[ConferenceInfo]:
    """All conferences, newest date first."""
    rows = session.scalars(select(Conference).order_by(Conference.date.desc(), Conference.id))
    return [ConferenceInfo.of(c) for c in rows]


def get_conference_row(session: Session, conference_id: int) -> Conference:
    conf = session.get(Conference, conference_id)
    if conf is None:
        raise NotFound(say("conference_not_found", conference_id=conference_id))
    return conf


def get_conference(session: Session, conference_id: int) -> ConferenceInfo:
    return ConferenceInfo.of(get_conference_row(session, conference_id))


def find_conference(session: Session, ref: str) -> ConferenceInfo:
    """A conference by id or slug, as typed on the command line."""
    ref = ref.strip()
    conf = None
    if ref.isdigit():
        conf = session.get(Conference, int(ref))
    if conf is None:
        conf = session.scalar(select(Conference).where(Conference.slug == ref.lower()))
    if conf is None:
        known = ", ".join(c.slug for c in session.scalars(select(Conference).limit(10)))
        if known:
            raise NotFound(say("conference_ref_not_found_known", ref=ref, known=known))
        raise NotFound(say("conference_ref_not_found", ref=ref))
    return ConferenceInfo.of(conf)


def delete_conference(session: Session, conference_id: int) -> None:
    conf = get_conference_row(session, conference_id)
    conf.current_question_id = None
    session.flush()
    session.delete(conf)


def moderator_token(session: Session, conference_id: int) -> str:
    return get_conference_row(session, conference_id).moderator_token


# --- invitations and attendance ------------------------------------------------------


def invite_sites(
    session: Session, conference_id: int, site_ids: Iterable[int], *, actor: str = "moderator"
) -> None:
    """Invite sites (already invited ones are left as they are); each gets a voting token."""
    conf = get_conference_row(session, conference_id)
    invited = {i.site_id for i in conf.invitations}
    for site_id in site_ids:
        if site_id in invited:
            continue
        if session.get(Site, site_id) is None:
            raise NotFound(say("site_not_found", site_id=site_id))
        invitation = Invitation(site_id=site_id)
        issue_token(invitation)
        conf.invitations.append(invitation)
        invited.add(site_id)
        audit.record(session, conference_id, actor, "site_invited", site_id=site_id)
    session.flush()


def uninvite_site(
    session: Session, conference_id: int, site_id: int, *, actor: str = "moderator"
) -> None:
    """Withdraw an invitation; refused once the site has cast a ballot in this conference."""
    from app.services.ballots import site_has_ballots

    invitation = get_invitation(session, conference_id, site_id)
    if site_has_ballots(session, conference_id, site_id):
        raise InvalidInput(say("site_has_voted", site=invitation.site.name))
    session.delete(invitation)
    audit.record(session, conference_id, actor, "site_uninvited", site_id=site_id)


def invitations(session: Session, conference_id: int) -> list[InvitationInfo]:
    """Invited sites in name order, with attendance and tokens (moderator's view)."""
    rows = session.scalars(select(Invitation).where(Invitation.conference_id == conference_id))
    return sorted((InvitationInfo.of(i) for i in rows), key=lambda i: name_key(i.site.name))


def set_attendance(
    session: Session,
    conference_id: int,
    site_id: int,
    *,
    present: bool,
    attendee_count: int | None = None,
    attendees: Sequence[AttendeeData | Sequence[str]] | None = None,
    actor: str = "moderator",
) -> None:
    """Check a site in or out (the moderator's; also once the sites' check-in is closed);
    ``attendees`` are :class:`AttendeeData` or (name, EFN[, role]) tuples and replace the
    names given before. A wrong EFN keeps its person: it is stored as typed and marked
    invalid in the CME list; the same person twice is refused.

    The count never falls below the number of named attendees.
    """
    invitation = get_invitation(session, conference_id, site_id)
    named: list[AttendeeData] | None = None
    if attendees is not None:
        if len(attendees) > MAX_ATTENDEES:
            raise InvalidInput(say("too_many_names", limit=MAX_ATTENDEES))
        named = clean_attendees(attendees, limit=MAX_ATTENDEES)
    count = invitation.attendee_count if attendee_count is None else attendee_count
    if count < 0 or count > MAX_ATTENDEES:
        raise InvalidInput(say("attendee_count_range", limit=MAX_ATTENDEES))
    changes: dict[str, list[str]] = {}
    if named is not None:
        changes = replace_attendees(invitation, named)
        count = max(count, len(named))
    if present and count == 0:
        count = 1
    invitation.present = present
    invitation.attendee_count = count if present else 0
    invitation.checked_in_at = utcnow() if present else None
    audit.record(
        session,
        conference_id,
        actor,
        "attendance",
        site_id=site_id,
        present=present,
        attendee_count=invitation.attendee_count,
        names=changes,
    )
