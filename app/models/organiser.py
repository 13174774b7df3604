"""The round's organiser credential on a standing server: only the token's hash is kept."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, intpk, timestamp


class OrganiserToken(Base):
    """The organiser token's SHA-256 (the token itself is shown once and never stored).
    At most one row: rotating replaces it, revoking deletes it."""

    __tablename__ = "organiser_tokens"

    id: Mapped[intpk]
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[timestamp]
