"""A small, synchronous client for the moderator API of a hosted voting server (httpx).

Every call has a timeout. The server's certificate is verified against the system's
store plus an optional CA file; a wrong certificate is refused, never accepted. Each
moderator action carries its own ``Idempotency-Key``: sent again after a lost answer it
is done once, and when the server stays unreachable the action is reported as not done
(:class:`NotDone`, which carries the action so it can be sent again under the same id).
No Qt here: the console runs these calls in a worker thread.
"""

from __future__ import annotations

import contextlib
import ipaddress
import json
import ssl
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from app.remote.messages import say
from app.services.conference_schema import ConferenceFile
from app.services.moderator_actions import Action
from app.texts import Message

#: connect fast (an unreachable host shows at once), allow a slow answer
TIMEOUT = httpx.Timeout(10.0, connect=4.0)
#: the event stream sends a heartbeat every 15 s; silence longer than this is a drop
STREAM_READ_TIMEOUT = 20.0
#: a publish or a fetch moves a whole conference (images included)
TRANSFER_TIMEOUT = httpx.Timeout(120.0, connect=4.0)

Json = Any


class RemoteError(Exception):
    """Something a user can cause or fix. :attr:`message` says what in every language (a
    front end shows :meth:`in_language`); ``str()`` says both, ``"deutsch / english"``."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message

    def in_language(self, lang: str) -> str:
        """What went wrong, said in ``lang``."""
        return self.message.in_language(lang)


class BadAddress(RemoteError):
    """The address is not a usable https:// address."""


class CertificateRefused(RemoteError):
    """The server's certificate could not be verified: refused, never accepted."""


class Unreachable(RemoteError):
    """The server did not answer (down, network, timeout)."""


class Refused(RemoteError):
    """The server answered with an error (wrong token, conflict, not found …), said in
    the server's words (:func:`said_by`)."""

    def __init__(self, status: int, message: Message) -> None:
        super().__init__(message)
        self.status = status


class NotDone(Unreachable):
    """A moderator action whose answer never came back: not done (the server remembers its
    request id, so sending :attr:`action` again can never do it twice)."""

    def __init__(self, action: Action, reason: Message) -> None:
        super().__init__(say("not_done", reason=reason))
        self.action = action


@dataclass(frozen=True)
class Connection:
    """Where the server is and how to prove who we are."""

    base_url: str
    token: str
    ca_file: Path | None = None

    @property
    def host(self) -> str:
        """The host (and port) as shown to the moderator ("Verbunden mit …")."""
        return urlsplit(self.base_url).netloc


def normalize_address(address: str) -> str:
    """``https://host[:port][/prefix]`` without a trailing slash; plain http only for this
    computer (a test or a local server), never over the network."""
    text = address.strip().rstrip("/")
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise BadAddress(say("not_an_address", address=repr(address)))
    if parts.query or parts.fragment or parts.username:
        raise BadAddress(say("address_extras", address=repr(address)))
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        raise BadAddress(say("encrypted_only", address=repr(address)))
    return text


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def tls_context(ca_file: Path | None) -> ssl.SSLContext:
    """The system's trusted CAs, plus the hospital's own CA when given."""
    context = ssl.create_default_context()
    if ca_file is not None:
        try:
            context.load_verify_locations(cafile=str(ca_file))
        except (OSError, ssl.SSLError) as exc:
            raise CertificateRefused(
                say("ca_file_unusable", path=ca_file, reason=Message.plain(str(exc)))
            ) from None
    return context


def said_by(response: httpx.Response) -> Message:
    """What an error answer says: Votum's JSON ``messages`` (each language by itself, see
    :func:`app.server.i18n.error_body`) when it has them, else its ``detail`` split where
    it says both languages, else its text or status."""
    try:
        data = response.json()
    except ValueError:
        return Message.plain(response.text[:300] or response.reason_phrase)
    if not isinstance(data, dict):
        return Message.plain(response.reason_phrase)
    messages = data.get("messages")
    if isinstance(messages, dict):
        with contextlib.suppress(ValueError):  # a language missing: the detail below
            return Message({str(lang): str(text) for lang, text in messages.items()})
    detail = data.get("detail")
    if isinstance(detail, list):  # FastAPI validation errors
        return Message.plain(
            "; ".join(str(d.get("msg", d)) if isinstance(d, dict) else str(d) for d in detail)
        )
    return Message.split(str(detail)) if detail else Message.plain(response.reason_phrase)


class ModeratorClient:
    """The moderator API of one served conference. Thread-safe for one caller at a time."""

    def __init__(
        self,
        connection: Connection,
        *,
        retries: int = 2,
        retry_pause: float = 0.5,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.connection = Connection(
            normalize_address(connection.base_url), connection.token, connection.ca_file
        )
        self.retries = retries
        self.retry_pause = retry_pause
        self._http = httpx.Client(
            base_url=self.connection.base_url,
            headers={"Authorization": f"Bearer {connection.token}"},
            timeout=TIMEOUT,
            verify=tls_context(connection.ca_file),
            transport=transport,
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> ModeratorClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- plumbing -------------------------------------------------------------------

    def _request(
        self,
        method: str,
        path: str,
        *,
        body: Json | None = None,
        content: bytes | None = None,
        headers: dict[str, str] | None = None,
        timeout: httpx.Timeout | None = None,
    ) -> httpx.Response:
        """One request; transport trouble and error answers become :class:`RemoteError`."""
        try:
            response = self._http.request(
                method,
                "/api/moderator" + path,
                json=body,
                content=content,
                headers=headers,
                timeout=timeout or TIMEOUT,
            )
        except httpx.ConnectError as exc:
            raise self._connect_error(exc) from None
        except httpx.TransportError as exc:
            raise Unreachable(
                say("no_answer", host=self.connection.host, reason=type(exc).__name__)
            ) from None
        if response.status_code >= 400:
            raise self._refused(response)
        return response

    def _connect_error(self, exc: httpx.ConnectError) -> RemoteError:
        text = str(exc)
        if "CERTIFICATE_VERIFY_FAILED" in text or "certificate" in text.lower():
            return CertificateRefused(
                say("certificate_not_trusted", host=self.connection.host, reason=text)
            )
        return Unreachable(say("unreachable", host=self.connection.host, reason=text))

    def _refused(self, response: httpx.Response) -> Refused:
        message = said_by(response)
        if response.status_code in (401, 403):
            message = (
                say("token_refused_because", reason=message)
                if message.in_language("en")
                else say("token_refused")
            )
        return Refused(response.status_code, message)

    def _get(self, path: str) -> Json:
        return self._request("GET", path).json()

    def send(self, action: Action) -> Json:
        """Send a moderator action (:mod:`app.services.moderator_actions`: every action is
        sent this way), again with the same request id after a lost answer.

        The server answers a repeated id with its first answer, so the action is done at
        most once; when no attempt gets an answer, :class:`NotDone` says so."""
        headers = {"Idempotency-Key": action.request_id}
        last = Message.plain("")
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.retry_pause * attempt)
            try:
                return self._request(
                    action.method, action.path, body=action.json(), headers=headers
                ).json()
            except CertificateRefused:
                raise
            except Unreachable as exc:
                last = exc.message
        raise NotDone(action, last)

    # --- reading --------------------------------------------------------------------

    def state(self) -> Json:
        """The conference, its current question and who has voted on it."""
        return self._get("/state")

    def agenda(self) -> Json:
        return self._get("/agenda")

    def attendance(self) -> Json:
        return self._get("/attendance")

    def notes(self) -> Json:
        return self._get("/notes")

    def ballots(self, question_id: int) -> Json:
        """Every site's current ballot on one question."""
        return self._get(f"/questions/{question_id}/ballots")

    def results(self, question_id: int) -> Json:
        return self._get(f"/questions/{question_id}/results")

    def summary(self) -> Json:
        """What the server holds of the conference (cases, sites, ballots …)."""
        return self._get("/conference")

    def fetch_file(self) -> ConferenceFile:
        """The whole conference with its results, as a conference file."""
        response = self._request("GET", "/conference/file", timeout=TRANSFER_TIMEOUT)
        return ConferenceFile.model_validate_json(response.content)

    def events(self) -> Iterator[Json]:
        """The moderator event stream: one ``data`` object per ``changed`` event, until the
        connection drops (then :class:`Unreachable`)."""
        timeout = httpx.Timeout(TIMEOUT.connect, read=STREAM_READ_TIMEOUT)
        try:
            with self._http.stream("GET", "/api/moderator/events", timeout=timeout) as response:
                if response.status_code >= 400:
                    response.read()
                    raise self._refused(response)
                data: list[str] = []
                for line in response.iter_lines():
                    if line.startswith("data:"):
                        data.append(line[5:].strip())
                    elif not line and data:
                        yield json.loads("\n".join(data))
                        data = []
        except httpx.ConnectError as exc:
            raise self._connect_error(exc) from None
        except httpx.TransportError as exc:
            raise Unreachable(say("connection_lost", reason=type(exc).__name__)) from None
        raise Unreachable(say("connection_closed"))

    def publish(self, file: ConferenceFile) -> Json:
        """Put a conference file into the served conference (refused once it has ballots)."""
        content = file.model_dump_json().encode()
        return self._request(
            "PUT",
            "/conference",
            content=content,
            headers={"Content-Type": "application/json"},
            timeout=TRANSFER_TIMEOUT,
        ).json()
