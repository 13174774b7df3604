"""The main window: the library of conferences or one open conference, menus, settings."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMenu, QStackedWidget

from app import __version__
from app.services.errors import VotumError
from app.ui import settings
from app.ui.i18n import current_language, install_language
from app.ui.messages import confirm, inform, show_error
from app.ui.theme import apply_theme

if TYPE_CHECKING:  # imported when first needed: the window shows before SQLAlchemy loads
    from app.db import Database
    from app.ui.library import LibraryPage
    from app.ui.workspace import Workspace

WINDOW = "main"


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
        self._auto_start = auto_start_server
        self._warm = warm
        self.db: Database | None = None
        self._opening = False
        self.workspace: Workspace | None = None
        self.undo_group = QUndoGroup(self)
        self.stack = QStackedWidget()
        self.loading = QLabel(self.tr("Opening the database …"))
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.library: LibraryPage = None  # type: ignore[assignment]  # built with the database
        self.stack.addWidget(self.loading)
        self.setCentralWidget(self.stack)
        self._build_menus()
        geometry, state = settings.window_state(WINDOW)
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        if state is not None:
            self.restoreState(state)
        self._painted = False
        QTimer.singleShot(300, self._open_database)  # in case no paint event ever comes

    # --- start-up ---------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True  # on screen: now load the rest
            QTimer.singleShot(0, self._open_database)
        return super().event(event)

    @Slot()
    def _open_database(self) -> None:
        if self.db is not None or self._opening:
            return
        self._opening = True
        from app.db import Database

        try:
            self.db = Database.open(self._db_url)
        except Exception as exc:  # DatabaseError or a driver error: tell the user, stay up
            self.loading.setText(
                self.tr("The database cannot be opened:\n%1").replace("%1", str(exc))
            )
            return
        self.statusBar()  # for the actions' status tips (made now: start-up speed)
        self.library = self._make_library()
        self.stack.insertWidget(1, self.library)
        self.library.reload(self.db)
        if self._start_conference is not None:
            self.open_conference(self._start_conference)
        else:
            self.stack.setCurrentWidget(self.library)
            if self._offer_demo and self.library.model.rowCount() == 0:
                QTimer.singleShot(0, self._offer_demo_conference)
        self._update_menus()
        if self._warm:
            QTimer.singleShot(300, warm_up)
        self.ready.emit()

    def _offer_demo_conference(self) -> None:
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

    def _make_library(self) -> LibraryPage:
        from app.ui.library import LibraryPage

        library = LibraryPage()
        library.openRequested.connect(self.open_conference)
        library.newRequested.connect(self.new_conference)
        library.demoRequested.connect(self.open_demo)
        library.importRequested.connect(self.import_packages)
        library.deleteRequested.connect(self.delete_conference)
        return library

    # --- menus ---------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: str | QKeySequence.StandardKey | None = None,
        menu: QMenu | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        if menu is not None:
            menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.clear()
        file = bar.addMenu(self.tr("&File"))
        self._action(
            self.tr("&New conference…"), self.new_conference, QKeySequence.StandardKey.New, file
        )
        self._action(
            self.tr("Conference &library"), self.show_library, QKeySequence.StandardKey.Open, file
        )
        self.act_close = self._action(
            self.tr("&Close conference"), self.show_library, QKeySequence.StandardKey.Close, file
        )
        file.addSeparator()
        self._action(self.tr("&Import case packages…"), self.import_packages, "Ctrl+I", file)
        self._action(
            self.tr("&Merge case packages into a new conference…"), self.merge_packages, None, file
        )
        self.act_export = self._action(
            self.tr("&Export case package…"), self.export_package, "Ctrl+E", file
        )
        file.addSeparator()
        self.act_protocol = self._action(
            self.tr("Export &protocol (PDF)…"), self.export_protocol, "Ctrl+Shift+P", file
        )
        self.act_results = self._action(
            self.tr("Export &results (CSV, XLSX, JSON)…"), self.export_results, None, file
        )
        self.act_attendance = self._action(
            self.tr("Export &attendance list (CSV)…"), self.export_attendance, None, file
        )
        self.act_chart = self._action(
            self.tr("Save &chart as…"), self.save_chart, QKeySequence.StandardKey.SaveAs, file
        )
        file.addSeparator()
        quit_action = self._action(
            self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, file
        )
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        edit = bar.addMenu(self.tr("&Edit"))
        undo = self.undo_group.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_group.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y")])
        edit.addAction(undo)
        edit.addAction(redo)

        self.live_menu = bar.addMenu(self.tr("&Live"))
        view = bar.addMenu(self.tr("&View"))
        self.act_prep = self._action(self.tr("&Preparation"), self.show_preparation, "Alt+1", view)
        self.act_live = self._action(self.tr("&Live console"), self.show_live, "Alt+2", view)
        view.addSeparator()
        languages = view.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for code, name in (("de", "Deutsch"), ("en", "English")):
            act = QAction(name, self, checkable=True)
            act.setChecked(current_language() == code)
            act.triggered.connect(lambda _=False, c=code: self.set_language(c))
            group.addAction(act)
            languages.addAction(act)
        themes = view.addMenu(self.tr("&Appearance"))
        theme_group = QActionGroup(self)
        for code, name in (
            ("system", self.tr("Follow the system")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            act = QAction(name, self, checkable=True)
            act.setChecked(settings.theme() == code)
            act.triggered.connect(lambda _=False, c=code: self.set_theme(c))
            theme_group.addAction(act)
            themes.addAction(act)
        view.addSeparator()
        self._action(
            self.tr("&Full screen"),
            self.toggle_full_screen,
            QKeySequence.StandardKey.FullScreen,
            view,
        )
        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(
            self.tr("&Keyboard shortcuts"),
            self.show_shortcuts,
            QKeySequence.StandardKey.HelpContents,
            help_menu,
        )
        about = self._action(self.tr("&About Votum"), self.show_about, None, help_menu)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        self._fill_live_menu()

    def _fill_live_menu(self) -> None:
        self.live_menu.clear()
        console = self.workspace.console if self.workspace else None
        if console is None:
            act = self._action(
                self.tr("Start the live session"), self.show_live, None, self.live_menu
            )
            act.setEnabled(self.workspace is not None)
            return
        a = console.live_actions
        for group in (
            (a.open, a.close, a.reveal, a.hide),
            (a.next, a.previous),
            (a.reopen, a.repeat),
            (a.ballot, a.attendance),
            (a.presenter, a.links, a.server),
        ):
            for action in group:
                self.live_menu.addAction(action)
            self.live_menu.addSeparator()

    def _update_menus(self) -> None:
        has_conf = self.workspace is not None and self.stack.currentWidget() is self.workspace
        conference_actions = (
            self.act_close, self.act_export, self.act_protocol, self.act_results,
            self.act_attendance, self.act_chart, self.act_prep, self.act_live,
        )  # fmt: skip
        for action in conference_actions:
            action.setEnabled(has_conf)
        self._fill_live_menu()
        if has_conf and self.workspace is not None and self.db is not None:
            from app.services import conferences

            with self.db.read() as session:
                conf = conferences.get_conference(session, self.workspace.conference_id)
            self.setWindowTitle(f"{conf.topic} · {conf.date:%d.%m.%Y}")
        else:
            self.setWindowTitle("")

    # --- conferences -------------------------------------------------------------------

    def open_conference(self, conference_id: int) -> None:
        assert self.db is not None
        if self.workspace is not None and self.workspace.conference_id == conference_id:
            self.stack.setCurrentWidget(self.workspace)
            self._update_menus()
            return
        if self.workspace is not None and not self._close_workspace():
            return
        from app.ui.workspace import Workspace

        try:
            workspace = Workspace(self.db, conference_id, auto_start_server=self._auto_start)
        except VotumError as exc:
            show_error(self, self.tr("Open conference"), str(exc))
            return
        self.workspace = workspace
        workspace.consoleCreated.connect(self._update_menus)
        self.undo_group.addStack(workspace.editor.undo_stack)
        self.undo_group.setActiveStack(workspace.editor.undo_stack)
        self.stack.addWidget(workspace)
        self.stack.setCurrentWidget(workspace)
        self._update_menus()

    def _close_workspace(self) -> bool:
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
        self.undo_group.removeStack(workspace.editor.undo_stack)
        self.stack.removeWidget(workspace)
        workspace.deleteLater()
        self.workspace = None
        return True

    @Slot()
    def show_library(self) -> None:
        if self.db is None:
            return
        if self.workspace is not None and not self._close_workspace():
            return
        self.library.reload(self.db)
        self.stack.setCurrentWidget(self.library)
        self._update_menus()

    @Slot()
    def new_conference(self) -> None:
        if self.db is None:
            return
        from app.ui.library import NewConferenceDialog

        dialog = NewConferenceDialog(self.db, self)
        if dialog.exec() and dialog.conference_id is not None:
            self.library.reload(self.db, dialog.conference_id)
            self.open_conference(dialog.conference_id)
            if self.workspace is not None:
                self.workspace.editor.tabs.setCurrentIndex(0)

    @Slot()
    def open_demo(self) -> None:
        if self.db is None:
            return
        from app.services.demo import load_demo

        with self.db.write() as session:
            conf_id = load_demo(session)
        self.library.reload(self.db, conf_id)
        self.open_conference(conf_id)

    @Slot(int)
    def delete_conference(self, conference_id: int) -> None:
        assert self.db is not None
        from app.services import conferences

        with self.db.read() as session:
            conf = conferences.get_conference(session, conference_id)
        if not confirm(
            self,
            self.tr("Delete conference"),
            self.tr("Delete “%1” with all cases, votes and notes? This cannot be undone.").replace(
                "%1", conf.topic
            ),
            self.tr("Delete"),
        ):
            return
        try:
            with self.db.write() as session:
                conferences.delete_conference(session, conference_id)
        except VotumError as exc:
            show_error(self, self.tr("Delete conference"), str(exc))
        self.library.reload(self.db)

    # --- packages and exports --------------------------------------------------------------

    @Slot()
    def import_packages(self) -> None:
        if self.db is None:
            return
        from app.ui.editor import packages_io

        paths = packages_io.choose_packages(self)
        target = self.workspace.conference_id if self.workspace and self._in_workspace() else None
        conf_id = packages_io.import_into(self, self.db, paths, target)
        self._after_import(conf_id)

    @Slot()
    def merge_packages(self) -> None:
        if self.db is None:
            return
        from app.ui.editor import packages_io

        conf_id = packages_io.import_into(self, self.db, packages_io.choose_packages(self), None)
        self._after_import(conf_id)

    def _after_import(self, conf_id: int | None) -> None:
        if conf_id is None or self.db is None:
            return
        self.library.reload(self.db, conf_id)
        if self.workspace is not None and self.workspace.conference_id == conf_id:
            self.workspace.editor.reload()
        else:
            self.open_conference(conf_id)

    def _in_workspace(self) -> bool:
        return self.workspace is not None and self.stack.currentWidget() is self.workspace

    @Slot()
    def export_package(self) -> None:
        if self.db is not None and self.workspace is not None:
            from app.services import conferences
            from app.ui.editor import packages_io

            self.workspace.editor.flush()
            with self.db.read() as session:
                slug = conferences.get_conference(session, self.workspace.conference_id).slug
            packages_io.export_conference(self, self.db, self.workspace.conference_id, slug)

    @Slot()
    def export_protocol(self) -> None:
        if self.db is not None and self.workspace is not None:
            from app.ui import exports

            exports.export_protocol(self, self.db, self.workspace.conference_id)

    @Slot()
    def export_results(self) -> None:
        if self.db is not None and self.workspace is not None:
            from app.ui import exports

            exports.export_results(self, self.db, self.workspace.conference_id)

    @Slot()
    def export_attendance(self) -> None:
        if self.db is not None and self.workspace is not None:
            from app.ui import exports

            exports.export_attendance(self, self.db, self.workspace.conference_id)

    @Slot()
    def save_chart(self) -> None:
        if self.db is not None and self.workspace is not None:
            from app.ui import exports

            exports.save_chart(self, self.db, self.workspace.current_question_id())

    # --- view ------------------------------------------------------------------------------

    @Slot()
    def show_preparation(self) -> None:
        if self.workspace is not None:
            self.workspace.show_preparation()

    @Slot()
    def show_live(self) -> None:
        if self.workspace is not None:
            self.stack.setCurrentWidget(self.workspace)
            self.workspace.show_live()

    def set_language(self, lang: str) -> None:
        settings.set_language(lang)
        install_language(lang)

    def set_theme(self, name: str) -> None:
        settings.set_theme(name)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, name)
        self._rebuild_pages()

    @Slot()
    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._build_menus()
            self._rebuild_pages()
        super().changeEvent(event)

    def _rebuild_pages(self) -> None:
        """Build the pages again in the new language or palette; the live session stays."""
        self.loading.setText(self.tr("Opening the database …"))
        if self.library is None:  # the database is still opening
            return
        on_library = self.stack.currentWidget() is self.library
        old_library = self.library
        self.library = self._make_library()
        self.stack.insertWidget(1, self.library)
        self.stack.removeWidget(old_library)
        old_library.deleteLater()
        if self.db is not None:
            self.library.reload(self.db)
        workspace = self.workspace
        if workspace is not None and self.db is not None:
            workspace.editor.flush()
            if workspace.console is not None:
                workspace.console.notes.flush()
            live = workspace.tabs.currentIndex() == 1
            session = workspace.session
            if session is not None:
                session.setParent(None)
            self.undo_group.removeStack(workspace.editor.undo_stack)
            from app.ui.workspace import Workspace

            new = Workspace(
                self.db,
                workspace.conference_id,
                session=session,
                auto_start_server=self._auto_start,
            )
            if session is not None:
                session.setParent(new)
            if workspace.presenter is not None:
                new.presenter = workspace.presenter
                new.presenter.addActions(new.ensure_console().live_actions.all())
            self.stack.removeWidget(workspace)
            workspace.deleteLater()
            self.workspace = new
            new.consoleCreated.connect(self._update_menus)
            self.undo_group.addStack(new.editor.undo_stack)
            self.undo_group.setActiveStack(new.editor.undo_stack)
            self.stack.addWidget(new)
            if live:
                new.show_live()
        self.stack.setCurrentWidget(
            self.library if on_library or self.workspace is None else self.workspace
        )
        if self.db is not None:
            self._update_menus()

    @Slot()
    def show_shortcuts(self) -> None:
        rows = []
        console = self.workspace.console if self.workspace else None
        actions = list(console.live_actions.all()) if console else []
        for menu in self.menuBar().findChildren(QMenu):
            actions.extend(a for a in menu.actions() if not a.isSeparator() and not a.menu())
        seen = set()
        for action in actions:
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            name = action.text().replace("&", "")
            if keys and name not in seen:
                seen.add(name)
                rows.append(
                    f"<tr><td style='padding-right:16px'><b>{keys}</b></td><td>{name}</td></tr>"
                )
        inform(self, self.tr("Keyboard shortcuts"), "<table>" + "".join(rows) + "</table>")

    @Slot()
    def show_about(self) -> None:
        inform(
            self,
            self.tr("About Votum"),
            self.tr(
                "Votum %1 — live voting for the joint sessions of molecular tumor boards."
            ).replace("%1", __version__),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.workspace is not None and not self._close_workspace():
            event.ignore()
            return
        settings.save_window_state(WINDOW, self.saveGeometry(), self.saveState())
        if self.db is not None:
            self.db.dispose()
        super().closeEvent(event)
