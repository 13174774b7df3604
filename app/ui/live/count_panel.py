"""The moderator's pulse: "12 of 18 sites have voted", a progress bar, who is missing."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QSizePolicy,
    QWidget,
)

from app.models import BallotSource
from app.services.results import LiveStatus
from app.ui.plain import plain_tooltip
from app.ui.theme import muted_color

#: The grid of site codes grows to show this many sites before it scrolls.
SITES_WITHOUT_SCROLLING = 40
FullName = Qt.ItemDataRole.UserRole
#: How a site's ballot came, said on hover ("" for its voter page, the usual way)
SourceNote = Qt.ItemDataRole.UserRole + 1


class SiteGrid(QListWidget):
    """Site codes in a compact grid (full name on hover), as tall as its content needs.

    Item texts are plain text by construction (QListWidget never reads markup); tooltips
    hold a site's name, so they go through :func:`plain_tooltip`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._cell = QSize(60, 20)
        self._fit_height()

    def set_sites(self, rows: list[tuple[str, str, str, bool]]) -> None:
        """(code, full name, note, marked) per site: the note (how its ballot came) is said
        on hover after the name; marked ones (entered for the site) are italic and muted."""
        current = [
            (
                self.item(i).text(),
                self.item(i).data(FullName),
                self.item(i).data(SourceNote),
                self.item(i).font().italic(),
            )
            for i in range(self.count())
        ]
        if current == rows:
            return
        self.setUpdatesEnabled(False)
        self.clear()
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(row[0]) for row in rows), default=40)
        self._cell = QSize(min(widest, metrics.averageCharWidth() * 12) + 16, metrics.height() + 6)
        self.setGridSize(self._cell)
        for code, name, note, marked in rows:
            item = QListWidgetItem(code)
            item.setData(FullName, name)
            item.setData(SourceNote, note)
            item.setToolTip(plain_tooltip(f"{name} — {note}" if note else name))
            item.setSizeHint(self._cell)
            if marked:
                font = item.font()
                font.setItalic(True)
                item.setFont(font)
                item.setForeground(muted_color())
            self.addItem(item)
        self.setUpdatesEnabled(True)
        self._fit_height()

    def names(self) -> list[str]:
        return [str(self.item(i).data(FullName)) for i in range(self.count())]

    def _fit_height(self) -> None:
        """Tall enough for every site (up to :data:`SITES_WITHOUT_SCROLLING`) at this width."""
        usable = max(1, self.viewport().width() if self.isVisible() else self.width() - 4)
        per_row = max(1, usable // max(1, self._cell.width()))
        n = min(max(self.count(), 1), SITES_WITHOUT_SCROLLING)
        rows = -(-n // per_row)
        height = rows * self._cell.height() + 2 * self.frameWidth() + 4
        if self.height() != height or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_height()


class CountPanel(QWidget):
    """Large, calm count: widgets are only touched when what they show has changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        font = self.count.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setWeight(QFont.Weight.DemiBold)
        self.count.setFont(font)
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(10)
        self.missing_title = QLabel()
        self.voted_title = QLabel()
        for title in (self.missing_title, self.voted_title):
            title.setTextFormat(Qt.TextFormat.PlainText)
        self.missing = SiteGrid()
        self.voted = SiteGrid()
        self.missing.setToolTip(self.tr("Hover a code for the site's full name"))
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setVerticalSpacing(3)
        layout.addWidget(self.count, 0, 0, 1, 2)
        layout.addWidget(self.bar, 1, 0, 1, 2)
        layout.addWidget(self.missing_title, 2, 0)
        layout.addWidget(self.voted_title, 2, 1)
        layout.addWidget(self.missing, 3, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.voted, 3, 1, Qt.AlignmentFlag.AlignTop)
        layout.setColumnStretch(0, 3)
        layout.setColumnStretch(1, 2)
        self._shown: tuple[object, ...] | None = None
        self.show_status(None)

    def count_text(self) -> str:
        return self.count.text()

    def missing_names(self) -> list[str]:
        return self.missing.names()

    def voted_lines(self) -> list[str]:
        """Each site that voted, with how its ballot came when not through its page."""
        lines = []
        for i in range(self.voted.count()):
            item = self.voted.item(i)
            note = item.data(SourceNote)
            lines.append(f"{item.data(FullName)} — {note}" if note else str(item.data(FullName)))
        return lines

    def show_status(self, status: LiveStatus | None) -> None:
        if status is None:
            key: tuple[object, ...] = ("none",)
        else:
            key = (
                status.question.id,
                tuple((v.site.id, v.source, v.revision) for v in status.voted),
                tuple(s.id for s in status.missing),
            )
        if key == self._shown:
            return
        self._shown = key
        if status is None:
            self.count.setText(self.tr("No question chosen"))
            self.bar.setRange(0, 1)
            self.bar.setValue(0)
            self.missing.set_sites([])
            self.voted.set_sites([])
            self.missing_title.setText(self.tr("Still missing"))
            self.voted_title.setText(self.tr("Have voted"))
            return
        self.count.setText(
            self.tr("%1 of %2 sites have voted")
            .replace("%1", str(status.n_voted))
            .replace("%2", str(status.n_expected))
        )
        self.bar.setRange(0, max(1, status.n_expected))
        self.bar.setValue(status.n_voted)
        self.missing_title.setText(
            self.tr("Still missing (%1)").replace("%1", str(len(status.missing)))
        )
        self.voted_title.setText(self.tr("Have voted (%1)").replace("%1", str(status.n_voted)))
        self.missing.set_sites([(s.code or s.name, s.name, "", False) for s in status.missing])
        notes = {
            BallotSource.MODERATOR: self.tr("entered by the moderator"),
            BallotSource.API: self.tr("cast through the site's API"),
            BallotSource.POLL: self.tr("from the call's poll"),
        }
        rows = []
        for v in sorted(status.voted, key=lambda v: v.site.code or v.site.name):
            by_moderator = v.source is BallotSource.MODERATOR
            note = notes.get(v.source, "")
            rows.append((v.site.code or v.site.name, v.site.name, note, by_moderator))
        self.voted.set_sites(rows)
