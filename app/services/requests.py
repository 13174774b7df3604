"""Moderator request ids: an action sent again with the same id is answered, not redone."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import ModeratorRequest

#: what a request id may look like (a UUID fits; so does any short client-made word)
REQUEST_ID_PATTERN = r"^[A-Za-z0-9._:-]{1,64}$"


def recall(session: Session, conference_id: int, request_id: str) -> str | None:
    """The answer given to this request id before, or None if it is new."""
    return session.scalar(
        select(ModeratorRequest.response).where(
            ModeratorRequest.conference_id == conference_id,
            ModeratorRequest.request_id == request_id,
        )
    )


def remember(session: Session, conference_id: int, request_id: str, response: str) -> None:
    """Keep the answer with the action's own transaction: both are stored or neither."""
    session.add(
        ModeratorRequest(conference_id=conference_id, request_id=request_id, response=response)
    )
