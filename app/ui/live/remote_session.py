"""A live session held by a hosted voting server, read through its moderator API.

Implements the same interface as :class:`app.ui.live.session.LiveSession` (the console and
the presenter view cannot tell the two apart). The server's full conference is mirrored
into a private SQLite file after each event of the moderator stream, and the snapshot is
read from the mirror with the very services the local session uses, so both show the same.
No network call runs in the GUI thread: the stream has its own thread, and syncs and
moderator actions run one after the other in a worker thread; results come back through
queued signals. A lost connection is shown at once and retried every few seconds; on
reconnecting the console catches up from the server's state.
"""
# Longer than 450 lines: the remote twin of LiveSession — its two threads, the two kinds of
# sync and every moderator action share the id map and the connection state.

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import tempfile
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from app.db import Database
from app.models import QuestionState
from app.remote.client import Connection, ModeratorClient, RemoteError, Unreachable
from app.remote.transfer import fetch_results
from app.services import conferences, notes, results
from app.services.conference_schema import ConferenceFile
from app.services.errors import VotumError
from app.services.fetch_home import adopt_fetched
from app.services.moderator_actions import NOTE, Action
from app.ui.live.remote_mirror import (
    IdMap,
    id_map,
    read_snapshot,
    state_key,
    write_ballots,
)
from app.ui.live.server_control import ServerState
from app.ui.live.session import LiveSnapshot
from app.ui.live.source import ConnectionState, Done, title_of
from app.ui.messages import error_text

log = logging.getLogger(__name__)

# seconds between two attempts to reach a server that dropped
RETRY_SECONDS = 3
# after the last ballot-only read, the whole conference is read again once it is quiet
# for this long (seconds): attendance names, notes of others, anything /state cannot tell
QUIET_FULL_READ = 2.0


class RemoteSession(QObject):
    """Signals as :class:`LiveSession` (``refreshed``, ``serverChanged``, ``failed``) and
    ``connectionChanged(ConnectionState)``."""

    refreshed = Signal(object)
    serverChanged = Signal(object)
    failed = Signal(str, str)
    connectionChanged = Signal(object)
    checkedInByBallot = Signal(int)  # not told by the moderator API
    storageAlarm = Signal(object)
    agendaDone = Signal()  # every question closed or skipped (once per time it happens)
    fetched = Signal(object)  # FetchOutcome, or the RemoteError of a fetch
    _synced = Signal(object, object)  # from the worker: (snapshot, IdMap)
    _actionDone = Signal(str, object)  # from the worker: (title, error or None)
    _dropped = Signal(str)  # from the stream thread: the reason
    _listening = Signal()

    def __init__(
        self,
        connection: Connection,
        parent: QObject | None = None,
        *,
        retry_seconds: int = RETRY_SECONDS,
        mirror_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.retry_seconds = retry_seconds
        self._client = ModeratorClient(connection)
        self._stream_client = ModeratorClient(connection, retries=0)
        self.connection = self._client.connection
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        if mirror_dir is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="votum-remote-")
        folder = mirror_dir or Path(self._tmp.name if self._tmp else ".")
        self.db = Database.open(f"sqlite:///{(folder / 'mirror.sqlite3').as_posix()}")
        with self.db.write() as session:
            self.conference_id = conferences.create_conference(
                session, "…", dt.date.today(), slug="remote-mirror"
            )
        self.snapshot: LiveSnapshot | None = None
        self.ids = IdMap()
        self.pending_actions = 0
        self.connection_state = ConnectionState("connecting", self.connection.host)
        self._serial = 0
        self._pending_notes: dict[tuple[str, int], Action] = {}
        self._sync_lock = threading.Lock()
        self._sync_wanted = False
        self._shape: list[tuple[str, int]] | None = None
        self._full_key: tuple[object, ...] | None = None
        self._full_wanted = False
        self._agenda_done = False
        self._quiet: threading.Timer | None = None
        self._worker_ids = IdMap()
        self._worker_snapshot: LiveSnapshot | None = None
        self._server_agenda: list[Any] = []
        self._stop = threading.Event()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="votum-remote")
        self._retry = QTimer(self, singleShot=True)  # one pending retry, never more
        self._retry.timeout.connect(self.request_sync)
        self._synced.connect(self.on_synced)
        self._actionDone.connect(self.on_action_done)
        self._dropped.connect(self.on_dropped)
        self._listening.connect(self.on_listening)
        self._stream = threading.Thread(target=self._listen, name="votum-events", daemon=True)
        self._stream.start()

    # --- the stream (its own thread) and the syncs (the worker) ----------------------

    def _listen(self) -> None:
        while not self._stop.is_set():
            try:
                first = True
                for _event in self._stream_client.events():
                    if self._stop.is_set():
                        return
                    if first:
                        self._listening.emit()
                        first = False
                    self.request_sync()
            except RemoteError as exc:
                if self._stop.is_set():
                    return
                self._dropped.emit(error_text(exc))
            except Exception as exc:  # a bug: shown, logged, and the stream tried again
                log.exception("moderator event stream failed")
                self._dropped.emit(str(exc))
            self._stop.wait(self.retry_seconds)

    def request_sync(self) -> None:
        """Read the server's state again (coalesced: one sync queued at a time)."""
        with self._sync_lock:
            if self._sync_wanted:
                return
            self._sync_wanted = True
        self._submit(self._sync)

    def _arm_quiet_read(self) -> None:
        """A full read once no ballot came for ``QUIET_FULL_READ`` seconds."""
        if self._quiet is not None:
            self._quiet.cancel()
        if self._stop.is_set():
            return

        def full() -> None:
            with self._sync_lock:
                self._full_wanted = True
            self.request_sync()

        self._quiet = threading.Timer(QUIET_FULL_READ, full)
        self._quiet.daemon = True
        self._quiet.start()

    def _submit(self, job: Callable[[], None]) -> None:
        """Run in the worker thread; a bug there is logged, never swallowed."""

        def logged() -> None:
            try:
                job()
            except Exception:
                log.exception("remote session: %s failed", getattr(job, "__name__", "job"))

        if not self._stop.is_set():
            with contextlib.suppress(RuntimeError):  # closed meanwhile
                self._pool.submit(logged)

    def _sync(self) -> None:
        """Catch up with the server. Ballots alone (the same question, state and sites
        expected) re-read just that question's ballots; anything else, or every
        once things are quiet (``QUIET_FULL_READ``), the whole conference."""
        with self._sync_lock:
            self._sync_wanted = False
            full_wanted, self._full_wanted = self._full_wanted, False
        try:
            state = self._client.state()
            key = state_key(state)
            light = (
                not full_wanted
                and key == self._full_key
                and self._worker_snapshot is not None
                and state.get("current") is not None
            )
            if light:
                rows = self._client.ballots(int(state["current"]["id"]))
            else:
                file: ConferenceFile = self._client.fetch_file()
                shape = [(q.ref, q.round) for c in file.cases for q in c.questions]
                if shape != self._shape:  # the agenda (ids) is read again only when it changed
                    self._server_agenda = self._client.agenda()
                    self._shape = shape
        except RemoteError as exc:
            self._dropped.emit(error_text(exc))
            return
        if not self.connection_state.online:  # back (the stream may follow a moment later)
            self._listening.emit()
        if light:
            snapshot = self._ballots_sync(int(state["current"]["id"]), rows)
            if snapshot is not None:
                self._synced.emit(snapshot, self._worker_ids)
                self._arm_quiet_read()
            else:  # the mirror does not know that question yet: read everything
                with self._sync_lock:
                    self._full_wanted = True
                self.request_sync()
            return
        self._full_sync(file)
        self._full_key = key

    def _ballots_sync(self, remote_question: int, rows: list[Any]) -> LiveSnapshot | None:
        """Replace one question's ballots in the mirror; the snapshot with its new count."""
        ids, old = self._worker_ids, self._worker_snapshot
        question = {v: k for k, v in ids.questions.items()}.get(remote_question)
        if old is None or old.question is None or question != old.question.id:
            return None
        with self.db.write() as session:
            write_ballots(session, question, rows, ids)
        with self.db.read() as session:
            status, result = results.live_view(session, question)
        self._serial += 1
        snapshot = replace(old, status=status, result=result, serial=self._serial)
        self._worker_snapshot = snapshot
        return snapshot

    def _full_sync(self, file: ConferenceFile) -> None:
        assert file.results is not None
        # the console shows no history and no audit trail: the mirror keeps neither
        lean = file.model_copy(
            update={"results": file.results.model_copy(update={"history": [], "audit": []})}
        )
        with self.db.write() as session:
            adopt_fetched(session, self.conference_id, lean, server=self.connection.base_url)
        with self.db.read() as session:
            ids = id_map(session, self.conference_id, self._server_agenda)
        with self.db.write() as session:
            back = {v: k for k, v in ids.questions.items()}
            back_cases = {v: k for k, v in ids.cases.items()}
            for (kind, remote_id), action in list(self._pending_notes.items()):
                local = back.get(remote_id) if kind == "question" else back_cases.get(remote_id)
                if local is not None:  # typed during a drop: shown until the server has it
                    text = str(action.values.get("text", ""))
                    if kind == "question":
                        notes.save_note(session, text, question_id=local)
                    else:
                        notes.save_note(session, text, case_id=local)
        with self.db.read() as session:
            self._serial += 1
            snapshot = read_snapshot(session, self.conference_id, self._serial)
        old = self._worker_snapshot
        if old is not None and old.cases == snapshot.cases:  # the agenda is not rebuilt
            snapshot = replace(snapshot, cases=old.cases)
        self._worker_ids, self._worker_snapshot = ids, snapshot
        self._synced.emit(snapshot, ids)

    @Slot(object, object)
    def on_synced(self, snapshot: LiveSnapshot, ids: IdMap) -> None:
        self.snapshot, self.ids = snapshot, ids
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

    @Slot()
    def on_listening(self) -> None:
        self.connection_state = ConnectionState("connected", self.remote_host)
        self.connectionChanged.emit(self.connection_state)
        self.serverChanged.emit(self.server_state)
        for action in list(self._pending_notes.values()):
            self._send("", action, quiet=True)

    @Slot(str)
    def on_dropped(self, reason: str) -> None:
        self.connection_state = ConnectionState(
            "unreachable", self.remote_host, reason, self.retry_seconds
        )
        self.connectionChanged.emit(self.connection_state)
        self.serverChanged.emit(self.server_state)
        if not self._stop.is_set():  # try again (the stream does too, if it dropped)
            self._retry.start(self.retry_seconds * 1000)

    # --- reading (as LiveSession) ------------------------------------------------------

    def refresh(self) -> LiveSnapshot:
        """The last snapshot (a sync is asked for; ``refreshed`` follows when it is read)."""
        self.request_sync()
        if self.snapshot is None:
            with self.db.read() as session:
                self.snapshot = read_snapshot(session, self.conference_id, 0)
        return self.snapshot

    def schedule_refresh(self) -> None:
        self.request_sync()

    @property
    def question(self) -> Any:
        return self.snapshot.question if self.snapshot else None

    @property
    def online(self) -> bool:
        return self.connection_state.online

    # --- actions ---------------------------------------------------------------------

    def _send(self, title: str, action: Action, *, quiet: bool = False) -> bool:
        self.pending_actions += 1

        def job() -> None:
            try:
                self._client.send(action)
            except RemoteError as exc:
                self._actionDone.emit("" if quiet else title, exc)
                return
            except Exception as exc:
                log.exception("moderator action %r failed", title)
                self._actionDone.emit(title, exc)
                return
            for key, pending in list(self._pending_notes.items()):
                if pending is action:
                    del self._pending_notes[key]
            self._actionDone.emit(title, None)
            self.request_sync()

        self._submit(job)
        return True

    @Slot(str, object)
    def on_action_done(self, title: str, error: BaseException | None) -> None:
        self.pending_actions -= 1
        if error is not None and title:
            self.failed.emit(title, error_text(error))
        if isinstance(error, Unreachable):
            self.on_dropped(error_text(error))

    def _on_server(self, action: Action) -> Action | None:
        """The action with the mirror's ids replaced by the server's (None: not there)."""
        ids = self.ids
        path = dict(action.path_values)
        values = dict(action.values)
        if "question_id" in path:
            remote = ids.questions.get(int(path["question_id"]))
            if remote is None:
                return None
            path["question_id"] = remote
        for name, mapping in (("question_id", ids.questions), ("case_id", ids.cases)):
            if values.get(name) is not None:
                found = mapping.get(int(str(values[name])))
                if found is None:
                    return None
                values[name] = found
        options = values.get("option_ids")
        if isinstance(options, list):
            chosen = [ids.options.get(int(str(o))) for o in options]
            if None in chosen:
                return None
            values["option_ids"] = chosen
        return replace(action, path_values=path, values=values)

    def act(self, action: Action) -> bool:
        """Send a moderator action (actor on the server: the API)."""
        title = title_of(action)
        remote = self._on_server(action)
        if remote is None:
            self.failed.emit(title, self.tr("This question is not on the server."))
            return False
        return self._send(title, remote)

    def save_note(
        self, text: str, *, case_id: int | None, question_id: int | None, done: Done
    ) -> None:
        """Keep the note in the mirror at once and send it; during a drop it waits and is
        sent (once, by its request id) when the server is back."""
        if question_id is not None:
            key, remote = ("question", self.ids.questions.get(question_id))
        else:
            key, remote = ("case", self.ids.cases.get(case_id or 0))
        try:
            with self.db.write() as session:
                notes.save_note(session, text, case_id=case_id, question_id=question_id)
        except VotumError as exc:
            done(exc)
            return
        done(None)
        if remote is None:
            return
        action = NOTE(text=text, **{f"{key}_id": remote})
        self._pending_notes[(key, remote)] = action
        if self.online:
            self._send(title_of(action), action, quiet=True)

    def reload(self) -> LiveSnapshot | None:
        """Read the whole conference again (after a publish)."""
        with self._sync_lock:
            self._full_wanted = True
        return self.refresh()

    @property
    def remote_host(self) -> str:
        return self.connection.host

    # --- the server (not ours to start or stop) -----------------------------------------

    @property
    def server(self) -> None:
        return None

    @property
    def server_state(self) -> ServerState:
        if self.connection_state.online:
            return ServerState("running", (self.connection.base_url,))
        return ServerState("failed", (self.connection.base_url,), 0, self.connection_state.message)

    def start_server(self, host: str | None = None, port: int | None = None) -> None:
        self.request_sync()

    def stop_server(self, *, wait: bool = False) -> None:
        self.close()

    def close(self) -> None:
        """Stop listening; the mirror is removed."""
        if self._stop.is_set():
            return
        self._stop.set()
        self._retry.stop()
        if self._quiet is not None:
            self._quiet.cancel()
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._client.close()
        self._stream_client.close()
        self.db.dispose()
        if self._tmp is not None:
            self._tmp.cleanup()
