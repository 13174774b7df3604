"""Questions, their ordered options, and the life-cycle fields."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, intpk, opt_timestamp, str40, str500, timestamp

if TYPE_CHECKING:
    from app.models.case import Case


class Question(Base):
    """A question of a case; a repeat vote is a new row with ``round`` 2 and a ``parent``."""

    __tablename__ = "questions"
    # A round-2 row goes with its round-1 parent by ON DELETE CASCADE, which the unit of
    # work may already have done when it reaches the child.
    __mapper_args__ = {"confirm_deleted_rows": False}  # noqa: RUF012

    id: Mapped[intpk]
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20))
    allow_abstain: Mapped[bool] = mapped_column(default=True)
    round: Mapped[int] = mapped_column(default=1)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), nullable=True, index=True
    )
    state: Mapped[str] = mapped_column(String(10), default="draft")
    created_at: Mapped[timestamp]
    opened_at: Mapped[opt_timestamp]
    closed_at: Mapped[opt_timestamp]
    revealed_at: Mapped[opt_timestamp]
    duration_seconds: Mapped[int | None]
    #: Set when the moderator skipped the (never opened) question: it was not asked.
    skip_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    #: the text normalised for the archive's search, and its digest (app.models.search)
    search_key: Mapped[str] = mapped_column(Text, default="", server_default="")
    text_key: Mapped[str] = mapped_column(String(32), default="", server_default="", index=True)

    case: Mapped[Case] = relationship(back_populates="questions")
    options: Mapped[list[Option]] = relationship(
        back_populates="question", cascade="all, delete-orphan", order_by="Option.position"
    )
    electors: Mapped[list[Elector]] = relationship(
        back_populates="question", cascade="all, delete-orphan", passive_deletes=True
    )


class Option(Base):
    """An answer option; ``code`` marks presets (yes, agree, m1A …); an ``exclusive`` option
    ("no recommendation") cannot be combined with another in a multiple-choice ballot."""

    __tablename__ = "options"

    id: Mapped[intpk]
    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    label: Mapped[str500]
    code: Mapped[str40] = mapped_column(default="")
    phrase_de: Mapped[str500] = mapped_column(default="")
    phrase_en: Mapped[str500] = mapped_column(default="")
    exclusive: Mapped[bool] = mapped_column(default=False, server_default=false())
    #: the label normalised for the archive's search (app.models.search)
    search_key: Mapped[str] = mapped_column(Text, default="", server_default="")

    question: Mapped[Question] = relationship(back_populates="options")


class Elector(Base):
    """A site that could vote on a question when it closed: the sites present then (or
    every invited site when nobody had checked in, ``present`` False). Stored at close,
    so that attendance edited later leaves a closed question's "18 of 20" as it was."""

    __tablename__ = "electors"

    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), primary_key=True
    )
    site_id: Mapped[int] = mapped_column(
        ForeignKey("sites.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    #: checked in when the question closed (False: expected only because nobody was)
    present: Mapped[bool] = mapped_column(default=False)

    question: Mapped[Question] = relationship(back_populates="electors")
