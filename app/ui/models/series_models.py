"""Table models of the series views: archive hits, the plan, participation by site.

Every cell is plain text (item views never read markup); tooltips go through
:func:`app.ui.plain.plain_tooltip`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.ui.plain import plain_tooltip

if TYPE_CHECKING:
    from app.services.archive import ArchiveHit
    from app.services.participation import SiteParticipation
    from app.services.plan import PlanRow

Index = QModelIndex | QPersistentModelIndex
Display = Qt.ItemDataRole.DisplayRole
ToolTip = Qt.ItemDataRole.ToolTipRole
Align = Qt.ItemDataRole.TextAlignmentRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class _Table(QAbstractTableModel):
    """Rows of plain data, headers given in the UI language by the view."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self.lang = "de"

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows())

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Display) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Display:
            return self._headers[section]
        return None

    def _rows(self) -> Sequence[object]:
        raise NotImplementedError


class ArchiveModel(_Table):
    """Archive hits: date, conference, number, question, result (newest first)."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(headers, parent)
        self.hits: list[ArchiveHit] = []
        self.not_asked = "—"

    def _rows(self) -> Sequence[object]:
        return self.hits

    def set_hits(self, hits: Sequence[ArchiveHit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def data(self, index: Index, role: int = Display) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit = self.hits[index.row()]
        result = hit.result.summary(self.lang) if hit.result else self.not_asked
        cells = (f"{hit.date:%d.%m.%Y}", hit.topic, hit.number, hit.text, result)
        if role == Display:
            return " ".join(cells[index.column()].split())
        if role == ToolTip:
            if index.column() == 4 and hit.result is not None:
                return plain_tooltip(hit.result.sentence(self.lang))
            if index.column() in (1, 3):
                return plain_tooltip(cells[index.column()])
        return None


class PlanModel(_Table):
    """The plan: date, time, topic, fellows, state, conference."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(headers, parent)
        self.rows: list[PlanRow] = []

    def _rows(self) -> Sequence[object]:
        return self.rows

    def set_rows(self, rows: Sequence[PlanRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def data(self, index: Index, role: int = Display) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        times = "–".join(t for t in (row.starts_at, row.ends_at) if t)
        cells = (
            f"{row.date:%d.%m.%Y}",
            times,
            row.topic,
            row.fellows_text(),
            row.status.label(self.lang),
            row.slug,
        )
        if role == Display:
            return cells[index.column()]
        if role == ToolTip and index.column() in (2, 3):
            return plain_tooltip(cells[index.column()])
        return None


class ParticipationModel(_Table):
    """Participation by site: site, sessions attended, questions voted, participants."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(headers, parent)
        self.sites: list[SiteParticipation] = []

    def _rows(self) -> Sequence[object]:
        return self.sites

    def set_sites(self, sites: Sequence[SiteParticipation]) -> None:
        self.beginResetModel()
        self.sites = list(sites)
        self.endResetModel()

    def data(self, index: Index, role: int = Display) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.sites):
            return None
        site = self.sites[index.row()]
        share = f"{round(site.share * 100)} %"
        cells = (
            f"{site.site.name} ({site.site.code})",
            f"{site.attended} / {site.invited}",
            f"{site.voted} / {site.asked} · {share}",
            str(site.participants),
        )
        if role == Display:
            return cells[index.column()]
        if role == Align and index.column() > 0:
            return RIGHT
        if role == ToolTip and index.column() == 0:
            return plain_tooltip(site.site.name)
        return None
