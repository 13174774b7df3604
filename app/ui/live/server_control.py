"""The voting server's life cycle in the desktop app: one object owns start and stop.

States: stopped → starting → running → stopping → stopped (or failed). Starting binds the
port and waits for uvicorn in a worker thread, so the window stays responsive; a stop
that comes while the server is still starting cancels that start: the worker stops the
server it has just started instead of handing it over. ``stop(wait=True)`` (closing a
conference or the app) returns only when no server of this object is left running.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from app.db import Database
from app.services.events import Notifier
from app.ui.messages import error_text

if TYPE_CHECKING:
    from app.server.runner import VotingServer
    from app.server.writer import StorageAlarm

log = logging.getLogger(__name__)

#: How long ``stop(wait=True)`` waits for a start in progress (VotingServer.start's own
#: timeout is 10 s) plus the server's graceful stop.
JOIN_SECONDS = 30.0


@dataclass(frozen=True)
class ServerState:
    """What the console shows about the server: ``state`` is stopped, starting, running,
    stopping or failed; ``urls`` LAN first."""

    state: str = "stopped"
    urls: tuple[str, ...] = ()
    port: int = 0
    error: str = ""


class ServerControl(QObject):
    """Starts and stops one :class:`VotingServer`; signals ``changed(ServerState)``.

    Create it in the GUI thread: the worker threads report through queued signals, and
    each report carries the generation of the start it belongs to, so a report of a
    cancelled start is ignored.
    """

    changed = Signal(object)
    _started = Signal(object, int)
    _failed = Signal(str, int)
    _stopped = Signal(int)

    def __init__(
        self,
        db: Database,
        conference_id: int,
        notifier: Notifier,
        parent: QObject | None = None,
        *,
        storage_alarm: StorageAlarm | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._conference_id = conference_id
        self._notifier = notifier
        self._storage_alarm = storage_alarm  # called in the writer thread
        self._lock = threading.Lock()
        self._generation = 0
        self._server: VotingServer | None = None
        self._threads: list[threading.Thread] = []
        self.state = ServerState()
        self.ever_started = False  # a start was asked for (by the moderator or the console)
        self._started.connect(self.on_worker_started)
        self._failed.connect(self.on_worker_failed)
        self._stopped.connect(self.on_worker_stopped)

    @property
    def server(self) -> VotingServer | None:
        """The running server (``None`` while starting, stopping or stopped)."""
        return self._server if self.state.state == "running" else None

    def _set(self, state: ServerState) -> None:
        self.state = state
        self.changed.emit(state)

    def _spawn(self, name: str, target: Callable[[], object]) -> None:
        thread = threading.Thread(target=target, name=name, daemon=True)
        self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()

    def start(self, host: str, port: int) -> None:
        """Start in a worker thread; ``changed`` tells how it went."""
        if self.state.state in ("starting", "running", "stopping"):
            return
        self.ever_started = True
        with self._lock:
            self._generation += 1
            generation = self._generation
        self._set(ServerState("starting", port=port))
        db, conf_id, notifier = self._db, self._conference_id, self._notifier
        alarm = self._storage_alarm

        def work() -> None:
            try:
                from app.server.runner import VotingServer

                server = VotingServer(
                    db, conf_id, host=host, port=port, notifier=notifier, storage_alarm=alarm
                )
                server.start()
            except Exception as exc:  # ServerStartError and anything the stack raises
                log.warning("voting server did not start: %s", exc)
                self._failed.emit(error_text(exc), generation)  # in the UI language
                return
            with self._lock:
                cancelled = generation != self._generation
                if not cancelled:
                    self._server = server
            if cancelled:  # stopped while starting: this server must not stay behind
                log.info("voting server stopped right after its start (cancelled)")
                server.stop()
                self._stopped.emit(generation)
                return
            log.info("voting server running on port %s", server.port)
            self._started.emit(server, generation)

        self._spawn("votum-server-start", work)

    def stop(self, *, wait: bool = False) -> None:
        """Stop the server, or cancel its start; with ``wait`` return once it is gone.

        The state is "stopping" until the start in progress (if any) has ended and the
        server has stopped, so that a new start cannot meet the old one's port."""
        with self._lock:
            self._generation += 1
            generation = self._generation
            server, self._server = self._server, None
        pending = [t for t in self._threads if t.is_alive()]
        if self.state.state in ("stopped", "failed") and server is None and not pending:
            return
        self._set(ServerState("stopping", port=self.state.port))

        def work() -> None:
            for thread in pending:  # a cancelled start stops its own server, then ends
                thread.join(JOIN_SECONDS)
            if server is not None:
                server.stop()
                log.info("voting server stopped")
            self._stopped.emit(generation)

        if wait:
            work()
            self._threads = [t for t in self._threads if t.is_alive()]
            self.on_worker_stopped(generation)
        else:
            self._spawn("votum-server-stop", work)

    # --- reports from the worker threads (queued onto the GUI thread) -------------------

    @Slot(object, int)
    def on_worker_started(self, server: VotingServer, generation: int) -> None:
        if generation != self._generation:
            return
        # One full collection (~150 ms, here in the GUI thread, where Qt objects may be
        # finalised), then what is alive stays out of later full passes while the server
        # runs: they would stall ballots and live redraws alike.
        from app.server.runner import tune_garbage_collector

        tune_garbage_collector()
        self._set(ServerState("running", tuple(server.base_urls()), server.port))

    @Slot(str, int)
    def on_worker_failed(self, message: str, generation: int) -> None:
        if generation == self._generation:
            self._set(ServerState("failed", error=message))

    @Slot(int)
    def on_worker_stopped(self, generation: int) -> None:
        if generation != self._generation or self.state.state == "stopped":
            return
        from app.server.runner import restore_garbage_collector

        restore_garbage_collector()  # the stopped server's objects may be collected now
        self._set(ServerState("stopped"))
