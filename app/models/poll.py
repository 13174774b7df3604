"""Imported call polls: each import (by file hash), the moderator's matching rules, and the
totals of anonymous polls ("counted by the call")."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, intpk, str200, timestamp


class PollImport(Base):
    """One poll report imported into a conference; the same file (hash) is imported once."""

    __tablename__ = "poll_imports"
    __table_args__ = (UniqueConstraint("conference_id", "sha256"),)

    id: Mapped[intpk]
    conference_id: Mapped[int] = mapped_column(ForeignKey("conferences.id", ondelete="CASCADE"))
    sha256: Mapped[str] = mapped_column(String(64))
    filename: Mapped[str200] = mapped_column(default="")
    format: Mapped[str] = mapped_column(String(20))
    anonymous: Mapped[bool] = mapped_column(default=False)
    n_ballots: Mapped[int] = mapped_column(default=0)
    actor: Mapped[str200] = mapped_column(default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    imported_at: Mapped[timestamp]


class PollMatchRule(Base):
    """A rule remembered for the next conference of the round: a participant (``kind``
    "participant", pattern = e-mail or ``name:`` display name) or an e-mail domain
    (``kind`` "domain") belongs to a site."""

    __tablename__ = "poll_match_rules"
    __table_args__ = (UniqueConstraint("kind", "pattern"),)

    id: Mapped[intpk]
    kind: Mapped[str] = mapped_column(String(20))
    pattern: Mapped[str200]
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"), index=True)
    updated_at: Mapped[timestamp]


class CallPollTotal(Base):
    """A count from an anonymous poll: of one option, of abstentions (``abstain``), or of
    the valid answers (neither). Shown apart from the per-site ballots."""

    __tablename__ = "call_poll_totals"

    id: Mapped[intpk]
    import_id: Mapped[int] = mapped_column(
        ForeignKey("poll_imports.id", ondelete="CASCADE"), index=True
    )
    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), index=True
    )
    option_id: Mapped[int | None] = mapped_column(
        ForeignKey("options.id", ondelete="CASCADE"), nullable=True, index=True
    )
    abstain: Mapped[bool] = mapped_column(default=False)
    count: Mapped[int] = mapped_column(default=0)
