"""The main window: shown first, library, demo offer, conference, language switch."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from app.services import conferences
from app.ui.mainwindow import MainWindow


def test_first_start_offers_the_demo(qtbot, db_url, prompter) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(db_url, offer_demo=True, auto_start_server=False, warm=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=5000)
    assert prompter.confirmations and "demo" in prompter.confirmations[0][1]
    assert window.library.model.rowCount() == 1
    assert "DEMO" in window.windowTitle()


def test_open_conference_switch_language_and_back_to_library(
    qtbot, db, db_url, demo_id, prompter
) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(db_url, demo_id, auto_start_server=False, warm=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    assert window.workspace is not None
    window.show_live()
    assert window.workspace.console is not None
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[:3] == ["&File", "&Edit", "&Live"]
    live_items = [a.text() for a in window.live_menu.actions() if a.text()]
    assert "&Close voting" in live_items

    window.set_language("de")
    QApplication.processEvents()
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[0] == "&Datei"
    assert window.workspace is not None and window.workspace.tabs.tabText(0) == "Vorbereitung"
    assert window.workspace.console is not None  # the live tab came back in German
    assert "Abstimmung schließen" in window.workspace.console.primary.text() or (
        window.workspace.console.primary.text().startswith("Abstimmung")
    )
    window.set_language("en")
    QApplication.processEvents()

    window.show_library()
    assert window.workspace is None
    with db.read() as session:
        assert conferences.get_conference(session, demo_id).topic.startswith("DEMO")
    window.set_theme("dark")
    assert QApplication.instance().property("votumDark") is True
    window.set_theme("light")
