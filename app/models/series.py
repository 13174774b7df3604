"""The round as a series: the plan of its sessions, and which earlier asking a question
repeats when someone decided it by hand."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, intpk, opt_timestamp, str200, timestamp


class PlanEntry(Base):
    """A planned session: date, times, topic, its fellows; ``conference_id`` once the
    conference is made from it; ``published_at`` is the project lead's mark. ``uid`` and
    ``sequence`` keep a calendar entry the same entry when it changes (RFC 5545)."""

    __tablename__ = "plan_entries"

    id: Mapped[intpk]
    uid: Mapped[str] = mapped_column(String(64), unique=True)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    #: local start and end time, "HH:MM" (empty: not yet known)
    starts_at: Mapped[str] = mapped_column(String(5), default="")
    ends_at: Mapped[str] = mapped_column(String(5), default="")
    topic: Mapped[str200]
    conference_id: Mapped[int | None] = mapped_column(
        ForeignKey("conferences.id", ondelete="SET NULL"), nullable=True, unique=True
    )
    published_at: Mapped[opt_timestamp]
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[timestamp]
    updated_at: Mapped[timestamp]

    fellows: Mapped[list[PlanFellow]] = relationship(
        back_populates="entry", cascade="all, delete-orphan", order_by="PlanFellow.position"
    )


class PlanFellow(Base):
    """A fellow responsible for a planned session, with the site as free text."""

    __tablename__ = "plan_fellows"

    id: Mapped[intpk]
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("plan_entries.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str200]
    site: Mapped[str200] = mapped_column(default="")

    entry: Mapped[PlanEntry] = relationship(back_populates="fellows")


class QuestionLink(Base):
    """A decision by hand about a (round-1) question's earlier asking: linked to
    ``earlier_id``, or, with ``earlier_id`` empty, asked for the first time whatever its
    text says. Without a row the link follows the text (see app.services.asked_before)."""

    __tablename__ = "question_links"

    id: Mapped[intpk]
    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), unique=True
    )
    earlier_id: Mapped[int | None] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), nullable=True, index=True
    )
    actor: Mapped[str200] = mapped_column(default="")
    at: Mapped[timestamp]
