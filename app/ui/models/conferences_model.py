"""The library of conferences as a list model."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.ui.plain import plain_tooltip

if TYPE_CHECKING:
    from app.services.views import ConferenceInfo

Index = QModelIndex | QPersistentModelIndex
ConferenceIdRole = Qt.ItemDataRole.UserRole + 1
DetailRole = Qt.ItemDataRole.UserRole + 2  # the second line: date, moderator, sites


class ConferencesModel(QAbstractListModel):
    """Conferences, newest first; shows topic, date and the number of invited sites."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[ConferenceInfo] = []
        self._sites_word = "sites"

    def set_sites_word(self, word: str) -> None:
        self._sites_word = word

    def set_conferences(self, items: list[ConferenceInfo]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def conference_at(self, row: int) -> ConferenceInfo:
        return self._items[row]

    def row_of(self, conference_id: int) -> int:
        return next((i for i, c in enumerate(self._items) if c.id == conference_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not (0 <= index.row() < len(self._items)):
            return None
        conf = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return conf.topic
        if role == DetailRole:
            parts = [
                f"{conf.date:%d.%m.%Y}",
                conf.moderator,
                f"{conf.n_invited} {self._sites_word}",
            ]
            return "  ·  ".join(p for p in parts if p)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(conf.moderator or conf.slug)
        if role == ConferenceIdRole:
            return conf.id
        return None
