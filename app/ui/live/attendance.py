"""Attendance check-in: which sites are present, how many attend, names, EFNs and roles
(CME); the names the sites check in themselves arrive live, and which sites tested their
link shows beside them."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QDateTime, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.cme import EFN_PREFIX, EfnProblem, efn_problem
from app.services.moderator_actions import ATTENDANCE, CHECKIN_CLOSE, CHECKIN_OPEN
from app.services.views import InvitationInfo
from app.ui.live.session import LiveSnapshot
from app.ui.live.source import LiveSource
from app.ui.plain import plain_tooltip
from app.ui.theme import warning_color
from app.ui.widgets import ErrorLabel, ok_cancel_buttons


class AttendeesDialog(QDialog):
    """Names and EFNs of one site's attendees; EFNs are checked as typed. A wrong EFN does
    not stop the list: the person is kept, marked "invalid EFN" for the CME office, and the
    cell says why (amber, a warning sign, the reason under the table)."""

    def __init__(self, invitation: InvitationInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Attendees: %1").replace("%1", invitation.site.name))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("EFN (15 digits)"), self.tr("Role")]
        )
        self.table.setAccessibleName(self.tr("Attendees"))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for attendee in invitation.attendees:
            self._add(attendee.name, attendee.efn, attendee.role)
        self._add()
        self.table.itemChanged.connect(self.on_table_item_changed)
        self.error = ErrorLabel()
        self.warning = ErrorLabel()
        add = QPushButton(self.tr("Add row"))
        add.clicked.connect(lambda: self._add())
        buttons = ok_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addWidget(self.warning)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addStretch(1)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.resize(640, 360)
        self._mark_efns()

    def _add(self, name: str = "", efn: str = "", role: str = "") -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(name))
        self.table.setItem(row, 1, QTableWidgetItem(efn))
        self.table.setItem(row, 2, QTableWidgetItem(role))

    def _rows(self) -> list[tuple[int, str, str, str]]:
        """(row, name, EFN, role) of each row with something typed."""
        found: list[tuple[int, str, str, str]] = []
        for row in range(self.table.rowCount()):
            name, efn, role = (self._text(row, column) for column in range(3))
            if name or efn or role:
                found.append((row, name, efn, role))
        return found

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item else ""

    def attendees(self) -> tuple[list[tuple[str, str, str]], str]:
        """The typed rows and what keeps them from being saved (a missing name)."""
        rows: list[tuple[str, str, str]] = []
        problems: list[str] = []
        for row, name, efn, role in self._rows():
            if not name:
                problems.append(self.tr("Row %1: name missing").replace("%1", str(row + 1)))
            rows.append((name, efn, role))
        return rows, "\n".join(problems)

    def efn_warnings(self) -> str:
        """One line per wrong EFN: the reason, and that the person is kept, marked."""
        lines = []
        for row, _name, efn, _role in self._rows():
            problem = efn_problem(efn)
            if problem is not None:
                lines.append(
                    self.tr("Row %1: EFN “%2”: %3 – kept, marked “invalid EFN” on the CME list")
                    .replace("%1", str(row + 1))
                    .replace("%3", self._reason(problem))
                    .replace("%2", efn)  # last: the typed text is never read for placeholders
                )
        return "\n".join(lines)

    def _reason(self, problem: EfnProblem) -> str:
        if problem is EfnProblem.DIGITS:
            return self.tr("15 digits expected")
        if problem is EfnProblem.PREFIX:
            return self.tr("must start with %1").replace("%1", EFN_PREFIX)
        return self.tr("check digit wrong")

    def _mark_efns(self) -> None:
        """A wrong EFN's cell in amber with a warning sign and the reason as its tooltip."""
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.table.blockSignals(True)
        try:
            for row in range(self.table.rowCount()):
                item = self.table.item(row, 1)
                if item is None:
                    continue
                problem = efn_problem(item.text())
                if problem is None:
                    item.setData(Qt.ItemDataRole.ForegroundRole, None)
                    item.setData(Qt.ItemDataRole.DecorationRole, None)
                    item.setToolTip("")
                else:
                    item.setForeground(warning_color())
                    item.setIcon(icon)
                    item.setToolTip(self._reason(problem))  # our words only: plain text
        finally:
            self.table.blockSignals(False)

    @Slot()
    def on_table_item_changed(self) -> None:
        self._mark_efns()
        self.error.set_error(self.attendees()[1])
        self.warning.set_warning(self.efn_warnings())

    def accept(self) -> None:
        _, problems = self.attendees()
        if problems:
            self.error.set_error(problems)
            return
        super().accept()


class AttendanceDialog(QDialog):
    """One row per invited site: present, number of attendees, names, the link test.
    Saved per change; what the sites check in themselves arrives while it is open."""

    def __init__(self, session: LiveSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Attendance check-in"))
        self._session = session
        self._editing = False  # a names dialog is open: live refills wait for it
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Site"),
                self.tr("Present"),
                self.tr("Attendees"),
                self.tr("Names / EFN"),
                self.tr("Link tested"),
            ]
        )
        self.table.setAccessibleName(self.tr("Attendance check-in"))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.checkin_state = QLabel()
        self.checkin_state.setTextFormat(Qt.TextFormat.PlainText)
        self.checkin_button = QPushButton()
        self.checkin_button.clicked.connect(self.on_checkin_button_clicked)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        state_row = QHBoxLayout()
        state_row.addWidget(self.checkin_state, 1)
        state_row.addWidget(self.checkin_button)
        layout.addLayout(state_row)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(close)
        layout.addLayout(row)
        self.resize(860, 560)
        self.fill()  # a visit of a link is announced as it is stored: this stays current
        session.refreshed.connect(self.on_session_refreshed)

    @Slot(object)
    def on_session_refreshed(self, _snapshot: LiveSnapshot) -> None:
        """Names a site checked in itself (or another change) show at once, unless the
        moderator is typing in this dialog right now."""
        focus = self.focusWidget()
        if (
            not self.isVisible()
            or self._editing
            or (isinstance(focus, QSpinBox) and focus.hasFocus())
        ):
            return
        self.fill()

    def done(self, result: int) -> None:
        """Closed: stop following the session (the dialog may live on as a child)."""
        with contextlib.suppress(RuntimeError, TypeError):  # already disconnected
            self._session.refreshed.disconnect(self.on_session_refreshed)
        super().done(result)

    @Slot()
    def on_checkin_button_clicked(self) -> None:
        snapshot = self._session.snapshot or self._session.refresh()
        if snapshot is not None:
            is_open = snapshot.conference.checkin_open
            self._session.act(CHECKIN_CLOSE() if is_open else CHECKIN_OPEN())

    def fill(self) -> None:
        snapshot = self._session.snapshot or self._session.refresh()
        invitations = snapshot.invitations if snapshot else ()
        self.table.setRowCount(len(invitations))
        for row, inv in enumerate(invitations):
            name = QTableWidgetItem(inv.site.name)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, 0, name)
            present = QCheckBox()
            present.setChecked(inv.present)
            present.toggled.connect(lambda checked, i=inv: self.on_present_toggled(i, checked))
            count = QSpinBox()
            count.setRange(0, 500)
            count.setValue(inv.attendee_count)
            count.setEnabled(inv.present)
            count.editingFinished.connect(lambda i=inv, c=count: self.on_count_edited(i, c.value()))
            names = QPushButton(self._names_text(inv))
            if any(a.efn_invalid for a in inv.attendees):
                names.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
            names.clicked.connect(lambda _=False, i=inv: self.on_names_clicked(i))
            names.setToolTip(plain_tooltip(self._names_tip(inv)))
            present.setAccessibleName(self.tr("Present: %1").replace("%1", inv.site.name))
            count.setAccessibleName(self.tr("Attendees: %1").replace("%1", inv.site.name))
            names.setAccessibleName(self.tr("Names: %1").replace("%1", inv.site.name))
            self.table.setCellWidget(row, 1, present)
            self.table.setCellWidget(row, 2, count)
            self.table.setCellWidget(row, 3, names)
            visit = QTableWidgetItem(self._visit_text(inv))
            visit.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, 4, visit)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        if snapshot is None or snapshot.conference.checkin_open:
            self.checkin_state.setText(
                self.tr("The sites check in their own participants on their voting page.")
            )
            self.checkin_button.setText(self.tr("Close sites' check-in"))
        else:
            self.checkin_state.setText(
                self.tr("Sites' check-in closed: only you change attendance now.")
            )
            self.checkin_button.setText(self.tr("Reopen sites' check-in"))
        present_n = sum(1 for i in invitations if i.present)
        people = sum(i.attendee_count for i in invitations if i.present)
        self.summary.setText(
            self.tr("%1 of %2 sites present, %3 attendees")
            .replace("%1", str(present_n))
            .replace("%2", str(len(invitations)))
            .replace("%3", str(people))
        )

    def _names_text(self, inv: InvitationInfo) -> str:
        """ "Names (3)…", or "Names (3, 1 invalid EFN)…" while EFNs need fixing."""
        invalid = sum(1 for a in inv.attendees if a.efn_invalid)
        if not invalid:
            return self.tr("Names (%1)…").replace("%1", str(len(inv.attendees)))
        return (
            self.tr("Names (%1, %2 invalid EFN)…")
            .replace("%1", str(len(inv.attendees)))
            .replace("%2", str(invalid))
        )

    def _names_tip(self, inv: InvitationInfo) -> str:
        """Who is named, one per line: "Dr. A. Weiß · Fellow · EFN 8027…"."""
        lines = []
        for a in inv.attendees:
            parts = [a.name, a.role, f"EFN {a.efn}" if a.efn else ""]
            lines.append(" · ".join(p for p in parts if p))
        return "\n".join(lines)

    def _visit_text(self, inv: InvitationInfo) -> str:
        """When the site last opened its link, or that it has not yet."""
        if inv.last_seen_at is None:
            return self.tr("not yet")
        moment = QDateTime.fromSecsSinceEpoch(int(inv.last_seen_at.timestamp()))
        return moment.toString("dd.MM. HH:mm")

    def _current(self, site_id: int) -> InvitationInfo:
        snapshot = self._session.snapshot or self._session.refresh()
        invitations = snapshot.invitations if snapshot else ()
        return next(i for i in invitations if i.site.id == site_id)

    def on_present_toggled(self, inv: InvitationInfo, checked: bool) -> None:
        self._session.act(ATTENDANCE(site_code=inv.site.code, present=checked))
        self.fill()

    def on_count_edited(self, inv: InvitationInfo, value: int) -> None:
        current = self._current(inv.site.id)
        if current.present and value != current.attendee_count:
            code = inv.site.code
            self._session.act(ATTENDANCE(site_code=code, present=True, attendee_count=value))
            self.fill()

    def on_names_clicked(self, inv: InvitationInfo) -> None:
        current = self._current(inv.site.id)
        dialog = AttendeesDialog(current, self)
        self._editing = True
        try:
            accepted = dialog.exec()
        finally:
            self._editing = False
        if accepted:
            self.save_names(inv, dialog.attendees()[0])
        self.fill()

    def save_names(self, inv: InvitationInfo, names: list[tuple[str, str, str]]) -> bool:
        """The moderator's list of (name, EFN, role) replaces the site's names."""
        attendees = [{"name": n, "efn": e, "role": r} for n, e, r in names]
        return self._session.act(
            ATTENDANCE(site_code=inv.site.code, present=True, attendees=attendees)
        )
