"""Text in the charts: words wrapped between words only, widths measured in the chart's font."""

from __future__ import annotations

import textwrap
from functools import lru_cache

from app.reports.chart_spec import FONT_FAMILY


def wrap_words(text: str, width: int, indent: str = "") -> list[str]:
    """Lines of at most ``width`` characters, broken between words only (hyphens stay
    inside their word); a single word longer than a line is cut short with "…"."""
    lines = textwrap.wrap(
        text, width, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False
    )
    return [line if len(line) <= width else line[: width - 1] + "…" for line in lines]


def wrap(label: str, width: int) -> str:
    return "\n".join(wrap_words(label, width)) or label


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


def fit_lines(lines: list[str], width_pt: float, size: float) -> list[str]:
    """Wrap each line so that it fits ``width_pt`` at ``size`` (long option labels)."""
    fitted: list[str] = []
    for line in lines:
        if text_width_pt(line, size) <= width_pt:
            fitted.append(line)
            continue
        chars = max(20, int(len(line) * width_pt / text_width_pt(line, size)))
        fitted += wrap_words(line, chars, indent="   ") or [line]
    return fitted
