"""The append-only audit trail: every state change and ballot change, with time and actor."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AuditEvent, utcnow


@dataclass(frozen=True)
class AuditEntry:
    """One line of the audit trail."""

    at: datetime
    actor: str
    action: str
    question_id: int | None
    site_id: int | None
    detail: dict[str, Any]


def record(
    session: Session,
    conference_id: int,
    actor: str,
    action: str,
    *,
    question_id: int | None = None,
    site_id: int | None = None,
    **detail: Any,
) -> None:
    """Append an event; it is committed with the caller's transaction."""
    session.add(
        AuditEvent(
            conference_id=conference_id,
            at=utcnow(),
            actor=actor[:200],
            action=action,
            question_id=question_id,
            site_id=site_id,
            detail=json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str),
        )
    )


def trail(session: Session, conference_id: int) -> list[AuditEntry]:
    """The conference's events, oldest first."""
    rows = session.scalars(
        select(AuditEvent).where(AuditEvent.conference_id == conference_id).order_by(AuditEvent.id)
    )
    return [
        AuditEntry(r.at, r.actor, r.action, r.question_id, r.site_id, json.loads(r.detail or "{}"))
        for r in rows
    ]
