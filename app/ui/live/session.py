"""One live session: the voting server's life cycle, coalesced refreshes, moderator actions.

A coalesced burst of ballots is read in a reader thread and only shown in the GUI thread;
while the server runs, moderator actions are queued in its writer (one write path), else
they are one short transaction here. The network lives in the server thread.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from sqlalchemy.orm import Session

from app.config import load_settings
from app.db import Database, create_db_engine
from app.server.writer import WriterStopped
from app.services import ballots, results
from app.services.errors import VotumError
from app.services.live_snapshot import LiveSnapshot, read_snapshot
from app.services.moderator_actions import DESKTOP, NOTE, Action
from app.services.views import QuestionInfo
from app.ui.live.bridge import QtNotifier
from app.ui.live.server_control import ServerControl, ServerState
from app.ui.live.source import LOCAL, ConnectionState, Done, title_of
from app.ui.messages import error_text

__all__ = ["LiveSession", "LiveSnapshot", "ServerState"]

if TYPE_CHECKING:
    from app.server.runner import VotingServer

log = logging.getLogger(__name__)


def _own_reads(db: Database) -> Database:
    """The console's reads get their own engine (own connection pool) for the same
    database, so that a storm of reads in the server cannot drain the pool they wait on.
    An in-memory SQLite database exists once per connection: it keeps the shared one."""
    url = db.engine.url
    if url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:"):
        return db
    return Database(create_db_engine(url.render_as_string(hide_password=False)))


def _disposer(reads: Database, db: Database, reader: ThreadPoolExecutor) -> Callable[[], None]:
    """Ends the reader thread and closes the console's own connections (not the shared
    ones) when the session goes."""

    def dispose() -> None:
        reader.shutdown(wait=False)
        if reads is not db:
            reads.dispose()

    return dispose


class LiveSession(QObject):
    """Owns the server and the notifier bridge; signals ``refreshed(LiveSnapshot)`` after
    each (coalesced) change, ``serverChanged(ServerState)`` and ``failed(title, message)``
    when an action is refused (the message in the UI language)."""

    refreshed = Signal(object)
    serverChanged = Signal(object)
    failed = Signal(str, str)
    connectionChanged = Signal(object)  # never: this computer's server is always at hand
    checkedInByBallot = Signal(int)  # a site marked absent voted: its site id
    storageAlarm = Signal(object)  # ballots cannot be stored: the problem; None: stored again
    _actionDone = Signal(str, object)  # from the writer thread: (title, error or None)
    _readDone = Signal(object, int)  # from the reader thread: (snapshot or None, generation)
    _writeDone = Signal(int, object)  # from the writer thread: (write's key, error or None)

    def __init__(self, db: Database, conference_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.reads = _own_reads(db)
        self.conference_id = conference_id
        self.notifier = QtNotifier(self)
        self.notifier.ballotStored.connect(self.on_notifier_ballot_stored)
        self.notifier.stateChanged.connect(self.on_notifier_state_changed)
        self.control = ServerControl(
            db, conference_id, self.notifier, self, storage_alarm=self.storageAlarm.emit
        )
        self.control.changed.connect(self.serverChanged)
        self.pending_actions = 0  # moderator actions queued in the server's writer
        self._actionDone.connect(self.on_action_done)
        self._writes = 0
        self._write_callbacks: dict[int, Callable[[BaseException | None], None]] = {}
        self._writeDone.connect(self.on_write_done)
        self.snapshot: LiveSnapshot | None = None
        self._serial = 0
        self._focus: int | None = None  # question shown when none is current
        self._last_refresh = 0.0
        self._ballots_only = False  # the next scheduled refresh may skip agenda and sites
        self._coalesce_ms = load_settings().coalesce_ms
        self._timer = QTimer(self, singleShot=True, interval=self._coalesce_ms)
        self._timer.timeout.connect(self.on_timer_timeout)
        # Ballot refreshes are read in a worker thread: while the server's threads hold
        # the interpreter in a burst, a read in the GUI thread would wait for it at every
        # query and freeze the window; the GUI thread only shows the result.
        self._reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="live-read")
        self._reading = False
        self._again = False
        self._generation = 0  # bumped by each synchronous refresh: older reads are stale
        self._readDone.connect(self.on_read_done)
        self.destroyed.connect(_disposer(self.reads, db, self._reader))

    # --- reading ------------------------------------------------------------------------

    def schedule_refresh(self) -> None:
        """Throttle: a lone notification refreshes at once; a burst makes at most one
        refresh per ``Settings.coalesce_ms`` (the last one always follows the burst)."""
        if self._timer.isActive():
            return
        since = (time.monotonic() - self._last_refresh) * 1000
        if since >= self._coalesce_ms:
            self._timer.start(0)  # next event-loop turn: gathers what is already queued
        else:
            self._timer.start(int(self._coalesce_ms - since) + 1)

    @Slot()
    def refresh(self) -> LiveSnapshot:
        """Read everything again now (after an action or a state change), tell the views."""
        self._timer.stop()
        self._generation += 1
        self._last_refresh = time.monotonic()
        light = self._ballots_only and self.snapshot is not None
        self._ballots_only = True
        self._serial += 1
        with self.reads.read() as session:
            snapshot = self._read_ballots(session, self.snapshot, self._serial) if light else None
            snapshot = snapshot or self._read(session, self._serial)
        self.snapshot = snapshot
        self.refreshed.emit(snapshot)
        return snapshot

    def reload(self) -> LiveSnapshot:
        """Read everything again after a change written outside the session (a poll
        report import) and let the voting pages hear it too."""
        self._ballots_only = False
        if self.server is not None:
            self.server.notify_changed()
        return self.refresh()

    @Slot()
    def on_timer_timeout(self) -> None:
        """A coalesced refresh after ballots: read in the reader thread, show when read."""
        if self._reading:
            self._again = True
            return
        self._last_refresh = time.monotonic()
        light = self._ballots_only and self.snapshot is not None
        self._ballots_only = True
        self._serial += 1
        base, serial, generation = self.snapshot, self._serial, self._generation

        def work() -> None:
            snapshot: LiveSnapshot | None = None
            try:
                with self.reads.read() as session:
                    snapshot = self._read_ballots(session, base, serial) if light else None
                    snapshot = snapshot or self._read(session, serial)
            except Exception:  # shown as a stale view; the next refresh tries again
                log.exception("live refresh failed")
            self._readDone.emit(snapshot, generation)

        self._reading = True
        self._reader.submit(work)

    @Slot(object, int)
    def on_read_done(self, snapshot: LiveSnapshot | None, generation: int) -> None:
        self._reading = False
        if snapshot is not None and generation == self._generation:
            self.snapshot = snapshot
            self.refreshed.emit(snapshot)
        if self._again:
            self._again = False
            self.schedule_refresh()

    def _read_ballots(
        self, session: Session, old: LiveSnapshot | None, serial: int
    ) -> LiveSnapshot | None:
        """Only ballots changed: re-read the count and the tally, keep the rest."""
        if old is None or old.question is None:
            return old
        status, result = results.live_view(session, old.question.id)
        return replace(old, status=status, result=result, serial=serial)

    def _read(self, session: Session, serial: int) -> LiveSnapshot:
        return read_snapshot(session, self.conference_id, serial, focus=self._focus)

    @property
    def question(self) -> QuestionInfo | None:
        return self.snapshot.question if self.snapshot else None

    # --- moderator actions ------------------------------------------------------------

    def _act(self, title: str, write: Callable[[Session], object]) -> bool:
        """Run a moderator action. While the server runs it goes through the server's
        writer, queued behind the ballots like any other write, and the GUI thread does
        not wait: ``actionDone`` brings the outcome back (refresh, or ``failed``). Returns
        False when the action was refused at once."""
        self._ballots_only = False
        server = self.server
        if server is not None:
            try:
                future = server.ctx.writer.submit(write)
            except WriterStopped:
                server = None  # stopping: write directly, as without a server
            else:
                self.pending_actions += 1
                future.add_done_callback(
                    lambda done: self._actionDone.emit(title, done.exception())
                )
                return True
        try:
            with self.db.write() as session:
                write(session)
        except VotumError as exc:
            self.failed.emit(title, error_text(exc))
            self.refresh()
            return False
        self.refresh()
        return True

    def write(
        self, work: Callable[[Session], object], done: Callable[[BaseException | None], None]
    ) -> None:
        """A write beside the live flow (a note), on the same path as the actions: through
        the server's writer while it runs. ``done(error or None)`` runs in the GUI thread."""
        server = self.server
        if server is not None:
            try:
                future = server.ctx.writer.submit(work)
            except WriterStopped:
                pass
            else:
                self._writes += 1
                key = self._writes
                self._write_callbacks[key] = done
                future.add_done_callback(lambda f: self._writeDone.emit(key, f.exception()))
                return
        try:
            with self.db.write() as session:
                work(session)
        except VotumError as exc:
            done(exc)
            return
        done(None)

    @Slot(int, object)
    def on_write_done(self, key: int, error: BaseException | None) -> None:
        done = self._write_callbacks.pop(key, None)
        if error is not None and not isinstance(error, VotumError | WriterStopped):
            log.error("write failed", exc_info=error)
        if done is not None:
            done(error)

    @Slot(str, object)
    def on_action_done(self, title: str, error: BaseException | None) -> None:
        self.pending_actions -= 1
        self._ballots_only = False
        if isinstance(error, VotumError | WriterStopped):
            self.failed.emit(title, error_text(error))
        elif error is not None:
            log.error("moderator action %r failed", title, exc_info=error)
            self.failed.emit(title, error_text(error))
        elif self.server is not None:
            self.server.notify_changed()
        self.refresh()

    def act(self, action: Action) -> bool:
        """Do a moderator action here (actor: the desktop), through the server's writer
        while it runs."""
        return self._act(
            title_of(action), lambda s: action.run(s, self.conference_id, actor=DESKTOP)
        )

    def save_note(
        self, text: str, *, case_id: int | None, question_id: int | None, done: Done
    ) -> None:
        """Save a note as typed (the note action, on the writer's path while it runs)."""
        note = NOTE(case_id=case_id, question_id=question_id, text=text)
        try:
            note.body()
        except VotumError as exc:  # too long: said, nothing written
            done(exc)
            return
        self.write(lambda s: note.run(s, self.conference_id, actor=DESKTOP), done)

    @property
    def remote_host(self) -> None:
        """This computer's server: no remote host."""
        return None

    @property
    def connection(self) -> None:
        return None

    @property
    def connection_state(self) -> ConnectionState:
        """This computer's server: always at hand (its own troubles: ``serverChanged``)."""
        return LOCAL

    # --- the server (its life cycle is :class:`ServerControl`'s) ---------------------------

    @property
    def server(self) -> VotingServer | None:
        return self.control.server

    @property
    def server_state(self) -> ServerState:
        return self.control.state

    def start_server(self, host: str | None = None, port: int | None = None) -> None:
        """Start in a worker thread; ``serverChanged`` tells how it went. Host and port
        default to :class:`app.config.Settings`."""
        settings = load_settings()
        self.control.start(host or settings.host, settings.port if port is None else port)

    def go_live(self, port: int) -> None:
        if not self.control.ever_started and self.server_state.state in ("stopped", "failed"):
            self.start_server(port=port)

    def stop_server(self, *, wait: bool = False) -> None:
        """Stop (or cancel a start in progress); ``wait``: return once no server is left."""
        self.control.stop(wait=wait)

    @Slot(object)
    def on_notifier_ballot_stored(self, receipt: object) -> None:
        if isinstance(receipt, ballots.BallotReceipt) and receipt.checked_in:
            self._ballots_only = False  # the attendance changed too
            self.checkedInByBallot.emit(receipt.site_id)
        self.schedule_refresh()

    @Slot(object)
    def on_notifier_state_changed(self, change: object) -> None:
        self._ballots_only = False
        self.schedule_refresh()
