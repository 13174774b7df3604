"""Where a live session lives: the interface the console and the presenter view use.

:class:`app.ui.live.session.LiveSession` (this computer's database and server) and
:class:`app.ui.live.remote_session.RemoteSession` (a hosted server's moderator API) both
implement it; the widgets never ask which one they have.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import Qt, SignalInstance, Slot
from PySide6.QtWidgets import QLabel, QWidget

from app.db import Database
from app.ui.live.server_control import ServerState
from app.ui.live.session import LiveSnapshot
from app.ui.plain import plain_tooltip
from app.ui.theme import error_color


class LiveSource(Protocol):
    """Signals ``refreshed(LiveSnapshot)``, ``serverChanged(ServerState)``, ``failed(str,
    str)``; a remote source also ``connectionChanged(ConnectionState)``."""

    refreshed: SignalInstance
    serverChanged: SignalInstance
    failed: SignalInstance
    db: Database  # the notes are read here (a remote source: its mirror)
    conference_id: int
    snapshot: LiveSnapshot | None
    pending_actions: int

    def refresh(self) -> LiveSnapshot: ...
    def schedule_refresh(self) -> None: ...
    @property
    def question(self) -> Any: ...
    def open_question(self, question_id: int) -> bool: ...
    def close_question(self, question_id: int) -> bool: ...
    def reveal(self, question_id: int) -> bool: ...
    def hide_results(self, question_id: int) -> bool: ...
    def reopen(self, question_id: int) -> bool: ...
    def repeat(self, question_id: int) -> bool: ...
    def skip(self, question_id: int, reason: str) -> bool: ...
    def next_question(self) -> bool: ...
    def select(self, question_id: int | None) -> bool: ...
    def cast_for_site(
        self,
        question_id: int,
        site_id: int,
        option_ids: tuple[int, ...],
        abstain: bool,
        comment: str,
        actor: str = "moderator",
    ) -> bool: ...
    def set_attendance(
        self,
        site_id: int,
        present: bool,
        count: int | None = None,
        attendees: list[tuple[str, str]] | None = None,
    ) -> bool: ...
    @property
    def server(self) -> Any: ...
    @property
    def server_state(self) -> ServerState: ...
    def start_server(self, host: str | None = None, port: int | None = None) -> None: ...
    def stop_server(self, *, wait: bool = False) -> None: ...


class ConnectionStrip(QLabel):
    """ "Verbindung unterbrochen — neuer Versuch in 3 s": shown while a remote server is
    unreachable, counting down to the next attempt; hidden while connected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        color = error_color().name()
        self.setStyleSheet(f"color: white; background: {color}; padding: 4px;")
        self.hide()

    @Slot(object)
    def on_connection_changed(self, state: Any) -> None:
        if state.online:
            self.hide()
            return
        text = self.tr("Connection lost — retrying in %1 s").replace("%1", str(state.retry_in))
        self.setText(text)
        self.setToolTip(plain_tooltip(state.message))
        self.show()
