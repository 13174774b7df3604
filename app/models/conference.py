"""A session of the round: its invited sites, their attendance and its fellows."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, intpk, opt_timestamp, str40, str200, timestamp

if TYPE_CHECKING:
    from app.models.case import Case
    from app.models.site import Site


class Conference(Base):
    """One video-conference session: topic, date, moderator, language, VNR."""

    __tablename__ = "conferences"

    id: Mapped[intpk]
    slug: Mapped[str40] = mapped_column(unique=True)
    topic: Mapped[str200]
    date: Mapped[dt.date] = mapped_column(Date)
    moderator: Mapped[str200] = mapped_column(default="")
    language: Mapped[str] = mapped_column(String(2), default="de")
    vnr: Mapped[str] = mapped_column(String(19), default="")
    #: local start and end time, "HH:MM" (empty until known)
    starts_at: Mapped[str] = mapped_column(String(5), default="", server_default="")
    ends_at: Mapped[str] = mapped_column(String(5), default="", server_default="")
    #: the CME block beside the VNR: category (e.g. "A"), points, scientific lead
    cme_category: Mapped[str] = mapped_column(String(10), default="", server_default="")
    cme_points: Mapped[int | None] = mapped_column(Integer, nullable=True)
    scientific_lead: Mapped[str200] = mapped_column(default="", server_default="")
    #: who organises the event, as the attendance certificates name it (an institution)
    organiser: Mapped[str200] = mapped_column(default="", server_default="")
    #: the moderator marked the session as held (closes the sites' check-in)
    held_at: Mapped[opt_timestamp]
    #: when the moderator closed the sites' own check-in (None: open, from the invitation)
    checkin_closed_at: Mapped[opt_timestamp]
    #: the moderator token, kept readable for the laptop that prints it ("" where only its
    #: hash is kept: a conference the organiser published to a standing server)
    moderator_token: Mapped[str] = mapped_column(String(64))
    #: its SHA-256, by which a standing server finds the conference a token belongs to
    moderator_token_hash: Mapped[str | None] = mapped_column(
        String(64), nullable=True, unique=True, index=True
    )
    current_question_id: Mapped[int | None] = mapped_column(
        ForeignKey("questions.id", ondelete="SET NULL", use_alter=True),
        nullable=True,
        index=True,
    )
    created_at: Mapped[timestamp]
    updated_at: Mapped[opt_timestamp]

    invitations: Mapped[list[Invitation]] = relationship(
        back_populates="conference", cascade="all, delete-orphan", order_by="Invitation.id"
    )
    fellows: Mapped[list[Fellow]] = relationship(
        back_populates="conference", cascade="all, delete-orphan", order_by="Fellow.position"
    )
    cases: Mapped[list[Case]] = relationship(
        back_populates="conference", cascade="all, delete-orphan", order_by="Case.position"
    )


class Invitation(Base):
    """A site invited to a conference: its secret voting token and its attendance."""

    __tablename__ = "invitations"
    __table_args__ = (UniqueConstraint("conference_id", "site_id"),)

    id: Mapped[intpk]
    conference_id: Mapped[int] = mapped_column(ForeignKey("conferences.id", ondelete="CASCADE"))
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="RESTRICT"), index=True)
    token: Mapped[str | None] = mapped_column(String(64), nullable=True)
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)
    present: Mapped[bool] = mapped_column(default=False)
    attendee_count: Mapped[int] = mapped_column(Integer, default=0)
    checked_in_at: Mapped[opt_timestamp]
    #: the site's last visit of its link (written at most every few minutes: the link test)
    last_seen_at: Mapped[opt_timestamp]

    conference: Mapped[Conference] = relationship(back_populates="invitations")
    site: Mapped[Site] = relationship(lazy="joined")
    attendees: Mapped[list[Attendee]] = relationship(
        back_populates="invitation", cascade="all, delete-orphan", order_by="Attendee.id"
    )


class Attendee(Base):
    """A named attending doctor for the CME list; the EFN is optional and kept as typed
    when it is not valid (:func:`app.services.cme.efn_valid` tells, the CME list marks it)."""

    __tablename__ = "attendees"

    id: Mapped[intpk]
    invitation_id: Mapped[int] = mapped_column(
        ForeignKey("invitations.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str200]
    efn: Mapped[str] = mapped_column(String(40), default="")
    #: what the person does at the site ("Fellow", "Molekularbiologie"); optional
    role: Mapped[str] = mapped_column(String(100), default="", server_default="")

    invitation: Mapped[Invitation] = relationship(back_populates="attendees")


class Fellow(Base):
    """A fellow who prepared cases; the site is free text so guests need no registry entry."""

    __tablename__ = "fellows"

    id: Mapped[intpk]
    conference_id: Mapped[int] = mapped_column(
        ForeignKey("conferences.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str200]
    site: Mapped[str200] = mapped_column(default="")

    conference: Mapped[Conference] = relationship(back_populates="fellows")
