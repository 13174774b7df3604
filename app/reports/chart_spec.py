"""What every result chart says and in which colours: shared by the matplotlib figures
(PNG, SVG, PDF) and the native live chart of the desktop app (no matplotlib here)."""

from __future__ import annotations

from collections.abc import Sequence

from app.models.enums import QuestionKind
from app.reports.texts import decimal, quote
from app.services.tally import Tally
from app.texts import Catalog

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
#: Bars on a light background (the figures, the PDF, the light theme): each at least 3:1
#: against white (WCAG 1.4.11); Okabe–Ito's orange (2.3:1) gives way to its vermillion.
ROUND_COLOURS = {1: OKABE_ITO["vermillion"], 2: OKABE_ITO["blue"]}
SINGLE_COLOUR = OKABE_ITO["blue"]
#: Bars on a dark background (the dark theme): the lighter partners, 3:1 there too.
ROUND_COLOURS_DARK = {1: OKABE_ITO["orange"], 2: OKABE_ITO["sky_blue"]}
SINGLE_COLOUR_DARK = OKABE_ITO["sky_blue"]
TEXT_COLOUR = "#222222"
MUTED_COLOUR = "#5a5a5a"
AXIS_COLOUR = "#888888"
TICKS = (0, 25, 50, 75, 100)
FONT_FAMILY = "DejaVu Sans"

TEXTS = {
    "de": {
        "voted": "{n} von {N} Standorten haben abgestimmt",
        "abstain.one": "{n} Enthaltung",
        "abstain.other": "{n} Enthaltungen",
        "silent.one": "{n} anwesender Standort ohne Stimme",
        "silent.other": "{n} anwesende Standorte ohne Stimme",
        "apart": "nicht in %",
        "axis": "% der Standorte mit gültiger Antwort",
        "round": "Runde {r}",
        "consensus": "{label} (AWMF): {pct} % für {what}",
        "per_option": "Konsens je Option (AWMF), siehe Beschriftung",
        "no_class": "Keine gültige Antwort, keine Konsensklasse",
        "free_text": "Freitext-Frage: {n} Kommentare, kein Diagramm",
        "agreeing": "Zustimmung ({steps})",
    },
    "en": {
        "voted": "{n} of {N} sites voted",
        "abstain.one": "{n} abstention",
        "abstain.other": "{n} abstentions",
        "silent.one": "{n} site present did not vote",
        "silent.other": "{n} sites present did not vote",
        "apart": "not in %",
        "axis": "% of sites with a valid answer",
        "round": "Round {r}",
        "consensus": "{label} (AWMF): {pct} % for {what}",
        "per_option": "Consensus per option (AWMF), see labels",
        "no_class": "No valid answer, no consensus class",
        "free_text": "Free-text question: {n} comments, no chart",
        "agreeing": "agreement ({steps})",
    },
}

CHART = Catalog("charts", TEXTS)


def chart_text(lang: str, key: str, **values: object) -> str:
    return CHART.text(lang, key, **values)


def status_line(tally: Tally, lang: str) -> str:
    """ "16 von 17 Standorten haben abgestimmt · 1 Enthaltung (nicht in den Prozenten)"."""
    parts = [chart_text(lang, "voted", n=tally.n_voted, N=tally.n_eligible)]
    if tally.n_abstain:
        abstained = CHART.plural(lang, "abstain", tally.n_abstain)
        parts.append(f"{abstained} ({chart_text(lang, 'apart')})")
    if tally.n_present_not_voted:
        n = tally.n_present_not_voted
        parts.append(CHART.plural(lang, "silent", n))
    return " · ".join(parts)


def consensus_line(tally: Tally, lang: str) -> str:
    """The consensus class in one line, as the chart and the protocol show it."""
    if tally.kind is QuestionKind.MULTIPLE:
        return chart_text(lang, "per_option") if tally.n_valid else chart_text(lang, "no_class")
    cons = tally.consensus
    if cons is None:
        return chart_text(lang, "no_class")
    pct = decimal(cons.share * 100, lang)
    what = consensus_subject(tally, lang)
    return chart_text(lang, "consensus", label=cons.awmf.label(lang), pct=pct, what=what)


def consensus_subject(tally: Tally, lang: str) -> str:
    """What the consensus is for, as chart and protocol say it: the scale's first two
    steps as labelled, or the quoted option(s); "" without a consensus."""
    cons = tally.consensus
    if cons is None:
        return ""
    chosen = [r.option.label_in(lang) for r in tally.options if r.option.id in cons.option_ids]
    if tally.kind is QuestionKind.AGREEMENT:
        return chart_text(lang, "agreeing", steps=" + ".join(chosen))
    return " / ".join(quote(label, lang) for label in chosen)


def value_label(tally: Tally, index: int, lang: str, with_class: bool) -> str:
    result = tally.options[index]
    label = f"{result.count} ({result.percent} %)"
    if with_class and result.consensus is not None:
        label += f" · {result.consensus.awmf.label(lang)}"
    return label


def bar_colour(round_number: int | None, *, dark: bool = False) -> str:
    """A bar's colour: by its round when rounds stand side by side (``None``: one round)."""
    rounds, single = (
        (ROUND_COLOURS_DARK, SINGLE_COLOUR_DARK)
        if dark
        else (
            ROUND_COLOURS,
            SINGLE_COLOUR,
        )
    )
    return single if round_number is None else rounds.get(round_number, single)


def numbers_text(rounds: Sequence[tuple[int | None, Tally]], lang: str) -> str:
    """What a chart shows, as text, line by line (a screen reader's text alternative and
    the numbers beside a chart in the protocol): per round its status and consensus line,
    then each option with "count (percent)". ``rounds``: (round number or ``None`` for a
    chart of one round, tally), in the chart's order."""
    lines: list[str] = []
    for number, tally in rounds:
        prefix = f"{chart_text(lang, 'round', r=number)}: " if number is not None else ""
        lines.append(prefix + status_line(tally, lang))
        if tally.kind is QuestionKind.FREE_TEXT or not tally.options:
            lines.append(prefix + chart_text(lang, "free_text", n=tally.n_valid))
            continue
        lines.append(prefix + consensus_line(tally, lang))
        with_class = tally.kind is QuestionKind.MULTIPLE
        lines.append(
            prefix
            + "; ".join(
                f"{option.option.label_in(lang)}: {value_label(tally, i, lang, with_class)}"
                for i, option in enumerate(tally.options)
            )
        )
    return "\n".join(lines)
