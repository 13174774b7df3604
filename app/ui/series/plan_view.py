"""The series view: a plain table of the round's planned and held sessions with their
state, and what the project lead does with them (plan, change, make the conference, mark
published, the calendar, the yearly report)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.errors import VotumError
from app.ui.exports import _ask, _run
from app.ui.i18n import current_language
from app.ui.messages import confirm, error_text, show_error
from app.ui.models.series_models import PlanModel

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.db import Database
    from app.services.plan import PlanRow


class PlanView(QWidget):
    """Signals ``openRequested(conference id)`` (Enter on a session with its conference)
    and ``conferencesChanged(conference id)`` after a conference was made from the plan."""

    openRequested = Signal(int)
    conferencesChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db: Database | None = None
        self.model = PlanModel(
            [
                self.tr("Date"),
                self.tr("Time"),
                self.tr("Topic"),
                self.tr("Fellows (site)"),
                self.tr("State"),
                self.tr("Conference"),
            ],
            self,
        )
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Sessions of the round"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(3, 300)
        self.view.activated.connect(self.on_view_activated)
        self.view.doubleClicked.connect(self.on_view_activated)
        self.add = QPushButton(self.tr("&Plan a session…"))
        self.change = QPushButton(self.tr("Chan&ge…"))
        self.remove = QPushButton(self.tr("&Remove"))
        self.make = QPushButton(self.tr("&Make its conference"))
        self.publish = QPushButton(self.tr("Mark p&ublished"))
        self.open = QPushButton(self.tr("Open c&onference"))
        self.calendar = QPushButton(self.tr("Calen&dar (.ics)…"))
        self.report = QPushButton(self.tr("&Yearly report (PDF)…"))
        self.add.clicked.connect(self.on_add_clicked)
        self.change.clicked.connect(self.on_change_clicked)
        self.remove.clicked.connect(self.on_remove_clicked)
        self.make.clicked.connect(self.on_make_clicked)
        self.publish.clicked.connect(self.on_publish_clicked)
        self.open.clicked.connect(self.on_open_clicked)
        self.calendar.clicked.connect(self.on_calendar_clicked)
        self.report.clicked.connect(self.on_report_clicked)
        self.view.selectionModel().selectionChanged.connect(self.on_selection_changed)
        buttons = QHBoxLayout()
        for button in (self.add, self.change, self.remove, self.make, self.publish, self.open):
            buttons.addWidget(button)
        buttons.addStretch(1)
        more = QHBoxLayout()
        more.addStretch(1)
        more.addWidget(self.calendar)
        more.addWidget(self.report)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addLayout(more)
        self.on_selection_changed()

    # --- data --------------------------------------------------------------------------

    def reload(self, db: Database, select_entry: int | None = None) -> None:
        from app.services.plan import plan

        self._db = db
        current = self.current()
        with db.read() as session:
            rows = plan(session)
        self.model.lang = current_language()
        self.model.set_rows(rows)
        wanted = select_entry if select_entry is not None else current.entry_id if current else None
        for index, row in enumerate(rows):
            if wanted is not None and row.entry_id == wanted:
                self.view.selectRow(index)
                break
        else:  # the next session to come, else the last one
            upcoming = [i for i, r in enumerate(rows) if r.date >= dt.date.today()]
            if rows:
                self.view.selectRow(upcoming[0] if upcoming else len(rows) - 1)
        self.on_selection_changed()

    def current(self) -> PlanRow | None:
        index = self.view.currentIndex()
        rows = self.model.rows
        return rows[index.row()] if index.isValid() and index.row() < len(rows) else None

    @Slot()
    def on_selection_changed(self) -> None:
        row = self.current()
        entry = row is not None and row.entry_id is not None
        self.change.setEnabled(entry)
        self.remove.setEnabled(entry)
        self.make.setEnabled(entry and row is not None and row.conference_id is None)
        self.open.setEnabled(row is not None and row.conference_id is not None)
        self.publish.setEnabled(row is not None)
        published = row is not None and row.status.value == "published"
        self.publish.setText(self.tr("Not p&ublished") if published else self.tr("Mark p&ublished"))

    # --- actions -----------------------------------------------------------------------

    def _write(self, title: str, work: Callable[[Session], object]) -> bool:
        """One write; a refusal is said in a message box and changes nothing."""
        assert self._db is not None
        try:
            with self._db.write() as session:
                work(session)
        except VotumError as exc:
            show_error(self, title, error_text(exc))
            return False
        return True

    @Slot()
    def on_add_clicked(self) -> None:
        if self._db is None:
            return
        from app.ui.series.plan_dialog import PlanEntryDialog

        dialog = PlanEntryDialog(self._db, None, self)
        if dialog.exec():
            self.reload(self._db, dialog.entry_id)

    @Slot()
    def on_change_clicked(self) -> None:
        row = self.current()
        if self._db is None or row is None or row.entry_id is None:
            return
        from app.ui.series.plan_dialog import PlanEntryDialog

        dialog = PlanEntryDialog(self._db, row.entry_id, self)
        if dialog.exec():
            self.reload(self._db, row.entry_id)

    @Slot()
    def on_remove_clicked(self) -> None:
        row = self.current()
        if self._db is None or row is None or row.entry_id is None:
            return
        title = self.tr("Remove from the plan")
        text = self.tr("Take “%1” (%2) off the plan? Its conference, if made, stays.")
        text = text.replace("%1", row.topic).replace("%2", f"{row.date:%d.%m.%Y}")
        from app.services.plan import delete_entry

        entry_id = row.entry_id
        if confirm(self, title, text, self.tr("Remove")) and self._write(
            title, lambda s: delete_entry(s, entry_id)
        ):
            self.reload(self._db)

    @Slot()
    def on_make_clicked(self) -> None:
        row = self.current()
        if self._db is None or row is None or row.entry_id is None:
            return
        from app.services.plan import create_conference

        made: list[int] = []
        entry_id = row.entry_id
        if self._write(
            self.tr("Make its conference"),
            lambda s: made.append(create_conference(s, entry_id)),
        ):
            self.reload(self._db, entry_id)
            self.conferencesChanged.emit(made[0])

    @Slot()
    def on_publish_clicked(self) -> None:
        row = self.current()
        if self._db is None or row is None:
            return
        from app.services import plan

        published = row.status.value == "published"
        entry_id, conference_id = row.entry_id, row.conference_id
        chosen: list[int] = []

        def work(session: Session) -> None:
            entry = entry_id
            if entry is None and conference_id is not None:
                entry = plan.adopt_conference(session, conference_id)
            assert entry is not None
            plan.set_published(session, entry, not published)
            chosen.append(entry)

        if self._write(self.tr("Mark published"), work):
            self.reload(self._db, chosen[0])

    @Slot()
    def on_open_clicked(self) -> None:
        row = self.current()
        if row is not None and row.conference_id is not None:
            self.openRequested.emit(row.conference_id)

    @Slot(QModelIndex)
    def on_view_activated(self, index: QModelIndex) -> None:
        row = self.current()
        if row is None:
            return
        if row.conference_id is not None:
            self.openRequested.emit(row.conference_id)
        elif row.entry_id is not None:
            self.on_change_clicked()

    @Slot()
    def on_calendar_clicked(self) -> None:
        if self._db is None:
            return
        title = self.tr("Export the plan as a calendar")
        path, _ = _ask(self, title, "mtb-runde.ics", self.tr("iCalendar (*.ics)"))
        if path is None:
            return
        rows, lang = self.model.rows, current_language()

        def work() -> None:
            from app.reports.plan_calendar import write_plan_calendar

            write_plan_calendar(rows, Path(path), lang=lang)

        _run(self, title, path, work)

    @Slot()
    def on_report_clicked(self) -> None:
        if self._db is None:
            return
        db = self._db
        title = self.tr("Yearly report")
        row = self.current()
        year, ok = QInputDialog.getInt(
            self,
            title,
            self.tr("The report of the sessions held in the year:"),
            (row.date if row else dt.date.today()).year,
            2000,
            2999,
        )
        if not ok:
            return
        name = self.tr("report-%1.pdf").replace("%1", str(year))
        path, _ = _ask(self, title, name, self.tr("PDF (*.pdf)"))
        if path is None:
            return
        lang = current_language()

        def work() -> None:
            from app.reports.yearly_report import write_year_report

            write_year_report(db, year, path, lang=lang)

        _run(self, title, path, work)
