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
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.cme import normalise_efn
from app.services.errors import InvalidInput
from app.services.views import InvitationInfo
from app.ui.live.source import LiveSource
from app.ui.widgets import ErrorLabel, ok_cancel_buttons


class AttendeesDialog(QDialog):
    """Names and EFNs of one site's attendees; EFNs are checked as typed."""

    def __init__(self, invitation: InvitationInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Attendees: %1").replace("%1", invitation.site.name))
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("EFN (15 digits)")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for attendee in invitation.attendees:
            self._add(attendee.name, attendee.efn)
        self._add()
        self.table.itemChanged.connect(self.on_table_item_changed)
        self.error = ErrorLabel()
        add = QPushButton(self.tr("Add row"))
        add.clicked.connect(lambda: self._add())
        buttons = ok_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addStretch(1)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.resize(520, 360)

    def _add(self, name: str = "", efn: str = "") -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(name))
        self.table.setItem(row, 1, QTableWidgetItem(efn))

    def attendees(self) -> tuple[list[tuple[str, str]], str]:
        rows: list[tuple[str, str]] = []
        problems: list[str] = []
        for row in range(self.table.rowCount()):
            name_item, efn_item = self.table.item(row, 0), self.table.item(row, 1)
            name = name_item.text().strip() if name_item else ""
            efn = efn_item.text().strip() if efn_item else ""
            if not name and not efn:
                continue
            if not name:
                problems.append(self.tr("Row %1: name missing").replace("%1", str(row + 1)))
            try:
                normalise_efn(efn)
            except InvalidInput as exc:
                problems.append(
                    self.tr("Row %1: %2").replace("%1", str(row + 1)).replace("%2", str(exc))
                )
            rows.append((name, efn))
        return rows, "\n".join(problems)

    @Slot()
    def on_table_item_changed(self) -> None:
        self.error.set_error(self.attendees()[1])

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
        invitations = snapshot.invitations
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
            names = QPushButton(self.tr("Names (%1)…").replace("%1", str(len(inv.attendees))))
            names.clicked.connect(lambda _=False, i=inv: self.on_names_clicked(i))
            self.table.setCellWidget(row, 1, present)
            self.table.setCellWidget(row, 2, count)
            self.table.setCellWidget(row, 3, names)
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

    def _current(self, site_id: int) -> InvitationInfo:
        snapshot = self._session.snapshot or self._session.refresh()
        return next(i for i in snapshot.invitations if i.site.id == site_id)

    def on_present_toggled(self, inv: InvitationInfo, checked: bool) -> None:
        self._session.set_attendance(inv.site.id, checked)
        self.fill()

    def on_count_edited(self, inv: InvitationInfo, value: int) -> None:
        current = self._current(inv.site.id)
        if current.present and value != current.attendee_count:
            self._session.set_attendance(inv.site.id, True, value)
            self.fill()

    def on_names_clicked(self, inv: InvitationInfo) -> None:
        current = self._current(inv.site.id)
        dialog = AttendeesDialog(current, self)
        if dialog.exec():
            names, _ = dialog.attendees()
            self._session.set_attendance(inv.site.id, True, None, names)
            self.fill()
