"""A planned session as a form: date, start and end, topic, the responsible fellows."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.errors import VotumError
from app.ui.messages import error_text
from app.ui.widgets import ErrorLabel, ok_cancel_buttons

if TYPE_CHECKING:
    from app.db import Database
    from app.services.plan import PlanEntryData


class PlanEntryDialog(QDialog):
    """Adds a session to the plan, or changes one (``entry_id``); ``entry_id`` holds the
    entry once saved. Refusals show beside the buttons; nothing is stored then."""

    def __init__(
        self,
        db: Database,
        entry_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self.entry_id = entry_id
        self.setWindowTitle(self.tr("Change session") if entry_id else self.tr("Plan a session"))
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd.MM.yyyy")
        self.starts = QLineEdit()
        self.ends = QLineEdit()
        for field in (self.starts, self.ends):
            field.setPlaceholderText("16:00")
            field.setMaximumWidth(90)
        self.starts.setAccessibleName(self.tr("Start"))
        self.ends.setAccessibleName(self.tr("End"))
        times = QHBoxLayout()
        times.addWidget(self.starts)
        times.addWidget(self.ends)
        times.addStretch(1)
        self.topic = QLineEdit()
        self.topic.setMinimumWidth(380)
        self.topic.setPlaceholderText(self.tr("e.g. CDK4/6 and mTOR inhibitors in breast cancer"))
        self.fellows = QTableWidget(0, 2)
        self.fellows.setHorizontalHeaderLabels([self.tr("Fellow"), self.tr("Site")])
        self.fellows.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.fellows.setTabKeyNavigation(False)
        self.fellows.setMinimumHeight(110)
        self.fellows.setAccessibleName(self.tr("Fellows"))
        add = QPushButton(self.tr("Add fellow"))
        remove = QPushButton(self.tr("Remove fellow"))
        add.clicked.connect(self.on_add_clicked)
        remove.clicked.connect(self.on_remove_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        fellows = QVBoxLayout()
        fellows.addWidget(self.fellows)
        fellows.addLayout(buttons)
        self.error = ErrorLabel()
        form = QFormLayout(self)
        form.addRow(self.tr("&Date"), self.date)
        form.addRow(self.tr("&Time (start, end)"), times)
        form.addRow(self.tr("&Topic"), self.topic)
        form.addRow(self.tr("Fellows"), fellows)
        form.addRow(self.error)
        form.addRow(ok_cancel_buttons(self))
        if entry_id is not None:
            self._load(entry_id)
        else:
            self._append("", "")
            self._append("", "")

    def _load(self, entry_id: int) -> None:
        from app.services.plan import entry_data

        with self._db.read() as session:
            data = entry_data(session, entry_id)
        self.date.setDate(QDate(data.date.year, data.date.month, data.date.day))
        self.starts.setText(data.starts_at)
        self.ends.setText(data.ends_at)
        self.topic.setText(data.topic)
        for name, site in data.fellows:
            self._append(name, site)

    def _append(self, name: str, site: str) -> None:
        row = self.fellows.rowCount()
        self.fellows.insertRow(row)
        self.fellows.setItem(row, 0, QTableWidgetItem(name))
        self.fellows.setItem(row, 1, QTableWidgetItem(site))

    @Slot()
    def on_add_clicked(self) -> None:
        self._append("", "")
        self.fellows.setCurrentCell(self.fellows.rowCount() - 1, 0)
        self.fellows.setFocus()

    @Slot()
    def on_remove_clicked(self) -> None:
        row = self.fellows.currentRow()
        if row >= 0:
            self.fellows.removeRow(row)

    def data(self) -> PlanEntryData:
        """The form as entered (checked and cleaned by the service)."""
        from app.services.plan import PlanEntryData

        qdate = self.date.date()
        fellows = []
        for row in range(self.fellows.rowCount()):
            name, site = (self.fellows.item(row, column) for column in range(2))
            fellows.append((name.text() if name else "", site.text() if site else ""))
        return PlanEntryData(
            dt.date(qdate.year(), qdate.month(), qdate.day()),
            self.topic.text(),
            self.starts.text(),
            self.ends.text(),
            tuple((n, s) for n, s in fellows if n.strip()),
        )

    def accept(self) -> None:
        from app.services import plan

        try:
            with self._db.write() as session:
                if self.entry_id is None:
                    self.entry_id = plan.add_entry(session, self.data())
                else:
                    plan.update_entry(session, self.entry_id, self.data())
        except VotumError as exc:
            self.error.set_error(error_text(exc))
            return
        super().accept()
