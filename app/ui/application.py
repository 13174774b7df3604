"""Start the desktop app: QApplication, language, palette, the main window first."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from app.ui import settings
from app.ui.i18n import RESOURCES, install_language
from app.ui.theme import apply_theme

if TYPE_CHECKING:
    from app.ui.mainwindow import MainWindow

APP_ICON = RESOURCES / "icons" / "votum.svg"


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with organisation, language and palette set (created once)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        # High DPI: Qt 6 scales by the exact factor (PassThrough) by default; icons are
        # drawn per device pixel ratio (icons.py).
        app = QApplication(argv if argv is not None else sys.argv)
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName("Votum")
    if APP_ICON.is_file():
        QTimer.singleShot(0, lambda: app.setWindowIcon(QIcon(str(APP_ICON))))
    install_language(settings.language())
    apply_theme(app, settings.theme())
    QGuiApplication.styleHints().colorSchemeChanged.connect(_on_color_scheme_changed)
    return app


def _on_color_scheme_changed(_scheme: Qt.ColorScheme) -> None:
    """Follow the system's light or dark mode while the theme is "system"."""
    app = QApplication.instance()
    if isinstance(app, QApplication) and settings.theme() == "system":
        apply_theme(app, "system")


def _start_logging() -> None:
    from app.logs import setup_logging

    try:
        setup_logging()
    except OSError as exc:  # a read-only profile must not keep the app from starting
        print(f"Votum: no log file ({exc})", file=sys.stderr)


def open_log_file() -> bool:
    """Show the log file in the system's viewer (*Hilfe → Protokolldatei öffnen*)."""
    from app.logs import log_file

    path = log_file()
    target = path if path.is_file() else path.parent
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))


def run_app(db_url: str, conference_id: int | None = None) -> int:
    """Show the main window (the database opens right after it is on screen) and run."""
    app = create_application()
    from app.ui.mainwindow import MainWindow

    window = MainWindow(db_url, conference_id)
    window.show()
    # soon after the first paint: the log module (logging.handlers, platformdirs) is
    # not on the cold-start path
    QTimer.singleShot(300, _start_logging)
    if conference_id is not None:
        window.ready.connect(lambda: show_console_on_start(window))
    return app.exec()


def show_console_on_start(window: MainWindow) -> None:
    """A conference opened from the command line (``python main.py demo``) shows its live
    console; the voting server waits until the moderator starts the session (opens a
    question, starts the server), so a look at the demo asks nothing of the firewall."""
    if window.workspace is not None:
        window.show_live(start_server=False)
