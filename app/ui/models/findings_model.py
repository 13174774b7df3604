"""The molecular findings of a case as an editable table, validated row by row."""

from __future__ import annotations

from dataclasses import dataclass, replace

from pydantic import ValidationError
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.models.enums import FindingKind
from app.services.package_schema import PackageFinding
from app.services.views import FindingInfo
from app.ui.i18n import translate
from app.ui.plain import plain_tooltip
from app.ui.theme import error_color
from app.ui.validation import reason

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("gene", "alteration", "kind", "vaf", "comment")


def kind_names() -> dict[FindingKind, str]:
    """Display names of the finding kinds in the UI language."""
    return {
        FindingKind.SNV: translate("FindingKinds", "SNV"),
        FindingKind.INDEL: translate("FindingKinds", "Indel"),
        FindingKind.CNV: translate("FindingKinds", "CNV"),
        FindingKind.FUSION: translate("FindingKinds", "Fusion"),
        FindingKind.EXPRESSION: translate("FindingKinds", "Expression"),
        FindingKind.SIGNATURE: translate("FindingKinds", "Signature"),
        FindingKind.GERMLINE: translate("FindingKinds", "Germline"),
        FindingKind.OTHER: translate("FindingKinds", "Other"),
    }


_KIND_ALIASES = {
    "snv": FindingKind.SNV, "mutation": FindingKind.SNV, "mutation (snv)": FindingKind.SNV,
    "indel": FindingKind.INDEL, "deletion": FindingKind.INDEL, "insertion": FindingKind.INDEL,
    "cnv": FindingKind.CNV, "amplification": FindingKind.CNV, "amplifikation": FindingKind.CNV,
    "fusion": FindingKind.FUSION, "expression": FindingKind.EXPRESSION,
    "expression (ihc)": FindingKind.EXPRESSION, "expression (ihc) ": FindingKind.EXPRESSION,
    "signature": FindingKind.SIGNATURE, "signatur": FindingKind.SIGNATURE,
    "germline": FindingKind.GERMLINE, "keimbahn": FindingKind.GERMLINE,
    "other": FindingKind.OTHER, "sonstiges": FindingKind.OTHER,
}  # fmt: skip


def parse_kind(text: str) -> FindingKind | None:
    """A finding kind from what a spreadsheet or a user typed ("SNV", "fusion", "snv")."""
    key = text.strip().lower()
    if not key:
        return FindingKind.SNV
    try:
        return FindingKind(key)
    except ValueError:
        pass
    shown = {name.lower(): kind for kind, name in kind_names().items()}
    return _KIND_ALIASES.get(key) or shown.get(key)


@dataclass(frozen=True)
class FindingRow:
    """One row as typed: the text of each cell (VAF as text, so half-typed input survives)."""

    gene: str = ""
    alteration: str = ""
    kind: str = "snv"
    vaf: str = ""
    comment: str = ""

    def is_blank(self) -> bool:
        return not any((self.gene, self.alteration, self.vaf, self.comment))

    def validate(self) -> tuple[PackageFinding | None, dict[str, str]]:
        """The finding, or per-column reasons why not."""
        errors: dict[str, str] = {}
        kind = parse_kind(self.kind)
        if kind is None:
            errors["kind"] = translate("Validation", "Unknown kind “%1”").replace("%1", self.kind)
        vaf: float | None = None
        if self.vaf.strip():
            try:
                vaf = float(self.vaf.strip().rstrip("%").strip().replace(",", "."))
            except ValueError:
                errors["vaf"] = translate("Validation", "VAF must be a number between 0 and 100")
        if errors or kind is None:  # an unknown kind is among the errors
            return None, errors
        try:
            finding = PackageFinding(
                gene=self.gene, alteration=self.alteration, kind=kind, vaf=vaf, comment=self.comment
            )
        except ValidationError as exc:
            for item in exc.errors():
                column = str(item["loc"][0]) if item["loc"] else "alteration"
                errors[column] = reason(item)
            return None, errors
        return finding, {}

    @classmethod
    def of(cls, info: FindingInfo) -> FindingRow:
        vaf = "" if info.vaf is None else f"{info.vaf:g}"
        return cls(info.gene, info.alteration, info.kind, vaf, info.comment)


class FindingsModel(QAbstractTableModel):
    """Editable findings; signals ``edited`` after any change made through the model."""

    edited = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[FindingRow] = []
        self._headers = ("Gene", "Alteration (HGVS)", "Kind", "VAF %", "Comment")

    def set_headers(self, headers: tuple[str, str, str, str, str]) -> None:
        self._headers = headers
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def set_rows(self, rows: list[FindingRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[FindingRow]:
        return list(self._rows)

    def findings(self) -> tuple[list[PackageFinding], list[tuple[int, str, str]]]:
        """Valid findings (blank rows skipped) and errors as (row, column, reason)."""
        good: list[PackageFinding] = []
        bad: list[tuple[int, str, str]] = []
        for number, row in enumerate(self._rows):
            if row.is_blank():
                continue
            finding, errors = row.validate()
            if finding is not None:
                good.append(finding)
            bad.extend((number, column, reason) for column, reason in errors.items())
        return good, bad

    # --- Qt model API ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return self._headers[section]
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        value = getattr(row, column)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == "kind" and role == Qt.ItemDataRole.DisplayRole:
                kind = parse_kind(value)
                return kind_names().get(kind, value) if kind else value
            return value
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole):
            if row.is_blank():
                return None
            _, errors = row.validate()
            reason = errors.get(column)
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
        column = COLUMNS[index.column()]
        text = "" if value is None else str(value).strip()
        if column == "kind":
            kind = parse_kind(text)
            text = kind.value if kind else text
        row = self._rows[index.row()]
        if getattr(row, column) == text:
            return False
        self._rows[index.row()] = replace(row, **{column: text})
        left, right = self.index(index.row(), 0), self.index(index.row(), len(COLUMNS) - 1)
        self.dataChanged.emit(left, right)
        self.edited.emit()
        return True

    def insertRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or row < 0 or row > len(self._rows) or count < 1:
            return False
        self.beginInsertRows(QModelIndex(), row, row + count - 1)
        self._rows[row:row] = [FindingRow() for _ in range(count)]
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

    def paste_tsv(self, text: str, start_row: int, start_column: int = 0) -> int:
        """Paste tab-separated rows (from a spreadsheet) from the given cell on; new rows
        are appended as needed. Returns the number of rows pasted."""
        lines = [line for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
        while lines and not lines[-1].strip():
            lines.pop()
        if not lines:
            return 0
        start_row = max(0, min(start_row, len(self._rows)))
        needed = start_row + len(lines) - len(self._rows)
        if needed > 0:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + needed - 1)
            self._rows.extend(FindingRow() for _ in range(needed))
            self.endInsertRows()
        for offset, line in enumerate(lines):
            cells = line.split("\t")
            row = self._rows[start_row + offset]
            changes: dict[str, str] = {}
            for i, cell in enumerate(cells):
                column_index = start_column + i
                if column_index >= len(COLUMNS):
                    break
                column = COLUMNS[column_index]
                value = cell.strip()
                if column == "kind":
                    kind = parse_kind(value)
                    value = kind.value if kind else value
                changes[column] = value
            self._rows[start_row + offset] = replace(row, **changes)
        self.dataChanged.emit(
            self.index(start_row, 0), self.index(start_row + len(lines) - 1, len(COLUMNS) - 1)
        )
        self.edited.emit()
        return len(lines)
