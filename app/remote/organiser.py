"""A small, synchronous client for the organiser API of a standing server (httpx, no Qt).

The organiser holds one credential for the round. With it this client publishes a
conference file as a new conference (the answer carries the conference's own moderator
token, once), lists the round's conferences, fetches one home with its results, deletes
one, or gives one a new moderator token. The address and certificate rules are the
moderator client's (:mod:`app.remote.client`): https only to another computer, the
server's certificate verified against the system's store plus an optional CA file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import httpx

from app.remote.client import (
    TIMEOUT,
    TRANSFER_TIMEOUT,
    CertificateRefused,
    Refused,
    RemoteError,
    Unreachable,
    normalize_address,
    said_by,
    tls_context,
)
from app.remote.messages import say as remote_says
from app.services.conference_schema import ConferenceFile
from app.texts import Catalog, Message

_TEXTS: dict[str, tuple[str, str]] = {
    "organiser_token_refused": (
        "Organisationstoken abgelehnt ({reason})",
        "organiser token refused ({reason})",
    ),
    "not_a_standing_server": (
        "{host} ist kein Abstimmungsserver für die ganze Runde (keine Organisations-"
        "Schnittstelle): ein Server für eine einzelne Konferenz nimmt nur deren "
        "Moderationstoken",
        "{host} is no standing server for the round (no organiser API): a server for one "
        "conference takes only that conference's moderator token",
    ),
    "unexpected_answer": (
        "Unerwartete Antwort von {host}: {reason}",
        "unexpected answer from {host}: {reason}",
    ),
}

MESSAGES = Catalog.of_pairs("organiser client messages", _TEXTS)
say = MESSAGES.message

PREFIX = "/api/organiser"
T = TypeVar("T")


@dataclass(frozen=True)
class PublishedConference:
    """A conference just published; :attr:`moderator_token` is shown only this once."""

    id: int
    slug: str
    topic: str
    date: dt.date
    language: str
    invited_sites: int
    cases: int
    moderator_token: str


@dataclass(frozen=True)
class ServedConference:
    """One conference the standing server holds."""

    id: int
    slug: str
    topic: str
    date: dt.date
    language: str
    invited_sites: int
    ballots: int
    created_at: dt.datetime
    last_activity: dt.datetime


class OrganiserClient:
    """The organiser API of one standing server. For one caller at a time."""

    def __init__(
        self,
        base_url: str,
        token: str,
        ca_file: Path | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.base_url = normalize_address(base_url)
        self.host = httpx.URL(self.base_url).netloc.decode()
        self._http = httpx.Client(
            base_url=self.base_url,
            headers={"Authorization": f"Bearer {token}"},
            timeout=TIMEOUT,
            verify=tls_context(ca_file),
            transport=transport,
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> OrganiserClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the round ----------------------------------------------------------------------

    def publish(self, file: ConferenceFile) -> PublishedConference:
        """A new conference on the server from the file (its sites keep their links)."""
        response = self._request(
            "POST",
            "/conferences",
            content=file.model_dump_json().encode(),
            headers={"Content-Type": "application/json"},
            timeout=TRANSFER_TIMEOUT,
        )
        data = self._json(response)
        return self._parse(
            lambda: PublishedConference(
                id=int(data["id"]),
                slug=str(data["slug"]),
                topic=str(data["topic"]),
                date=dt.date.fromisoformat(data["date"]),
                language=str(data["language"]),
                invited_sites=int(data["invited_sites"]),
                cases=int(data["cases"]),
                moderator_token=str(data["moderator_token"]),
            )
        )

    def conferences(self) -> list[ServedConference]:
        """Every conference the server holds, the newest date first."""
        data = self._json(self._request("GET", "/conferences"))
        return self._parse(
            lambda: [
                ServedConference(
                    id=int(item["id"]),
                    slug=str(item["slug"]),
                    topic=str(item["topic"]),
                    date=dt.date.fromisoformat(item["date"]),
                    language=str(item["language"]),
                    invited_sites=int(item["invited_sites"]),
                    ballots=int(item["ballots"]),
                    created_at=dt.datetime.fromisoformat(item["created_at"]),
                    last_activity=dt.datetime.fromisoformat(item["last_activity"]),
                )
                for item in data
            ]
        )

    def fetch(self, conference_id: int) -> ConferenceFile:
        """The conference whole with its results, as a conference file."""
        response = self._request(
            "GET", f"/conferences/{conference_id}/file", timeout=TRANSFER_TIMEOUT
        )
        return self._parse(lambda: ConferenceFile.model_validate_json(response.content))

    def delete(self, conference_id: int) -> None:
        """Delete the conference with every ballot, name and token from the server."""
        self._request("DELETE", f"/conferences/{conference_id}")

    def new_moderator_token(self, conference_id: int) -> str:
        """A new moderator token for the conference (the old one fails at once)."""
        data = self._json(self._request("POST", f"/conferences/{conference_id}/moderator-token"))
        return self._parse(lambda: str(data["moderator_token"]))

    # --- plumbing -----------------------------------------------------------------------

    def _request(
        self,
        method: str,
        path: str,
        *,
        content: bytes | None = None,
        headers: dict[str, str] | None = None,
        timeout: httpx.Timeout | None = None,
    ) -> httpx.Response:
        """One request; transport trouble and error answers become :class:`RemoteError`."""
        try:
            response = self._http.request(
                method, PREFIX + path, content=content, headers=headers, timeout=timeout or TIMEOUT
            )
        except httpx.ConnectError as exc:
            text = str(exc)
            if "CERTIFICATE_VERIFY_FAILED" in text or "certificate" in text.lower():
                raise CertificateRefused(
                    remote_says("certificate_not_trusted", host=self.host, reason=text)
                ) from None
            raise Unreachable(remote_says("unreachable", host=self.host, reason=text)) from None
        except httpx.TransportError as exc:
            raise Unreachable(
                remote_says("no_answer", host=self.host, reason=type(exc).__name__)
            ) from None
        if response.status_code == 404 and not path.startswith("/conferences/"):
            raise Refused(404, say("not_a_standing_server", host=self.host))
        if response.status_code >= 400:
            message = said_by(response)
            if response.status_code in (401, 403):
                message = say("organiser_token_refused", reason=message)
            raise Refused(response.status_code, message)
        return response

    def _json(self, response: httpx.Response) -> Any:
        try:
            return response.json()
        except ValueError:
            raise RemoteError(self._unexpected("not JSON")) from None

    def _parse(self, build: Callable[[], T]) -> T:
        """``build()``, an answer of the wrong shape said in one line."""
        try:
            return build()
        except (KeyError, TypeError, ValueError) as exc:
            raise RemoteError(self._unexpected(type(exc).__name__)) from None

    def _unexpected(self, reason: str) -> Message:
        return say("unexpected_answer", host=self.host, reason=reason)
