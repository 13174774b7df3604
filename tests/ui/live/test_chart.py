"""The native live chart says what the exported figure says, in its colours and order,
follows the dark theme, and is cheap enough to redraw after every ballot."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from app.reports.chart_spec import ROUND_COLOURS, consensus_line, status_line, value_label
from app.services import conferences, results
from app.ui.live.chart import ResultChart
from app.ui.theme import apply_theme
from tests.ui.live.test_presenter_size import _vote_reveal_round_two


@pytest.fixture
def two_rounds(db, demo_id):  # type: ignore[no-untyped-def]
    _vote_reveal_round_two(db, demo_id)
    with db.read() as s:
        current = conferences.get_conference(s, demo_id).current_question_id
        result = results.question_result(s, current)
        assert result.question.parent_id is not None
        round_one = results.question_result(s, result.question.parent_id)
    return result, round_one


@pytest.fixture
def dark(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    apply_theme(qapp, "dark")
    yield
    apply_theme(qapp, "light")


def test_chart_says_what_the_figure_says_in_its_colours(qtbot, two_rounds) -> None:  # type: ignore[no-untyped-def]
    result, round_one = two_rounds
    chart = ResultChart()
    qtbot.addWidget(chart)
    chart.resize(900, 420)
    chart.show()
    with qtbot.waitSignal(chart.drawn, timeout=3000):
        assert chart.show_result(result, round_one, "de")
    texts = {b.kind: [] for b in chart.boxes}
    for box in chart.boxes:
        texts[box.kind].append(box.text)
    assert texts["status"] == [
        "Runde 1: " + status_line(round_one.tally, "de"),
        "Runde 2: " + status_line(result.tally, "de"),
    ]
    assert texts["consensus"][1] == "Runde 2: " + consensus_line(result.tally, "de")
    assert texts["label"] == [o.label for o in result.question.options]  # first on top
    expected = [
        value_label(t, i, "de", False) for t in (round_one.tally, result.tally) for i in range(2)
    ]
    assert texts["value"] == expected
    assert texts["legend"] == ["Runde 1", "Runde 2"]
    # round 1 above round 2 for each option, in the figures' colours
    image = chart.grab().toImage()
    boxes = [b for b in chart.boxes if b.kind == "value"]
    for box, colour in zip(boxes, [ROUND_COLOURS[1]] * 2 + [ROUND_COLOURS[2]] * 2, strict=True):
        bar = QColor(image.pixel(int(box.rect.left()) - 8, int(box.rect.center().y())))
        assert bar.name().lower() == colour.lower(), box.text
    first_option = [b for b in boxes if b.text in (expected[0], expected[2])]
    assert first_option[0].rect.top() < first_option[1].rect.top()
    # unchanged tally: no redraw
    assert not chart.show_result(result, round_one, "de")


def test_chart_follows_the_dark_theme(qtbot, two_rounds, dark) -> None:  # type: ignore[no-untyped-def]
    result, round_one = two_rounds
    chart = ResultChart()
    qtbot.addWidget(chart)
    chart.resize(800, 400)
    chart.show()
    chart.show_result(result, round_one, "de")
    QApplication.processEvents()
    image = chart.grab().toImage()
    # inside the focus ring (the chart takes focus when it is the only widget)
    assert QColor(image.pixel(6, image.height() - 6)).lightness() < 80  # dark background
    label = next(b for b in chart.boxes if b.kind == "label")
    inked = [
        QColor(image.pixel(x, int(label.rect.center().y())))
        for x in range(int(label.rect.left()), int(label.rect.right()))
    ]
    assert max(c.lightness() for c in inked) > 180  # light text


def test_a_redraw_costs_little_gui_time(qtbot, two_rounds) -> None:  # type: ignore[no-untyped-def]
    result, round_one = two_rounds
    chart = ResultChart()
    qtbot.addWidget(chart)
    chart.resize(900, 420)
    chart.show()
    costs = []
    for n in range(30):
        chart._key = None  # as after a ballot: the tally changed
        start = time.thread_time()
        chart.show_result(result, round_one, "de" if n % 2 else "en")
        chart.repaint()
        costs.append((time.thread_time() - start) * 1000)
    costs.sort()
    assert costs[len(costs) // 2] < 10, costs  # the matplotlib canvas took ~60 ms
