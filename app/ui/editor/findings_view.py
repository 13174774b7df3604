"""The findings table view: paste from a spreadsheet, a kind chooser, add and remove rows."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from app.ui.models.findings_model import COLUMNS, FindingsModel, kind_names, parse_kind


class KindDelegate(QStyledItemDelegate):
    """A combo box for the kind column."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        for kind, name in kind_names().items():
            combo.addItem(name, kind.value)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        kind = parse_kind(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        found = editor.findData(kind.value if kind else "snv")
        editor.setCurrentIndex(max(0, found))

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class FindingsView(QTableView):
    """Shows a :class:`FindingsModel`; Ctrl+V pastes tab-separated rows at the current cell."""

    def __init__(self, model: FindingsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self._model = model
        self.setItemDelegateForColumn(COLUMNS.index("kind"), KindDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setTabKeyNavigation(False)  # Tab leaves the table and follows the form
        self.setAlternatingRowColors(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in zip(range(4), (90, 170, 100, 70), strict=True):
            self.setColumnWidth(column, width)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.setMinimumHeight(140)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste(QGuiApplication.clipboard().text())
            return
        if (
            event.matches(QKeySequence.StandardKey.Delete)
            and self.state() != self.State.EditingState
        ):
            for index in self.selectedIndexes():
                self._model.setData(index, "", Qt.ItemDataRole.EditRole)
            return
        super().keyPressEvent(event)

    def paste(self, text: str) -> int:
        current = self.currentIndex()
        row = current.row() if current.isValid() else self._model.rowCount()
        column = current.column() if current.isValid() else 0
        return self._model.paste_tsv(text, row, column)

    def add_row(self) -> None:
        row = self._model.rowCount()
        self._model.insertRows(row, 1)
        self.setCurrentIndex(self._model.index(row, 0))
        self.edit(self._model.index(row, 0))

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.selectedIndexes()}, reverse=True)
        for row in rows:
            self._model.removeRows(row, 1)
