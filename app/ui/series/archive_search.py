"""The library's archive search: a field that answers as you type with every conference's
questions that hold the words (newest first), each with its date, conference and result.

A search waits for a pause in typing (:data:`PAUSE_MS`), then reads in the GUI thread: it
takes a few milliseconds even over years of sessions (``benchmarks/bench_archive.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.ui.i18n import current_language
from app.ui.models.series_models import ArchiveModel

if TYPE_CHECKING:
    from app.db import Database

#: Milliseconds of quiet typing before the search runs.
PAUSE_MS = 150
#: Hits listed at most (the count says how many there are).
LIMIT = 100


class ArchiveSearch(QWidget):
    """A search field and (while it holds words) the hits. Signals ``openRequested(id)``
    for a hit's conference and ``searching(bool)`` when the hits show or go."""

    openRequested = Signal(int)
    searching = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db: Database | None = None
        self.field = QLineEdit()
        self.field.setClearButtonEnabled(True)
        self.field.setPlaceholderText(
            self.tr("Search all conferences: question, option, case, diagnosis, gene (Ctrl+F)")
        )
        self.field.setAccessibleName(self.tr("Search all conferences"))
        self.field.textChanged.connect(self.on_field_text_changed)
        self.field.returnPressed.connect(self.on_field_return_pressed)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.field.setFocus)
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.model = ArchiveModel(
            [
                self.tr("Date"),
                self.tr("Conference"),
                self.tr("No."),
                self.tr("Question"),
                self.tr("Result"),
            ],
            self,
        )
        self.model.not_asked = self.tr("not asked")
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Questions found in the archive"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        for column, mode in enumerate(
            (
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.Interactive,
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.Stretch,
                QHeaderView.ResizeMode.Interactive,
            )
        ):
            header.setSectionResizeMode(column, mode)
        header.resizeSection(1, 220)
        header.resizeSection(4, 330)
        self.view.activated.connect(self.on_view_activated)
        self.view.doubleClicked.connect(self.on_view_activated)
        self.timer = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self.timer.timeout.connect(self.run)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addWidget(self.count)
        layout.addWidget(self.view, 1)
        self.count.hide()
        self.view.hide()

    def set_database(self, db: Database) -> None:
        self._db = db
        if self.field.text().strip():
            self.run()

    def active(self) -> bool:
        """True while the field holds something to search for."""
        return bool(self.field.text().strip())

    @Slot(str)
    def on_field_text_changed(self, text: str) -> None:
        self.timer.start()
        if not text.strip():
            self.run()

    @Slot()
    def on_field_return_pressed(self) -> None:
        self.run()
        if self.model.rowCount():
            self.view.setFocus()
            self.view.selectRow(0)

    @Slot()
    def run(self) -> None:
        """Search now (the pause is over, or Enter was pressed)."""
        self.timer.stop()
        query = self.field.text()
        searching = bool(query.strip())
        self.view.setVisible(searching)
        self.count.setVisible(searching)
        if not searching or self._db is None:
            self.model.set_hits([])
            self.searching.emit(searching)
            return
        from app.services.archive import search

        with self._db.read() as session:
            found = search(session, query, limit=LIMIT)
        self.model.lang = current_language()
        self.model.set_hits(found.hits)
        if found.total > len(found.hits):
            text = (
                self.tr("%1 questions found; the newest %2 are shown")
                .replace("%1", str(found.total))
                .replace("%2", str(len(found.hits)))
            )
        elif found.total == 1:
            text = self.tr("1 question found")
        else:
            text = self.tr("%1 questions found").replace("%1", str(found.total))
        self.count.setText(text)
        self.searching.emit(True)

    def current_conference(self) -> int | None:
        """The conference of the hit chosen in the list, if any."""
        index = self.view.currentIndex()
        return self.model.hits[index.row()].conference_id if index.isValid() else None

    @Slot(QModelIndex)
    def on_view_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.openRequested.emit(self.model.hits[index.row()].conference_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc empties the field: the conferences come back."""
        if event.key() == Qt.Key.Key_Escape and self.active():
            self.field.clear()
            self.field.setFocus()
            return
        super().keyPressEvent(event)
