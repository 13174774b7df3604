"""A live session held by a hosted voting server, followed through its moderator API.

Implements :class:`~app.ui.live.source.LiveSource` as the local session does: the console
and the presenter view cannot tell the two apart. The console's state is the server's, by
the server's own ids (:class:`~app.services.live_book.LiveBook`): the moderator event stream
says what changed, the worker asks the live endpoint for just that (one request, however
many changes an event brings), checks it against what it holds and composes the snapshot
with the same rules as the local session. Nothing is mirrored, nothing is mapped.

No network call runs in the GUI thread: the stream has its own thread, reads and actions
run one after the other in a worker thread, results come back through queued signals. A
problem is shown at once and said for what it is (:class:`Problem`): a lost connection or
a server that cannot reach its database is retried every few seconds; an untrusted
certificate, a refused token or a conference deleted on the server is not, until the
moderator connects again.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from app.db import Database
from app.models import NoteKind, QuestionState, utcnow
from app.remote.client import (
    CertificateRefused,
    ConferenceGone,
    Connection,
    ModeratorClient,
    RemoteError,
    StorageFault,
    TokenRefused,
    Unreachable,
)
from app.remote.transfer import fetch_results
from app.services.errors import VotumError
from app.services.live_book import LiveBook, Mismatch
from app.services.live_feed import NOTHING, Changes
from app.services.live_snapshot import LiveSnapshot
from app.services.moderator_actions import NOTE, Action
from app.services.notes import NoteView
from app.services.views import QuestionInfo
from app.ui.live.server_control import ServerState
from app.ui.live.source import ConnectionState, Done, Problem, title_of
from app.ui.messages import error_text

log = logging.getLogger(__name__)


def _id(value: object) -> int | None:
    return value if isinstance(value, int) else None


# seconds between two attempts to reach a server that dropped
RETRY_SECONDS = 3


def problem_of(error: BaseException) -> Problem:
    """What kind of problem a failed call shows."""
    if isinstance(error, CertificateRefused):
        return Problem.CERTIFICATE
    if isinstance(error, TokenRefused):
        return Problem.TOKEN
    if isinstance(error, ConferenceGone):
        return Problem.GONE
    if isinstance(error, StorageFault):
        return Problem.STORAGE
    return Problem.UNREACHABLE


class RemoteSession(QObject):
    """Signals as :class:`LiveSession` (``refreshed``, ``serverChanged``, ``failed``,
    ``connectionChanged(ConnectionState)``), and ``agendaDone`` (every question closed or
    skipped, once each time it happens), ``fetched(FetchOutcome or RemoteError)``."""

    refreshed = Signal(object)
    serverChanged = Signal(object)
    failed = Signal(str, str)
    connectionChanged = Signal(object)
    checkedInByBallot = Signal(int)  # not told by the moderator API
    storageAlarm = Signal(object)  # the server's storage: said on the connection strip
    agendaDone = Signal()
    fetched = Signal(object)
    _read = Signal(object)  # from the worker: the new snapshot
    _actionDone = Signal(str, object)  # from the worker: (title, error or None)
    _dropped = Signal(object)  # from a thread: the RemoteError
    _listening = Signal()

    def __init__(
        self,
        connection: Connection,
        parent: QObject | None = None,
        *,
        retry_seconds: int = RETRY_SECONDS,
    ) -> None:
        super().__init__(parent)
        self.retry_seconds = retry_seconds
        self._client = ModeratorClient(connection)
        self._stream_client = ModeratorClient(connection, retries=0)
        self.connection = self._client.connection
        self.conference_id = 0  # the server's id of its conference (known after a read)
        self.snapshot: LiveSnapshot | None = None
        self.pending_actions = 0
        self.connection_state = ConnectionState("connecting", self.connection.host)
        self._book = LiveBook()  # the worker's alone
        self._serial = 0
        self._agenda_done = False
        self._pending_notes: dict[tuple[str, int], Action] = {}  # typed, not yet stored
        self._lock = threading.Lock()
        self._read_wanted = False
        self._everything = False  # the next read asks for everything
        self._event: dict[str, Any] | None = None  # the stream's latest event
        self._said: Changes | None = NOTHING  # what its events said since the last read
        self._stop = threading.Event()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="votum-remote")
        self._retry = QTimer(self, singleShot=True)  # one pending retry, never more
        self._retry.timeout.connect(self.on_retry_timeout)
        self._read.connect(self.on_read)
        self._actionDone.connect(self.on_action_done)
        self._dropped.connect(self.on_dropped)
        self._listening.connect(self.on_listening)
        self._stream = threading.Thread(target=self._listen, name="votum-events", daemon=True)
        self._stream.start()

    @property
    def remote_host(self) -> str:
        return self.connection.host

    @property
    def online(self) -> bool:
        return self.connection_state.online

    @property
    def traffic(self) -> tuple[int, int, int]:
        """(requests, bytes sent, bytes received) of both connections so far."""
        a, b = self._client.traffic.totals(), self._stream_client.traffic.totals()
        return a[0] + b[0], a[1] + b[1], a[2] + b[2]

    # --- the stream (its own thread) -------------------------------------------------

    def _listen(self) -> None:
        while not self._stop.is_set():
            if self.connection_state.problem is not None and not self.connection_state.retries:
                self._stop.wait(0.2)  # a problem retrying cannot mend: wait to be closed
                continue
            try:
                for number, event in enumerate(self._stream_client.events()):
                    if self._stop.is_set():
                        return
                    if number == 0:  # (again): what was missed meanwhile is read now;
                        self._listening.emit()  # the server knows what that was, unless
                    with self._lock:  # it restarted (another instance): then everything
                        self._event = event
                        if number and self._said is not None:  # read by whichever worker
                            said = Changes.parse(str(w) for w in event.get("changes", ()))
                            self._said = None if said is None else self._said | said
                    self.request_read()
            except RemoteError as exc:
                if self._stop.is_set():
                    return
                self._dropped.emit(exc)
            except Exception as exc:  # a bug: shown, logged, and the stream tried again
                log.exception("moderator event stream failed")
                self._dropped.emit(exc)
            self._stop.wait(self.retry_seconds)

    # --- reading (the worker) ---------------------------------------------------------

    def request_read(self, *, everything: bool = False) -> None:
        """Read what changed (coalesced: one read queued at a time)."""
        with self._lock:
            self._everything = self._everything or everything
            if self._read_wanted:
                return
            self._read_wanted = True
        self._submit(self._read_changes)

    def _submit(self, job: Callable[[], None]) -> None:
        """Run in the worker thread; a bug there is logged, never swallowed."""

        def logged() -> None:
            try:
                job()
            except Exception:
                log.exception("remote session: %s failed", job.__name__)

        if not self._stop.is_set():
            with contextlib.suppress(RuntimeError):  # closed meanwhile
                self._pool.submit(logged)

    def _up_to_date(self, event: dict[str, Any] | None) -> bool:
        """The book already holds what the stream's latest event announces."""
        book = self._book
        return (
            event is not None
            and book.ready
            and event.get("instance") == book.instance
            and int(event.get("serial", -1)) <= book.version
            and event.get("version") == book.state
        )

    def _read_changes(self) -> None:
        with self._lock:
            self._read_wanted = False
            everything, self._everything = self._everything, False
            event, self._event = self._event, None
            said, self._said = self._said, NOTHING
        everything = everything or said is None  # "conference": anything changed
        book = self._book
        if not everything and self._up_to_date(event):
            return
        try:
            if everything:
                book.clear()
            answer = self._client.live(book.query(said or NOTHING))
            try:
                book.apply(answer)
            except Mismatch as exc:  # never guessed: everything again, checked again
                log.warning("live answer refused (%s): reading everything", exc)
                book.clear()
                book.apply(self._client.live())
        except RemoteError as exc:
            with self._lock:  # what the stream said is still to be read
                self._said = None if said is None or self._said is None else self._said | said
            self._dropped.emit(exc)
            return
        if not self.connection_state.online:  # back (the stream may follow a moment later)
            self._listening.emit()
        self._serial += 1
        self._read.emit(book.snapshot(self._serial, self._notes(book.notes)))

    def _notes(self, stored: tuple[NoteView, ...]) -> tuple[NoteView, ...]:
        """The server's notes with the ones typed here and not yet stored laid over."""
        with self._lock:
            pending = list(self._pending_notes.values())
        if not pending:
            return stored
        now = utcnow()
        mine = [
            NoteView(
                _id(a.value("case_id")),
                _id(a.value("question_id")),
                NoteKind.DISCUSSION,
                str(a.value("text") or ""),
                now,
            )
            for a in pending
        ]
        replaced = {(n.case_id, n.question_id, n.kind) for n in mine}
        kept = [n for n in stored if (n.case_id, n.question_id, n.kind) not in replaced]
        return (*kept, *mine)

    @Slot(object)
    def on_read(self, snapshot: LiveSnapshot) -> None:
        self.snapshot = snapshot
        self.conference_id = snapshot.conference.id
        self.refreshed.emit(snapshot)
        questions = [q for c in snapshot.cases for q in c.questions]
        done = bool(questions) and all(
            q.state is QuestionState.CLOSED or q.skip_reason for q in questions
        )
        if done and not self._agenda_done:
            self.agendaDone.emit()
        self._agenda_done = done

    def fetch_home(self, db: Database, conference_id: int) -> None:
        """Fetch the results into the local conference in the worker; ``fetched`` tells."""

        def job() -> None:
            try:
                outcome = fetch_results(self._client, db, conference_id)
            except RemoteError as exc:
                self.fetched.emit(exc)
                return
            self.fetched.emit(outcome)

        self._submit(job)

    # --- the connection's state -------------------------------------------------------

    @Slot()
    def on_listening(self) -> None:
        if self.connection_state.online:
            return
        self.connection_state = ConnectionState("connected", self.remote_host)
        self.connectionChanged.emit(self.connection_state)
        self.serverChanged.emit(self.server_state)
        with self._lock:
            pending = list(self._pending_notes.values())
        for action in pending:
            self._send("", action, quiet=True)

    @Slot(object)
    def on_dropped(self, error: BaseException) -> None:
        problem = problem_of(error)
        reason = error if isinstance(error, RemoteError) else None
        self.connection_state = ConnectionState(
            "problem", self.remote_host, problem, reason, self.retry_seconds
        )
        self.connectionChanged.emit(self.connection_state)
        self.serverChanged.emit(self.server_state)
        if self.connection_state.retries and not self._stop.is_set():
            self._retry.start(self.retry_seconds * 1000)  # the stream tries again too
        else:
            self._retry.stop()

    @Slot()
    def on_retry_timeout(self) -> None:
        self.request_read()

    # --- as LiveSession ---------------------------------------------------------------

    def refresh(self) -> LiveSnapshot | None:
        """The last snapshot (a read is asked for; ``refreshed`` follows when it is in)."""
        self.request_read()
        return self.snapshot

    def schedule_refresh(self) -> None:
        self.request_read()

    def reload(self) -> LiveSnapshot | None:
        """Read everything again (after a publish)."""
        self.request_read(everything=True)
        return self.snapshot

    @property
    def question(self) -> QuestionInfo | None:
        return self.snapshot.question if self.snapshot else None

    # --- actions ---------------------------------------------------------------------

    def act(self, action: Action) -> bool:
        """Send a moderator action (its audit actor on the server: the API); the ids are
        the server's own, as the snapshot has them."""
        return self._send(title_of(action), action)

    def _send(self, title: str, action: Action, *, quiet: bool = False) -> bool:
        self.pending_actions += 1

        def job() -> None:
            try:
                self._client.send(action)
            except (RemoteError, VotumError) as exc:
                self._actionDone.emit("" if quiet else title, exc)
                return
            except Exception as exc:
                log.exception("moderator action %r failed", title)
                self._actionDone.emit(title, exc)
                return
            with self._lock:
                for key, pending in list(self._pending_notes.items()):
                    if pending is action:
                        del self._pending_notes[key]
            self._actionDone.emit(title, None)

        self._submit(job)
        return True

    @Slot(str, object)
    def on_action_done(self, title: str, error: BaseException | None) -> None:
        self.pending_actions -= 1
        if error is not None and title:
            self.failed.emit(title, error_text(error))
        if isinstance(error, Unreachable):
            self.on_dropped(error)

    def save_note(
        self, text: str, *, case_id: int | None, question_id: int | None, done: Done
    ) -> None:
        """Send the note; during a drop it waits and is sent (once, by its request id)
        when the server is back, and is shown meanwhile."""
        action = NOTE(case_id=case_id, question_id=question_id, text=text)
        try:
            action.body()
        except VotumError as exc:  # too long: said, nothing sent
            done(exc)
            return
        key = ("question", question_id) if question_id is not None else ("case", case_id or 0)
        with self._lock:
            self._pending_notes[key] = action
        done(None)
        if self.online:
            self._send(title_of(action), action, quiet=True)

    # --- the server (not ours to start or stop) -----------------------------------------

    @property
    def server_state(self) -> ServerState:
        if self.connection_state.online:
            return ServerState("running", (self.connection.base_url,))
        return ServerState("failed", (self.connection.base_url,), 0, "")

    def start_server(self, host: str | None = None, port: int | None = None) -> None:
        self.request_read(everything=True)

    def stop_server(self, *, wait: bool = False) -> None:
        self.close()

    def go_live(self, port: int) -> None:
        """Nothing to start: the hosted server runs already."""

    def close(self) -> None:
        """Stop listening and reading."""
        if self._stop.is_set():
            return
        self._stop.set()
        self._retry.stop()
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._client.close()
        self._stream_client.close()
