"""The moderator's pulse: "12 of 18 sites have voted", a progress bar, who is missing."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFocusEvent, QFont, QResizeEvent
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
from app.services.views import SiteInfo, name_key
from app.ui.plain import plain_tooltip
from app.ui.theme import focus_ring_style, muted_color

#: The grid of site codes grows to show this many sites before it scrolls.
SITES_WITHOUT_SCROLLING = 40
FullName = Qt.ItemDataRole.UserRole
#: How a site's ballot came, said on hover ("" for its voter page, the usual way)
SourceNote = Qt.ItemDataRole.UserRole + 1
# With cities the grid may take this many rows (40 codes take 3 to 4 at 1280×720).
CITY_ROWS = 4
# Room around a cell's text (the style's item padding).
CELL_PADDING = 16


@dataclass(frozen=True)
class SiteCell:
    """One site as the grid shows it: the code, the city beside it where it fits, the full
    name on hover and for a screen reader, with ``note`` (how its ballot came, when not
    through its voter page); ``marked`` sites (entered for them) are italic and muted."""

    code: str
    city: str
    name: str
    marked: bool = False
    note: str = ""

    @classmethod
    def of(cls, site: SiteInfo, marked: bool = False, note: str = "") -> SiteCell:
        return cls(site.code or site.name, site.city, site.name, marked, note)

    @property
    def said(self) -> str:
        """The full name, and how its ballot came."""
        return f"{self.name} — {self.note}" if self.note else self.name

    def text(self, with_city: bool) -> str:
        return f"{self.code} · {self.city}" if with_city and self.city else self.code


def by_code(cells: list[SiteCell]) -> list[SiteCell]:
    """Ordered by what the grid shows: the code (umlauts and case as people read them)."""
    return sorted(cells, key=lambda c: (name_key(c.code), name_key(c.name)))


class SiteGrid(QListWidget):
    """Site codes in a compact grid, as tall as its content needs; the city beside each
    code where it fits (:meth:`_choose_city`). Reached by Tab (arrow keys move through the
    sites; a screen reader reads each full name). Item texts are plain text by construction;
    tooltips hold a site's name, so they go through :func:`plain_tooltip`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setStyleSheet(focus_ring_style("SiteGrid"))
        self._cell = QSize(60, 20)
        self._cells: list[SiteCell] = []
        self.with_city = False
        self._fit_height()

    def set_sites(self, cells: list[SiteCell]) -> None:
        """Show ``cells`` in the order given (nothing happens if nothing changed)."""
        if cells == self._cells:
            return
        self._cells = list(cells)
        self._lay_out(force=True)

    def _per_row(self, cell_width: int) -> int:
        usable = max(1, self.viewport().width() if self.isVisible() else self.width() - 4)
        return max(1, usable // max(1, cell_width))

    def _cell_size(self, with_city: bool) -> QSize:
        metrics = self.fontMetrics()
        texts = [c.text(with_city) for c in self._cells]
        widest = max((metrics.horizontalAdvance(t) for t in texts), default=40)
        cap = metrics.averageCharWidth() * (16 if with_city else 12)
        return QSize(min(widest, cap) + CELL_PADDING, metrics.height() + 6)

    def _choose_city(self) -> bool:
        """The city goes beside the code when all sites fit in :data:`CITY_ROWS` rows, or
        in the rows that the codes of :data:`SITES_WITHOUT_SCROLLING` sites would take."""
        if not any(c.city for c in self._cells):
            return False
        codes, cities = self._cell_size(False), self._cell_size(True)
        budget = max(CITY_ROWS, -(-SITES_WITHOUT_SCROLLING // self._per_row(codes.width())))
        return -(-len(self._cells) // self._per_row(cities.width())) <= budget

    def _lay_out(self, *, force: bool = False) -> None:
        with_city = self._choose_city()
        if not force and with_city == self.with_city:
            self._fit_height()
            return
        self.with_city = with_city
        self._cell = self._cell_size(with_city)
        self.setUpdatesEnabled(False)
        self.clear()
        self.setGridSize(self._cell)
        for cell in self._cells:
            item = QListWidgetItem(cell.text(with_city))
            item.setData(FullName, cell.name)
            item.setData(SourceNote, cell.note)
            item.setToolTip(plain_tooltip(cell.said))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, cell.said)
            item.setSizeHint(self._cell)
            if cell.marked:
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
        per_row = self._per_row(self._cell.width())
        n = min(max(self.count(), 1), SITES_WITHOUT_SCROLLING)
        rows = -(-n // per_row)
        height = rows * self._cell.height() + 2 * self.frameWidth() + 4
        if self.height() != height or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._lay_out()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self.count() and not self.currentIndex().isValid():
            self.setCurrentRow(0)  # arrow keys start at the first site


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
        self.missing_title.setBuddy(self.missing)
        self.voted_title.setBuddy(self.voted)
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

    def _titles(self, missing: str, voted: str) -> None:
        """The captions, also the lists' accessible names (a screen reader hears the count)."""
        self.missing_title.setText(missing)
        self.voted_title.setText(voted)
        self.missing.setAccessibleName(missing)
        self.voted.setAccessibleName(voted)

    def show_status(self, status: LiveStatus | None) -> None:
        if status is None:
            key: tuple[object, ...] = ("none",)
        else:
            key = (
                status.question.id,
                tuple((v.site.id, v.source, v.revision) for v in status.voted),
                tuple(s.id for s in status.missing),
                status.n_expected,
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
            self._titles(self.tr("Still missing"), self.tr("Have voted"))
            return
        self.count.setText(
            self.tr("%1 of %2 sites have voted")
            .replace("%1", str(status.n_voted))
            .replace("%2", str(status.n_expected))
        )
        self.bar.setRange(0, max(1, status.n_expected))
        self.bar.setValue(status.n_voted)
        self._titles(
            self.tr("Still missing (%1)").replace("%1", str(len(status.missing))),
            self.tr("Have voted (%1)").replace("%1", str(status.n_voted)),
        )
        self.missing.set_sites(by_code([SiteCell.of(s) for s in status.missing]))
        notes = {
            BallotSource.MODERATOR: self.tr("entered by the moderator"),
            BallotSource.API: self.tr("cast through the site's API"),
            BallotSource.POLL: self.tr("from the call's poll"),
        }
        self.voted.set_sites(
            by_code(
                [
                    SiteCell.of(v.site, v.source is BallotSource.MODERATOR, notes.get(v.source, ""))
                    for v in status.voted
                ]
            )
        )
