"""Two notices of the live console: a site checked in by its ballot, and the storage alarm."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import QLabel, QWidget

from app.texts import Message
from app.ui.i18n import current_language
from app.ui.live.server_control import ServerState
from app.ui.theme import muted_color

#: How long the calm check-in note stays (it is also in the attendance count and the log).
NOTE_MS = 20_000


class CheckInNote(QLabel):
    """ "Göttingen checked in by ballot": muted, under the attendance, gone after a while;
    sites checked in close together are named together."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {muted_color().name()}")
        self.names: list[str] = []
        self._timer = QTimer(self, singleShot=True, interval=NOTE_MS)
        self._timer.timeout.connect(self.on_timer_timeout)
        self.hide()

    def add(self, site_name: str) -> None:
        if site_name not in self.names:
            self.names.append(site_name)
        self.setText(self.tr("%1 checked in by ballot").replace("%1", ", ".join(self.names)))
        self.show()
        self._timer.start()

    @Slot()
    def on_timer_timeout(self) -> None:
        self.names.clear()
        self.setText("")
        self.hide()


class StorageAlarm(QLabel):
    """A red strip across the console while ballots cannot be stored (the writer's
    ``storage_alarm``): the problem in the UI language and what to do. Hidden once a
    ballot is stored again or the server stops."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setMargin(8)
        self.setStyleSheet("background: #b42318; color: white; font-weight: bold;")
        self.problem: Message | None = None
        self.hide()

    @Slot(object)
    def show_problem(self, problem: Message | None) -> None:
        """``problem`` as the writer says it (disk full, read-only …), None: fine."""
        self.problem = problem
        if problem is None:
            self.setText("")
            self.hide()
            return
        self.setText(
            self.tr(
                "Ballots are NOT being stored: %1. The sites are asked to vote again. "
                "Free disk space or check the database file; storing resumes by itself."
            ).replace("%1", problem.in_language(current_language()))
        )
        self.show()

    @Slot(object)
    def on_server_changed(self, state: ServerState) -> None:
        if state.state != "running":
            self.show_problem(None)
