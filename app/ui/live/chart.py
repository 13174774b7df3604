"""The live result chart drawn natively with QPainter: cheap enough to redraw every ballot.

It says what the matplotlib builder (:func:`app.reports.figures.question_figure`, the
source of PNG, SVG and PDF charts) says, in the same colours and order: the status and
consensus lines on top, one row per option with round 1 above round 2, "count (percent)"
beside each bar, the 0–100 axis below and the round legend. Text and background follow
the palette (dark mode); the bars are the figures' Okabe–Ito colours on a light background
and their lighter partners on a dark one (3:1 against either). Tab reaches the chart (a
focus ring shows it); a screen reader reads the numbers it shows as its description.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.models.enums import QuestionKind
from app.reports.chart_spec import (
    TICKS,
    bar_colour,
    chart_text,
    consensus_line,
    numbers_text,
    status_line,
    value_label,
)
from app.services.results import QuestionResult
from app.ui.theme import focus_color


@dataclass(frozen=True)
class ChartStyle:
    """Type sizes in pixels: option labels, status lines, consensus lines, values, legend,
    axis ticks. The console uses the widget's font; the presenter scales with its window."""

    label: float = 13.0
    status: float = 11.0
    consensus: float = 11.0
    value: float = 11.0
    legend: float = 11.0
    ticks: float = 10.0
    bold_values: bool = False
    margin: float = 6.0

    @classmethod
    def for_font(cls, font: QFont) -> ChartStyle:
        px = font.pixelSize() if font.pixelSize() > 0 else font.pointSizeF() * 96 / 72
        return cls(px, px * 0.9, px * 0.9, px * 0.9, px * 0.9, px * 0.85)

    @classmethod
    def presenter(cls, scale: float) -> ChartStyle:
        """Shared into a video call and seen at a third of its size: the result is large."""
        return cls(
            label=40 * scale,
            status=28 * scale,
            consensus=48 * scale,
            value=68 * scale,
            legend=56 * scale,
            ticks=24 * scale,
            bold_values=True,
            margin=4 * scale,
        )


@dataclass(frozen=True)
class TextBox:
    """Where the chart drew one text (for tests that measure what a viewer sees)."""

    kind: str  # status, consensus, label, value, tick, axis, legend, free_text
    text: str
    rect: QRectF


class ResultChart(QWidget):
    """Shows a question's result; repaints only when the tally changed.

    Signals ``drawn()`` after a paint of a new result has been done.
    """

    drawn = Signal()

    def __init__(self, parent: QWidget | None = None, *, large: bool = False) -> None:
        super().__init__(parent)
        self._large = large
        self.style_ = ChartStyle.presenter(1.0) if large else ChartStyle.for_font(self.font())
        self._result: QuestionResult | None = None
        self._round_one: QuestionResult | None = None
        self._lang = "de"
        self._key: tuple[object, ...] | None = None
        self._dirty = False
        self.boxes: list[TextBox] = []
        self.placeholder = QLabel(self.tr("The chart appears here."))
        self.placeholder.setTextFormat(Qt.TextFormat.PlainText)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.placeholder)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Result chart"))
        self.setAccessibleDescription(self.placeholder.text())

    def ensure_canvas(self) -> None:
        """Kept for callers of the matplotlib canvas: a native chart needs no set-up."""

    def set_style(self, style: ChartStyle) -> None:
        if style != self.style_:
            self.style_ = style
            self.update()

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
        """Draw (if anything changed); returns whether a repaint was requested."""
        key = (self._tally_key(result), self._tally_key(round_one), lang)
        if key == self._key:
            return False
        self._key = key
        self._result, self._round_one, self._lang = result, round_one, lang
        self.placeholder.setVisible(result is None and not self._large)
        self.setAccessibleDescription(self.numbers() or self.placeholder.text())
        self._dirty = True
        self.update()
        return True

    def numbers(self) -> str:
        """The chart's text alternative: what it shows, line by line ("" without a result)."""
        if self._result is None:
            return ""
        if self._round_one is None:
            return numbers_text([(None, self._result.tally)], self._lang)
        rounds = (self._round_one, self._result)
        return numbers_text([(r.question.round, r.tally) for r in rounds], self._lang)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def value_px(self, style: ChartStyle, width: float, height: float) -> float:
        """The size "count (percent)" would get in a chart of this size with ``style``: the
        style's, or less where the bars are thin (as :meth:`_paint` works it out)."""
        result, round_one = self._result, self._round_one
        if result is None or not result.question.options:
            return style.value
        rounds = [result] if round_one is None else [round_one, result]
        m, flags = style.margin, int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)
        y = m
        for res in rounds:
            prefix = (
                f"{chart_text(self._lang, 'round', r=res.question.round)}: " if round_one else ""
            )
            for line, px, bold in (
                (status_line(res.tally, self._lang), style.status, False),
                (consensus_line(res.tally, self._lang), style.consensus, self._large),
            ):
                metrics = QFontMetricsF(self._font(px, bold))
                y += metrics.boundingRect(
                    QRectF(m, 0, width - 2 * m, height), flags, prefix + line
                ).height()
                y += px * 0.15
        top = y + style.ticks * 0.6
        tick_h = QFontMetricsF(self._font(style.ticks)).height()
        legend_h = QFontMetricsF(self._font(style.legend)).height() if round_one else 0.0
        bottom = height - m - legend_h * (1.4 if round_one else 0) - 2 * tick_h - 6
        band = max(1.0, (bottom - top) / len(result.question.options))
        return min(style.value, band * 0.72 / len(rounds) * 1.05)

    # --- painting -------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        self.boxes = []
        if self._result is not None:
            self._paint(painter, self._result, self._round_one)
        if self.hasFocus():  # the keyboard is here: a ring in the accent colour
            pen = QPen(focus_color(), 2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        painter.end()
        if self._dirty:
            self._dirty = False
            self.drawn.emit()

    def _font(self, px: float, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(1, round(px)))
        font.setBold(bold)
        return font

    def _text(
        self,
        painter: QPainter,
        kind: str,
        rect: QRectF,
        flags: Qt.AlignmentFlag | int,
        text: str,
        font: QFont,
        colour: QColor,
    ) -> QRectF:
        painter.setFont(font)
        painter.setPen(colour)
        bounds = painter.boundingRect(rect, int(flags), text)
        painter.drawText(rect, int(flags), text)
        self.boxes.append(TextBox(kind, text, bounds))
        return bounds

    def _paint(
        self, painter: QPainter, result: QuestionResult, round_one: QuestionResult | None
    ) -> None:
        s, lang = self.style_, self._lang
        palette = self.palette()
        fg = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        axis = QColor(muted)
        rounds = [result] if round_one is None else [round_one, result]
        tallies = [r.tally for r in rounds]
        options = result.question.options
        dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
        with_class = result.tally.kind is QuestionKind.MULTIPLE
        width, height = float(self.width()), float(self.height())
        m = s.margin
        wrap = Qt.TextFlag.TextWordWrap
        left_top = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop

        # header: per round its status line, then its consensus line (as the figure)
        y = m
        for res in rounds:
            prefix = f"{chart_text(lang, 'round', r=res.question.round)}: " if round_one else ""
            for kind, line, px in (
                ("status", status_line(res.tally, lang), s.status),
                ("consensus", consensus_line(res.tally, lang), s.consensus),
            ):
                box = QRectF(m, y, width - 2 * m, height)
                bold = kind == "consensus" and self._large
                drawn = self._text(
                    painter, kind, box, left_top | wrap, prefix + line, self._font(px, bold), fg
                )
                y = drawn.bottom() + px * 0.15
        chart = result.tally.kind is not QuestionKind.FREE_TEXT and bool(options)
        if not chart:
            box = QRectF(m, y, width - 2 * m, height - y - m)
            text = chart_text(lang, "free_text", n=result.tally.n_valid)
            self._text(
                painter, "free_text", box, Qt.AlignmentFlag.AlignCenter | wrap, text,
                self._font(s.label), muted,
            )  # fmt: skip
            return
        top = y + s.ticks * 0.6

        # bottom: tick labels, axis title, legend
        tick_font, legend_font = self._font(s.ticks), self._font(s.legend)
        tick_h = QFontMetricsF(tick_font).height()
        legend_h = QFontMetricsF(legend_font).height() if round_one else 0.0
        bottom = height - m - legend_h - (legend_h * 0.4 if round_one else 0) - 2 * tick_h - 6

        # columns: labels (wrapped, at most 40 %), bars, values
        n = len(options)
        band = max(1.0, (bottom - top) / n)
        bar_step = band * 0.72 / len(rounds)
        # values as large as the style asks, but never taller than their bar's slot
        label_font = self._font(min(s.label, band * 0.55))
        value_font = self._font(min(s.value, bar_step * 1.05), s.bold_values)
        label_fm, value_fm = QFontMetricsF(label_font), QFontMetricsF(value_font)
        labels = [o.label_in(lang) for o in options]
        label_w = min(max(label_fm.horizontalAdvance(t) for t in labels) + 2, width * 0.4)
        values = [
            [value_label(t, i, lang, with_class) for i in range(len(t.options))] for t in tallies
        ]
        value_w = max(value_fm.horizontalAdvance(v) for row in values for v in row)
        x0 = m + label_w + 8
        x1 = max(x0 + 20, width - m - value_w - 8)

        def x_of(percent: float) -> float:
            return x0 + (x1 - x0) * percent / 100

        for r_index, (tally, res) in enumerate(zip(tallies, rounds, strict=True)):
            colour = QColor(bar_colour(res.question.round if round_one else None, dark=dark))
            for index, option in enumerate(tally.options):
                centre = top + band * (index + 0.5) + (r_index - (len(rounds) - 1) / 2) * bar_step
                thick = bar_step * 0.9
                painter.fillRect(
                    QRectF(x0, centre - thick / 2, x_of(option.percent) - x0, thick), colour
                )
                box = QRectF(x_of(option.percent) + 4, centre - band / 2, width, band)
                align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                self._text(painter, "value", box, align, values[r_index][index], value_font, fg)
        for index, label in enumerate(labels):
            box = QRectF(m, top + band * index, label_w, band)
            align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            self._text(painter, "label", box, align | wrap, label, label_font, fg)

        painter.setPen(axis)
        painter.drawLine(int(x0), int(top), int(x0), int(bottom))
        painter.drawLine(int(x0), int(bottom), int(x1), int(bottom))
        for tick in TICKS:
            x = x_of(tick)
            painter.setPen(axis)
            painter.drawLine(int(x), int(bottom), int(x), int(bottom + 4))
            box = QRectF(x - 40, bottom + 4, 80, tick_h)
            align = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
            self._text(painter, "tick", box, align, str(tick), tick_font, muted)
        box = QRectF(x0, bottom + 4 + tick_h, x1 - x0, tick_h)
        align = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        self._text(painter, "axis", box, align, chart_text(lang, "axis"), tick_font, muted)
        if round_one:
            x = m
            y_legend = height - m - legend_h
            swatch = legend_h * 0.6
            for res in rounds:
                colour = QColor(bar_colour(res.question.round, dark=dark))
                painter.fillRect(
                    QRectF(x, y_legend + (legend_h - swatch) / 2, swatch * 1.6, swatch), colour
                )
                x += swatch * 2.1
                label = chart_text(lang, "round", r=res.question.round)
                box = QRectF(x, y_legend, width, legend_h)
                align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                drawn = self._text(painter, "legend", box, align, label, legend_font, fg)
                x = drawn.right() + legend_h
