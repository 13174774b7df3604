"""Small state icons drawn with QPainter (crisp at any device pixel ratio)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from app.models.enums import QuestionState

COLORS = {"draft": "#8a8f98", "open": "#1a7f37", "closed": "#4c6ef5", "revealed": "#8250df"}


def _pixmap(kind: str, size: int, ratio: float) -> QPixmap:
    pix = QPixmap(int(size * ratio), int(size * ratio))
    pix.setDevicePixelRatio(ratio)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = QColor(COLORS[kind])
    rect = QRectF(2, 2, size - 4, size - 4)
    if kind == "draft":
        painter.setPen(QPen(color, 1.6))
        painter.drawEllipse(rect)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawEllipse(rect)
        if kind in ("closed", "revealed"):
            path = QPainterPath(QPointF(size * 0.30, size * 0.52))
            path.lineTo(QPointF(size * 0.45, size * 0.67))
            path.lineTo(QPointF(size * 0.72, size * 0.36))
            painter.setPen(QPen(QColor("white"), 1.8))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
        if kind == "revealed":
            painter.setPen(QPen(QColor("white"), 1.2))
            painter.drawEllipse(rect.adjusted(1.5, 1.5, -1.5, -1.5))
    painter.end()
    return pix


@cache
def state_icon(kind: str) -> QIcon:
    """Icon for "draft", "open", "closed" or "revealed"."""
    icon = QIcon()
    for size in (16, 20, 24):
        for ratio in (1.0, 2.0):
            icon.addPixmap(_pixmap(kind, size, ratio))
    return icon


def question_icon_kind(state: QuestionState, revealed: bool) -> str:
    if state is QuestionState.CLOSED and revealed:
        return "revealed"
    return state.value
