"""Attendance check-in: which sites are present, how many attend, names and EFNs (CME)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
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
from app.services.moderator_actions import ATTENDANCE
from app.services.views import InvitationInfo
from app.ui.live.source import LiveSource
from app.ui.theme import warning_color
from app.ui.widgets import ErrorLabel, ok_cancel_buttons, put_cell_widget


class AttendeesDialog(QDialog):
    """Names and EFNs of one site's attendees; EFNs are checked as typed. A wrong EFN does
    not stop the list: the person is kept, marked "invalid EFN" for the CME office, and the
    cell says why (amber, a warning sign, the reason under the table)."""

    def __init__(self, invitation: InvitationInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Attendees: %1").replace("%1", invitation.site.name))
        self.table = QTableWidget(0, 2)
        self.table.setAccessibleName(self.tr("Attendees"))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("EFN (15 digits)")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for attendee in invitation.attendees:
            self._add(attendee.name, attendee.efn)
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
        self.resize(520, 360)
        self._mark_efns()

    def _add(self, name: str = "", efn: str = "") -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(name))
        self.table.setItem(row, 1, QTableWidgetItem(efn))

    def _rows(self) -> list[tuple[int, str, str]]:
        """(row, name, EFN) of each row with something typed."""
        found: list[tuple[int, str, str]] = []
        for row in range(self.table.rowCount()):
            name_item, efn_item = self.table.item(row, 0), self.table.item(row, 1)
            name = name_item.text().strip() if name_item else ""
            efn = efn_item.text().strip() if efn_item else ""
            if name or efn:
                found.append((row, name, efn))
        return found

    def attendees(self) -> tuple[list[tuple[str, str]], str]:
        """The typed rows and what keeps them from being saved (a missing name)."""
        rows: list[tuple[str, str]] = []
        problems: list[str] = []
        for row, name, efn in self._rows():
            if not name:
                problems.append(self.tr("Row %1: name missing").replace("%1", str(row + 1)))
            rows.append((name, efn))
        return rows, "\n".join(problems)

    def efn_warnings(self) -> str:
        """One line per wrong EFN: the reason, and that the person is kept, marked."""
        lines = []
        for row, _name, efn in self._rows():
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
    """One row per invited site: present, number of attendees, names. Saved per change."""

    def __init__(self, session: LiveSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Attendance check-in"))
        self._session = session
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(self.tr("Invited sites"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Site"), self.tr("Present"), self.tr("Attendees"), self.tr("Names / EFN")]
        )
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(close)
        layout.addLayout(row)
        self.resize(720, 560)
        self.fill()

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
            put_cell_widget(self.table, row, 1, present)
            put_cell_widget(self.table, row, 2, count)
            put_cell_widget(self.table, row, 3, names)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
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
        if dialog.exec():
            names, _ = dialog.attendees()
            attendees = [{"name": name, "efn": efn} for name, efn in names]
            self._session.act(
                ATTENDANCE(site_code=inv.site.code, present=True, attendees=attendees)
            )
            self.fill()
