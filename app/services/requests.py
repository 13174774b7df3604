"""Moderator request ids: an action sent again with the same id is answered, not redone.

An id belongs to one request, as the HTTP Idempotency-Key draft and the large payment
APIs bind it: its method, its path and a digest of its body make a fingerprint kept with
the answer. The same request again gets the first answer; the same id with another
request (another question, another action) is refused, rather than answered with what
the first one did and silently not done.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import ModeratorRequest
from app.services.errors import InvalidInput
from app.services.messages import say

#: what a request id may look like (a UUID fits; so does any short client-made word)
REQUEST_ID_PATTERN = r"^[A-Za-z0-9._:-]{1,64}$"


@dataclass(frozen=True)
class RequestKey:
    """A request id with the fingerprint of the request that carries it."""

    request_id: str
    fingerprint: str


def fingerprint(method: str, path: str, body: bytes) -> str:
    """SHA-256 over the method, the path and the body's own SHA-256 (hex)."""
    digest = hashlib.sha256(body).hexdigest()
    return hashlib.sha256(f"{method.upper()} {path}\n{digest}".encode()).hexdigest()


def recall(session: Session, conference_id: int, key: RequestKey) -> str | None:
    """The answer given to this request before, or None if its id is new;
    :class:`InvalidInput` if the id came with another request."""
    row = session.execute(
        select(ModeratorRequest.fingerprint, ModeratorRequest.response).where(
            ModeratorRequest.conference_id == conference_id,
            ModeratorRequest.request_id == key.request_id,
        )
    ).one_or_none()
    if row is None:
        return None
    if row.fingerprint and row.fingerprint != key.fingerprint:
        raise InvalidInput(say("request_id_reused", request_id=key.request_id))
    return str(row.response)


def remember(session: Session, conference_id: int, key: RequestKey, response: str) -> None:
    """Keep the answer with the action's own transaction: both are stored or neither."""
    session.add(
        ModeratorRequest(
            conference_id=conference_id,
            request_id=key.request_id,
            fingerprint=key.fingerprint,
            response=response,
        )
    )
