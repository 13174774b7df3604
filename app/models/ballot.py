"""Ballots (the one that counts, per site and question round) and their full history."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, UTCDateTime, intpk, str200, timestamp


class Ballot(Base):
    """The current ballot of a site for a question round; the database allows only one."""

    __tablename__ = "ballots"
    __table_args__ = (UniqueConstraint("question_id", "site_id"),)

    id: Mapped[intpk]
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"))
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="RESTRICT"), index=True)
    abstain: Mapped[bool] = mapped_column(default=False)
    comment: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(10), default="site")
    actor: Mapped[str200] = mapped_column(default="")
    cast_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revision: Mapped[int] = mapped_column(default=1)

    choices: Mapped[list[BallotChoice]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="BallotChoice.option_id"
    )


class BallotChoice(Base):
    """One chosen option of a ballot (several for multiple choice)."""

    __tablename__ = "ballot_choices"

    ballot_id: Mapped[int] = mapped_column(
        ForeignKey("ballots.id", ondelete="CASCADE"), primary_key=True
    )
    option_id: Mapped[int] = mapped_column(
        ForeignKey("options.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class BallotChange(Base):
    """Append-only history: every ballot as it was cast, the replaced ones included."""

    __tablename__ = "ballot_changes"
    __table_args__ = (Index("ix_ballot_changes_question_site", "question_id", "site_id"),)

    id: Mapped[intpk]
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"))
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="RESTRICT"), index=True)
    revision: Mapped[int]
    option_ids: Mapped[str] = mapped_column(String(500), default="")
    abstain: Mapped[bool] = mapped_column(default=False)
    comment: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(10))
    actor: Mapped[str200] = mapped_column(default="")
    at: Mapped[timestamp]
