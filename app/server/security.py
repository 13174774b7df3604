"""Protective layers around every request: security headers, a body-size limit, rate limits.

Pure ASGI middleware (no buffering of responses, event streams pass through untouched).
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
import traceback
from collections import OrderedDict
from dataclasses import dataclass

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.config import Settings
from app.logs import mask_tokens
from app.server.i18n import error_body
from app.server.messages import say
from app.texts import Message as TextMessage

log = logging.getLogger(__name__)

#: every logger that may see a request's path or a token in an exception
SERVER_LOGGERS = (
    "app.server",
    "app.server.security",
    "app.server.writer",
    "app.server.live",
    "uvicorn",
    "uvicorn.error",
    "uvicorn.access",
)


class RedactTokens(logging.Filter):
    """Masks tokens (:func:`app.logs.mask_tokens`) in a log record, its arguments and its
    traceback alike, whatever handler prints it (uvicorn's console, a journal, a file).

    Logger filters see only records made by their own logger, so the filter sits on each
    of :data:`SERVER_LOGGERS` (see :func:`install_log_redaction`).
    """

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info:
            trace = "".join(traceback.format_exception(*record.exc_info)).rstrip()
            message = f"{message}\n{trace}"
            record.exc_info = None
        if record.stack_info:
            message = f"{message}\n{record.stack_info}"
            record.stack_info = None
        record.msg, record.args, record.exc_text = mask_tokens(message), (), None
        return True


def install_log_redaction() -> None:
    """Put :class:`RedactTokens` on every server logger (once)."""
    for name in SERVER_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactTokens) for f in logger.filters):
            logger.addFilter(RedactTokens())


INTERNAL_ERROR = str(say("internal_error")).encode()  # a plain 500: both languages

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
_COMMON_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"referrer-policy", b"no-referrer"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


_HSTS = (b"strict-transport-security", b"max-age=31536000")


class SecurityHeaders:
    """Adds CSP, Referrer-Policy, nosniff …; ``no-store`` on everything but static files.

    The outermost layer: every answer gets the headers, also the body limit's refusals and
    the plain 500 it sends itself for an unexpected exception (logged, never shown).
    """

    def __init__(self, app: ASGIApp, *, static_prefix: str = "/static/") -> None:
        self.app = app
        self.static_prefix = static_prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = scope["path"].startswith(self.static_prefix)
        # HSTS only where the page came over HTTPS (directly or from a trusted proxy): sent
        # over plain HTTP it would lock a laptop's LAN address out of plain HTTP for a year
        secure = scope.get("scheme") == "https"
        cache = b"public, max-age=3600" if static else b"no-store"

        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.lower() not in (b"cache-control",)
                ]
                headers.extend(_COMMON_HEADERS)
                if secure:
                    headers.append(_HSTS)
                headers.append((b"cache-control", cache))
                message = {**message, "headers": headers}
                started = True
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            if started:
                raise
            # the path may hold a site's token (/v/{token}); RedactTokens masks it
            log.exception("unexpected error answering %s %s", scope["method"], scope["path"])
            await send_with_headers(
                {
                    "type": "http.response.start",
                    "status": 500,
                    "headers": [
                        (b"content-type", b"text/plain; charset=utf-8"),
                        (b"content-length", str(len(INTERNAL_ERROR)).encode()),
                        (b"connection", b"close"),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": INTERNAL_ERROR})


async def _json_error(send: Send, status: int, message: TextMessage) -> None:
    body = json.dumps(error_body(message)).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


TOO_LARGE = say("too_large")


class Refusal(HTTPException):
    """An HTTP refusal that says why in every language: the app answers it with
    :func:`~app.server.i18n.error_body` (``detail`` both languages, ``messages`` each)."""

    def __init__(
        self, status: int, message: TextMessage, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(status, str(message), headers)
        self.message = message


class BodyTooLarge(Refusal):
    """Raised while reading a body over the limit; JSON routes answer it as a 413."""

    def __init__(self) -> None:
        super().__init__(413, TOO_LARGE)


class BodySizeLimit:
    """Answers 413 to bodies over ``limit`` bytes, declared or streamed, before any route.

    Requests whose path matches ``own_answer`` (the plain HTML form) are passed on; reading
    their body raises :class:`BodyTooLarge` at once, so the route can answer in HTML.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        limit: int,
        own_answer: re.Pattern[str] | None = None,
        uploads: re.Pattern[str] | None = None,
        upload_limit: int = Settings().max_upload_bytes,
    ) -> None:
        self.app = app
        self.limit = limit
        self.own_answer = own_answer
        self.uploads = uploads
        self.upload_limit = upload_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit
        if self.uploads is not None and self.uploads.fullmatch(scope["path"]):
            limit = self.upload_limit
        received = 0
        for key, value in scope.get("headers", []):
            if key == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await _json_error(send, 400, say("content_length_invalid"))
                    return
                if declared > limit:
                    if self.own_answer is None or not self.own_answer.fullmatch(scope["path"]):
                        await _json_error(send, 413, TOO_LARGE)
                        return
                    received = declared  # the route is told on its first read
        response_started = False

        async def limited_receive() -> Message:
            nonlocal received
            if received > limit:
                raise BodyTooLarge
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge  # routes answer it as JSON
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal response_started
            if message["type"] == "http.response.start":
                response_started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except HTTPException as exc:
            if exc.status_code != 413 or response_started:
                raise
            await _json_error(send, 413, TOO_LARGE)


class RateLimiter:
    """A token bucket per key (a site, the moderator, a client address): ``burst`` requests
    at once, refilled at ``rate`` per second. Thread-safe; remembers at most ``max_keys``."""

    def __init__(self, *, rate: float, burst: int, max_keys: int = 10_000) -> None:
        self.rate = rate
        self.burst = burst
        self.max_keys = max_keys
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.pop(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * self.rate)
            allowed = tokens >= 1.0
            if allowed:
                tokens -= 1.0
            self._buckets[key] = (tokens, now)
            while len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
            return allowed


@dataclass
class Limits:
    """The server's three budgets (their sizes and reasons: :class:`Settings`). Keys are
    charged only after the token is checked, so a made-up token never gets a budget of its
    own and a real site never pays for one."""

    #: per site (or the moderator), for ballots and other writes
    ballots: RateLimiter
    #: per site, for the live page (page, panel, event stream, state)
    reads: RateLimiter
    #: per client address, shared by every unknown, revoked or wrong token it sends
    unknown: RateLimiter

    @classmethod
    def from_settings(cls, settings: Settings) -> Limits:
        return cls(
            ballots=RateLimiter(rate=settings.ballot_rate, burst=settings.ballot_burst),
            reads=RateLimiter(rate=settings.read_rate, burst=settings.read_burst),
            unknown=RateLimiter(rate=settings.unknown_rate, burst=settings.unknown_burst),
        )


class KnownTokens:
    """Tokens seen valid, and their site: spares the ballot path a second lookup before the
    budget is charged. Only for budgets; the writer still checks every token itself."""

    def __init__(self, max_keys: int = 10_000) -> None:
        self.max_keys = max_keys
        self._sites: OrderedDict[str, int] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, token: str) -> int | None:
        with self._lock:
            return self._sites.get(token)

    def add(self, token: str, site_id: int) -> None:
        with self._lock:
            self._sites[token] = site_id
            self._sites.move_to_end(token)
            while len(self._sites) > self.max_keys:
                self._sites.popitem(last=False)

    def forget(self, token: str) -> None:
        with self._lock:
            self._sites.pop(token, None)

    def clear(self) -> None:
        """Forget every token (the conference's invitations were replaced)."""
        with self._lock:
            self._sites.clear()
