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
from enum import Enum
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QObject, Qt, SignalInstance, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from app.services.moderator_actions import MESSAGES, Action
from app.services.views import QuestionInfo
from app.ui.i18n import current_language
from app.ui.plain import plain_tooltip
from app.ui.theme import error_color

if TYPE_CHECKING:
    from app.remote.client import Connection, RemoteError
    from app.services.live_snapshot import LiveSnapshot
    from app.ui.live.server_control import ServerState

#: a note's save ended: ``done(None)``, or ``done(error)`` (in the GUI thread)
Done = Callable[[BaseException | None], None]


class Problem(Enum):
    """Why a remote source is not connected."""

    UNREACHABLE = "unreachable"  # no answer: retried
    STORAGE = "storage"  # it answers, but cannot reach its database: retried
    CERTIFICATE = "certificate"  # its certificate is not trusted: not retried
    TOKEN = "token"  # it refuses the moderator token: not retried
    GONE = "gone"  # the conference was deleted there: not retried


@dataclass(frozen=True)
class ConnectionState:
    """A source's connection: ``connecting``, ``connected``, or ``problem`` (then which,
    the error that says why, and the seconds to the next attempt). A local source is
    always connected."""

    state: str
    host: str
    problem: Problem | None = None
    error: RemoteError | None = None
    retry_in: int = 0

    @property
    def online(self) -> bool:
        return self.state == "connected"

    @property
    def retries(self) -> bool:
        """The source tries again by itself (a problem time can mend)."""
        return self.problem in (None, Problem.UNREACHABLE, Problem.STORAGE)

    @property
    def message(self) -> str:
        """The error's own words, in the UI language (empty without one)."""
        return "" if self.error is None else self.error.in_language(current_language())


#: a local source's connection: always there
LOCAL = ConnectionState("connected", "")


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
    def connection_state(self) -> ConnectionState: ...

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

    def go_live(self, port: int) -> None:
        """The moderator went live: this computer's voting server starts the first time
        (never again once the moderator stopped it; a hosted server needs nothing)."""

    def stop_server(self, *, wait: bool = False) -> None: ...

    def setParent(self, parent: QObject | None) -> None: ...


class ConnectionStrip(QLabel):
    """A strip across the console while a remote server cannot be used, saying why:
    "Verbindung unterbrochen — neuer Versuch in 3 s", an untrusted certificate, a refused
    token, a deleted conference, a server without its database. Hidden while connected;
    a language switch says the showing problem again in the new language at once."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        color = error_color().name()
        self.setStyleSheet(f"color: white; background: {color}; padding: 4px;")
        # as tall as its text at its width, never more (the console below keeps the room)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Connection to the voting server"))
        self.state: ConnectionState = LOCAL
        self.hide()

    @Slot(object)
    def on_connection_changed(self, state: ConnectionState) -> None:
        self.state = state
        self._say()

    def headline(self, state: ConnectionState) -> str:
        """The problem in the UI language (what to do about it included)."""
        seconds = str(state.retry_in)
        if state.problem is Problem.CERTIFICATE:
            return self.tr(
                "The server's certificate is not trusted: choose its CA file "
                "(Live → Connect to a voting server…), or ask IT."
            )
        if state.problem is Problem.TOKEN:
            return self.tr(
                "The server refuses the moderator token: enter it again "
                "(Live → Connect to a voting server…)."
            )
        if state.problem is Problem.GONE:
            return self.tr("This conference no longer exists on the server.")
        if state.problem is Problem.STORAGE:
            return self.tr(
                "Connected, but the server cannot reach its database: votes are not being "
                "stored. Retrying in %1 s"
            ).replace("%1", seconds)
        return self.tr("Connection lost — retrying in %1 s").replace("%1", seconds)

    def _say(self) -> None:
        state = self.state
        if state.problem is None:
            self.hide()
            return
        self.setText(self.headline(state))
        self.setToolTip(plain_tooltip(state.message))
        self.setAccessibleDescription(state.message)
        self._fit()
        self.show()

    def _fit(self) -> None:
        height = self.heightForWidth(max(self.width(), 300))
        if height > 0:  # (none while it has no text)
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._say()
        super().changeEvent(event)
