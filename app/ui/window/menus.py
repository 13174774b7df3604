"""The main window's menu bar: File, Edit, Live, View and Help with their actions.

A new menu entry is one line in :meth:`MainMenus._build`: ``add(menu, text, slot, shortcut)``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from app.ui import settings
from app.ui.i18n import current_language
from app.ui.window.appearance import LANGUAGE_NAMES

if TYPE_CHECKING:
    from app.ui.mainwindow import MainWindow

Shortcut = str | QKeySequence.StandardKey | None


def add_action(
    menu: QMenu, text: str, slot: Callable[[], object], shortcut: Shortcut = None
) -> QAction:
    """A menu entry that calls ``slot``; owned by its menu (rebuilt with it)."""
    action = QAction(text, menu)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


class MainMenus(QObject):
    """Fills the window's menu bar in the current language (a new one after a language
    change). Holds the Live menu (filled from the console's actions) and the actions that
    need an open conference."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.conference_actions: list[QAction] = []
        self.live = self._build(window)

    def enable_conference_actions(self, enabled: bool) -> None:
        for action in self.conference_actions:
            action.setEnabled(enabled)

    def _build(self, window: MainWindow) -> QMenu:
        bar = window.menuBar()
        for old in menus_of(bar.actions()):
            old.deleteLater()
        bar.clear()
        pages, commands, add = window.pages, window.commands, add_action
        file = bar.addMenu(self.tr("&File"))
        add(file, self.tr("&New conference…"), pages.new_conference, QKeySequence.StandardKey.New)
        add(file, self.tr("Conference &library"), pages.show_library, QKeySequence.StandardKey.Open)
        close = add(
            file, self.tr("&Close conference"), pages.show_library, QKeySequence.StandardKey.Close
        )
        file.addSeparator()
        add(file, self.tr("&Import case packages…"), commands.import_packages, "Ctrl+I")
        add(file, self.tr("&Merge case packages into a new conference…"), commands.merge_packages)
        export = add(file, self.tr("&Export case package…"), commands.export_package, "Ctrl+E")
        self.poll_action = add(file, self.tr("Import po&ll report…"), commands.import_poll_report)
        file.addSeparator()
        self.conference_actions = [
            close,
            export,
            self.poll_action,
            add(file, self.tr("Export &protocol (PDF)…"), commands.export_protocol, "Ctrl+Shift+P"),
            add(
                file,
                self.tr("Export &manuscript draft (Word, Markdown)…"),
                commands.export_manuscript,
                "Ctrl+Shift+M",
            ),
            add(file, self.tr("Export &results (CSV, XLSX, JSON)…"), commands.export_results),
            add(file, self.tr("Export &attendance list (CSV)…"), commands.export_attendance),
            add(
                file,
                self.tr("Export attendance cer&tificates (PDF)…"),
                commands.export_certificates,
            ),
            add(file, self.tr("Export chamber's list (EI&V)…"), commands.export_chamber_list),
            add(
                file,
                self.tr("Save &chart as…"),
                commands.save_chart,
                QKeySequence.StandardKey.SaveAs,
            ),
        ]
        file.addSeparator()
        quit_action = add(file, self.tr("&Quit"), window.close, QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        edit = bar.addMenu(self.tr("&Edit"))
        undo = window.undo_group.createUndoAction(edit, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = window.undo_group.createRedoAction(edit, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y")])
        edit.addAction(undo)
        edit.addAction(redo)

        live = bar.addMenu(self.tr("&Live"))
        view = bar.addMenu(self.tr("&View"))
        self.conference_actions += [
            add(view, self.tr("&Preparation"), pages.show_preparation, "Alt+1"),
            add(view, self.tr("&Live console"), pages.show_live, "Alt+2"),
        ]
        add(view, self.tr("&Series plan and participation"), pages.show_series, "Alt+3")
        view.addSeparator()
        languages = view.addMenu(self.tr("&Language"))
        _choices(languages, LANGUAGE_NAMES, current_language(), window.set_language)
        themes = view.addMenu(self.tr("&Appearance"))
        theme_names = (
            ("system", self.tr("Follow the system")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        )
        _choices(themes, theme_names, settings.theme(), window.set_theme)
        view.addSeparator()
        add(
            view,
            self.tr("&Full screen"),
            window.toggle_full_screen,
            QKeySequence.StandardKey.FullScreen,
        )

        help_menu = bar.addMenu(self.tr("&Help"))
        add(
            help_menu,
            self.tr("&Keyboard shortcuts"),
            window.show_shortcuts,
            QKeySequence.StandardKey.HelpContents,
        )
        add(help_menu, self.tr("Open &log file"), window.open_log)
        about = add(help_menu, self.tr("&About Votum"), window.show_about)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        return live

    def fill_live_menu(self, window: MainWindow) -> None:
        """The console's actions in groups, or one entry that starts the live session."""
        menu = self.live
        menu.clear()
        workspace = window.pages.workspace
        console = workspace.console if workspace else None
        if workspace is not None:  # a hosted server instead of this computer's
            from app.ui.live import remote_actions

            add_action(
                menu,
                self.tr("Connect to a voting server…"),
                lambda: remote_actions.ask_connect(workspace),
            )
            if workspace.session is not None and workspace.session.remote_host:
                add_action(
                    menu,
                    self.tr("Publish conference…"),
                    lambda: remote_actions.publish_conference(workspace, window),
                )
                add_action(
                    menu, self.tr("Fetch results"), lambda: remote_actions.fetch(workspace, window)
                )
            self.fill_round_menu(menu.addMenu(self.tr("The round's &server")), window)
            menu.addSeparator()
        if console is None:
            start = add_action(menu, self.tr("Start the live session"), window.pages.show_live)
            start.setEnabled(workspace is not None)
            return
        a = console.live_actions
        for group in (
            (a.open, a.close, a.reveal, a.hide),
            (a.next, a.previous, a.quick),
            (a.reopen, a.repeat, a.skip),
            (a.ballot, a.attendance, a.checkin, a.held),
            (a.presenter, a.links, a.server),
        ):
            for action in group:
                menu.addAction(action)
            menu.addSeparator()

    def fill_round_menu(self, menu: QMenu, window: MainWindow) -> None:
        """The round's standing server, with the organiser's credential."""
        from app.ui.live import round_server

        workspace = window.pages.workspace
        assert workspace is not None
        add_action(
            menu,
            self.tr("Server and organiser token…"),
            lambda: round_server.ask_round_server(window),
        )
        add_action(
            menu,
            self.tr("Publish as a new conference…"),
            lambda: round_server.publish_to_round(workspace, window),
        )
        add_action(
            menu, self.tr("Fetch results"), lambda: round_server.fetch_from_round(workspace, window)
        )
        add_action(
            menu,
            self.tr("Delete from the server…"),
            lambda: round_server.delete_from_round(workspace, window),
        )


def menus_of(actions: list[QAction]) -> list[QMenu]:
    """The menus behind ``actions``, submenus included."""
    found: list[QMenu] = []
    for action in actions:
        menu = action.menu()
        if isinstance(menu, QMenu):
            found.append(menu)
            found.extend(menus_of(menu.actions()))
    return found


def _choices(
    menu: QMenu, choices: tuple[tuple[str, str], ...], current: str, choose: Callable[[str], None]
) -> None:
    """Exclusive checkable entries, one per (code, name)."""
    group = QActionGroup(menu)
    for code, name in choices:
        action = QAction(name, menu, checkable=True)
        action.setChecked(code == current)
        action.triggered.connect(lambda _=False, c=code: choose(c))
        group.addAction(action)
        menu.addAction(action)
