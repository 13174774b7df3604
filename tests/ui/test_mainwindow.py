"""The main window: shown first, library, demo offer, conference, language switch."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
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
    assert window.library.model.rowCount() == 2  # the demo and its round's earlier session
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


ROOT = Path(__file__).resolve().parents[2]

#: ``main.py --db URL`` until its main window's first paint; then prints the loaded modules.
FIRST_PAINT = """
import json, runpy, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow):
            print(json.dumps(sorted(sys.modules)), flush=True)
            QApplication.instance().removeEventFilter(self)
            QApplication.instance().quit()
        return False
painted = Painted()
exec_ = QApplication.exec
def watched_exec(app):
    app.installEventFilter(painted)
    return exec_()
QApplication.exec = watched_exec
sys.argv = ["main.py", "--db", sys.argv[1]]
runpy.run_path("main.py", run_name="__main__")
"""

#: What the first paint must not wait for: each loads after it, most in the background.
LATER = (
    "sqlalchemy",
    "app.db",
    "app.ui.library",
    "app.ui.workspace",
    "app.ui.window.help_menu",
    "app.server",
    "app.reports",
    "app.logs",
    "fastapi",
    "matplotlib",
    "platformdirs",
    "html",
)


@pytest.mark.skipif(sys.platform == "win32", reason="settings are isolated via XDG_CONFIG_HOME")
def test_the_first_paint_waits_for_no_database_server_chart_or_help_window(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{(tmp_path / 'start.sqlite3').as_posix()}"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PYTHONPATH": str(ROOT),
    }
    result = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT, url],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    loaded = set(json.loads(result.stdout.splitlines()[0]))
    assert "app.ui.mainwindow" in loaded
    early = sorted(m for m in loaded if any(m == n or m.startswith(n + ".") for n in LATER))
    assert early == []
