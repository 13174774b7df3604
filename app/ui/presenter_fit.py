"""How large the presenter view's type can be: measured with the fonts' own metrics, so
that the question and its options fill the window without running out of it.

A QLabel with word wrap lays its plain text out as :meth:`QFontMetricsF.boundingRect` does
(no margin, no indent): measuring the same way gives the height the label will take at a
given width, and the presenter places its labels by these heights.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QLabel

_WRAP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(Qt.TextFlag.TextWordWrap)


def plain(label: QLabel) -> QLabel:
    """Texts typed by people (questions, options, findings) show as typed, never as markup;
    they wrap at words and sit at the top left of their place."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label


def sized(base: QFont, px: float, bold: bool = False) -> QFont:
    """``base`` at ``px`` pixels (never below 1), bold or not."""
    font = QFont(base)
    font.setPixelSize(max(1, round(px)))
    font.setBold(bold)
    return font


def text_height(text: str, font: QFont, width: float) -> float:
    """The height ``text`` takes wrapped to ``width`` (one line's height when empty)."""
    metrics = QFontMetricsF(font)
    if not text:
        return metrics.height()
    return metrics.boundingRect(QRectF(0, 0, max(1.0, width), 1e7), _WRAP, text).height()


def text_width(text: str, font: QFont) -> float:
    return QFontMetricsF(font).horizontalAdvance(text)


@dataclass(frozen=True)
class OptionRow:
    """One option as the presenter lists it: its letter, its label, an explanation
    (evidence levels) and whether it is said quietly (abstain, the free-text hint)."""

    letter: str
    label: str
    explanation: str = ""
    muted: bool = False


@dataclass(frozen=True)
class OptionColumns:
    """Where the option rows' columns are, for options at ``px``: the letter, the label
    (as wide as the short labels that have an explanation) and the explanation beside it.
    A label too wide for its column takes the whole row, its explanation goes under it."""

    letter_width: float
    label_width: float
    explanation_width: float
    gap: float
    #: label and explanation columns together: a row without explanation, or one whose
    #: label is too wide for its column
    full_width: float


#: explanations are this much smaller than the option they explain
EXPLANATION = 0.74
#: the space between two option rows, in option heights
ROW_GAP = 0.22
#: a label column never takes more of the width than this
LABEL_SHARE = 0.3


def option_columns(
    rows: Sequence[OptionRow], base: QFont, px: float, width: float, *, explain: bool
) -> OptionColumns:
    gap = px * 0.45
    letter = max((text_width(r.letter, sized(base, px, True)) for r in rows), default=0.0)
    rest = width - letter - gap
    if not explain or not any(r.explanation for r in rows):
        return OptionColumns(letter, rest, 0.0, gap, rest)
    font = sized(base, px)
    widths = [text_width(r.label, font) + 2 for r in rows if r.explanation]
    short = [w for w in widths if w <= rest * LABEL_SHARE] or [rest * LABEL_SHARE]
    label = max(short)
    return OptionColumns(letter, label, rest - label - gap, gap, rest)


def beside(row: OptionRow, base: QFont, px: float, columns: OptionColumns) -> bool:
    """Whether the row's explanation stands beside its label (else under it)."""
    return text_width(row.label, sized(base, px)) + 2 <= columns.label_width


def option_row_height(
    row: OptionRow, base: QFont, px: float, columns: OptionColumns, *, explain: bool
) -> float:
    """A row is as tall as its label, or its explanation (smaller type) if that wraps more;
    an explanation under its label adds its own height."""
    small = sized(base, px * EXPLANATION)
    if not (row.explanation and explain):
        return text_height(row.label, sized(base, px), columns.full_width)
    if beside(row, base, px, columns):
        label = text_height(row.label, sized(base, px), columns.label_width)
        return max(label, text_height(row.explanation, small, columns.explanation_width))
    label = text_height(row.label, sized(base, px), columns.full_width)
    return label + text_height(row.explanation, small, columns.full_width)


def options_height(
    rows: Sequence[OptionRow], base: QFont, px: float, width: float, *, explain: bool
) -> float:
    if not rows:
        return 0.0
    columns = option_columns(rows, base, px, width, explain=explain)
    heights = [option_row_height(r, base, px, columns, explain=explain) for r in rows]
    return sum(heights) + px * ROW_GAP * (len(rows) - 1)


def largest(fits: Callable[[float], bool], low: float, high: float, steps: int = 14) -> float:
    """The largest size in [``low``, ``high``] that ``fits`` (``low`` if none does)."""
    if fits(high):
        return high
    for _ in range(steps):
        middle = (low + high) / 2
        if fits(middle):
            low = middle
        else:
            high = middle
    return low
