"""The registry of sites (hospitals), kept across conferences."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, intpk, str200


class Site(Base):
    """A participating hospital, e.g. "Universitätsklinikum Dresden" (code ``DD``)."""

    __tablename__ = "sites"

    id: Mapped[intpk]
    name: Mapped[str200] = mapped_column(unique=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    city: Mapped[str200] = mapped_column(default="")
    email: Mapped[str200] = mapped_column(default="")
