"""The main window's menus: one line adds an entry, conference entries follow the page."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QMenu

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
