"""One live session: the voting server's life cycle, coalesced refreshes, moderator actions.

All database work here is one short transaction in the GUI thread per action or per
coalesced burst of ballots; the network lives in the server thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from sqlalchemy.orm import Session

from app.config import load_settings
from app.db import Database
from app.models import BallotSource
from app.services import agenda, ballots, conferences, lifecycle, results
from app.services.errors import VotumError
from app.services.views import CaseInfo, ConferenceInfo, InvitationInfo, QuestionInfo
from app.ui.live.bridge import QtNotifier

if TYPE_CHECKING:
    from app.server.runner import VotingServer


@dataclass(frozen=True)
class ServerState:
    """What the console shows about the server: ``state`` is stopped, starting, running,
    failed; ``urls`` LAN first."""

    state: str = "stopped"
    urls: tuple[str, ...] = ()
    port: int = 0
    error: str = ""


@dataclass(frozen=True)
class LiveSnapshot:
    """Everything the console and the presenter view show, read in one transaction."""

    conference: ConferenceInfo
    cases: tuple[CaseInfo, ...]
    invitations: tuple[InvitationInfo, ...]
    question: QuestionInfo | None = None
    case: CaseInfo | None = None
    status: results.LiveStatus | None = None
    result: results.QuestionResult | None = None
    round_one: results.QuestionResult | None = None
    serial: int = 0
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def n_present(self) -> int:
        return sum(1 for i in self.invitations if i.present)


class LiveSession(QObject):
    """Owns the server and the notifier bridge; signals ``refreshed(LiveSnapshot)`` after
    each (coalesced) change, ``serverChanged(ServerState)`` and ``failed(str, str)`` when
    an action is refused (title, message)."""

    refreshed = Signal(object)
    serverChanged = Signal(object)
    failed = Signal(str, str)

    def __init__(self, db: Database, conference_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.conference_id = conference_id
        self.notifier = QtNotifier(self)
        self.notifier.ballotStored.connect(self.on_notifier_ballot_stored)
        self.notifier.stateChanged.connect(self.on_notifier_state_changed)
        self.notifier.serverStarted.connect(self.on_notifier_server_started)
        self.notifier.serverFailed.connect(self.on_notifier_server_failed)
        self.notifier.serverStopped.connect(self.on_notifier_server_stopped)
        self.server: VotingServer | None = None
        self.server_state = ServerState()
        self.snapshot: LiveSnapshot | None = None
        self._serial = 0
        self._focus: int | None = None  # question shown when none is current
        self._last_refresh = 0.0
        self._ballots_only = False  # the next scheduled refresh may skip agenda and sites
        self._coalesce_ms = load_settings().coalesce_ms
        self._timer = QTimer(self, singleShot=True, interval=self._coalesce_ms)
        self._timer.timeout.connect(self.refresh)

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
        """Read everything again (after an action or a state change) and tell the views."""
        self._timer.stop()
        self._last_refresh = time.monotonic()
        light = self._ballots_only and self.snapshot is not None
        self._ballots_only = True
        with self.db.read() as session:
            snapshot = self._read_ballots(session) if light else self._read(session)
        self.snapshot = snapshot
        self.refreshed.emit(snapshot)
        return snapshot

    def _read_ballots(self, session: Session) -> LiveSnapshot:
        """Only ballots changed: re-read the count and the tally, keep the rest."""
        old = self.snapshot
        assert old is not None
        if old.question is None:
            return old
        self._serial += 1
        status, result = results.live_view(session, old.question.id)
        return replace(old, status=status, result=result, serial=self._serial)

    def _read(self, session: Session) -> LiveSnapshot:
        self._serial += 1
        conf = conferences.get_conference(session, self.conference_id)
        cases = tuple(agenda.agenda(session, self.conference_id))
        invitations = tuple(conferences.invitations(session, self.conference_id))
        question_id = conf.current_question_id or self._focus
        question = case = status = result = round_one = None
        for c in cases:
            for q in c.questions:
                if q.id == question_id:
                    question, case = q, c
        if question is not None:
            status, result = results.live_view(session, question.id)
            if question.parent_id is not None:
                round_one = results.question_result(session, question.parent_id)
        return LiveSnapshot(
            conf, cases, invitations, question, case, status, result, round_one, self._serial
        )

    @property
    def question(self) -> QuestionInfo | None:
        return self.snapshot.question if self.snapshot else None

    # --- moderator actions ------------------------------------------------------------

    def _act(self, title: str, write: Callable[[Session], object]) -> bool:
        self._ballots_only = False
        try:
            with self.db.write() as session:
                write(session)
        except VotumError as exc:
            self.failed.emit(title, str(exc))
            self.refresh()
            return False
        if self.server is not None:
            self.server.notify_changed()
        self.refresh()
        return True

    def open_question(self, question_id: int) -> bool:
        return self._act(self.tr("Open"), lambda s: lifecycle.open_question(s, question_id))

    def close_question(self, question_id: int) -> bool:
        return self._act(self.tr("Close"), lambda s: lifecycle.close_question(s, question_id))

    def reveal(self, question_id: int) -> bool:
        return self._act(
            self.tr("Show result"), lambda s: lifecycle.reveal_question(s, question_id)
        )

    def hide_results(self, question_id: int) -> bool:
        return self._act(self.tr("Hide result"), lambda s: lifecycle.hide_results(s, question_id))

    def reopen(self, question_id: int) -> bool:
        return self._act(self.tr("Reopen"), lambda s: lifecycle.reopen_question(s, question_id))

    def repeat(self, question_id: int) -> bool:
        return self._act(self.tr("Round 2"), lambda s: lifecycle.repeat_question(s, question_id))

    def next_question(self) -> bool:
        return self._act(self.tr("Next"), lambda s: lifecycle.next_question(s, self.conference_id))

    def select(self, question_id: int | None) -> bool:
        """Make a question current (what voter pages and the presenter view show)."""
        return self._act(
            self.tr("Choose question"),
            lambda s: lifecycle.set_current(s, self.conference_id, question_id),
        )

    def cast_for_site(
        self,
        question_id: int,
        site_id: int,
        option_ids: tuple[int, ...],
        abstain: bool,
        comment: str,
        actor: str = "moderator",
    ) -> bool:
        def write(s: Session) -> None:
            ballots.cast_ballot(
                s,
                question_id,
                site_id,
                option_ids=option_ids,
                abstain=abstain,
                comment=comment,
                source=BallotSource.MODERATOR,
                actor=actor,
            )

        return self._act(self.tr("Enter vote for site"), write)

    def set_attendance(
        self,
        site_id: int,
        present: bool,
        count: int | None = None,
        attendees: list[tuple[str, str]] | None = None,
    ) -> bool:
        return self._act(
            self.tr("Attendance"),
            lambda s: conferences.set_attendance(
                s,
                self.conference_id,
                site_id,
                present=present,
                attendee_count=count,
                attendees=attendees,
            ),
        )

    # --- the server ---------------------------------------------------------------------

    def start_server(self, host: str | None = None, port: int | None = None) -> None:
        """Start in a worker thread; ``serverChanged`` tells how it went. Host and port
        default to :class:`app.config.Settings`."""
        if self.server_state.state in ("starting", "running"):
            return
        self.server_state = ServerState("starting", port=port or 0)
        self.serverChanged.emit(self.server_state)
        notifier, db, conf_id = self.notifier, self.db, self.conference_id

        def work() -> None:
            try:
                from app.server.runner import VotingServer

                server = VotingServer(db, conf_id, host=host, port=port, notifier=notifier)
                server.start()
            except Exception as exc:  # ServerStartError and anything the stack raises
                notifier.serverFailed.emit(str(exc))
                return
            notifier.serverStarted.emit(server)

        threading.Thread(target=work, name="votum-server-start", daemon=True).start()

    def stop_server(self, *, wait: bool = False) -> None:
        server = self.server
        self.server = None
        if server is None:
            return
        if wait:
            server.stop()
            self.on_notifier_server_stopped()
            return

        def work() -> None:
            server.stop()
            self.notifier.serverStopped.emit()

        threading.Thread(target=work, name="votum-server-stop", daemon=True).start()

    @Slot(object)
    def on_notifier_server_started(self, server: VotingServer) -> None:
        # One full collection (~150 ms, here in the GUI thread, where Qt objects may be
        # finalised), then what is alive stays out of later full passes while the server
        # runs: they would stall ballots and live redraws alike.
        from app.server.runner import tune_garbage_collector

        tune_garbage_collector()
        self.server = server
        self.server_state = ServerState("running", tuple(server.base_urls()), server.port)
        self.serverChanged.emit(self.server_state)

    @Slot(str)
    def on_notifier_server_failed(self, message: str) -> None:
        self.server_state = ServerState("failed", error=message)
        self.serverChanged.emit(self.server_state)

    @Slot()
    def on_notifier_server_stopped(self) -> None:
        from app.server.runner import restore_garbage_collector

        restore_garbage_collector()  # the stopped server's objects may be collected now
        self.server_state = ServerState("stopped")
        self.serverChanged.emit(self.server_state)

    @Slot(object)
    def on_notifier_ballot_stored(self, receipt: object) -> None:
        self.schedule_refresh()

    @Slot(object)
    def on_notifier_state_changed(self, change: object) -> None:
        self._ballots_only = False
        self.schedule_refresh()
