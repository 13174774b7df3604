"""The moderator's pulse: "12 of 18 sites have voted", a progress bar, who is missing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QSizePolicy,
    QWidget,
)

from app.models import BallotSource
from app.services.results import LiveStatus
from app.ui.theme import muted_color


class CountPanel(QWidget):
    """Large, calm count: widgets are only touched when what they show has changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count = QLabel()
        font = self.count.font()
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setWeight(QFont.Weight.DemiBold)
        self.count.setFont(font)
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(14)
        self.missing_title = QLabel()
        self.voted_title = QLabel()
        self.missing = QListWidget()
        self.voted = QListWidget()
        for lst in (self.missing, self.voted):
            lst.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            lst.setSelectionMode(QListWidget.SelectionMode.NoSelection)
            lst.setMinimumHeight(90)
            lst.setMaximumHeight(150)
            lst.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.count, 0, 0, 1, 2)
        layout.addWidget(self.bar, 1, 0, 1, 2)
        layout.addWidget(self.missing_title, 2, 0)
        layout.addWidget(self.voted_title, 2, 1)
        layout.addWidget(self.missing, 3, 0)
        layout.addWidget(self.voted, 3, 1)
        self._shown: tuple[object, ...] | None = None
        self.show_status(None)

    def count_text(self) -> str:
        return self.count.text()

    def missing_names(self) -> list[str]:
        return [self.missing.item(i).text() for i in range(self.missing.count())]

    def voted_lines(self) -> list[str]:
        return [self.voted.item(i).text() for i in range(self.voted.count())]

    def show_status(self, status: LiveStatus | None) -> None:
        if status is None:
            key: tuple[object, ...] = ("none",)
        else:
            key = (
                status.question.id,
                tuple((v.site.id, v.source, v.revision) for v in status.voted),
                tuple(s.id for s in status.missing),
            )
        if key == self._shown:
            return
        self._shown = key
        if status is None:
            self.count.setText(self.tr("No question chosen"))
            self.bar.setRange(0, 1)
            self.bar.setValue(0)
            self._fill(self.missing, [])
            self._fill(self.voted, [])
            self.missing_title.setText(self.tr("Still missing"))
            self.voted_title.setText(self.tr("Have voted"))
            return
        self.count.setText(
            self.tr("%1 of %2 sites have voted")
            .replace("%1", str(status.n_voted))
            .replace("%2", str(status.n_expected))
        )
        self.bar.setRange(0, max(1, status.n_expected))
        self.bar.setValue(status.n_voted)
        self.missing_title.setText(
            self.tr("Still missing (%1)").replace("%1", str(len(status.missing)))
        )
        self.voted_title.setText(self.tr("Have voted (%1)").replace("%1", str(status.n_voted)))
        self._fill(self.missing, [(s.name, False) for s in status.missing])
        marked = self.tr("entered by the moderator")
        rows = [
            (f"{v.site.name} — {marked}" if v.source is BallotSource.MODERATOR else v.site.name,
             v.source is BallotSource.MODERATOR)
            for v in sorted(status.voted, key=lambda v: v.site.name)
        ]  # fmt: skip
        self._fill(self.voted, rows)

    def _fill(self, widget: QListWidget, rows: list[tuple[str, bool]]) -> None:
        current = [
            (widget.item(i).text(), widget.item(i).font().italic()) for i in range(widget.count())
        ]
        if current == rows:
            return
        scroll = widget.verticalScrollBar().value()
        widget.setUpdatesEnabled(False)
        widget.clear()
        for text, italic in rows:
            item = QListWidgetItem(text)
            if italic:
                font = item.font()
                font.setItalic(True)
                item.setFont(font)
                item.setForeground(muted_color())
            widget.addItem(item)
        widget.verticalScrollBar().setValue(scroll)
        widget.setUpdatesEnabled(True)
