"""Small shared widgets: a field with its validation message, an optional number box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSpinBox,
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


class Field(QWidget):
    """An input widget with an :class:`ErrorLabel` under it."""

    def __init__(self, widget: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.widget = widget
        self.error = ErrorLabel(self)
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
