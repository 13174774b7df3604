"""The organiser of a round on a standing server: one credential, and with it publishing a
conference file as a new conference, listing the round's conferences, deleting one.

The organiser token is shown once (:func:`rotate_organiser_token`) and only its SHA-256 is
kept; a published conference gets a moderator token of its own, returned once to the
organiser, of which the server also keeps only the hash. Fetching results home is the
conference file (:func:`app.services.conference_export.build_conference_file`).
"""

from __future__ import annotations

import datetime as dt
import hmac
import secrets
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.models import AuditEvent, BallotChange, Case, Conference, Invitation, Question
from app.models.organiser import OrganiserToken
from app.services import audit
from app.services.conference_file import check_conference_file
from app.services.conference_import import import_conference_file
from app.services.conference_schema import ConferenceFile
from app.services.conferences import delete_conference, get_conference_row
from app.services.errors import Forbidden
from app.services.messages import say
from app.services.tokens import (
    MAX_TOKEN_LENGTH,
    TOKEN_BYTES,
    new_moderator_token,
    reissue_moderator_token,
    token_digest,
)

#: who acts through the organiser API, in the audit trail
ORGANISER = "organiser (API)"


# --- the credential --------------------------------------------------------------------


def rotate_organiser_token(session: Session) -> str:
    """A new organiser token (returned once, only its hash is stored); the old one fails
    from the commit on, in every process."""
    session.execute(delete(OrganiserToken))
    token = secrets.token_urlsafe(TOKEN_BYTES)
    session.add(OrganiserToken(token_hash=token_digest(token)))
    session.flush()
    return token


def revoke_organiser_token(session: Session) -> bool:
    """No organiser token any more (the API refuses everyone); False if there was none."""
    had = organiser_token_since(session) is not None
    session.execute(delete(OrganiserToken))
    return had


def organiser_token_since(session: Session) -> dt.datetime | None:
    """When the current organiser token was issued (None: there is none)."""
    return session.scalar(select(func.max(OrganiserToken.created_at)))


def check_organiser_token(session: Session, token: str) -> None:
    """:class:`Forbidden` unless ``token`` is the current organiser token (looked up by
    its hash, compared in constant time)."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        raise Forbidden(say("organiser_token_wrong"))
    digest = token_digest(token)
    stored = session.scalar(
        select(OrganiserToken.token_hash).where(OrganiserToken.token_hash == digest)
    )
    if stored is None or not hmac.compare_digest(stored, digest):
        raise Forbidden(say("organiser_token_wrong"))


# --- the round's conferences -------------------------------------------------------------


@dataclass(frozen=True)
class Published:
    """A conference just published: its id, short name and moderator token (shown once)."""

    conference_id: int
    slug: str
    topic: str
    date: dt.date
    language: str
    moderator_token: str
    invited_sites: int
    cases: int


@dataclass(frozen=True)
class RoundConference:
    """One conference a standing server holds, in the few numbers the organiser lists."""

    conference_id: int
    slug: str
    topic: str
    date: dt.date
    language: str
    invited_sites: int
    ballots: int
    created_at: dt.datetime
    #: the last thing that happened to it (the audit trail's latest entry)
    last_activity: dt.datetime


def publish_conference(
    session: Session, file: ConferenceFile, *, name: str = "upload", actor: str = ORGANISER
) -> Published:
    """A new conference from the file, with a moderator token of its own of which only the
    hash is kept. Refused whole (nothing written) if the file cannot be used, among others
    when a site's link is already another conference's on this server."""
    check_conference_file(file, name)
    conference_id = import_conference_file(session, file, name=name, actor=actor)
    conf = get_conference_row(session, conference_id)
    token = new_moderator_token(conf, keep=False)
    audit.record(session, conference_id, actor, "conference_published")
    session.flush()
    return Published(
        conference_id,
        conf.slug,
        conf.topic,
        conf.date,
        conf.language,
        token,
        len(conf.invitations),
        len(file.cases),
    )


def round_conferences(session: Session) -> list[RoundConference]:
    """Every conference on the server, the newest date first."""
    invited: dict[int, int] = {
        conference_id: count
        for conference_id, count in session.execute(
            select(Invitation.conference_id, func.count(Invitation.id)).group_by(
                Invitation.conference_id
            )
        )
    }
    ballots: dict[int, int] = {
        conference_id: count
        for conference_id, count in session.execute(
            select(Case.conference_id, func.count(BallotChange.id))
            .join(Question, Question.case_id == Case.id)
            .join(BallotChange, BallotChange.question_id == Question.id)
            .group_by(Case.conference_id)
        )
    }
    activity: dict[int, dt.datetime] = {
        conference_id: at
        for conference_id, at in session.execute(
            select(AuditEvent.conference_id, func.max(AuditEvent.at)).group_by(
                AuditEvent.conference_id
            )
        )
    }
    rows = session.scalars(select(Conference).order_by(Conference.date.desc(), Conference.id))
    return [
        RoundConference(
            conf.id,
            conf.slug,
            conf.topic,
            conf.date,
            conf.language,
            invited.get(conf.id, 0),
            ballots.get(conf.id, 0),
            conf.created_at,
            _aware(activity.get(conf.id)) or conf.updated_at or conf.created_at,
        )
        for conf in rows
    ]


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    """An aggregate's time read raw (SQLite drops the zone): UTC, as every stored time."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.UTC)


def delete_from_round(session: Session, conference_id: int, *, actor: str = ORGANISER) -> str:
    """Delete the conference with every ballot, name and token; returns its short name."""
    slug = get_conference_row(session, conference_id).slug
    delete_conference(session, conference_id)
    return slug


def new_moderator_token_for(session: Session, conference_id: int, *, actor: str = ORGANISER) -> str:
    """A new moderator token for a conference of the round (the old one fails at once;
    only its hash is kept). For a moderator who lost theirs."""
    return reissue_moderator_token(session, conference_id, keep=False, actor=actor)
