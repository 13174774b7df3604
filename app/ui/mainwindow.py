"""The main window: shows first, opens the database, then the library or one conference.

Its parts live in :mod:`app.ui.window`: the menus, the pages with the workspace life cycle,
the File menu's commands, language and theme switching, the Help windows.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QUndoGroup
from PySide6.QtWidgets import QMainWindow, QMenu

from app.ui import settings
from app.ui.plain import plain_title
from app.ui.window import appearance
from app.ui.window.commands import FileCommands
from app.ui.window.menus import MainMenus, menus_of
from app.ui.window.pages import Pages

if TYPE_CHECKING:
    from app.db import Database
    from app.ui.library import LibraryPage
    from app.ui.workspace import Workspace

WINDOW = "main"
#: The first size on a large screen; a laptop's screen bounds it (see :func:`default_size`).
DEFAULT_SIZE = QSize(1280, 800)
#: Room for the title bar, which the window's size does not include.
TITLE_BAR = 40


def default_size(available: QSize) -> QSize:
    """The first window size: :data:`DEFAULT_SIZE`, or less to fit the screen's free area
    (a 1366×768 laptop with its taskbar leaves about 1366×728)."""
    return DEFAULT_SIZE.boundedTo(available - QSize(0, TITLE_BAR))


def warm_up() -> None:
    """Import the server stack and matplotlib in the background after the window shows."""

    def work() -> None:
        import matplotlib.figure  # noqa: F401

        import app.reports.figures
        import app.server.runner  # noqa: F401

    threading.Thread(target=work, name="votum-warm-up", daemon=True).start()


class MainWindow(QMainWindow):
    """Shows itself before the database is opened (start-up speed). Signals ``ready()``
    once the library or the requested conference is on screen."""

    ready = Signal()

    def __init__(
        self,
        db_url: str,
        conference_id: int | None = None,
        *,
        offer_demo: bool = True,
        auto_start_server: bool = True,
        warm: bool = True,
    ) -> None:
        super().__init__()
        self.setWindowTitle("Votum")
        self._db_url = db_url
        self._start_conference = conference_id
        self._offer_demo = offer_demo
        self._warm = warm
        self._opening = False
        self.undo_group = QUndoGroup(self)
        self.pages = Pages(self.undo_group, auto_start_server=auto_start_server)
        self.pages.changed.connect(self.on_pages_changed)
        self.commands = FileCommands(self.pages, self)
        self.pages.importRequested.connect(self.commands.import_packages)
        self.setCentralWidget(self.pages)
        self.menus = MainMenus(self)
        self.menus.fill_live_menu(self)
        geometry, state = settings.window_state(WINDOW)
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(default_size(self.screen().availableGeometry().size()))
        if state is not None:
            self.restoreState(state)
        self._painted = False
        QTimer.singleShot(300, self._open_database)  # in case no paint event ever comes

    # --- what other parts (and the tests) read ------------------------------------------

    @property
    def db(self) -> Database | None:
        return self.pages.db

    @property
    def library(self) -> LibraryPage | None:
        return self.pages.library

    @property
    def workspace(self) -> Workspace | None:
        return self.pages.workspace

    @workspace.setter
    def workspace(self, workspace: Workspace | None) -> None:
        self.pages.workspace = workspace

    @property
    def live_menu(self) -> QMenu:
        return self.menus.live

    # --- start-up ---------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True  # on screen: now load the rest
            QTimer.singleShot(0, self._open_database)
        return super().event(event)

    @Slot()
    def _open_database(self) -> None:
        if self.pages.db is not None or self._opening:
            return
        self._opening = True
        if not self.pages.open_database(self._db_url):
            return
        self.statusBar()  # for the actions' status tips (made now: start-up speed)
        if self._start_conference is not None:
            self.pages.open_conference(self._start_conference)
        else:
            self.pages.show_library()
            if self._offer_demo and self.pages.is_empty():
                QTimer.singleShot(0, self.pages.offer_demo)
        self.on_pages_changed()
        if self._warm:
            QTimer.singleShot(300, warm_up)
        self.ready.emit()

    @Slot()
    def on_pages_changed(self) -> None:
        """Menus and title follow the page on screen."""
        self.menus.enable_conference_actions(self.pages.in_workspace())
        self.menus.fill_live_menu(self)
        self.setWindowTitle(plain_title(self.pages.conference_title()))

    # --- the public commands (menus, application start, tests) ------------------------------

    def open_conference(self, conference_id: int) -> None:
        self.pages.open_conference(conference_id)

    @Slot()
    def show_library(self) -> None:
        self.pages.show_library()

    @Slot()
    def show_live(self, *, start_server: bool = True) -> None:
        """The live console; ``start_server``: the moderator starts the live session."""
        self.pages.show_live(start_server=start_server)

    def set_language(self, lang: str) -> None:
        appearance.set_language(lang)  # the LanguageChange event rebuilds menus and pages

    def set_theme(self, name: str) -> None:
        appearance.set_theme(name)
        self.pages.rebuild()

    @Slot()
    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    @Slot()
    def show_shortcuts(self) -> None:
        from app.ui.window import help_menu  # loaded when first opened (start-up speed)

        workspace = self.pages.workspace
        console = workspace.console if workspace else None
        actions: list[QAction] = list(console.live_actions.all()) if console else []
        for menu in menus_of(self.menuBar().actions()):
            actions.extend(a for a in menu.actions() if not a.isSeparator() and not a.menu())
        help_menu.ShortcutsDialog(help_menu.shortcut_rows(actions), self).exec()

    @Slot()
    def show_about(self) -> None:
        from app.ui.window import help_menu  # loaded when first opened (start-up speed)

        help_menu.show_about(self)

    @Slot()
    def open_log(self) -> None:
        from app.ui.window import help_menu  # loaded when first opened (start-up speed)

        help_menu.open_log(self)

    # --- events -----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.menus.deleteLater()
            self.menus = MainMenus(self)
            self.menus.fill_live_menu(self)
            self.pages.rebuild()  # signals changed (menus and title follow) once it rebuilt
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.pages.workspace is not None and not self.pages.close_workspace():
            event.ignore()
            return
        settings.save_window_state(WINDOW, self.saveGeometry(), self.saveState())
        if self.pages.db is not None:
            self.pages.db.dispose()
        super().closeEvent(event)
