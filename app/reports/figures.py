"""The one chart builder: per-question horizontal bars for the screen, the PDF and the manuscript.

Only :class:`matplotlib.figure.Figure` is used (never pyplot), so it works in the Qt canvas,
headless in the PDF and in tests. The look is fixed: DejaVu Sans, Okabe–Ito colours.
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass
from pathlib import Path

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from app.models.enums import QuestionKind
from app.services.files import write_bytes_atomic
from app.services.results import QuestionResult
from app.services.tally import Tally
from app.services.views import OptionInfo

#: Okabe & Ito (2008), safe for the common colour-vision deficiencies.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "black": "#000000",
}
ROUND_COLOURS = {1: OKABE_ITO["orange"], 2: OKABE_ITO["blue"]}
SINGLE_COLOUR = OKABE_ITO["blue"]
TEXT_COLOUR = "#222222"
MUTED_COLOUR = "#5a5a5a"
GRID_COLOUR = "#d9d9d9"
FONT_FAMILY = "DejaVu Sans"

#: Width of the chart in the PDF: the text width of an A4 page with 2 cm margins.
PRINT_WIDTH_IN = 17.0 / 2.54
PNG_DPI = 300

_TEXTS = {
    "de": {
        "voted": "{n} von {N} Standorten haben abgestimmt",
        "abstain": "{n} Enthaltung",
        "abstains": "{n} Enthaltungen",
        "silent": "{n} anwesende Standorte ohne Stimme",
        "silent1": "1 anwesender Standort ohne Stimme",
        "apart": "nicht in %",
        "axis": "% der Standorte mit gültiger Antwort",
        "round": "Runde {r}",
        "consensus": "{label} (AWMF): {pct} % für {what}",
        "per_option": "Konsens je Option (AWMF), siehe Beschriftung",
        "no_class": "Keine gültige Antwort, keine Konsensklasse",
        "free_text": "Freitext-Frage: {n} Kommentare, kein Diagramm",
        "agreeing": "Zustimmung (stimme voll zu + stimme zu)",
    },
    "en": {
        "voted": "{n} of {N} sites voted",
        "abstain": "{n} abstention",
        "abstains": "{n} abstentions",
        "silent": "{n} sites present did not vote",
        "silent1": "1 site present did not vote",
        "apart": "not in %",
        "axis": "% of sites with a valid answer",
        "round": "Round {r}",
        "consensus": "{label} (AWMF): {pct} % for {what}",
        "per_option": "Consensus per option (AWMF), see labels",
        "no_class": "No valid answer, no consensus class",
        "free_text": "Free-text question: {n} comments, no chart",
        "agreeing": "agreement (strongly agree + agree)",
    },
}


@dataclass(frozen=True)
class _Style:
    """Type sizes and bar geometry for print or for the shared presenter screen."""

    base: float
    small: float
    bar_in: float
    wrap: int

    @classmethod
    def pick(cls, large: bool) -> _Style:
        return cls(17.0, 14.0, 0.55, 40) if large else cls(8.0, 7.0, 0.22, 34)


def _t(lang: str, key: str, **values: object) -> str:
    return _TEXTS["de" if lang == "de" else "en"][key].format(**values)


def _status_line(tally: Tally, lang: str) -> str:
    """ "16 von 17 Standorten haben abgestimmt · 1 Enthaltung (nicht in den Prozenten)"."""
    parts = [_t(lang, "voted", n=tally.n_voted, N=tally.n_eligible)]
    if tally.n_abstain:
        key = "abstain" if tally.n_abstain == 1 else "abstains"
        parts.append(f"{_t(lang, key, n=tally.n_abstain)} ({_t(lang, 'apart')})")
    if tally.n_present_not_voted:
        n = tally.n_present_not_voted
        parts.append(_t(lang, "silent1") if n == 1 else _t(lang, "silent", n=n))
    return " · ".join(parts)


def consensus_line(tally: Tally, lang: str) -> str:
    """The consensus class in one line, as the chart and the protocol show it."""
    if tally.kind is QuestionKind.MULTIPLE:
        return _t(lang, "per_option") if tally.n_valid else _t(lang, "no_class")
    cons = tally.consensus
    if cons is None:
        return _t(lang, "no_class")
    labels = [quote(r.option.label, lang) for r in tally.options if r.option.id in cons.option_ids]
    what = _t(lang, "agreeing") if tally.kind is QuestionKind.AGREEMENT else " / ".join(labels)
    pct = decimal(cons.percent, lang)
    return _t(lang, "consensus", label=cons.awmf.label(lang), pct=pct, what=what)


def decimal(value: float, lang: str) -> str:
    """A share in percent with at most one decimal, German decimal comma for "de"."""
    text = f"{value:.0f}" if value == round(value) else f"{value:.1f}"
    return text.replace(".", ",") if lang == "de" else text


def quote(text: str, lang: str) -> str:
    return f"„{text}“" if lang == "de" else f"“{text}”"


def _value_label(tally: Tally, index: int, lang: str, with_class: bool) -> str:
    result = tally.options[index]
    label = f"{result.count} ({result.percent} %)"
    if with_class and result.consensus is not None:
        label += f" · {result.consensus.awmf.label(lang)}"
    return label


def _wrap(label: str, width: int) -> str:
    return "\n".join(textwrap.wrap(label, width)) or label


def _size_for(n_rows: int, n_lines: int, style: _Style, large: bool) -> tuple[float, float]:
    width = 13.0 if large else PRINT_WIDTH_IN
    head = (0.55 + 0.28 * n_lines) * (2.0 if large else 1.0)
    return width, head + n_rows * style.bar_in + (0.9 if large else 0.45)


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
    multi = result.tally.kind is QuestionKind.MULTIPLE
    header: list[str] = []
    for res in rounds:
        prefix = f"{_t(lang, 'round', r=res.question.round)}: " if len(rounds) > 1 else ""
        header.append(prefix + _status_line(res.tally, lang))
        if show_consensus:
            header.append(" " * len(prefix) * 2 * 0 + prefix + consensus_line(res.tally, lang))
    n_rows = max(1, len(options)) * len(rounds)
    if figure is None:
        figure = Figure(figsize=_size_for(n_rows, len(header), style, large), dpi=100)
    else:
        figure.clear()
    figure.set_facecolor("white")
    figure.set_layout_engine("constrained")
    ax = figure.add_subplot()
    ax.set_facecolor("white")
    title = ax.set_title("\n".join(header), loc="left", fontsize=style.small, color=TEXT_COLOUR)
    title.set_fontfamily(FONT_FAMILY)
    if result.tally.kind is QuestionKind.FREE_TEXT or not options:
        ax.set_axis_off()
        ax.text(
            0.0,
            0.5,
            _t(lang, "free_text", n=result.tally.n_valid),
            fontsize=style.base,
            color=MUTED_COLOUR,
            transform=ax.transAxes,
            family=FONT_FAMILY,
        )
        return figure
    _draw_bars(ax, options, tallies, rounds, lang, style, multi and show_consensus)
    return figure


def _draw_bars(
    ax: Axes,
    options: tuple[OptionInfo, ...],
    tallies: list[Tally],
    rounds: list[QuestionResult],
    lang: str,
    style: _Style,
    with_class: bool,
) -> None:
    n_rounds = len(tallies)
    group = 1.0
    height = 0.72 / n_rounds
    for r_index, (tally, res) in enumerate(zip(tallies, rounds, strict=True)):
        colour = ROUND_COLOURS.get(res.question.round, SINGLE_COLOUR) if n_rounds > 1 else None
        ys = [
            i * group + (r_index - (n_rounds - 1) / 2) * height for i in range(len(tally.options))
        ]
        widths = [o.percent for o in tally.options]
        bars = ax.barh(
            ys,
            widths,
            height=height * 0.9,
            color=colour or SINGLE_COLOUR,
            label=_t(lang, "round", r=res.question.round) if n_rounds > 1 else None,
            zorder=2,
        )
        for index, bar in enumerate(bars):
            ax.text(
                bar.get_width() + 1.2,
                bar.get_y() + bar.get_height() / 2,
                _value_label(tally, index, lang, with_class),
                va="center",
                ha="left",
                fontsize=style.small,
                color=TEXT_COLOUR,
                family=FONT_FAMILY,
                clip_on=False,
            )
    ax.set_yticks([i * group for i in range(len(options))])
    ax.set_yticklabels(
        [_wrap(o.label, style.wrap) for o in options],
        fontsize=style.base,
        color=TEXT_COLOUR,
        family=FONT_FAMILY,
    )
    ax.invert_yaxis()  # first option on top
    ax.set_xlim(0, 100)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.tick_params(axis="x", labelsize=style.small, colors=MUTED_COLOUR, length=2)
    ax.tick_params(axis="y", length=0, pad=4)
    for label in ax.get_xticklabels():
        label.set_fontfamily(FONT_FAMILY)
    ax.set_xlabel(_t(lang, "axis"), fontsize=style.small, color=MUTED_COLOUR, family=FONT_FAMILY)
    ax.grid(axis="x", color=GRID_COLOUR, linewidth=0.6, zorder=0)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color("#888888")
        ax.spines[side].set_linewidth(0.6)
    ax.spines["bottom"].set_bounds(0, 100)
    ax.margins(y=0.5 / max(1, len(options)))
    if n_rounds > 1:
        legend = ax.figure.legend(
            loc="outside lower right",
            ncols=2,
            frameon=False,
            fontsize=style.small,
            handlelength=1.2,
        )
        for text in legend.get_texts():
            text.set_fontfamily(FONT_FAMILY)
        for text in legend.get_texts():
            text.set_color(TEXT_COLOUR)


def save_figure(figure: Figure, path: Path) -> None:
    """Save by suffix: ``.png`` at 300 dpi, ``.svg`` with text kept as text (also ``.pdf``)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in {".png", ".svg", ".pdf"}:
        from app.services.errors import InvalidInput

        raise InvalidInput(
            f"{path.name}: Format .png, .svg oder .pdf / format must be .png, .svg or .pdf"
        )
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
