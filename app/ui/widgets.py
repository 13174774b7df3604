"""Small shared widgets: a field with its validation message, an optional number box, and
accessible names for a form's inputs from the labels beside them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.ui.theme import error_color, warning_color


def ok_cancel_buttons(dialog: QDialog) -> QDialogButtonBox:
    """OK and Cancel wired to the dialog's accept and reject (in the platform's order)."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class ErrorLabel(QLabel):
    """The reason a field is not valid, shown right under it (hidden while valid)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        self.setFont(font)
        self.describes: QWidget | None = None  # the input whose description the text is
        self._description: str | None = None  # its own description while a message shows
        self.set_error("")

    def set_error(self, text: str) -> None:
        self._show(text, error_color())

    def set_warning(self, text: str) -> None:
        """A note in amber: kept as it is, but worth fixing (no error)."""
        self._show(text, warning_color())

    def _show(self, text: str, color: QColor) -> None:
        pal = self.palette()
        pal.setColor(QPalette.ColorRole.WindowText, color)
        self.setPalette(pal)
        self.setText(text)
        self.setVisible(bool(text))
        if self.describes is None:
            return
        if text and self._description is None:
            self._description = self.describes.accessibleDescription()
        if text:
            self.describes.setAccessibleDescription(text)
        elif self._description is not None:
            self.describes.setAccessibleDescription(self._description)
            self._description = None


class Field(QWidget):
    """An input widget with an :class:`ErrorLabel` under it; a screen reader hears the
    message as the input's description."""

    def __init__(self, widget: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.widget = widget
        self.error = ErrorLabel(self)
        self.error.describes = input_of(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(self.error)
        self.setFocusProxy(widget)


class OptionalSpinBox(QSpinBox):
    """A spin box whose lowest value means "not stated" (shown as a dash)."""

    def __init__(self, low: int, high: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(low - 1, high)
        self.setSpecialValueText("–")
        self.setValue(low - 1)

    def optional_value(self) -> int | None:
        return None if self.value() == self.minimum() else self.value()

    def set_optional_value(self, value: int | None) -> None:
        self.setValue(self.minimum() if value is None else value)


def row(*widgets: QWidget, stretch_last: bool = False) -> QWidget:
    """Widgets side by side in one form row."""
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for i, widget in enumerate(widgets):
        layout.addWidget(widget, 1 if stretch_last and i == len(widgets) - 1 else 0)
    if not stretch_last:
        layout.addStretch(1)
    box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    return box


#: Widgets a user types into or chooses from (what a form row's label names).
INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox, QComboBox, QAbstractItemView)


def input_of(widget: QWidget) -> QWidget:
    """The input a form row's widget stands for: its focus proxy (a :class:`Field`), or
    the first input inside it (a table on a stacked page), or the widget itself."""
    target, proxy = widget, widget.focusProxy()
    while proxy is not None:
        target, proxy = proxy, proxy.focusProxy()
    if isinstance(target, INPUTS):
        return target
    inner = [w for w in target.findChildren(QWidget) if isinstance(w, INPUTS)]
    return inner[0] if inner else target


def _label_text(label: QLabel) -> str:
    return label.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(" :")


def name_form_rows(form: QFormLayout) -> None:
    """Give each row's input the row label's text as its accessible name (unless it has
    one). Qt names a widget from its label only when the two are siblings; an input
    wrapped in a :class:`Field` or a row of several widgets would be nameless."""
    for row in range(form.rowCount()):
        label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        label = label_item.widget() if label_item is not None else None
        if not isinstance(label, QLabel) or field_item is None or not _label_text(label):
            continue
        field = field_item.widget()
        if field is None:
            field = _first_widget(field_item.layout())
        if field is None:
            continue
        target = input_of(field)
        if not target.accessibleName():
            target.setAccessibleName(_label_text(label))


def _first_widget(layout: QLayout | None) -> QWidget | None:
    """The first input in a nested layout (a table with its buttons below)."""
    if layout is None:
        return None
    for index in range(layout.count()):
        item = layout.itemAt(index)
        widget = item.widget() if item is not None else None
        if widget is not None and isinstance(input_of(widget), INPUTS):
            return widget
        found = _first_widget(item.layout()) if item is not None else None
        if found is not None:
            return found
    return None


def put_cell_widget(table: QTableWidget, row: int, column: int, widget: QWidget) -> None:
    """Put ``widget`` in a cell, named as a sighted user reads the grid: its column and
    its row's first cell ("Present: Universitätsklinikum Dresden"). A button that says
    what it does keeps its text as name; the row goes to its description."""
    header = table.horizontalHeaderItem(column)
    key = table.item(row, 0)
    row_name = key.text() if key is not None else ""
    if isinstance(widget, QAbstractButton) and widget.text():
        widget.setAccessibleDescription(row_name)
    elif not widget.accessibleName():
        parts = [header.text() if header is not None else "", row_name]
        widget.setAccessibleName(": ".join(part for part in parts if part))
    table.setCellWidget(row, column, widget)
