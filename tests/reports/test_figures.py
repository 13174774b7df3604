"""The chart builder: bars per option, both rounds, 300-dpi PNG and SVG with text as text."""

from __future__ import annotations

from pathlib import Path

import pytest
from matplotlib.figure import Figure
from PIL import Image

from app.db import Database
from app.reports.figures import consensus_line, question_figure, save_figure
from app.services.errors import InvalidInput
from app.services.results import CaseResults, conference_results, round_pairs


def _texts(figure: Figure) -> str:
    return "\n".join(t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text")))


def test_bars_show_counts_percent_and_participation(demo_results: list[CaseResults]) -> None:
    result = demo_results[0].results[0]
    figure = question_figure(result, lang="de")
    text = _texts(figure)
    for option in result.tally.options:
        assert option.option.label in text
        assert f"{option.count} ({option.percent} %)" in text
    assert f"{result.tally.n_voted} von {result.tally.n_eligible} Standorten" in text
    assert "1 Enthaltung" in text
    assert result.tally.consensus is not None
    assert result.tally.consensus.awmf.label("de") in text


def test_round_one_beside_round_two(db: Database, two_rounds_id: int) -> None:
    with db.read() as session:
        (case,) = conference_results(session, two_rounds_id)
    ((one, two),) = round_pairs(case)
    assert two is not None
    figure = question_figure(two, lang="en", round_one=one)
    text = _texts(figure)
    assert "Round 1" in text and "Round 2" in text
    assert consensus_line(one.tally, "en") in text
    assert consensus_line(two.tally, "en") in text
    for result in (one, two):
        for option in result.tally.options:
            assert f"{option.count} ({option.percent} %)" in text


def test_redraws_into_a_given_figure_and_keeps_its_size(demo_results: list[CaseResults]) -> None:
    canvas_figure = Figure(figsize=(5, 3))
    counts = []
    for result in demo_results[0].results:
        out = question_figure(result, figure=canvas_figure, large=True)
        assert out is canvas_figure
        counts.append(len(canvas_figure.texts))
    assert tuple(canvas_figure.get_size_inches()) == (5, 3)
    # Cleared each time: the same question drawn twice holds the same artists.
    question_figure(demo_results[0].results[0], figure=canvas_figure, large=True)
    assert len(canvas_figure.texts) == counts[0]


def test_layout_follows_a_resize(demo_results: list[CaseResults]) -> None:
    from matplotlib.backend_bases import ResizeEvent
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure = Figure(figsize=(6, 3))
    FigureCanvasAgg(figure)
    question_figure(demo_results[0].results[0], figure=figure)
    assert figure.texts[0].get_position()[0] == pytest.approx(0.06 / 6)
    figure.set_size_inches(12, 6)
    ResizeEvent("resize_event", figure.canvas)._process()  # what a Qt canvas emits
    assert figure.texts[0].get_position()[0] == pytest.approx(0.06 / 12)


def test_every_kind_draws(demo_results: list[CaseResults], tmp_path: Path) -> None:
    for case in demo_results:
        for result in case.results:
            for lang in ("de", "en"):
                save_figure(question_figure(result, lang=lang), tmp_path / "chart.svg")


def test_png_is_300_dpi(demo_results: list[CaseResults], tmp_path: Path) -> None:
    path = tmp_path / "chart.png"
    save_figure(question_figure(demo_results[0].results[0]), path)
    with Image.open(path) as image:
        dpi = image.info["dpi"]
        assert round(dpi[0]) == 300 and round(dpi[1]) == 300
        # Print width of 17 cm at 300 dpi.
        assert abs(image.width - 17 / 2.54 * 300) < 3


def test_svg_keeps_text_as_text(demo_results: list[CaseResults], tmp_path: Path) -> None:
    result = demo_results[1].results[0]
    path = tmp_path / "chart.svg"
    save_figure(question_figure(result), path)
    svg = path.read_text("utf-8")
    assert "<text" in svg
    for option in result.question.options:
        assert f">{option.label}<" in svg


def test_unknown_suffix_is_refused(demo_results: list[CaseResults], tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.mkdir()
    with pytest.raises(InvalidInput):
        save_figure(question_figure(demo_results[0].results[0]), target / "chart.gif")
    assert list(target.iterdir()) == []


def test_chart_says_preset_labels_in_its_language_and_own_labels_as_typed(
    db: Database,
) -> None:
    from matplotlib.text import Text

    from tests.reports.test_protocol import _german_presets

    conf = _german_presets(db)
    with db.read() as session:
        evidence, scale = conference_results(session, conf)[0].results
    words = {
        lang: " ".join(
            t.get_text()
            for result in (evidence, scale)
            for t in question_figure(result, lang=lang).findobj(Text)
        )
        for lang in ("de", "en")
    }
    assert "No evidence level / no" in words["en"] and "Kein Evidenzlevel" not in words["en"]
    assert "Kein Evidenzlevel" in words["de"]
    assert "Volle Zustimmung" in words["en"] and "Disagree" in words["en"]
