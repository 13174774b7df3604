"""What a screen reader reads: Qt's accessibility interface of every widget under a root.

Generic on purpose: it walks whatever widgets exist, so a widget added tomorrow is checked
without a line here. A widget is *interactive* when its accessible role is one a user
operates (an input, a list, a button …) or it takes keyboard focus; it is *named* when the
accessibility layer gives it a name. A combo box's "name" on Linux is its current value
(screen readers there follow the label relation), so for combo boxes the name must come
from ``setAccessibleName`` or a label whose buddy it is, as Windows reads it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QScrollBar,
    QTabBar,
    QWidget,
)

Role = QAccessible.Role

#: Roles a user operates: a widget with one of them needs a name.
INTERACTIVE_ROLES = frozenset(
    {
        Role.EditableText,
        Role.ComboBox,
        Role.SpinBox,
        Role.List,
        Role.Tree,
        Role.Table,
        Role.Slider,
        Role.Dial,
        Role.Button,
        Role.CheckBox,
        Role.RadioButton,
        Role.ButtonMenu,
        Role.ButtonDropDown,
        Role.PageTabList,
        Role.Chart,
    }
)

#: Parts of a composite widget that the composite itself names (a spin box's line edit,
#: a combo box's list, a tab bar's scroll arrows, a line edit's clear button); an item
#: view's own parts are found by :func:`_internal`.
COMPOSITES = (QAbstractSpinBox, QComboBox, QTabBar, QLineEdit)


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader announces for ``widget`` ("" if it has none)."""
    iface = QAccessible.queryAccessibleInterface(widget)
    if iface is None:
        return widget.accessibleName()
    if iface.role() == Role.ComboBox:
        labels = iface.relations(QAccessible.Relation.Label)
        names = [label.text(QAccessible.Text.Name) for label, _ in labels]
        return widget.accessibleName() or " ".join(n for n in names if n)
    return iface.text(QAccessible.Text.Name).replace("&", "").strip()


def accessible_description(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    return "" if iface is None else iface.text(QAccessible.Text.Description)


def _internal(widget: QWidget) -> bool:
    """A part of a composite widget, or Qt's own plumbing (``qt_…`` names)."""
    if widget.objectName().startswith("qt_") or isinstance(widget, QScrollBar):
        return True
    child, ancestor = widget, widget.parentWidget()
    while ancestor is not None:
        if isinstance(ancestor, QAbstractItemView):
            # a cell widget (a check box in a table row) is an input of its own; the
            # view's headers and editors are its parts
            return child is not ancestor.viewport()
        if isinstance(ancestor, COMPOSITES):
            return True
        child, ancestor = ancestor, ancestor.parentWidget()
    return False


def interactive(widget: QWidget) -> bool:
    """Operated by a user: an interactive role, or a widget that takes Tab focus."""
    if _internal(widget):
        return False
    iface = QAccessible.queryAccessibleInterface(widget)
    role = iface.role() if iface is not None else None
    takes_tab = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and not isinstance(
        widget, QDialog
    )
    return role in INTERACTIVE_ROLES or (takes_tab and widget.focusProxy() is None)


def describe(widget: QWidget, root: QWidget) -> str:
    """Where a widget sits: its class and the classes (and object names) above it."""
    parts = []
    current: QWidget | None = widget
    while current is not None and current is not root:
        name = current.objectName()
        parts.append(type(current).__name__ + (f"#{name}" if name else ""))
        current = current.parentWidget()
    parts.append(type(root).__name__)
    text = ""
    iface = QAccessible.queryAccessibleInterface(widget)
    if iface is not None:
        text = iface.text(QAccessible.Text.Value)[:30]
    return " < ".join(parts) + (f" (value {text!r})" if text else "")


def unnamed(root: QWidget) -> list[str]:
    """Every interactive widget under ``root`` (itself included) without a name."""
    QApplication.processEvents()
    return [
        describe(widget, root)
        for widget in [root, *root.findChildren(QWidget)]
        if interactive(widget) and not accessible_name(widget)
    ]
