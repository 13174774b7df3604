"""Discussion notes and the append-only audit trail."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, intpk, str40, str200, timestamp


class Note(Base):
    """A discussion note or key message for a case or for a question (one of the two)."""

    __tablename__ = "notes"

    id: Mapped[intpk]
    conference_id: Mapped[int] = mapped_column(
        ForeignKey("conferences.id", ondelete="CASCADE"), index=True
    )
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), nullable=True, index=True
    )
    question_id: Mapped[int | None] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), nullable=True, index=True
    )
    kind: Mapped[str] = mapped_column(String(20), default="discussion")
    text: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[timestamp]


class AuditEvent(Base):
    """Who did what when: state changes, ballot changes, attendance, tokens. Never updated."""

    __tablename__ = "audit_events"

    id: Mapped[intpk]
    conference_id: Mapped[int] = mapped_column(
        ForeignKey("conferences.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[timestamp]
    actor: Mapped[str200]
    action: Mapped[str40]
    question_id: Mapped[int | None]
    site_id: Mapped[int | None]
    detail: Mapped[str] = mapped_column(Text, default="")


class ModeratorRequest(Base):
    """A moderator action's request id and its answer: a retry gets the answer again
    instead of doing the action twice (a console that lost its connection mid-request)."""

    __tablename__ = "moderator_requests"
    __table_args__ = (UniqueConstraint("conference_id", "request_id"),)

    id: Mapped[intpk]
    conference_id: Mapped[int] = mapped_column(ForeignKey("conferences.id", ondelete="CASCADE"))
    request_id: Mapped[str] = mapped_column(String(64))
    #: SHA-256 of the request's method, path and body ("": remembered before it was kept)
    fingerprint: Mapped[str] = mapped_column(String(64), default="", server_default="")
    response: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[timestamp]
