"""Declarative base and shared column types."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from sqlalchemy import DateTime, MetaData, String, TypeDecorator
from sqlalchemy.orm import DeclarativeBase, mapped_column


def utcnow() -> datetime:
    """Timezone-aware now in UTC; all stored times are UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores aware datetimes as UTC and returns them aware (SQLite drops tzinfo)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

intpk = Annotated[int, mapped_column(primary_key=True)]
str40 = Annotated[str, mapped_column(String(40))]
str200 = Annotated[str, mapped_column(String(200))]
str500 = Annotated[str, mapped_column(String(500))]
timestamp = Annotated[datetime, mapped_column(UTCDateTime(), default=utcnow)]
opt_timestamp = Annotated[datetime | None, mapped_column(UTCDateTime(), nullable=True)]


class Base(DeclarativeBase):
    """Base of every Votum table."""

    metadata = MetaData(naming_convention=NAMING)
