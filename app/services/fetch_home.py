"""Results fetched home from a hosted voting server become the local conference's content.

The server is the authority once a conference is published: its full conference file
(ballots with their history, attendance with names and EFNs, notes, the audit trail)
replaces what the local copy holds, so reports, exports and the CME list work offline
(the links to earlier askings made or removed by hand stay: :mod:`.kept_links`).
Fetching the same state twice changes nothing. The local copy says where it came from
(the ``results_fetched`` audit event: server, time of export, a digest of the content).
The caller owns the transaction.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.models import AuditEvent
from app.services import audit
from app.services.conference_import import count_ballots, overwrite_content
from app.services.conference_schema import ConferenceFile, FileCme, FileFellow
from app.services.conferences import get_conference_row
from app.services.errors import InvalidInput
from app.services.messages import say

FETCHED = "results_fetched"


@dataclass(frozen=True)
class FetchOrigin:
    """Where the local results came from, and when the server exported them."""

    server: str
    exported_at: datetime | None
    fetched_at: datetime
    digest: str
    ballots: int


@dataclass(frozen=True)
class FetchOutcome:
    changed: bool
    origin: FetchOrigin


def content_digest(file: ConferenceFile) -> str:
    """The file's content without its origin: equal digests mean the same results."""
    text = file.model_dump_json(exclude={"origin"})
    return hashlib.sha256(text.encode()).hexdigest()


def _last_fetch(session: Session, conference_id: int) -> AuditEvent | None:
    return session.scalar(
        select(AuditEvent)
        .where(AuditEvent.conference_id == conference_id, AuditEvent.action == FETCHED)
        .order_by(AuditEvent.id.desc())
        .limit(1)
    )


def fetched_from(session: Session, conference_id: int) -> FetchOrigin | None:
    """The last fetch of this conference's results, or None for a purely local one."""
    event = _last_fetch(session, conference_id)
    if event is None:
        return None
    detail = json.loads(event.detail or "{}")
    exported = detail.get("exported_at")
    return FetchOrigin(
        server=detail.get("server", ""),
        exported_at=datetime.fromisoformat(exported) if exported else None,
        fetched_at=event.at,
        digest=detail.get("digest", ""),
        ballots=int(detail.get("ballots", 0)),
    )


def _with_local_metadata(
    session: Session, conference_id: int, file: ConferenceFile
) -> ConferenceFile:
    """What publishing left out (moderator, CME data, fellows) stays as prepared here."""
    local = get_conference_row(session, conference_id)
    meta = file.conference
    update: dict[str, object] = {}
    if not meta.moderator:
        update["moderator"] = local.moderator
    if meta.cme == FileCme():
        update["cme"] = FileCme(
            vnr=local.vnr,
            category=local.cme_category,
            points=local.cme_points,
            scientific_lead=local.scientific_lead,
            organiser=local.organiser,
        )
    if not meta.fellows:
        update["fellows"] = [FileFellow(name=f.name, site=f.site) for f in local.fellows]
    if not update:
        return file
    return file.model_copy(update={"conference": meta.model_copy(update=update)})


def adopt_fetched(
    session: Session,
    conference_id: int,
    file: ConferenceFile,
    *,
    server: str,
    actor: str = "moderator",
) -> FetchOutcome:
    """Make the server's full conference file the local conference's content.

    The local conference keeps its id, short name and moderator token. Its own audit
    events stay; the copies of the server's trail from an earlier fetch are replaced by
    the fresh copy, so nothing appears twice."""
    if file.mode != "full" or file.results is None:
        raise InvalidInput(say("fetch_needs_full_file"))
    digest = content_digest(file)
    last = _last_fetch(session, conference_id)
    if last is not None:
        known = fetched_from(session, conference_id)
        assert known is not None
        if known.digest == digest:
            return FetchOutcome(False, known)
        first, final = json.loads(last.detail or "{}").get("copied_audit", [0, -1])
        session.execute(
            delete(AuditEvent).where(
                AuditEvent.conference_id == conference_id,
                AuditEvent.id >= first,
                AuditEvent.id <= final,
            )
        )
    file = _with_local_metadata(session, conference_id, file)
    conf = get_conference_row(session, conference_id)
    before = session.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1)) or 0
    overwrite_content(session, conf, file, server, actor)
    copied = list(
        session.scalars(
            select(AuditEvent.id).where(
                AuditEvent.conference_id == conference_id, AuditEvent.id > before
            )
        )
    )
    exported_at = file.origin.exported_at if file.origin else None
    ballots = count_ballots(session, conference_id)
    audit.record(
        session,
        conference_id,
        actor,
        FETCHED,
        server=server,
        exported_at=exported_at.isoformat() if exported_at else "",
        digest=digest,
        ballots=ballots,
        copied_audit=[min(copied), max(copied)] if copied else [0, -1],
    )
    session.flush()
    origin = fetched_from(session, conference_id)
    assert origin is not None
    return FetchOutcome(True, origin)
