"""The participation heat map: sites × sessions, each cell the share of the session's
questions the site voted on, the number written in it.

Built like the result charts (:mod:`app.reports.figures`): a bare matplotlib
:class:`~matplotlib.figure.Figure` (never pyplot), rectangles and text placed in inches
without an Axes, DejaVu Sans and the Okabe–Ito blue; the desktop shows it as a picture,
the yearly report as a vector drawing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from app.reports.chart_spec import FONT_FAMILY, MUTED_COLOUR, SINGLE_COLOUR, TEXT_COLOUR
from app.reports.figures import PRINT_WIDTH_IN
from app.reports.glyphs import printable
from app.reports.yearly_texts import text
from app.services.participation import Cell, Participation, SiteParticipation

#: Inches: a cell's height, the label column's width, the header and the legend.
ROW_IN = 0.2
LABEL_IN = 1.0
HEADER_IN = 0.42
LEGEND_IN = 0.45
#: A session's column is at most this wide (a few sessions need no whole page width).
MAX_COLUMN_IN = 0.75
NOT_INVITED = "#e4e4e4"
#: Sites per figure in the report (a page's height); the desktop draws all.
SITES_PER_FIGURE = 40


def shade(share: float) -> tuple[float, float, float]:
    """White (0 %) to the charts' blue (100 %)."""
    red, green, blue = to_rgb(SINGLE_COLOUR)
    return (1 - share * (1 - red), 1 - share * (1 - green), 1 - share * (1 - blue))


def _ink(share: float) -> str:
    return "white" if share > 0.55 else TEXT_COLOUR


def _cell_text(cell: Cell, lang: str) -> str:
    if not cell.present and not cell.voted:
        return text(lang, "heat_absent")
    return f"{round(cell.share * 100)}"


def participation_figure(
    table: Participation,
    lang: str = "de",
    *,
    sites: Sequence[SiteParticipation] | None = None,
    width_in: float = PRINT_WIDTH_IN,
) -> Figure:
    """The heat map of ``sites`` (default: every site of ``table``), ``width_in`` wide."""
    rows = list(table.sites if sites is None else sites)
    n_cols = max(1, len(table.sessions))
    height = HEADER_IN + max(1, len(rows)) * ROW_IN + LEGEND_IN
    figure = Figure(figsize=(width_in, height), dpi=100)
    figure.set_facecolor("white")
    inches = figure.dpi_scale_trans
    col_w = min(MAX_COLUMN_IN, (width_in - LABEL_IN - 0.1) / n_cols)
    top = height - HEADER_IN
    small, tiny = 7.0, 6.2

    for j, column in enumerate(table.sessions):
        x = LABEL_IN + (j + 0.5) * col_w
        _put(
            figure,
            x,
            top + 0.22,
            f"{column.date:%d.%m.}",
            ha="center",
            va="center",
            size=small,
            color=TEXT_COLOUR,
        )
        _put(
            figure,
            x,
            top + 0.08,
            f"{column.date:%Y}",
            ha="center",
            va="center",
            size=tiny,
            color=MUTED_COLOUR,
        )
    for i, row in enumerate(rows):
        y = top - (i + 1) * ROW_IN
        _put(
            figure,
            LABEL_IN - 0.08,
            y + ROW_IN / 2,
            row.site.code or row.site.name,
            ha="right",
            va="center",
            size=small,
            color=TEXT_COLOUR,
        )
        for j, cell in enumerate(row.cells):
            x = LABEL_IN + j * col_w
            colour = NOT_INVITED if cell is None else shade(cell.share)
            figure.add_artist(
                Rectangle(
                    (x + 0.01, y + 0.01),
                    col_w - 0.02,
                    ROW_IN - 0.02,
                    transform=inches,
                    facecolor=colour,
                    edgecolor="#cfcfcf",
                    linewidth=0.3,
                )
            )
            if cell is not None:
                ink = MUTED_COLOUR if not cell.present and not cell.voted else _ink(cell.share)
                _put(
                    figure,
                    x + col_w / 2,
                    y + ROW_IN / 2,
                    _cell_text(cell, lang),
                    ha="center",
                    va="center",
                    size=tiny,
                    color=ink,
                )
    _legend(figure, lang, width_in)
    return figure


def _put(figure: Figure, x: float, y: float, s: str, **kw: Any) -> None:
    """Text at (x, y) inches from the bottom left, literal (no math, no markup)."""
    figure.text(
        x,
        y,
        printable(s),
        transform=figure.dpi_scale_trans,
        family=FONT_FAMILY,
        parse_math=False,
        **kw,
    )


def _legend(figure: Figure, lang: str, width_in: float) -> None:
    """A strip from 0 to 100 % and the grey of "not invited", along the bottom."""
    inches = figure.dpi_scale_trans
    x, y, w, h = LABEL_IN, 0.12, 0.22, 0.12
    for step in range(6):
        share = step / 5
        figure.add_artist(
            Rectangle(
                (x + step * w, y),
                w,
                h,
                transform=inches,
                facecolor=shade(share),
                edgecolor="#cfcfcf",
                linewidth=0.3,
            )
        )
        _put(
            figure,
            x + step * w + w / 2,
            y + h + 0.07,
            f"{step * 20}",
            ha="center",
            va="center",
            size=5.8,
            color=MUTED_COLOUR,
        )
    _put(
        figure,
        x + 6 * w + 0.08,
        y + h / 2,
        "% · " + text(lang, "heat_axis"),
        ha="left",
        va="center",
        size=6.4,
        color=MUTED_COLOUR,
    )
    right = width_in - 1.4
    figure.add_artist(
        Rectangle(
            (right, y),
            w,
            h,
            transform=inches,
            facecolor=NOT_INVITED,
            edgecolor="#cfcfcf",
            linewidth=0.3,
        )
    )
    _put(
        figure,
        right + w + 0.06,
        y + h / 2,
        text(lang, "heat_not_invited"),
        ha="left",
        va="center",
        size=6.4,
        color=MUTED_COLOUR,
    )
