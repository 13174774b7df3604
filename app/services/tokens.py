"""Secret per-site voting links: 256-bit tokens, looked up by hash, compared in constant time."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Conference, Invitation
from app.services import audit
from app.services.errors import Forbidden, NotFound
from app.services.messages import say

TOKEN_BYTES = 32  # 256 bits of randomness; the spec asks for at least 128
MAX_TOKEN_LENGTH = 64


def token_digest(token: str) -> str:
    """What the database stores and looks tokens up by (never the token's own index)."""
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def issue_token(invitation: Invitation) -> str:
    """Give the invitation a fresh token (an old link stops working at once)."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    invitation.token = token
    invitation.token_hash = token_digest(token)
    return token


@dataclass(frozen=True)
class SiteAccess:
    """What a valid site token grants: voting for this site in this conference."""

    conference_id: int
    site_id: int
    site_name: str


def resolve_site_token(
    session: Session, token: str, conference_id: int | None = None
) -> SiteAccess:
    """The site a token belongs to; :class:`Forbidden` for forged, truncated or revoked
    ones, and (given ``conference_id``) for a token of another conference."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        raise Forbidden(say("link_invalid"))
    invitation = session.scalar(
        select(Invitation).where(Invitation.token_hash == token_digest(token))
    )
    if invitation is None or invitation.token is None:
        raise Forbidden(say("link_invalid_or_revoked"))
    if not hmac.compare_digest(invitation.token.encode(), token.encode()):
        raise Forbidden(say("link_invalid"))
    if conference_id is not None and invitation.conference_id != conference_id:
        raise Forbidden(say("link_other_conference"))
    return SiteAccess(invitation.conference_id, invitation.site_id, invitation.site.name)


def set_moderator_token(conf: Conference, token: str, *, keep: bool = True) -> str:
    """Give the conference ``token`` as its moderator token (the old one fails at once);
    ``keep=False`` stores only its hash (a standing server: the organiser holds it)."""
    conf.moderator_token = token if keep else ""
    conf.moderator_token_hash = token_digest(token)
    return token


def new_moderator_token(conf: Conference, *, keep: bool = True) -> str:
    """A fresh moderator token for the conference (see :func:`set_moderator_token`)."""
    return set_moderator_token(conf, secrets.token_urlsafe(TOKEN_BYTES), keep=keep)


def check_moderator_token(session: Session, conference_id: int, token: str | None) -> None:
    """Raise :class:`Forbidden` unless ``token`` is the conference's moderator token
    (compared by its hash, in constant time)."""
    conf = session.get(Conference, conference_id)
    if conf is None:
        raise NotFound(say("conference_not_found", conference_id=conference_id))
    if not token or len(token) > MAX_TOKEN_LENGTH or not conf.moderator_token_hash:
        raise Forbidden(say("moderator_token_wrong"))
    if not hmac.compare_digest(conf.moderator_token_hash, token_digest(token)):
        raise Forbidden(say("moderator_token_wrong"))


def conference_of_moderator_token(session: Session, token: str) -> int:
    """The conference whose moderator token ``token`` is (a standing server serves many);
    :class:`Forbidden` for any other token."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        raise Forbidden(say("moderator_token_wrong"))
    digest = token_digest(token)
    row = session.execute(
        select(Conference.id, Conference.moderator_token_hash).where(
            Conference.moderator_token_hash == digest
        )
    ).first()
    if row is None or not hmac.compare_digest(row.moderator_token_hash or "", digest):
        raise Forbidden(say("moderator_token_wrong"))
    return int(row.id)


def get_invitation(session: Session, conference_id: int, site_id: int) -> Invitation:
    """The invitation of a site to a conference (NotFound if the site is not invited)."""
    invitation = session.scalar(
        select(Invitation).where(
            Invitation.conference_id == conference_id, Invitation.site_id == site_id
        )
    )
    if invitation is None:
        raise NotFound(say("site_not_invited"))
    return invitation


def reissue_site_token(
    session: Session, conference_id: int, site_id: int, *, actor: str = "moderator"
) -> str:
    """A new link for the site; the old one is dead from now on."""
    token = issue_token(get_invitation(session, conference_id, site_id))
    audit.record(session, conference_id, actor, "token_reissued", site_id=site_id)
    return token


def revoke_site_token(
    session: Session, conference_id: int, site_id: int, *, actor: str = "moderator"
) -> None:
    """Switch the site's link off until a new one is issued."""
    invitation = get_invitation(session, conference_id, site_id)
    invitation.token = None
    invitation.token_hash = None
    audit.record(session, conference_id, actor, "token_revoked", site_id=site_id)


def reissue_moderator_token(
    session: Session, conference_id: int, *, keep: bool = True, actor: str = "moderator"
) -> str:
    """A new moderator token; the old one fails at once (``keep``: see
    :func:`set_moderator_token`)."""
    conf = session.get(Conference, conference_id)
    if conf is None:
        raise NotFound(say("conference_not_found", conference_id=conference_id))
    token = new_moderator_token(conf, keep=keep)
    audit.record(session, conference_id, actor, "moderator_token_reissued")
    return token


def voter_link(base_url: str, token: str) -> str:
    """The link a site opens: ``{base}/v/{token}``."""
    return f"{base_url.rstrip('/')}/v/{token}"
