"""The main window's pages and the workspace life cycle: library, open, close, rebuild."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QUndoGroup
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from app.ui.messages import confirm, error_text, show_error

if TYPE_CHECKING:  # here and in the methods: imported when first needed, so the window
    # shows before SQLAlchemy, the services and their message catalogs load
    from app.db import Database
    from app.ui.library import LibraryPage
    from app.ui.workspace import Workspace


class Pages(QStackedWidget):
    """The loading note, the library and at most one open conference (a :class:`Workspace`,
    whose undo stack joins ``undo_group``). Signals ``changed()`` when the open conference or
    the page on screen changes, ``importRequested()`` from the library's import button."""

    changed = Signal()
    importRequested = Signal()

    def __init__(
        self, undo_group: QUndoGroup, *, auto_start_server: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._undo_group = undo_group
        self._auto_start = auto_start_server
        self.db: Database | None = None
        self.workspace: Workspace | None = None
        self.library: LibraryPage | None = None
        self.loading = QLabel(self.tr("Opening the database …"))
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.loading.setTextFormat(Qt.TextFormat.PlainText)
        self.addWidget(self.loading)

    # --- the database and the library ------------------------------------------------

    def open_database(self, db_url: str) -> bool:
        """Open the database and show the library; False (and the reason on screen) if not."""
        from app.db import Database

        try:
            self.db = Database.open(db_url)
        except Exception as exc:  # DatabaseError or a driver error: tell the user, stay up
            self.loading.setText(
                self.tr("The database cannot be opened:\n%1").replace("%1", error_text(exc))
            )
            return False
        self.library = self._make_library()
        self.insertWidget(1, self.library)
        self.library.reload(self.db)
        return True

    def _make_library(self) -> LibraryPage:
        from app.ui.library import LibraryPage

        library = LibraryPage()
        library.openRequested.connect(self.open_conference)
        library.newRequested.connect(self.new_conference)
        library.demoRequested.connect(self.open_demo)
        library.importRequested.connect(self.importRequested)
        library.deleteRequested.connect(self.delete_conference)
        return library

    def reload_library(self, select_id: int | None = None) -> None:
        if self.db is not None and self.library is not None:
            self.library.reload(self.db, select_id)

    def is_empty(self) -> bool:
        """True when the database holds no conference yet."""
        return self.library is not None and self.library.model.rowCount() == 0

    def in_workspace(self) -> bool:
        """True while an open conference is on screen (not the library)."""
        return self.workspace is not None and self.currentWidget() is self.workspace

    def conference_title(self) -> str:
        """Topic and date of the conference on screen, "" on the library."""
        if not self.in_workspace() or self.db is None or self.workspace is None:
            return ""
        from app.services import conferences

        with self.db.read() as session:
            conf = conferences.get_conference(session, self.workspace.conference_id)
        return f"{conf.topic} · {conf.date:%d.%m.%Y}"

    # --- conferences -------------------------------------------------------------------

    @Slot(int)
    def open_conference(self, conference_id: int) -> None:
        assert self.db is not None
        if self.workspace is not None and self.workspace.conference_id == conference_id:
            self.setCurrentWidget(self.workspace)
            self.changed.emit()
            return
        if self.workspace is not None and not self.close_workspace():
            return
        from app.services.errors import VotumError
        from app.ui.workspace import Workspace

        try:
            workspace = Workspace(self.db, conference_id, auto_start_server=self._auto_start)
        except VotumError as exc:
            show_error(self, self.tr("Open conference"), error_text(exc))
            return
        self._adopt(workspace)
        self.setCurrentWidget(workspace)
        self.changed.emit()

    def _adopt(self, workspace: Workspace) -> None:
        self.workspace = workspace
        workspace.consoleCreated.connect(self.changed)
        self._undo_group.addStack(workspace.editor.undo_stack)
        self._undo_group.setActiveStack(workspace.editor.undo_stack)
        self.addWidget(workspace)

    def _drop(self, workspace: Workspace) -> None:
        self._undo_group.removeStack(workspace.editor.undo_stack)
        self.removeWidget(workspace)
        workspace.deleteLater()

    def close_workspace(self) -> bool:
        """Close the open conference (asking first while its server runs); False if kept."""
        workspace = self.workspace
        if workspace is None:
            return True
        session = workspace.session
        if (
            session is not None
            and session.server_state.state == "running"
            and not confirm(
                self,
                self.tr("Close conference"),
                self.tr("The voting server is running. Close the conference and stop the server?"),
                self.tr("Close and stop"),
            )
        ):
            return False
        workspace.shutdown()
        self._drop(workspace)
        self.workspace = None
        return True

    @Slot()
    def show_library(self) -> None:
        if self.db is None or self.library is None:
            return
        if self.workspace is not None and not self.close_workspace():
            return
        self.library.reload(self.db)
        self.setCurrentWidget(self.library)
        self.changed.emit()

    @Slot()
    def show_series(self) -> None:
        """The library at its series plan."""
        self.show_library()
        if self.library is not None and self.currentWidget() is self.library:
            self.library.show_tab(self.library.SERIES)

    @Slot()
    def new_conference(self) -> None:
        if self.db is None:
            return
        from app.ui.library import NewConferenceDialog

        dialog = NewConferenceDialog(self.db, self)
        if dialog.exec() and dialog.conference_id is not None:
            self.reload_library(dialog.conference_id)
            self.open_conference(dialog.conference_id)
            if self.workspace is not None:
                self.workspace.editor.tabs.setCurrentIndex(0)

    @Slot()
    def open_demo(self) -> None:
        if self.db is None:
            return
        from app.services.demo import load_demo

        with self.db.write() as session:
            conf_id = load_demo(session, series=True)
        self.reload_library(conf_id)
        self.open_conference(conf_id)

    def offer_demo(self) -> None:
        """The empty library's question: open the demo conference?"""
        if confirm(
            self,
            self.tr("Welcome to Votum"),
            self.tr(
                "There is no conference yet. Open the demo conference to see the whole flow "
                "(preparation, live voting, presenter view)?"
            ),
            self.tr("Open the demo"),
        ):
            self.open_demo()

    @Slot(int)
    def delete_conference(self, conference_id: int) -> None:
        assert self.db is not None
        from app.services import conferences
        from app.services.errors import VotumError

        with self.db.read() as session:
            conf = conferences.get_conference(session, conference_id)
        if not confirm(
            self,
            self.tr("Delete conference"),
            self.tr("Delete “%1” with all cases, votes and notes? This cannot be undone.").replace(
                "%1", conf.topic
            ),
            self.tr("Delete"),
            destroys=True,
        ):
            return
        try:
            with self.db.write() as session:
                conferences.delete_conference(session, conference_id)
        except VotumError as exc:
            show_error(self, self.tr("Delete conference"), error_text(exc))
        self.reload_library()

    def after_import(self, conf_id: int | None) -> None:
        """Show the conference the packages went into."""
        if conf_id is None or self.db is None:
            return
        self.reload_library(conf_id)
        if self.workspace is not None and self.workspace.conference_id == conf_id:
            self.workspace.editor.reload()
        else:
            self.open_conference(conf_id)

    # --- views of the open conference ------------------------------------------------------

    @Slot()
    def show_preparation(self) -> None:
        if self.workspace is not None:
            self.workspace.show_preparation()

    @Slot()
    def show_live(self, *, start_server: bool = True) -> None:
        if self.workspace is not None:
            self.setCurrentWidget(self.workspace)
            self.workspace.show_live(start_server=start_server)

    def rebuild(self) -> None:
        """Build the pages again in the new language or palette; the live session stays."""
        self.loading.setText(self.tr("Opening the database …"))
        if self.library is None or self.db is None:  # the database is still opening
            return
        on_library = self.currentWidget() is self.library
        old_library = self.library
        self.library = self._make_library()
        self.insertWidget(1, self.library)
        self.removeWidget(old_library)
        old_library.deleteLater()
        self.library.reload(self.db)
        workspace = self.workspace
        if workspace is not None:
            self._rebuild_workspace(workspace)
        self.setCurrentWidget(
            self.library if on_library or self.workspace is None else self.workspace
        )
        self.changed.emit()

    def _rebuild_workspace(self, workspace: Workspace) -> None:
        """A new workspace for the same conference that takes over the live session."""
        assert self.db is not None
        from app.ui.workspace import Workspace

        workspace.editor.flush()
        if workspace.console is not None:
            workspace.console.notes.flush()
        live = workspace.tabs.currentIndex() == 1
        session = workspace.session
        if session is not None:
            session.setParent(None)
        self._undo_group.removeStack(workspace.editor.undo_stack)
        new = Workspace(
            self.db, workspace.conference_id, session=session, auto_start_server=self._auto_start
        )
        if session is not None:
            session.setParent(new)
        if workspace.presenter is not None:
            new.presenter = workspace.presenter
            new.presenter.addActions(new.ensure_console(start_server=False).live_actions.all())
        self.removeWidget(workspace)
        workspace.deleteLater()
        self._adopt(new)
        if live:
            new.show_live(start_server=False)  # a rebuild starts nothing
