"""``serve [CONFERENCE] --workers N``: N worker processes share one socket and one
PostgreSQL database.

uvicorn's own process model: the parent binds the socket, starts N *spawned* children
(no fork, so it runs the same on Windows) and replaces any that dies. Each child imports
:func:`worker_app` by name and builds its own app: its own engine, writer and live state.
What must be the same in every worker lives in the database: the ballots (written under
PostgreSQL's write lock, acknowledged after their commit, see :mod:`app.db`), the moderator
token (a column of the conference, never generated per process) and the state pages
follow (announced across processes by :mod:`app.server.fanout`), the conferences of a
standing server and the organiser token (each worker finds a conference by its tokens in
the database, so one published through one worker is served by all, and one deleted or a
token rotated through one fails at once on all). What stays per process: rate-limit
budgets (so a site's budget is N times one worker's) and the token caches.
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import signal
import socket
from dataclasses import asdict, dataclass

from fastapi import FastAPI
from sqlalchemy.engine import make_url
from uvicorn.supervisors import Multiprocess

from app.server.connections import DEFAULT_LIMITS, ConnectionLimits, TlsFiles, uvicorn_config
from app.server.messages import say
from app.texts import Message

log = logging.getLogger(__name__)

#: The environment variable that hands :class:`WorkerSettings` to spawned workers.
SETTINGS_ENV_VAR = "VOTUM_WORKER_SETTINGS"
MAX_WORKERS = 64


@dataclass(frozen=True)
class WorkerSettings:
    """What each worker needs to build its app (travels as JSON in the environment)."""

    db_url: str
    #: the one conference served, or None: the standing server (every conference)
    conference_id: int | None
    poll_interval: float = 1.0
    #: "module:function" that adds routes to each worker's app (benchmarks do), or ""
    configure: str = ""


def check_workers(db_url: str, workers: int) -> Message | None:
    """Why ``workers`` processes cannot serve ``db_url`` (a line for the user), or None."""
    if not 1 <= workers <= MAX_WORKERS:
        return say("workers_range", most=MAX_WORKERS)
    if workers > 1 and make_url(db_url).get_backend_name() != "postgresql":
        return say("workers_need_postgres")
    return None


def worker_app() -> FastAPI:
    """The app factory every worker process imports (``app.server.workers:worker_app``)."""
    from app.db import Database
    from app.server.app import create_app
    from app.server.runner import tune_garbage_collector

    settings = WorkerSettings(**json.loads(os.environ[SETTINGS_ENV_VAR]))
    db = Database.open(settings.db_url, migrate=False)  # the parent has migrated it
    configure = None
    if settings.configure:
        module, _, function = settings.configure.partition(":")
        configure = getattr(importlib.import_module(module), function)
    app = create_app(
        db, settings.conference_id, poll_interval=settings.poll_interval, configure=configure
    )
    tune_garbage_collector()
    return app


def run_workers(
    settings: WorkerSettings,
    sock: socket.socket,
    workers: int,
    *,
    tls: TlsFiles | None = None,
    trusted_proxies: tuple[str, ...] = (),
    limits: ConnectionLimits = DEFAULT_LIMITS,
) -> None:
    """Serve on ``sock`` with ``workers`` processes until SIGINT/SIGTERM (blocks); every
    worker takes the same TLS, proxy and connection settings as a single server."""
    from app.server.runner import GRACEFUL_SECONDS

    os.environ[SETTINGS_ENV_VAR] = json.dumps(asdict(settings))
    config = uvicorn_config(
        f"{__name__}:worker_app",
        limits=limits,
        tls=tls,
        trusted_proxies=trusted_proxies,
        factory=True,
        workers=workers,
        log_level="warning",
        access_log=False,
        lifespan="on",
        timeout_graceful_shutdown=GRACEFUL_SECONDS,
        backlog=2048,
    )
    try:
        Supervisor(config, sockets=[sock]).run()
    finally:
        sock.close()


class Supervisor(Multiprocess):
    """uvicorn's supervisor, saying (one log line) when it replaces a worker that died:
    uvicorn's own line is an INFO the service's log level hides."""

    def keep_subprocess_alive(self) -> None:
        before = list(self.processes)
        super().keep_subprocess_alive()
        for old, new in zip(before, self.processes, strict=False):
            if new is not old:
                how = _how(old.exitcode)
                log.warning("%s", say("worker_replaced", pid=old.pid, how=how, new=new.pid))


def _how(code: int | None) -> Message:
    """How a worker ended: its exit code, or the signal that killed it."""
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = str(-code)
        return say("exit_signal", name=name)
    return say("exit_code", code=code)
