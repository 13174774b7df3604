"""How the server meets the network: TLS, trusted proxies, and bounds for slow clients.

uvicorn closes a connection that idles *between* requests (``timeout_keep_alive``) and
answers 503 above ``limit_concurrency``, but waits for ever on a request that arrives
slowly: a client sending one header byte a second, or nothing at all, holds its
connection open as long as it likes. :class:`GuardedH11Protocol` gives every request a
deadline from its first byte (or the connection's start) until it has fully arrived:
:attr:`ConnectionLimits.request_seconds` for the headers and small bodies, more for a
large body announced by Content-Length (at least :attr:`ConnectionLimits.min_body_rate`
bytes a second). Once a request has arrived the deadline is off: answering it, an event
stream included, is the application's business.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol


@dataclass(frozen=True)
class ConnectionLimits:
    """Bounds for every connection (defaults fit 40 sites with a few tabs each and a
    300-site burst)."""

    #: a request's headers (and a small body) must arrive within this many seconds
    request_seconds: float = 10.0
    #: a larger body gets more time: this many bytes a second at the least
    min_body_rate: float = 50_000.0
    #: idle time between two requests on a kept-alive connection
    keep_alive_seconds: int = 20
    #: open connections at once; above it new requests get 503 at once
    max_connections: int = 2000
    #: the longest header block (h11's limit for an incomplete event)
    max_header_bytes: int = 16 * 1024


DEFAULT_LIMITS = ConnectionLimits()


@dataclass(frozen=True)
class TlsFiles:
    """A certificate (chain) and its private key, both PEM files, for HTTPS."""

    certfile: str
    keyfile: str


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, closing requests that do not arrive in time (see module).

    Its limits ride on the uvicorn config (:func:`uvicorn_config`), so that the class is
    found by name and the config can be handed to worker processes.
    """

    _deadline: asyncio.TimerHandle | None = None
    _budget_for_body = False

    @property
    def limits(self) -> ConnectionLimits:
        limits = getattr(self.config, LIMITS_ATTRIBUTE, DEFAULT_LIMITS)
        assert isinstance(limits, ConnectionLimits)
        return limits

    # uvicorn's own override narrows BaseTransport to Transport the same way
    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm(self.limits.request_seconds)

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        state = self.conn.their_state
        if state in (h11.DONE, h11.MUST_CLOSE, h11.CLOSED, h11.ERROR):
            self._disarm()  # the request is in; its answer may take as long as it needs
            self._budget_for_body = False
        elif state is h11.SEND_BODY and not self._budget_for_body:
            self._budget_for_body = True
            self._arm(self.limits.request_seconds + self._body_length() / self.limits.min_body_rate)
        elif self._deadline is None:
            self._arm(self.limits.request_seconds)  # the next request's first bytes

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if self.conn.their_state is h11.IDLE:
            self._disarm()  # idle again: uvicorn's keep-alive timeout takes over

    def _body_length(self) -> int:
        for key, value in self.headers:
            if key == b"content-length":
                try:
                    return max(0, int(value))
                except ValueError:
                    return 0
        return 0

    def _arm(self, seconds: float) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(seconds, self._too_slow)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _too_slow(self) -> None:
        self._deadline = None
        if self.conn.their_state in (h11.IDLE, h11.SEND_BODY) and not self.transport.is_closing():
            self.transport.close()


LIMITS_ATTRIBUTE = "votum_connection_limits"


def uvicorn_config(
    app: Any,
    *,
    limits: ConnectionLimits = DEFAULT_LIMITS,
    tls: TlsFiles | None = None,
    trusted_proxies: tuple[str, ...] = (),
    **extra: Any,
) -> uvicorn.Config:
    """A uvicorn config with Votum's network settings (``extra``: any other option).

    ``trusted_proxies``: addresses (or networks) of reverse proxies whose
    ``X-Forwarded-For``/``-Proto`` headers are believed; empty: such headers are ignored
    and the peer's own address counts (rate limits, logs).
    """
    options: dict[str, Any] = {
        "http": GuardedH11Protocol,
        "timeout_keep_alive": limits.keep_alive_seconds,
        "limit_concurrency": limits.max_connections,
        "h11_max_incomplete_event_size": limits.max_header_bytes,
        "proxy_headers": bool(trusted_proxies),
        "forwarded_allow_ips": list(trusted_proxies) if trusted_proxies else [],
        "server_header": False,
    }
    if tls is not None:
        options["ssl_certfile"] = tls.certfile
        options["ssl_keyfile"] = tls.keyfile
    config = uvicorn.Config(app, **options, **extra)
    setattr(config, LIMITS_ATTRIBUTE, limits)
    return config
