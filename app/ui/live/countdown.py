"""The countdown of an open question: adjustable, optionally closes the question at zero."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QToolButton, QWidget

from app.services.views import QuestionInfo
from app.ui.theme import error_color

STEP_SECONDS = 15


def seconds_left(question: QuestionInfo | None, extra: int = 0) -> int | None:
    """Seconds left of an opened question's countdown (``extra``: the moderator's
    adjustment); None without a countdown."""
    if question is None or question.duration_seconds is None or question.opened_at is None:
        return None
    opened = question.opened_at
    if opened.tzinfo is None:
        opened = opened.replace(tzinfo=dt.UTC)
    elapsed = (dt.datetime.now(dt.UTC) - opened).total_seconds()
    return int(question.duration_seconds + extra - elapsed + 0.999)


class Countdown(QWidget):
    """Counts down from the question's ``duration_seconds`` since it was opened.

    Signals ``expired(question_id)`` once at zero when "close when time is up" is ticked,
    ``adjusted()`` when the moderator lengthens or shortens it (the presenter follows).
    """

    expired = Signal(int)
    adjusted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setFamily("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.label.setFont(font)
        self.minus = QToolButton()
        self.plus = QToolButton()
        self.minus.setText(f"−{STEP_SECONDS}s")
        self.plus.setText(f"+{STEP_SECONDS}s")
        self.minus.setToolTip(self.tr("Shorten the countdown"))
        self.plus.setToolTip(self.tr("Extend the countdown"))
        self.auto_close = QCheckBox(self.tr("Close at zero"))
        self.auto_close.setToolTip(self.tr("Close the question automatically when the time is up"))
        self.minus.clicked.connect(self.on_minus_clicked)
        self.plus.clicked.connect(self.on_plus_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.minus)
        layout.addWidget(self.plus)
        layout.addWidget(self.auto_close)
        self._timer = QTimer(self, interval=250)
        self._timer.timeout.connect(self.on_timer_timeout)
        self._question: QuestionInfo | None = None
        self._extra = 0
        self._fired = False
        self._key: tuple[object, ...] | None = None
        self._show()

    def remaining(self) -> int | None:
        return seconds_left(self._question, self._extra)

    def extra_for(self, question_id: int) -> int:
        """The moderator's adjustment of this question's countdown (0 for another)."""
        question = self._question
        return self._extra if question is not None and question.id == question_id else 0

    def set_question(self, question: QuestionInfo | None) -> None:
        key = None if question is None else (question.id, question.opened_at, question.state)
        if key == self._key:
            self._question = question
            return
        self._key = key
        if question is None or self._question is None or question.id != self._question.id:
            self._extra = 0
        self._question = question
        self._fired = False
        running = (
            question is not None and question.is_open and question.duration_seconds is not None
        )
        self.minus.setEnabled(running)
        self.plus.setEnabled(running)
        if running:
            self._timer.start()
        else:
            self._timer.stop()
        self._show()

    def _show(self) -> None:
        left = self.remaining()
        question = self._question
        if left is None or question is None or not question.is_open:
            self.label.setText(self.tr("Time left") + "  –:––")
            self.label.setStyleSheet("")
            return
        shown = max(0, left)
        self.label.setText(self.tr("Time left") + f"  {shown // 60:02d}:{shown % 60:02d}")
        self.label.setStyleSheet(f"color: {error_color().name()}" if shown <= 10 else "")

    @Slot()
    def on_timer_timeout(self) -> None:
        self._show()
        left = self.remaining()
        if left is not None and left <= 0 and not self._fired and self._question is not None:
            self._fired = True
            if self.auto_close.isChecked():
                self.expired.emit(self._question.id)

    @Slot()
    def on_minus_clicked(self) -> None:
        self._extra -= STEP_SECONDS
        self._show()
        self.adjusted.emit()

    @Slot()
    def on_plus_clicked(self) -> None:
        self._extra += STEP_SECONDS
        self._fired = False
        self._show()
        self.adjusted.emit()
