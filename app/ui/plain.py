"""User text shown literally in Qt: plain-text labels, escaped tooltips and window titles.

A QLabel, a QMessageBox and a tooltip guess the format (``Qt.TextFormat.AutoText``) and
render text that looks like HTML as rich text: a question such as
``<font size=90 color=red>GROSS</font>`` would show as huge red letters. Widgets that show
a user's text use these helpers; item views and line edits draw plain text anyway.
"""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A QLabel that never interprets its text as HTML."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def plain_tooltip(text: str) -> str:
    """``text`` as a tooltip that shows it literally.

    Qt shows a tooltip that might be rich text as HTML and has no plain-text switch for
    tooltips, so such text is escaped (line breaks and spaces kept)."""
    if not text or not QtGui.Qt.mightBeRichText(text):  # QtGui's Qt namespace has it
        return text
    import html  # with its 2,000 entity names: only markup-like text needs it, not start-up

    return "<p style='white-space:pre-wrap'>" + html.escape(text, quote=False) + "</p>"


def plain_title(text: str) -> str:
    """``text`` as a window title: Qt hides a ``[*]`` (the "modified" placeholder)."""
    return text.replace("[*]", "[*][*]")
