"""The live console's left column: the agenda, the attendance and the voting server."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.ui import settings
from app.ui.i18n import current_language
from app.ui.live.actions import ActionButton, LiveActions
from app.ui.live.notices import CheckInNote
from app.ui.live.session import LiveSnapshot, ServerState
from app.ui.models.agenda_model import AgendaModel
from app.ui.theme import error_color, muted_color, ok_color

BigT = TypeVar("BigT", bound=QWidget)


def plain(label: QLabel) -> QLabel:
    """User text is never read as markup (``<b>`` shows as typed)."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def big(widget: BigT, factor: float, bold: bool = True) -> BigT:
    """The widget's font ``factor`` times larger (and bold)."""
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    widget.setFont(font)
    return widget


def caption(text: str) -> QLabel:
    """A small muted heading in capitals ("AGENDA")."""
    label = plain(QLabel(text))
    font = label.font()
    font.setBold(True)
    font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
    label.setFont(font)
    label.setStyleSheet(f"color: {muted_color().name()}")
    return label


class ConsoleSide(QWidget):
    """The agenda tree, the attendance ("12/40 · 31 attendees", check-in open or closed,
    sites checked in by ballot) and the voting server (its state, port and buttons). A
    remote console shows the server it is connected to instead of a port to start on."""

    def __init__(
        self,
        actions: LiveActions,
        port: int | None,
        remote_host: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.actions_ = actions
        self.remote_host = remote_host
        self.agenda_model = AgendaModel(self)
        self.agenda_model.set_language(current_language())
        self.tree = QTreeView()
        self.tree.setAccessibleName(self.tr("Agenda"))
        self.tree.setModel(self.agenda_model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setToolTip(self.tr("Enter or double-click: make this the current question"))

        self.attendance_label = big(plain(QLabel()), 1.1)
        self.attendance_label.setWordWrap(True)
        attendance_button = QPushButton(self.tr("Check-in…"))
        attendance_button.clicked.connect(actions.attendance.trigger)
        self.server_label = plain(QLabel())
        self.server_label.setWordWrap(True)
        self.server_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.server_button = QPushButton()
        self.server_button.clicked.connect(actions.server.trigger)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(caption(self.tr("AGENDA")))
        layout.addWidget(self.tree, 1)
        # the column stacks its controls: narrow enough for 1366×768 at 125 %
        box = QGroupBox(self.tr("Attendance"))
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.attendance_label)
        box_layout.addWidget(attendance_button)
        layout.addWidget(box)
        self.check_in_note = CheckInNote()
        layout.addWidget(self.check_in_note)
        server_box = QGroupBox(self.tr("Voting server"))
        server_layout = QVBoxLayout(server_box)
        server_layout.addWidget(self.server_label)
        self.port = QSpinBox()
        self.port.setRange(1024, 65535)
        self.port.setValue(port or settings.server_port())
        self.port.setPrefix(self.tr("Port "))
        self.port.setAccessibleName(self.tr("Port of the voting server"))
        self.port.setToolTip(self.tr("Port of the voting server; change it if the port is in use"))
        server_layout.addWidget(self.port)
        server_layout.addWidget(self.server_button)
        server_layout.addWidget(ActionButton(actions.links, compact=True))
        server_layout.addWidget(ActionButton(actions.presenter, compact=True))
        layout.addWidget(server_box)
        if remote_host is not None:  # a hosted server: not ours to start or stop
            self.port.hide()
            self.server_button.hide()

    def show_agenda(self, snapshot: LiveSnapshot, *, anew: bool) -> None:
        """The agenda (rebuilt when ``anew``) with the current question selected."""
        if anew:
            self.agenda_model.update_agenda(
                list(snapshot.cases), snapshot.conference.current_question_id
            )
            self.tree.expandAll()
        if snapshot.question is not None:
            current = self.agenda_model.index_of_question(snapshot.question.id)
            if current.isValid() and self.tree.currentIndex() != current:
                self.tree.setCurrentIndex(current)

    def show_attendance(self, snapshot: LiveSnapshot) -> None:
        """Sites present of those invited, the people they named, whether check-in is open."""
        people = sum(i.attendee_count for i in snapshot.invitations if i.present)
        conf = snapshot.conference
        checkin = self.tr("check-in open") if conf.checkin_open else self.tr("check-in closed")
        self.attendance_label.setText(
            f"{snapshot.n_present}/{len(snapshot.invitations)}  ·  "
            + self.tr("%1 attendees").replace("%1", str(people))
            + f"\n{checkin}"
        )
        self.actions_.checkin.setText(
            self.tr("Reopen sites' check-&in")
            if not conf.checkin_open
            else self.tr("Close sites' check-&in")
        )

    def show_server(self, state: ServerState, *, problem: bool) -> None:
        """The voting server's state; for a remote console the connection (``problem``:
        the connection failed, not merely still on its way)."""
        if self.remote_host is not None:
            self._show_remote(state, problem)
            return
        actions = self.actions_
        if state.state == "running":
            text = (
                self.tr("● Local server · port %1").replace("%1", str(state.port))
                + "\n"
                + "\n".join(state.urls)
            )
            self.server_label.setStyleSheet(f"color: {ok_color().name()};")
            actions.server.setText(self.tr("Stop voting &server"))
        elif state.state in ("starting", "stopping"):
            starting = state.state == "starting"
            text = self.tr("Server starting …") if starting else self.tr("Server stopping …")
            self.server_label.setStyleSheet("")
            actions.server.setText(self.tr("Stop voting &server"))
        elif state.state == "failed":
            text = self.tr("Server not running: %1").replace("%1", state.error)
            self.server_label.setStyleSheet(f"color: {error_color().name()};")
            actions.server.setText(self.tr("Start voting &server"))
        else:
            text = self.tr("○ Server stopped")
            self.server_label.setStyleSheet("")
            actions.server.setText(self.tr("Start voting &server"))
        self.server_label.setText(text)
        self.server_button.setText(actions.server.text().replace("&", ""))
        actions.links.setEnabled(state.state == "running")
        self.port.setEnabled(state.state in ("stopped", "failed"))
        if state.port:
            self.port.setValue(state.port)
        actions.server.setEnabled(state.state != "stopping")  # a start can be stopped

    def _show_remote(self, state: ServerState, problem: bool) -> None:
        host = self.remote_host or ""
        if state.state == "running":
            text = self.tr("Connected to %1").replace("%1", host)
            self.server_label.setStyleSheet(f"color: {ok_color().name()};")
        elif problem:
            text = self.tr("Not connected to %1").replace("%1", host)
            self.server_label.setStyleSheet(f"color: {error_color().name()};")
        else:
            text = self.tr("Connecting to %1 …").replace("%1", host)
            self.server_label.setStyleSheet(f"color: {error_color().name()};")
        self.server_label.setText(text)
        self.actions_.links.setEnabled(True)
        self.actions_.server.setEnabled(False)
