"""The main window's menus: one line adds an entry, conference entries follow the page."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QUrl, Slot
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QApplication, QMenu

from app import logs
from app.ui import application
from app.ui.mainwindow import MainWindow
from app.ui.window.help_menu import ShortcutsDialog, shortcut_rows
from app.ui.window.menus import add_action, menus_of


def _window(qtbot, db_url, conference_id=None) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(
        db_url, conference_id, offer_demo=False, auto_start_server=False, warm=False
    )
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    return window


def test_add_action_is_one_line_and_calls_its_slot(qtbot) -> None:  # type: ignore[no-untyped-def]
    menu = QMenu()
    calls: list[str] = []
    action = add_action(menu, "Import &poll report…", lambda: calls.append("poll"), "Ctrl+Alt+U")
    action.trigger()
    assert calls == ["poll"]
    assert menu.actions() == [action]
    assert action.shortcut().toString() == "Ctrl+Alt+U"


def test_conference_entries_need_an_open_conference(qtbot, db_url, demo_id) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, db_url)
    assert window.workspace is None
    assert not any(a.isEnabled() for a in window.menus.conference_actions)
    window.open_conference(demo_id)
    assert all(a.isEnabled() for a in window.menus.conference_actions)
    assert "DEMO" in window.windowTitle()
    window.show_library()
    assert not any(a.isEnabled() for a in window.menus.conference_actions)
    assert window.windowTitle() == ""


def test_language_change_leaves_one_set_of_menus(qtbot, db_url, demo_id) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, db_url, demo_id)
    before = len(window.menuBar().findChildren(QMenu))
    window.set_language("de")
    window.set_language("en")
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert len(window.menuBar().findChildren(QMenu)) == before
    titles = [m.title() for m in menus_of(window.menuBar().actions())]
    assert "&Datei" not in titles and titles.count("&File") == 1


def test_shortcuts_window_lists_each_entry_once_as_plain_text(qtbot, db_url, demo_id) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, db_url, demo_id)
    actions = [a for m in menus_of(window.menuBar().actions()) for a in m.actions()]
    rows = shortcut_rows(actions + actions)
    assert ("Ctrl+I", "Import case packages…") in rows
    assert len({name for _keys, name in rows}) == len(rows)
    dialog = ShortcutsDialog(rows, window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == len(rows)
    assert dialog.table.item(0, 1).text() == rows[0][1]


class _UrlCatcher(QObject):
    """Stands in for the system's file viewer (QDesktopServices' handler for file: URLs)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def show(self, url: QUrl) -> None:
        self.urls.append(url)


def _help_entry(window: MainWindow, text: str) -> QAction | None:
    help_menu = menus_of(window.menuBar().actions())[-1]
    return next((a for a in help_menu.actions() if a.text() == text), None)


def test_help_menu_opens_the_log_file_in_the_system_viewer(
    qtbot, db_url, tmp_path, monkeypatch, prompter
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(logs, "log_dir", lambda: tmp_path / "logs")
    (tmp_path / "logs").mkdir()
    (tmp_path / "logs" / logs.LOG_FILE).write_text("a line\n", encoding="utf-8")
    catcher = _UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "show")  # type: ignore[arg-type]
    try:
        window = _window(qtbot, db_url)
        _help_entry(window, "Open &log file").trigger()  # type: ignore[union-attr]
        window.set_language("de")
        qtbot.waitUntil(lambda: _help_entry(window, "&Protokolldatei öffnen") is not None)
        _help_entry(window, "&Protokolldatei öffnen").trigger()  # type: ignore[union-attr]
    finally:
        QDesktopServices.unsetUrlHandler("file")
    wanted = QUrl.fromLocalFile(str(tmp_path / "logs" / logs.LOG_FILE))
    assert catcher.urls == [wanted, wanted]
    assert prompter.errors == []


def test_log_file_that_cannot_be_shown_is_named(qtbot, db_url, monkeypatch, prompter) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(application, "open_log_file", lambda: False)
    window = _window(qtbot, db_url)
    _help_entry(window, "Open &log file").trigger()  # type: ignore[union-attr]
    [(title, text)] = prompter.errors
    assert title == "Open log file"
    assert str(logs.log_file()) in text
