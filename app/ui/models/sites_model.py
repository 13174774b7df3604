"""The site registry as a table with an "invited" check column."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.services.views import SiteInfo

Index = QModelIndex | QPersistentModelIndex
FIELDS = ("invited", "name", "code", "city", "email")


class SitesModel(QAbstractTableModel):
    """Sites and whether each is invited. Edits are not applied here: the model signals
    ``inviteToggled(site_id, invited)`` and ``siteEdited(SiteInfo)`` and its owner writes
    through the services and calls :meth:`set_sites` again."""

    inviteToggled = Signal(int, bool)
    siteEdited = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sites: list[SiteInfo] = []
        self._invited: set[int] = set()
        self._headers: tuple[str, ...] = ("Invited", "Site", "Code", "City", "E-mail")

    def set_headers(self, headers: tuple[str, ...]) -> None:
        self._headers = headers

    def set_sites(self, sites: list[SiteInfo], invited: set[int]) -> None:
        self.beginResetModel()
        self._sites = list(sites)
        self._invited = set(invited)
        self.endResetModel()

    def site_at(self, row: int) -> SiteInfo:
        return self._sites[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._sites)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(FIELDS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(FIELDS) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not (0 <= index.row() < len(self._sites)):
            return None
        site = self._sites[index.row()]
        field = FIELDS[index.column()]
        if field == "invited":
            if role == Qt.ItemDataRole.CheckStateRole:
                invited = site.id in self._invited
                return Qt.CheckState.Checked if invited else Qt.CheckState.Unchecked
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return getattr(site, field)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if FIELDS[index.column()] == "invited":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        site = self._sites[index.row()]
        field = FIELDS[index.column()]
        if field == "invited" and role == Qt.ItemDataRole.CheckStateRole:
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
            self.inviteToggled.emit(site.id, checked)
            return True
        if field != "invited" and role == Qt.ItemDataRole.EditRole:
            text = str(value or "").strip()
            if text == getattr(site, field):
                return False
            texts = {"name": site.name, "code": site.code, "city": site.city, "email": site.email}
            texts[field] = text
            self.siteEdited.emit(SiteInfo(site.id, **texts))
            return True
        return False
