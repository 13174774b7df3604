"""Runs the voting server with uvicorn in a daemon thread: start, stop, addresses, push.

The desktop app and ``python main.py serve`` both use :class:`VotingServer`. The socket
is bound before uvicorn starts, so a busy port becomes a clear :class:`ServerStartError`
and port 0 yields the real port at once.
"""

from __future__ import annotations

import errno
import gc
import socket
import sys
import threading
import time
from collections.abc import Callable

import uvicorn
from fastapi import FastAPI

from app.config import Settings, load_settings
from app.db import Database
from app.server.addresses import base_urls
from app.server.app import create_app
from app.server.connections import ConnectionLimits, TlsFiles, uvicorn_config
from app.server.context import ServerContext
from app.server.messages import say
from app.server.registry import Conferences
from app.server.security import RateLimiter
from app.server.writer import StorageAlarm
from app.services.conferences import moderator_token
from app.services.events import Notifier
from app.texts import Message

GRACEFUL_SECONDS = 2


class ServerStartError(Exception):
    """The server could not start; :attr:`message` says why in every language."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


def bind_socket(host: str, port: int) -> socket.socket:
    """A listening-ready socket, or :class:`ServerStartError` with a clear reason."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto=IPPROTO_TCP matters: asyncio sets TCP_NODELAY only on such sockets (else 40 ms
    # per response from Nagle's algorithm meeting delayed ACKs).
    if not 0 <= port <= 65535:
        raise ServerStartError(say("port_range", port=port))
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        if sys.platform == "win32":
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)
        else:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        busy = exc.errno in (errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", -1), 10048)
        if busy or exc.errno == errno.EACCES:
            raise ServerStartError(
                say("port_in_use" if busy else "port_not_permitted", port=port)
            ) from None
        raise ServerStartError(
            say("address_not_available", host=host, port=port, reason=exc.strerror)
        ) from None
    return sock


_thresholds_before: tuple[int, int, int] | None = None


def tune_garbage_collector(thresholds: tuple[int, int, int] | None = None) -> None:
    """For a process whose server has just started and will serve for hours.

    Collect once, then keep every object alive now out of later collections (gc.freeze):
    the process holds hundreds of thousands of long-lived objects (SQLAlchemy, FastAPI,
    pydantic; in the desktop app also Qt and matplotlib), and a full collection over them
    all stalls every thread for about 100 ms, a third of a 300-site burst. Then collect
    young objects less often (``thresholds``, default :attr:`Settings.gc_thresholds`, where
    the reason is written). Undone by :func:`restore_garbage_collector`.
    """
    global _thresholds_before
    gc.collect()
    gc.freeze()
    if _thresholds_before is None:
        _thresholds_before = gc.get_threshold()
    gc.set_threshold(*(thresholds or load_settings().gc_thresholds))


def restore_garbage_collector() -> None:
    """Once the server has stopped: frozen objects can be collected again (the stopped
    server's among them, which would otherwise stay in memory), thresholds as before."""
    global _thresholds_before
    gc.unfreeze()
    if _thresholds_before is not None:
        gc.set_threshold(*_thresholds_before)
        _thresholds_before = None


class VotingServer:
    """The voting server for one conference (or, without one, the standing server of the
    round), in a thread of this process."""

    def __init__(
        self,
        db: Database,
        conference_id: int | None,
        *,
        host: str | None = None,
        port: int | None = None,
        settings: Settings | None = None,
        notifier: Notifier | None = None,
        rate_limiter: RateLimiter | None = None,
        configure: Callable[[FastAPI], None] | None = None,
        tls: TlsFiles | None = None,
        trusted_proxies: tuple[str, ...] = (),
        connection_limits: ConnectionLimits | None = None,
        storage_alarm: StorageAlarm | None = None,
    ) -> None:
        self.db = db
        self.tls = tls
        self.trusted_proxies = trusted_proxies
        self.conference_id = conference_id
        settings = settings or load_settings()
        self.connection_limits = connection_limits or ConnectionLimits.from_settings(settings)
        self.host = settings.host if host is None else host
        self.port = settings.port if port is None else port
        self.app = create_app(
            db,
            conference_id,
            settings=settings,
            notifier=notifier,
            rate_limiter=rate_limiter,
            configure=configure,
            storage_alarm=storage_alarm,
        )
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None

    @property
    def moderator_token(self) -> str:
        """Read afresh: the moderator may have issued a new one ("" where the server keeps
        only its hash)."""
        with self.ctx.db.read() as session:
            return moderator_token(session, self.ctx.conference_id)

    @property
    def conferences(self) -> Conferences:
        conferences: Conferences = self.app.state.conferences
        return conferences

    @property
    def ctx(self) -> ServerContext:
        """The served conference's context (a server for one conference only)."""
        ctx = self.conferences.fixed
        if ctx is None:
            raise RuntimeError("a standing server serves many conferences")
        return ctx

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, timeout: float = 10.0) -> None:
        """Bind, start uvicorn in a daemon thread, return once it accepts connections."""
        if self.running:
            return
        sock = bind_socket(self.host, self.port)
        self.port = sock.getsockname()[1]
        config = uvicorn_config(
            self.app,
            limits=self.connection_limits,
            tls=self.tls,
            trusted_proxies=self.trusted_proxies,
            log_level="warning",
            access_log=False,
            lifespan="on",
            timeout_graceful_shutdown=GRACEFUL_SECONDS,
            backlog=2048,
        )
        server = uvicorn.Server(config)
        self._server = server
        self._error = None

        def run() -> None:
            try:
                server.run(sockets=[sock])
            except BaseException as exc:  # SystemExit from a failed startup included
                self._error = exc
            finally:
                sock.close()

        self._thread = threading.Thread(target=run, name="votum-server", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise ServerStartError(
                    say("server_did_not_start_because", reason=Message.plain(str(self._error)))
                    if self._error
                    else say("server_did_not_start")
                )
            time.sleep(0.01)

    def stop(self) -> None:
        """Stop accepting, end the live streams, finish queued writes; bounded in time."""
        server, thread = self._server, self._thread
        if server is None or thread is None:
            return
        self.conferences.close()
        server.should_exit = True
        thread.join(GRACEFUL_SECONDS + 10)
        self._server = None
        self._thread = None

    def base_urls(self) -> list[str]:
        """Addresses to give out: LAN addresses first, then ``http(s)://127.0.0.1:PORT``."""
        urls = base_urls(self.host, self.port)
        if self.tls is not None:
            urls = ["https://" + url.removeprefix("http://") for url in urls]
        return urls

    def notify_changed(self) -> None:
        """Thread-safe: state was changed outside the server; push it to every page now."""
        self.conferences.poke_all()
