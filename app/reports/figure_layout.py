"""Fitting a chart's text without a layout engine: type sizes, measured labels, margins.

:mod:`app.reports.figures` draws; this module measures what it will draw (with the chart's
own font), wraps labels that would not fit, and keeps the plot frame and the header in
place when a Qt canvas resizes the figure.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from functools import lru_cache
from weakref import WeakKeyDictionary, WeakSet

import numpy as np
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox

FONT_FAMILY = "DejaVu Sans"
#: Width of the chart in the PDF: the text width of an A4 page with 2 cm margins.
PRINT_WIDTH_IN = 17.0 / 2.54


@dataclass(frozen=True)
class Style:
    """Type sizes and bar geometry for print or for the shared presenter screen."""

    base: float
    small: float
    bar_in: float
    wrap: int

    @classmethod
    def pick(cls, large: bool) -> Style:
        return cls(17.0, 14.0, 0.55, 40) if large else cls(8.5, 7.5, 0.23, 34)


def wrap_label(label: str, width: int) -> str:
    return "\n".join(textwrap.wrap(label, width)) or label


@lru_cache(maxsize=4096)
def text_width_pt(text: str, size: float) -> float:
    """Width of (possibly multi-line) text in points, measured with the chart's font."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    prop = FontProperties(family=FONT_FAMILY, size=size)
    widths = [
        text_to_path.get_text_width_height_descent(line, prop, ismath=False)[0]
        for line in text.split("\n")
    ]
    return max(widths, default=0.0)


def width_for(large: bool) -> float:
    """Width in inches of a figure this module makes: the PDF's text width, or wider."""
    return 13.0 if large else PRINT_WIDTH_IN


def fit_labels(labels: list[str], width_pt: float, style: Style) -> tuple[str, ...]:
    """Option labels wrapped so that the widest fits ``width_pt`` (narrow canvases)."""
    chars = style.wrap
    while True:
        wrapped = tuple(wrap_label(label, chars) for label in labels)
        widest = max((text_width_pt(label, style.base) for label in wrapped), default=0.0)
        if widest <= width_pt or chars <= 12:
            return wrapped
        chars -= 4


def fit_lines(lines: list[str], width_pt: float, size: float) -> list[str]:
    """Wrap each line so that it fits ``width_pt`` at ``size`` (long option labels)."""
    fitted: list[str] = []
    for line in lines:
        if text_width_pt(line, size) <= width_pt:
            fitted.append(line)
            continue
        chars = max(20, int(len(line) * width_pt / text_width_pt(line, size)))
        fitted += textwrap.wrap(line, chars, subsequent_indent="   ") or [line]
    return fitted


@dataclass(frozen=True)
class Plan:
    """What the chart will hold, measured, so margins can be set without a layout engine."""

    header: str
    n_header: int
    labels: tuple[str, ...]
    values: tuple[str, ...]
    n_rows: int
    legend: bool
    style: Style

    def size(self, large: bool) -> tuple[float, float]:
        width = width_for(large)
        lines = max((label.count("\n") + 1 for label in self.labels), default=1)
        plot = self.n_rows * self.style.bar_in * max(1.0, 0.7 * lines) + 0.1
        return width, self._top() + plot + self._bottom()

    def _line(self) -> float:
        return self.style.small * 1.3 / 72

    def _top(self) -> float:
        return 0.06 + self.n_header * self._line() + 0.12

    def _bottom(self) -> float:
        return 0.06 + 2.6 * self._line() + (1.6 * self._line() if self.legend else 0.0)

    def margins(self, width: float, height: float) -> dict[str, float]:
        """subplots_adjust fractions for a figure of this size in inches."""
        left = max((text_width_pt(lbl, self.style.base) for lbl in self.labels), default=0) / 72
        right = max((text_width_pt(v, self.style.small) for v in self.values), default=0) / 72
        left = min(left + 0.16, width * 0.45)
        right = min(right + 0.12, width * 0.35)
        top = min(self._top(), height * 0.6)
        bottom = min(self._bottom(), height * 0.3)
        return {
            "left": left / width,
            "right": 1 - right / width,
            "top": 1 - top / height,
            "bottom": bottom / height,
        }


@dataclass
class Layout:
    """A drawn chart's plan, its plot frame (figure fraction) and its header text."""

    plan: Plan
    frame: Bbox
    header: Text


_LAYOUTS: WeakKeyDictionary[Figure, Layout] = WeakKeyDictionary()
_HOOKED: WeakSet[Figure] = WeakSet()


def attach_layout(figure: Figure, layout: Layout) -> None:
    """Remember the figure's layout and apply it now (and on every resize once hooked)."""
    _LAYOUTS[figure] = layout
    apply_layout(figure)


def apply_layout(figure: Figure) -> None:
    """Place the plot frame and the header for the figure's current size."""
    layout = _LAYOUTS.get(figure)
    if layout is None:
        return
    width, height = figure.get_size_inches()
    if width <= 0 or height <= 0:
        return
    m = layout.plan.margins(width, height)
    layout.frame.set_points(np.array([[m["left"], m["bottom"]], [m["right"], m["top"]]]))
    layout.header.set_position((0.06 / width, 1 - 0.06 / height))
    figure.stale = True


def hook_resize(figure: Figure) -> None:
    """Keep the margins right when a Qt canvas resizes the figure (connected once)."""
    if figure in _HOOKED or figure.canvas is None:
        return
    figure.canvas.mpl_connect("resize_event", lambda _event: apply_layout(figure))
    _HOOKED.add(figure)
