"""A result chart on a matplotlib canvas (imported lazily), drawn by the reports' builder."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.services.results import QuestionResult


class ResultChart(QWidget):
    """Shows ``question_figure`` for a result; redraws only when the tally changed.

    Signals ``drawn()`` after the canvas has actually painted a new chart.
    """

    drawn = Signal()

    def __init__(self, parent: QWidget | None = None, *, large: bool = False) -> None:
        super().__init__(parent)
        self._large = large
        self._canvas: Any = None
        self._figure: Any = None
        self._key: tuple[object, ...] | None = None
        self._pending: tuple[QuestionResult, QuestionResult | None, str] | None = None
        self.placeholder = QLabel(self.tr("The chart appears here."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.placeholder)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    @property
    def figure(self) -> Any:
        return self._figure

    def ensure_canvas(self) -> None:
        """Import matplotlib and make the canvas (done after the window is shown)."""
        if self._canvas is not None:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self._figure = Figure(figsize=(6, 3), dpi=100)
        self._canvas = FigureCanvasQTAgg(self._figure)
        self._canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._canvas.setMinimumHeight(160)
        self._canvas.mpl_connect("draw_event", lambda _event: self.drawn.emit())
        self._layout.addWidget(self._canvas)
        self.placeholder.hide()
        if self._pending is not None:
            result, round_one, lang = self._pending
            self._pending = None
            self.show_result(result, round_one, lang)

    @staticmethod
    def _tally_key(result: QuestionResult | None) -> tuple[object, ...]:
        if result is None:
            return ()
        t = result.tally
        return (
            result.question.id,
            tuple(o.count for o in t.options),
            t.n_abstain,
            t.n_eligible,
            t.n_present_not_voted,
        )

    def show_result(
        self, result: QuestionResult | None, round_one: QuestionResult | None, lang: str
    ) -> bool:
        """Draw (if anything changed); returns whether a redraw was requested."""
        key = (self._tally_key(result), self._tally_key(round_one), lang, self.width() > 0)
        if key == self._key:
            return False
        if result is None:
            self._key = key
            if self._canvas is not None:
                self._figure.clear()
                self._canvas.draw_idle()
            return True
        if self._canvas is None:
            self._pending = (result, round_one, lang)
            return False
        self._key = key
        from app.reports.figures import question_figure

        question_figure(
            result, lang=lang, round_one=round_one, figure=self._figure, large=self._large
        )
        self._canvas.draw_idle()
        return True

    def save(self, path: Any) -> None:
        from app.reports.figures import save_figure

        save_figure(self._figure, path)
