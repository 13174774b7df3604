"""A table of typed rows for the editor: paste from a spreadsheet, a chooser for columns
with fixed values, add and remove rows; Tab leaves the table and follows the form."""

from __future__ import annotations

from collections.abc import Callable

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

from app.ui.models.rows_model import RowsModel

#: (value kept, text shown) of each choice, in the UI language when asked
Choices = Callable[[], list[tuple[str, str]]]


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box for a column with fixed values."""

    def __init__(self, choices: Choices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices = choices

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        for value, shown in self._choices():
            combo.addItem(shown, value)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        found = editor.findData(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        editor.setCurrentIndex(max(0, found))

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class RowsView(QTableView):
    """Shows a :class:`RowsModel`; Ctrl+V pastes tab-separated rows at the current cell,
    Delete empties the selected cells."""

    def __init__(
        self,
        model: RowsModel,
        widths: dict[str, int],
        parent: QWidget | None = None,
        *,
        choices: dict[str, Choices] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setModel(model)
        self._model = model
        for column, listed in (choices or {}).items():
            self.setItemDelegateForColumn(model.columns.index(column), ChoiceDelegate(listed, self))
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
        for column, width in widths.items():
            self.setColumnWidth(model.columns.index(column), width)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)

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
