"""The one chart builder: per-question horizontal bars for the screen, the PDF and the manuscript.

Only :class:`matplotlib.figure.Figure` is used (never pyplot), so it works in the Qt canvas,
headless in the PDF and in tests. The look is fixed: DejaVu Sans, Okabe–Ito colours.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary, WeakSet

import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.text import Text
from matplotlib.transforms import (
    Bbox,
    BboxTransform,
    ScaledTranslation,
    Transform,
    TransformedBbox,
)

from app.models.enums import QuestionKind
from app.reports.chart_spec import (  # noqa: F401  (re-exported: the figures' look)
    AXIS_COLOUR,
    FONT_FAMILY,
    MUTED_COLOUR,
    OKABE_ITO,
    ROUND_COLOURS,
    SINGLE_COLOUR,
    TEXT_COLOUR,
    TICKS,
    consensus_line,
)
from app.reports.chart_spec import chart_text as _t
from app.reports.chart_spec import status_line as _status_line
from app.reports.chart_spec import value_label as _value_label
from app.reports.figure_text import fit_lines as _fit_lines
from app.reports.figure_text import text_width_pt as _width_pt
from app.reports.figure_text import wrap as _wrap
from app.reports.glyphs import printable
from app.services.files import write_bytes_atomic
from app.services.results import QuestionResult
from app.services.tally import Tally

#: Width of the chart in the PDF: the text width of an A4 page with 2 cm margins.
PRINT_WIDTH_IN = 17.0 / 2.54
PNG_DPI = 300


@dataclass(frozen=True)
class _Style:
    """Type sizes and bar geometry for print or for the shared presenter screen."""

    base: float
    small: float
    bar_in: float
    wrap: int

    @classmethod
    def pick(cls, large: bool) -> _Style:
        return cls(17.0, 14.0, 0.55, 40) if large else cls(8.5, 7.5, 0.23, 34)


def _width_for(large: bool) -> float:
    """Width in inches of a figure this module makes: the PDF's text width, or wider."""
    return 13.0 if large else PRINT_WIDTH_IN


def _fit_labels(labels: list[str], width_pt: float, style: _Style) -> tuple[str, ...]:
    """Option labels wrapped so that the widest fits ``width_pt`` (narrow canvases)."""
    chars = style.wrap
    longest_word = max((len(word) for label in labels for word in label.split()), default=0)
    floor = min(chars, max(12, longest_word))  # narrower lines would cut words
    while True:
        wrapped = tuple(_wrap(label, chars) for label in labels)
        widest = max((_width_pt(label, style.base) for label in wrapped), default=0.0)
        if widest <= width_pt or chars <= floor:
            return wrapped
        chars = max(floor, chars - 4)


@dataclass(frozen=True)
class _Plan:
    """What the chart will hold, measured, so margins can be set without a layout engine."""

    header: str
    n_header: int
    labels: tuple[str, ...]
    values: tuple[str, ...]
    n_rows: int
    legend: bool
    style: _Style

    def size(self, large: bool) -> tuple[float, float]:
        width = _width_for(large)
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
        left = max((_width_pt(lbl, self.style.base) for lbl in self.labels), default=0) / 72
        right = max((_width_pt(v, self.style.small) for v in self.values), default=0) / 72
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
class _Layout:
    """A drawn chart's plan, its plot frame (figure fraction) and its header text."""

    plan: _Plan
    frame: Bbox
    header: Text


_LAYOUTS: WeakKeyDictionary[Figure, _Layout] = WeakKeyDictionary()
_HOOKED: WeakSet[Figure] = WeakSet()


def _apply_layout(figure: Figure) -> None:
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


def _hook_resize(figure: Figure) -> None:
    """Keep the margins right when a Qt canvas resizes the figure (connected once)."""
    if figure in _HOOKED or figure.canvas is None:
        return
    figure.canvas.mpl_connect("resize_event", lambda _event: _apply_layout(figure))
    _HOOKED.add(figure)


def question_figure(
    result: QuestionResult,
    *,
    lang: str = "de",
    round_one: QuestionResult | None = None,
    figure: Figure | None = None,
    show_consensus: bool = True,
    large: bool = False,
) -> Figure:
    """Horizontal bars per option: count and percent of the sites with a valid answer.

    With ``round_one``, round 1 and round 2 of the same question are drawn as paired bars
    (round 1 above round 2 for each option). When ``figure`` is given (a Qt canvas's), it
    is cleared and redrawn in place and keeps its size; otherwise a new figure of print
    width is made. ``large`` sets the type for a presenter view shared into a video call.
    """
    style = _Style.pick(large)
    rounds: list[QuestionResult] = [result] if round_one is None else [round_one, result]
    tallies = [r.tally for r in rounds]
    options = result.question.options
    with_class = result.tally.kind is QuestionKind.MULTIPLE and show_consensus
    header: list[str] = []
    for res in rounds:
        prefix = f"{_t(lang, 'round', r=res.question.round)}: " if len(rounds) > 1 else ""
        header.append(prefix + _status_line(res.tally, lang))
        if show_consensus:
            header.append(prefix + consensus_line(res.tally, lang))
    chart = result.tally.kind is not QuestionKind.FREE_TEXT and bool(options)
    width_in = figure.get_size_inches()[0] if figure is not None else _width_for(large)
    header = _fit_lines([printable(h) for h in header], width_in * 72 - 12, style.small)
    plan = _Plan(
        header="\n".join(header),
        n_header=len(header),
        labels=_fit_labels(
            [printable(o.label_in(lang)) for o in options], width_in * 72 * 0.4, style
        )
        if chart
        else (),
        values=tuple(
            _value_label(t, i, lang, with_class) for t in tallies for i in range(len(t.options))
        )
        if chart
        else (),
        n_rows=max(1, len(options)) * len(rounds) if chart else 1,
        legend=chart and len(rounds) > 1,
        style=style,
    )
    if figure is None:
        figure = Figure(figsize=plan.size(large), dpi=100)
    else:
        figure.clear()
        figure.set_layout_engine(None)
        _hook_resize(figure)
    figure.set_facecolor("white")
    text = _text(
        figure,
        0,
        1,
        plan.header,
        ha="left",
        va="top",
        size=style.small,
        colour=TEXT_COLOUR,
        linespacing=1.3,
    )
    frame = Bbox.unit()
    _LAYOUTS[figure] = _Layout(plan, frame, text)
    _apply_layout(figure)
    if not chart:
        _text(
            figure,
            0.5,
            0.4,
            _t(lang, "free_text", n=result.tally.n_valid),
            ha="center",
            size=style.base,
            colour=MUTED_COLOUR,
        )
        return figure
    n = max(1, len(options))
    data = BboxTransform(
        Bbox.from_extents(0, n - 0.5, 100, -0.5),  # first option on top
        TransformedBbox(frame, figure.transFigure),
    )
    _draw_bars(figure, data, tallies, rounds, lang, style, with_class)
    _draw_frame(figure, data, plan.labels, lang, style)
    if plan.legend:
        _draw_legend(figure, rounds, lang, style)
    return figure


def _text(
    figure: Figure, x: float, y: float, s: str, *, size: float, colour: str, **kwargs: Any
) -> Text:
    """Text in the charts' font, taken literally (``$`` in a label is no formula)."""
    return figure.text(
        x, y, s, fontsize=size, color=colour, family=FONT_FAMILY, parse_math=False, **kwargs
    )


def _offset(figure: Figure, base: Transform, dx_pt: float, dy_pt: float) -> Transform:
    """``base`` shifted by a fixed distance in points."""
    return base + ScaledTranslation(dx_pt / 72, dy_pt / 72, figure.dpi_scale_trans)


def _draw_bars(
    figure: Figure,
    data: Transform,
    tallies: list[Tally],
    rounds: list[QuestionResult],
    lang: str,
    style: _Style,
    with_class: bool,
) -> None:
    n_rounds = len(tallies)
    height = 0.72 / n_rounds
    right = _offset(figure, data, 3.5, 0)
    for r_index, (tally, res) in enumerate(zip(tallies, rounds, strict=True)):
        colour = ROUND_COLOURS.get(res.question.round, SINGLE_COLOUR) if n_rounds > 1 else None
        for index, option in enumerate(tally.options):
            y = index + (r_index - (n_rounds - 1) / 2) * height
            bar_height = height * 0.9
            figure.add_artist(
                Rectangle(
                    (0, y - bar_height / 2),
                    option.percent,
                    bar_height,
                    transform=data,
                    facecolor=colour or SINGLE_COLOUR,
                    edgecolor="none",
                    zorder=2,
                )
            )
            _text(
                figure,
                option.percent,
                y,
                _value_label(tally, index, lang, with_class),
                va="center",
                ha="left",
                size=style.small,
                colour=TEXT_COLOUR,
                transform=right,
                zorder=4,
            )


def _draw_frame(
    figure: Figure, data: Transform, labels: tuple[str, ...], lang: str, style: _Style
) -> None:
    """Option labels, grid, axis and its labels as a few plain artists.

    There is no Axes: its tick machinery costs more than the whole rest of the chart,
    and a protocol with a hundred charts cannot afford it. The look is the same.
    """
    bottom = max(1, len(labels)) - 0.5
    # No grid: every bar carries its value. Short tick marks under the axis instead.
    tick = 0.1
    axis = [[(0, -0.5), (0, bottom)], [(0, bottom), (100, bottom)]]
    axis += [[(x, bottom), (x, bottom + tick)] for x in TICKS]
    figure.add_artist(
        LineCollection(axis, colors=AXIS_COLOUR, linewidths=0.6, transform=data, zorder=3)
    )
    left = _offset(figure, data, -4, 0)
    for index, label in enumerate(labels):
        _text(
            figure,
            0,
            index,
            label,
            ha="right",
            va="center",
            size=style.base,
            colour=TEXT_COLOUR,
            transform=left,
            linespacing=1.15,
        )
    below = _offset(figure, data, 0, -4)
    for tick in TICKS:
        _text(
            figure,
            tick,
            bottom,
            str(tick),
            ha="center",
            va="top",
            size=style.small,
            colour=MUTED_COLOUR,
            transform=below,
        )
    _text(
        figure,
        50,
        bottom,
        _t(lang, "axis"),
        ha="center",
        va="top",
        size=style.small,
        colour=MUTED_COLOUR,
        transform=_offset(figure, data, 0, -5 - style.small * 1.3),
    )


def _draw_legend(figure: Figure, rounds: list[QuestionResult], lang: str, style: _Style) -> None:
    """A colour key for the rounds, bottom left, fixed in inches from the corner."""
    inches = figure.dpi_scale_trans
    size = style.small / 72
    x = 0.06
    for res in rounds:
        figure.add_artist(
            Rectangle(
                (x, 0.06),
                size * 1.6,
                size,
                transform=inches,
                facecolor=ROUND_COLOURS.get(res.question.round, SINGLE_COLOUR),
                edgecolor="none",
            )
        )
        label = _t(lang, "round", r=res.question.round)
        _text(
            figure,
            x + size * 2.1,
            0.06 + size / 2,
            label,
            va="center",
            ha="left",
            size=style.small,
            colour=TEXT_COLOUR,
            transform=inches,
        )
        x += size * 2.1 + _width_pt(label, style.small) / 72 + 0.25


def save_figure(figure: Figure, path: Path) -> None:
    """Save by suffix: ``.png`` at 300 dpi, ``.svg`` with text kept as text (also ``.pdf``)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in {".png", ".svg", ".pdf"}:
        from app.reports.texts import say
        from app.services.errors import InvalidInput

        raise InvalidInput(say("figure_format_unknown", name=path.name))
    write_bytes_atomic(path, figure_bytes(figure, suffix.lstrip(".")))


def figure_bytes(figure: Figure, fmt: str) -> bytes:
    """The figure as PNG (300 dpi), SVG (text as text) or PDF bytes."""
    import matplotlib

    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "votum"}):
        figure.savefig(
            buffer,
            format=fmt,
            dpi=PNG_DPI,
            facecolor="white",
            metadata={"Date": None} if fmt in ("svg", "pdf") else None,
        )
    return buffer.getvalue()
