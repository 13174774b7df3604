"""Where a live session lives: the one interface the console, the presenter view and the
workspace know.

:class:`app.ui.live.session.LiveSession` (this computer's database and server) and
:class:`app.ui.live.remote_session.RemoteSession` (a hosted server's moderator API) both
implement :class:`LiveSource`, checked by mypy; the widgets never ask which one they have.
Every moderator action reaches a source the same way: :meth:`LiveSource.act` with an
:class:`~app.services.moderator_actions.Action` from its one definition.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, SignalInstance, Slot
from PySide6.QtWidgets import QLabel, QWidget

from app.services.moderator_actions import MESSAGES, Action
from app.services.views import QuestionInfo
from app.ui.i18n import current_language
from app.ui.theme import error_color

if TYPE_CHECKING:
    from app.remote.client import Connection
    from app.ui.live.server_control import ServerState
    from app.ui.live.session import LiveSnapshot

#: a note's save ended: ``done(None)``, or ``done(error)`` (in the GUI thread)
Done = Callable[[BaseException | None], None]


@dataclass(frozen=True)
class ConnectionState:
    """A remote source's connection: ``connected`` or ``unreachable`` (then ``retry_in``
    seconds and the reason). A local source is always connected."""

    state: str
    host: str
    message: str = ""
    retry_in: int = 0

    @property
    def online(self) -> bool:
        return self.state == "connected"


def title_of(action: Action) -> str:
    """The action's name in the UI language (a failed action's message box title)."""
    return MESSAGES.text(current_language(), action.name)


class LiveSource(Protocol):
    """A live session, wherever it lives.

    Signals: ``refreshed(LiveSnapshot)`` after each (coalesced) change,
    ``serverChanged(ServerState)``, ``failed(title, message)`` when an action is refused
    (in the UI language), ``connectionChanged(ConnectionState)`` (a remote source),
    ``checkedInByBallot(site_id)`` and ``storageAlarm(problem or None)``.
    """

    refreshed: SignalInstance
    serverChanged: SignalInstance
    failed: SignalInstance
    connectionChanged: SignalInstance
    checkedInByBallot: SignalInstance
    storageAlarm: SignalInstance
    conference_id: int
    snapshot: LiveSnapshot | None
    pending_actions: int  # actions sent or queued whose outcome has not come back

    @property
    def remote_host(self) -> str | None:
        """The hosted server's host (None: this computer's server)."""

    @property
    def connection(self) -> Connection | None:
        """How the hosted server is reached (None: this computer's server)."""

    @property
    def question(self) -> QuestionInfo | None: ...

    @property
    def server_state(self) -> ServerState: ...

    def refresh(self) -> LiveSnapshot | None:
        """Read again now; the snapshot (a remote source: the last one, if any, while the
        new one is fetched; ``refreshed`` follows)."""

    def schedule_refresh(self) -> None: ...

    def reload(self) -> LiveSnapshot | None:
        """Read everything again after a change made outside the session."""

    def act(self, action: Action) -> bool:
        """Do a moderator action; False if it was refused at once. Its outcome comes back
        as a refresh, or ``failed``."""

    def save_note(
        self, text: str, *, case_id: int | None, question_id: int | None, done: Done
    ) -> None: ...

    def start_server(self, host: str | None = None, port: int | None = None) -> None: ...

    def stop_server(self, *, wait: bool = False) -> None: ...

    def setParent(self, parent: QObject | None) -> None: ...


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
    def on_connection_changed(self, state: ConnectionState) -> None:
        if state.online:
            self.hide()
            return
        text = self.tr("Connection lost — retrying in %1 s").replace("%1", str(state.retry_in))
        self.setText(text)
        self.setToolTip(state.message)
        self.show()
