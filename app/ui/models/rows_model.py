"""An editable table of typed rows (findings, prior therapy lines): cells kept as typed,
each row checked as a whole, pasted from a spreadsheet (with or without a header row)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import fields, replace
from functools import lru_cache
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.ui.plain import plain_tooltip
from app.ui.theme import error_color

Index = QModelIndex | QPersistentModelIndex


class TextRow(Protocol):
    """A row as typed: a frozen dataclass of ``str`` cells that can check itself."""

    def is_blank(self) -> bool: ...

    def problems(self) -> Mapping[str, str]:
        """Column → the reason its cell is not valid (empty when the row is valid)."""
        ...


Row = TypeVar("Row", bound=TextRow)


@lru_cache(maxsize=1024)
def _problems(row: TextRow) -> Mapping[str, str]:
    """A row's problems, remembered: views ask for every cell's tooltip and colour."""
    return row.problems()


def cell_lines(text: str) -> list[list[str]]:
    """Tab-separated lines as a spreadsheet copies them (trailing blank lines dropped)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    return [line.split("\t") for line in lines]


class RowsModel(QAbstractTableModel):
    """Rows of one dataclass type; signals ``edited`` after any change made through it.

    ``columns`` are the dataclass's fields in the order shown (and pasted);
    ``normalise(column, text)`` turns what was typed or pasted into what is kept (a kind's
    code), ``shown(column, value)`` what is kept into what is displayed; ``aliases`` names
    the header cells a pasted first line may carry (lower case → column).
    """

    edited = Signal()

    def __init__(
        self,
        blank: Callable[[], Any],
        columns: tuple[str, ...],
        parent: QObject | None = None,
        *,
        aliases: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._blank = blank
        self.columns = columns
        self._headers = columns
        self._aliases = dict(aliases or {})
        self._rows: list[Any] = []
        assert set(columns) == {f.name for f in fields(blank())}

    # --- what subclasses may refine -----------------------------------------------------

    def normalise(self, column: str, text: str) -> str:
        return text

    def shown(self, column: str, value: str) -> str:
        return value

    # --- rows ---------------------------------------------------------------------------

    def set_headers(self, headers: tuple[str, ...]) -> None:
        assert len(headers) == len(self.columns)
        self._headers = headers
        _problems.cache_clear()  # the reasons are said in the UI language
        self._aliases.update({h.casefold(): c for h, c in zip(headers, self.columns, strict=True)})
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def problems(self) -> list[tuple[int, str, str]]:
        """(row, column, reason) of every cell that is not valid (blank rows skipped)."""
        return [
            (number, column, reason)
            for number, row in enumerate(self._rows)
            if not row.is_blank()
            for column, reason in _problems(row).items()
        ]

    # --- Qt model API -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return self._headers[section]
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        value: str = getattr(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.shown(column, value)
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole):
            if row.is_blank():
                return None
            reason = _problems(row).get(column)
            if reason is None:
                return None
            return plain_tooltip(reason) if role == Qt.ItemDataRole.ToolTipRole else error_color()
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        column = self.columns[index.column()]
        text = self.normalise(column, "" if value is None else str(value).strip())
        row = self._rows[index.row()]
        if getattr(row, column) == text:
            return False
        self._rows[index.row()] = replace(row, **{column: text})
        left, right = self.index(index.row(), 0), self.index(index.row(), len(self.columns) - 1)
        self.dataChanged.emit(left, right)
        self.edited.emit()
        return True

    def insertRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or row < 0 or row > len(self._rows) or count < 1:
            return False
        self.beginInsertRows(QModelIndex(), row, row + count - 1)
        self._rows[row:row] = [self._blank() for _ in range(count)]
        self.endInsertRows()
        self.edited.emit()
        return True

    def removeRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or row < 0 or count < 1 or row + count > len(self._rows):
            return False
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del self._rows[row : row + count]
        self.endRemoveRows()
        self.edited.emit()
        return True

    # --- paste --------------------------------------------------------------------------

    def header_columns(self, cells: list[str]) -> list[str | None] | None:
        """The columns a pasted first line names, if it is a header row: at least two
        cells, each empty or the name of a column (this UI's headers in either language,
        the field names, the aliases). None when it is data."""
        names = [cell.strip().casefold() for cell in cells]
        known = self._aliases | {c.casefold(): c for c in self.columns}
        if sum(1 for n in names if n) < 2 or any(n and n not in known for n in names):
            return None
        return [known.get(n) if n else None for n in names]

    def paste_tsv(self, text: str, start_row: int, start_column: int = 0) -> int:
        """Paste tab-separated rows (from a spreadsheet) from the given cell on; new rows
        are appended as needed. A first line of column names puts each column where its
        name says (from the first column on). Returns the number of rows pasted."""
        lines = cell_lines(text)
        targets: list[str | None] | None = self.header_columns(lines[0]) if lines else None
        if targets is not None:
            lines = lines[1:]
        else:
            targets = list(self.columns[start_column:])
        if not lines:
            return 0
        start_row = max(0, min(start_row, len(self._rows)))
        needed = start_row + len(lines) - len(self._rows)
        if needed > 0:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + needed - 1)
            self._rows.extend(self._blank() for _ in range(needed))
            self.endInsertRows()
        for offset, cells in enumerate(lines):
            changes = {
                column: self.normalise(column, cell.strip())
                for column, cell in zip(targets, cells, strict=False)
                if column is not None
            }
            row = self._rows[start_row + offset]
            self._rows[start_row + offset] = replace(row, **changes)
        self.dataChanged.emit(
            self.index(start_row, 0),
            self.index(start_row + len(lines) - 1, len(self.columns) - 1),
        )
        self.edited.emit()
        return len(lines)
