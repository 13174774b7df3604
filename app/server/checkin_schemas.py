"""Bodies of the sites' own check-in (``/api/v/{token}/attendees``) and of the moderator's
check-in actions (strict: unknown fields are refused)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field

from app.server.schemas import _In
from app.services.checkin import MAX_ROLE, CheckinView


class SiteAttendeeIn(_In):
    """A participant a site checks in itself: name, optional EFN (a wrong one is kept and
    marked for the chamber's office to fix), optional role ("Fellow")."""

    name: Annotated[str, Field(max_length=200)]
    efn: Annotated[str, Field(max_length=40)] = ""
    role: Annotated[str, Field(max_length=MAX_ROLE)] = ""


class CheckinIn(_In):
    """A site's whole list of participants: it replaces the list given before (at most
    30 people; the same person twice is refused)."""

    attendees: Annotated[list[SiteAttendeeIn], Field(max_length=100)]


class CheckinAttendeeOut(BaseModel):
    name: str
    efn: str
    role: str
    efn_valid: bool = Field(description="false: an EFN was given and fails its check")


class CheckinOut(BaseModel):
    """A site's check-in: whether the site may still change it, and who is checked in."""

    open: bool
    limit: int
    session_date: str
    starts_at: str
    ends_at: str
    held: bool
    attendees: list[CheckinAttendeeOut]

    @classmethod
    def of(cls, view: CheckinView) -> CheckinOut:
        return cls(
            open=view.open,
            limit=view.limit,
            session_date=view.date.isoformat(),
            starts_at=view.starts_at,
            ends_at=view.ends_at,
            held=view.held,
            attendees=[
                CheckinAttendeeOut(name=a.name, efn=a.efn, role=a.role, efn_valid=not a.efn_invalid)
                for a in view.attendees
            ],
        )


class CheckinStateOut(BaseModel):
    """After a check-in action: whether the sites may still check in their own
    participants, and when the session was marked as held (null: not yet)."""

    checkin_open: bool
    held_at: datetime | None
