"""The presenter view fills its window: rendered at 1920×1080 and shrunk to 640×360 (a
video tile shows it at a third), the question, its options, the case line, the countdown
and, after the reveal, the result read; nothing runs out of the window or over another
text. Light and dark, German and English; the screenshots are kept in the test's folder."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.db import Database
from app.models import BallotSource
from app.services import agenda, ballots, conferences, lifecycle
from app.services.quick import add_quick_question
from app.ui.application import create_application
from app.ui.live.countdown import Countdown
from app.ui.live.session import LiveSession
from app.ui.presenter import DARK, LIGHT, PresenterWindow
from app.ui.presenter_texts import PRESENTER
from app.ui.theme import apply_theme

#: Ink heights in pixels at 640×360 (the old presenter: question 11, case line 4, no
#: countdown, options 8, the half screen below them empty).
MIN_QUESTION_LINE = 17  # the question's first line, capitals to descenders
MIN_OPTION_LINE = 12
MIN_CASE_LINE = 7
MIN_COUNTDOWN = 20
MIN_COUNT = 7
MIN_VALUE_INK = 15  # "3 (19 %)" beside a bar after the reveal
LONG = (
    "Würde Ihr Standort bei einem Patienten mit KRAS-G12C-mutiertem NSCLC nach Progress "
    "unter Chemoimmuntherapie und mit zusätzlicher STK11- und KEAP1-Inaktivierung eine "
    "Therapie mit Sotorasib oder Adagrasib außerhalb von Studien empfehlen, oder eher eine "
    "Studienteilnahme anstreben, auch wenn diese mit längeren Anfahrtswegen verbunden wäre?"
)
LINE = "vorgestellt von Standort Mainz: 54 J., m, NSCLC, KRAS G12C (VAF 23 %), STK11 del"


def ink_height(image: QImage, rect: QRect, background: QColor) -> int:
    """Rows of ``rect`` holding text pixels (far from the background), first to last."""
    rows = [
        y
        for y in range(max(0, rect.top()), min(image.height(), rect.bottom() + 1))
        if any(
            abs(QColor(image.pixel(x, y)).lightness() - background.lightness()) > 110
            for x in range(max(0, rect.left()), min(image.width(), rect.right() + 1))
        )
    ]
    return rows[-1] - rows[0] + 1 if rows else 0


def first_line(window: QWidget, label: QLabel) -> QRect:
    """Where the label's first line lies in the window, shrunk by three."""
    top_left = label.mapTo(window, QPoint(0, 0))
    line = label.fontMetrics().lineSpacing()
    return QRect(top_left.x() // 3, top_left.y() // 3, label.width() // 3, line // 3 + 1)


def placed(window: PresenterWindow) -> list[QLabel]:
    """Every label the presenter shows, options included."""
    return [
        label
        for label in window.findChildren(QLabel)
        if label.isVisibleTo(window) and (label.text() or label.pixmap().width() > 0)
        and label.window() is window
        and label.parentWidget() in (window, window.options_label)
    ]  # fmt: skip


def assert_tidy(window: PresenterWindow) -> None:
    """Every label lies inside the window and on no other label."""
    rects = [
        (label, QRect(label.mapTo(window, QPoint(0, 0)), label.size())) for label in placed(window)
    ]
    for label, rect in rects:
        assert window.rect().contains(rect), (label.text()[:30], rect)
    for i, (one, first) in enumerate(rects):
        for other, second in rects[i + 1 :]:
            assert not first.intersects(second), (one.text()[:30], other.text()[:30])


@pytest.fixture(params=["light", "dark"])
def theme(request: pytest.FixtureRequest) -> Iterator[str]:
    app = create_application()
    apply_theme(app, request.param)
    yield str(request.param)
    apply_theme(app, "light")


def _shrunk(window: QWidget, path: Path) -> QImage:
    QApplication.processEvents()
    shot = window.grab().toImage()
    assert (shot.width(), shot.height()) == (1920, 1080)
    small = shot.scaled(
        640, 360, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    small.save(str(path))
    return small


def _vote(db: Database, conf_id: int, question_id: int) -> None:
    with db.write() as s:
        question = agenda.get_question(s, question_id)
        present = [i for i in conferences.invitations(s, conf_id) if i.present]
        for n, inv in enumerate(present[:-4]):
            option = question.options[0 if n % 5 else 1].id
            ballots.cast_ballot(
                s, question_id, inv.site.id, option_ids=(option,), source=BallotSource.SITE
            )


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_presenter_fills_its_window_and_reads_at_a_third(
    qtbot: QtBot, db: Database, demo_id: int, tmp_path: Path, lang: str, theme: str
) -> None:
    with db.write() as s:
        conferences.update_conference(s, demo_id, language=lang)
        current = conferences.get_conference(s, demo_id).current_question_id
        lifecycle.open_question(s, current)
    _vote(db, demo_id, current)
    session = LiveSession(db, demo_id)
    session.start_server(host="127.0.0.1", port=0)
    qtbot.waitUntil(lambda: session.server_state.state == "running", timeout=15_000)
    window = PresenterWindow(session)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    background = QColor((DARK if theme == "dark" else LIGHT).bg)
    try:
        # voting: question and options large, the case line, count, countdown, join code
        qtbot.waitUntil(lambda: window.count_label.text().startswith("13 "), timeout=5000)
        small = _shrunk(window, tmp_path / f"presenter-open-{lang}-{theme}.png")
        assert ink_height(small, first_line(window, window.question_label), background) >= (
            MIN_QUESTION_LINE
        )
        option = window.option_cells[0][1]
        assert (
            option.text()
            and ink_height(small, first_line(window, option), background) >= MIN_OPTION_LINE
        )
        assert ink_height(small, first_line(window, window.case_label), background) >= (
            MIN_CASE_LINE
        )
        assert re.fullmatch(r"1:[0-3]\d", window.countdown_label.text())  # 90 s, counting
        assert (
            ink_height(small, first_line(window, window.countdown_label), background)
            >= MIN_COUNTDOWN
        )
        assert ink_height(small, first_line(window, window.count_label), background) >= MIN_COUNT
        assert window.qr.isVisible() and window.address_label.text()
        options = window.options_label.geometry()
        assert options.bottom() >= 0.45 * window.height()  # the options reach down the screen
        assert_tidy(window)

        # after the reveal: the consensus class and the percentages as large as the question
        with db.write() as s:
            lifecycle.close_question(s, current)
            lifecycle.reveal_question(s, current)
        session.reload()
        qtbot.waitUntil(window.chart.isVisible, timeout=5000)
        window.chart.repaint()
        small = _shrunk(window, tmp_path / f"presenter-revealed-{lang}-{theme}.png")
        # type as large as the question's: a line of the percentages and of the consensus
        # class is at least as tall as the question's line (their type sizes), and the
        # percentages leave readable ink at a third
        question_line = window.question_label.fontMetrics().height()
        offset = window.chart.mapTo(window, QPoint(0, 0))
        values = [b for b in window.chart.boxes if b.kind == "value"]
        assert len(values) == 4  # two options, two rounds
        for box in values:
            assert box.rect.height() >= question_line * 0.97, (box.text, question_line)
            r = box.rect.toAlignedRect().translated(offset)
            third = QRect(r.left() // 3, r.top() // 3, r.width() // 3 + 1, r.height() // 3 + 1)
            assert ink_height(small, third, background) >= MIN_VALUE_INK, box.text
        consensus = [b for b in window.chart.boxes if b.kind == "consensus"]
        assert consensus
        for box in consensus:
            assert box.rect.height() >= question_line * 0.97, (box.text, question_line)
        assert_tidy(window)

        # a long question: smaller, still whole, nothing off the screen
        with db.write() as s:
            long_id = add_quick_question(
                s,
                demo_id,
                LONG,
                "single",
                ["Sotorasib oder Adagrasib", "Studie", "Keine Empfehlung"],
            ).id
        session.reload()
        qtbot.waitUntil(lambda: window.question_label.text() == LONG, timeout=5000)
        small = _shrunk(window, tmp_path / f"presenter-long-{lang}-{theme}.png")
        assert ink_height(small, first_line(window, window.question_label), background) >= 10
        assert_tidy(window)

        # a quick question with its one-line case, the evidence levels explained
        with db.write() as s:
            lifecycle.close_question(s, long_id)
            add_quick_question(s, demo_id, "Welches Evidenzlevel?", "evidence", case=LINE)
        session.reload()
        qtbot.waitUntil(
            lambda: window.question_label.text() == "Welches Evidenzlevel?", timeout=5000
        )
        small = _shrunk(window, tmp_path / f"presenter-quick-{lang}-{theme}.png")
        block = {"de": "Freie Diskussion", "en": "Free discussion"}[lang]
        assert window.case_label.text() == f"{block} · {LINE}"
        assert ink_height(small, first_line(window, window.case_label), background) >= (
            MIN_CASE_LINE
        )
        explanations = [c[2].text() for c in window.option_cells if c[2].isVisibleTo(window)]
        assert len(explanations) == 9 and explanations[0]
        assert_tidy(window)
    finally:
        session.stop_server(wait=True)


def test_the_countdown_follows_the_consoles_adjustments(
    qtbot: QtBot, db: Database, demo_id: int
) -> None:
    with db.write() as s:
        current = conferences.get_conference(s, demo_id).current_question_id
        lifecycle.open_question(s, current)
    session = LiveSession(db, demo_id)
    window = PresenterWindow(session)
    qtbot.addWidget(window)
    clock = Countdown()
    qtbot.addWidget(clock)
    clock.set_question(session.refresh().question)
    window.follow_countdown(clock)
    window.show()
    before = window.countdown_label.text()
    assert before in ("1:30", "1:29")
    clock.on_plus_clicked()  # +15 s on the console
    assert window.countdown_label.text() in ("1:45", "1:44")
    with db.write() as s:
        lifecycle.close_question(s, current)
    session.reload()
    assert window.countdown_label.text() == "" and not window.countdown_label.isVisible()


def test_the_presenters_words_are_said_in_both_languages() -> None:
    assert PRESENTER.problems() == []
    assert PRESENTER.text("de", "voted", n=3, N=5) == "3 von 5 Standorten haben abgestimmt"
    assert PRESENTER.text("en", "voted", n=3, N=5) == "3 of 5 sites have voted"
