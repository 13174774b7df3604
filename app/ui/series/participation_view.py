"""Participation across the series: a table by site (sessions attended, questions voted,
participants) beside the heat map of sites × sessions, for a year or the whole round.

The heat map is the report's figure (:func:`app.reports.participation_figure`) shown as a
picture; the table holds the same numbers as text, for reading and for screen readers.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.ui.i18n import current_language
from app.ui.models.series_models import ParticipationModel

if TYPE_CHECKING:
    from app.db import Database
    from app.services.participation import Participation

#: The heat map's width in inches on screen (its height follows the number of sites).
FIGURE_WIDTH_IN = 6.0


class ParticipationView(QWidget):
    """Reads the participation when shown (:meth:`reload`) and when the year changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db: Database | None = None
        self.table_data: Participation | None = None
        self.year = QComboBox()
        self.year.setAccessibleName(self.tr("Sessions of"))
        self.year.currentIndexChanged.connect(self.on_year_current_index_changed)
        label = QLabel(self.tr("&Sessions of"))
        label.setBuddy(self.year)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.year)
        top.addSpacing(16)
        top.addWidget(self.summary, 1)
        self.model = ParticipationModel(
            [
                self.tr("Site"),
                self.tr("Sessions"),
                self.tr("Questions voted"),
                self.tr("Participants"),
            ],
            self,
        )
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Participation by site"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setAccessibleName(self.tr("Heat map of participation per session"))
        scroll.setWidget(self.picture)
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # scrolled by keys too
        split = QSplitter()
        split.addWidget(self.view)
        split.addWidget(scroll)
        split.setSizes([460, 640])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(top)
        layout.addWidget(split, 1)

    def reload(self, db: Database) -> None:
        """The years with sessions (newest first, then the whole round), then the table."""
        from sqlalchemy import select

        from app.models import Conference

        self._db = db
        with db.read() as session:
            years = sorted({d.year for d in session.scalars(select(Conference.date))}, reverse=True)
        chosen = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        for year in years:
            self.year.addItem(str(year), year)
        self.year.addItem(self.tr("the whole round"), 0)
        index = self.year.findData(chosen) if chosen is not None else -1
        if index < 0:
            index = self.year.findData(dt.date.today().year)
        self.year.setCurrentIndex(max(0, index))
        self.year.blockSignals(False)
        self._show()

    @Slot(int)
    def on_year_current_index_changed(self, _index: int) -> None:
        self._show()

    def _show(self) -> None:
        if self._db is None:
            return
        from app.services.participation import participation

        year = self.year.currentData() or 0
        start = dt.date(year, 1, 1) if year else None
        end = dt.date(year, 12, 31) if year else None
        with self._db.read() as session:
            table = participation(session, start=start, end=end)
        self.table_data = table
        self.model.set_sites(table.sites)
        present = sum(1 for s in table.sites if s.attended)
        self.summary.setText(
            self.tr("%1 sessions held · %2 sites took part")
            .replace("%1", str(len(table.sessions)))
            .replace("%2", str(present))
        )
        self._draw(table)

    def _draw(self, table: Participation) -> None:
        if not table.sessions:
            self.picture.setPixmap(QPixmap())
            self.picture.setText(self.tr("No session held in this period."))
            return
        from app.reports.figures import figure_bytes
        from app.reports.participation_figure import participation_figure

        figure = participation_figure(table, current_language(), width_in=FIGURE_WIDTH_IN)
        figure.set_dpi(100)
        pixmap = QPixmap()
        pixmap.loadFromData(figure_bytes(figure, "png"))
        ratio = self.devicePixelRatioF() or 1.0
        width = int(FIGURE_WIDTH_IN * 100 * ratio)
        scaled = pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
        scaled.setDevicePixelRatio(ratio)
        self.picture.setPixmap(scaled)
