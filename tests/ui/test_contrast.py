"""Contrast in both themes, computed as WCAG 2.1 defines it: text 4.5:1 against every
background it is drawn on (placeholder text and the theme's message colours included),
chart bars 3:1 against the chart's background (WCAG 1.4.11), also in the exported figures."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from app.reports.chart_spec import (
    ROUND_COLOURS,
    ROUND_COLOURS_DARK,
    SINGLE_COLOUR,
    SINGLE_COLOUR_DARK,
    bar_colour,
)
from app.ui.theme import (
    apply_theme,
    error_color,
    focus_color,
    muted_color,
    ok_color,
    warning_color,
)

Role = QPalette.ColorRole
TEXT = 4.5
GRAPHICS = 3.0


def luminance(colour: QColor) -> float:
    """Relative luminance (WCAG 2.1, sRGB)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def ratio(a: QColor | str, b: QColor | str) -> float:
    light, dark = sorted((luminance(QColor(a)), luminance(QColor(b))), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_ratio_is_wcags() -> None:
    assert ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert ratio("#E69F00", "#ffffff") == pytest.approx(2.25, abs=0.01)  # the old orange


@pytest.fixture(params=["light", "dark"])
def theme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    apply_theme(qapp, request.param)
    yield request.param
    apply_theme(qapp, "light")


#: (text role, background role): where the palette's texts are drawn
TEXT_ON = [
    (Role.WindowText, Role.Window),
    (Role.Text, Role.Base),
    (Role.Text, Role.AlternateBase),
    (Role.ButtonText, Role.Button),
    (Role.PlaceholderText, Role.Base),
    (Role.HighlightedText, Role.Highlight),
    (Role.ToolTipText, Role.ToolTipBase),
    (Role.Link, Role.Base),
]


def test_every_text_colour_reaches_4_5_to_1(theme: str) -> None:
    palette = QApplication.palette()
    low = []
    for text, background in TEXT_ON:
        value = ratio(palette.color(text), palette.color(background))
        if value < TEXT:
            low.append((text.name, background.name, round(value, 2)))
    named = {"muted": muted_color(), "error": error_color()}
    named |= {"warning": warning_color(), "ok": ok_color()}
    for name, colour in named.items():
        for background in (Role.Window, Role.Base, Role.AlternateBase):
            value = ratio(colour, palette.color(background))
            if value < TEXT:
                low.append((name, background.name, round(value, 2)))
    assert low == []


def test_the_focus_ring_reaches_3_to_1_in_both_themes(theme: str) -> None:
    palette = QApplication.palette()
    ring = focus_color()
    for background in (Role.Window, Role.Base, Role.AlternateBase):
        assert ratio(ring, palette.color(background)) >= GRAPHICS, background.name


def test_chart_bars_reach_3_to_1_in_both_themes(theme: str) -> None:
    base = QApplication.palette().color(Role.Base)
    dark = theme == "dark"
    bars = {"single": bar_colour(None, dark=dark)} | {
        f"round {r}": bar_colour(r, dark=dark) for r in (1, 2)
    }
    assert {name: round(ratio(c, base), 2) for name, c in bars.items() if ratio(c, base) < 3} == {}
    # each round's colour stands apart from the other's as well
    assert bars["round 1"] != bars["round 2"]


def test_exported_figures_bars_reach_3_to_1_on_white() -> None:
    for colour in (*ROUND_COLOURS.values(), SINGLE_COLOUR):
        assert ratio(colour, "#ffffff") >= GRAPHICS, colour
    for colour in (*ROUND_COLOURS_DARK.values(), SINGLE_COLOUR_DARK):
        assert ratio(colour, "#2b2d30") >= GRAPHICS, colour


def test_the_live_chart_paints_the_themes_bar_colours(qtbot, db, demo_id, theme: str) -> None:  # type: ignore[no-untyped-def]
    """The chart picks its colours by its background: the light set on white, the lighter
    set on the dark theme's base."""
    from app.services import conferences, results
    from app.ui.live.chart import ResultChart

    with db.read() as s:
        conf = conferences.get_conference(s, demo_id)
        result = results.question_result(s, conf.current_question_id)
        assert result.question.parent_id is not None
        round_one = results.question_result(s, result.question.parent_id)
    chart = ResultChart()
    qtbot.addWidget(chart)
    chart.resize(900, 420)
    chart.show()
    chart.show_result(round_one, None, "de")
    QApplication.processEvents()
    image = chart.grab().toImage()
    box = next(b for b in chart.boxes if b.kind == "value" and not b.text.startswith("0 "))
    bar = QColor(image.pixel(int(box.rect.left()) - 8, int(box.rect.center().y())))
    assert bar.name().lower() == bar_colour(None, dark=theme == "dark").lower()
