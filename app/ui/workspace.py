"""One open conference: the preparation editor and (created on demand) the live console."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QVBoxLayout, QWidget

from app.db import Database
from app.ui import settings
from app.ui.editor.editor import PreparationEditor
from app.ui.live.session import LiveSession
from app.ui.live.source import LiveSource
from app.ui.messages import error_text

if TYPE_CHECKING:  # imported when first needed (start-up speed)
    from app.remote.client import Connection
    from app.services.fetch_home import FetchOutcome
    from app.services.results import QuestionResult
    from app.ui.live.console import LiveConsole
    from app.ui.presenter import PresenterWindow

LIVE_TAB = 1


class Workspace(QWidget):
    """Tabs "Preparation" and "Live". The live session (server, refreshes) lives as long as
    the workspace; the console and the presenter window are built the first time they are
    needed. Signals ``consoleCreated()``."""

    consoleCreated = Signal()

    def __init__(
        self,
        db: Database,
        conference_id: int,
        parent: QWidget | None = None,
        *,
        session: LiveSource | None = None,
        auto_start_server: bool = True,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.conference_id = conference_id
        self.session: LiveSource | None = session
        self.console: LiveConsole | None = None
        self.presenter: PresenterWindow | None = None
        self._auto_start = auto_start_server
        self.editor = PreparationEditor(db, conference_id)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.editor, self.tr("Preparation"))
        self._live_placeholder = QLabel(self.tr("Starting the live console …"))
        self.tabs.addTab(self._live_placeholder, self.tr("Live"))
        self.tabs.currentChanged.connect(self.on_tabs_current_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        if session is not None:
            self.ensure_console(start_server=False)

    def show_live(self, *, start_server: bool = True) -> None:
        """The Live tab; ``start_server``: the moderator starts the live session (else the
        program shows it, as ``python main.py demo`` does, and the server waits)."""
        self.tabs.blockSignals(not start_server)  # no tab change that counts as a start
        self.tabs.setCurrentIndex(LIVE_TAB)
        self.tabs.blockSignals(False)
        self.ensure_console(start_server=start_server)

    def show_preparation(self) -> None:
        self.tabs.setCurrentIndex(0)

    def ensure_session(self) -> LiveSource:
        if self.session is None:
            self.session = LiveSession(self.db, self.conference_id, self)
        return self.session

    def ensure_console(self, *, start_server: bool = True) -> LiveConsole:
        """Build the live console (and with ``start_server`` start the live session)."""
        if self.console is not None:
            if start_server:
                self.start_live_session()
            return self.console
        from app.ui.live.console import LiveConsole

        session = self.ensure_session()
        self.editor.flush()
        self.console = LiveConsole(session)
        self.console.presenterRequested.connect(self.toggle_presenter)
        self.console.questionOpening.connect(self.start_live_session)
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        self.tabs.removeTab(LIVE_TAB)
        self.tabs.insertTab(LIVE_TAB, self.console, self.tr("Live"))
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        self._live_placeholder.deleteLater()
        self.console.chart.ensure_canvas()
        # Everything built so far lives as long as the app: keep it out of the garbage
        # collector's full passes, which otherwise stall live redraws by 100+ ms.
        gc.freeze()
        if start_server:
            self.start_live_session()
        self.consoleCreated.emit()
        return self.console

    @Slot()
    def start_live_session(self) -> None:
        """The moderator goes live (the Live tab, the presenter view, the first question
        opened): this computer's voting server starts, once. Never while the conference is
        only being looked at (a server on every interface makes Windows ask about its
        firewall), never again after the moderator stopped it."""
        if self._auto_start and self.session is not None:
            self.session.go_live(settings.server_port())

    @Slot(int)
    def on_tabs_current_changed(self, index: int) -> None:
        if index == LIVE_TAB:
            self.editor.flush()  # pending edits are written before the live data is read
            self.ensure_console()  # the moderator chose Live: the session starts
            if self.session is not None:
                self.session.refresh()
        else:
            self.editor.reload()

    @Slot()
    def toggle_presenter(self) -> None:
        if self.presenter is not None and self.presenter.isVisible():
            self.presenter.close()
            return
        presenter = self.ensure_presenter()
        presenter.show()
        presenter.raise_()

    def ensure_presenter(self) -> PresenterWindow:
        from app.ui.presenter import PresenterWindow

        console = self.ensure_console()
        if self.presenter is None:
            self.presenter = PresenterWindow(self.ensure_session())
            self.presenter.addActions(console.live_actions.all())
            self.presenter.follow_countdown(console.countdown)  # the console's ±15 s too
            self.presenter.ensure_chart()
        return self.presenter

    def reload_data(self) -> None:
        """After a change written outside the editor and the console (a poll report
        import): both show the database again."""
        self.editor.reload()
        if self.session is not None:
            self.session.reload()

    def connect_remote(self, connection: Connection) -> LiveConsole:
        """Follow a hosted voting server instead of this computer's: the local server
        stops, the console and the presenter view are rebuilt on a remote session."""
        from app.ui.live.remote_session import RemoteSession

        if self.presenter is not None:
            self.presenter.close()
            self.presenter = None
        if self.session is not None:
            self.session.stop_server(wait=True)
        if self.console is not None:
            self.console.notes.flush()
            self._live_placeholder = QLabel(self.tr("Starting the live console …"))
            self.tabs.removeTab(LIVE_TAB)
            self.tabs.insertTab(LIVE_TAB, self._live_placeholder, self.tr("Live"))
            self.console.deleteLater()
            self.console = None
        remote = RemoteSession(connection, self)
        remote.agendaDone.connect(lambda: remote.fetch_home(self.db, self.conference_id))
        remote.fetched.connect(self.on_remote_fetched)
        self.session = remote
        self.tabs.setCurrentIndex(LIVE_TAB)
        return self.ensure_console()

    @Slot(object)
    def on_remote_fetched(self, outcome: FetchOutcome | BaseException) -> None:
        """After the last question the results come home by themselves; the status bar
        says so (or why not)."""
        window = self.window()
        if not isinstance(window, QMainWindow):
            return
        if isinstance(outcome, BaseException):
            text = self.tr("Results not fetched: %1").replace("%1", error_text(outcome))
        else:
            origin = outcome.origin
            text = (
                self.tr("Results fetched from %1: %2 ballots")
                .replace("%1", origin.server)
                .replace("%2", str(origin.ballots))
            )
        window.statusBar().showMessage(text)

    def current_question_id(self) -> int | None:
        """The question commands act on in this computer's database: the live one (of a
        local session), else the one selected in the editor. A remote console's question
        has the server's id: never used here (:meth:`remote_result`)."""
        session = self.session
        live = session.question if session and session.remote_host is None else None
        if self.tabs.currentIndex() == LIVE_TAB and live is not None:
            return live.id
        selected = self.editor.selected_item()
        if selected and selected[0] == "question":
            return selected[1]
        return live.id if live else None

    def remote_result(self) -> tuple[QuestionResult, QuestionResult | None, str] | None:
        """The live question's result, round 1 and the conference's language of a remote
        console, as the server counted: its chart is made from these, not looked up here
        by id."""
        session = self.session
        if session is None or session.remote_host is None or self.tabs.currentIndex() != LIVE_TAB:
            return None
        snapshot = session.snapshot
        if snapshot is None or snapshot.result is None:
            return None
        return snapshot.result, snapshot.round_one, snapshot.conference.language

    def shutdown(self) -> None:
        """Save pending edits and notes, close the presenter, stop the server."""
        self.editor.flush()
        if self.console is not None:
            self.console.notes.flush()
        if self.presenter is not None:
            self.presenter.close()
        if self.session is not None:
            self.session.stop_server(wait=True)
