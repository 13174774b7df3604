"""An anonymous call poll's totals on the presenter view: only after "Show result", apart
from the sites' chart, in the round's language, readable when the call shrinks the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.db import Database
from app.services import conferences, lifecycle
from app.services.moderator_actions import CURRENT, HIDE, REVEAL
from app.ui.i18n import install_language
from app.ui.live.session import LiveSession
from app.ui.presenter import PresenterWindow
from tests.ui.live.test_call_totals import anonymous_poll_beside_a_site_ballot
from tests.ui.live.test_presenter_size import MIN_INK, _ink_height

#: Ink height at 640×360 of the call's counts: at least the question's (11 px, see
#: ``test_presenter_size``), the smallest text the presenter asks people to read.
MIN_CALL_INK = 11


def _ink_of(presenter: PresenterWindow, widget: QWidget, image: QImage, factor: int) -> int:
    """Ink height of ``widget`` in ``image``, a grab of ``presenter`` shrunk by ``factor``."""
    r = QRect(widget.mapTo(presenter, QPoint(0, 0)), widget.size())
    small = QRect(r.left() // factor, r.top() // factor, r.width() // factor, r.height() // factor)
    return _ink_height(image, small)


def _showing(presenter: PresenterWindow, question_id: int) -> bool:
    snapshot = presenter.snapshot
    question = snapshot.question if snapshot is not None else None
    return question is not None and question.id == question_id


def _shrunk(presenter: PresenterWindow, path: Path) -> QImage:
    """The presenter grabbed at its size and shrunk to 640×360 as the call shows it."""
    shot = presenter.grab().toImage()
    shot.save(str(path.with_name(path.stem + "-grab.png")))
    small = shot.scaled(
        640,
        360,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    small.save(str(path))
    return small


@pytest.mark.parametrize(
    ("lang", "heading", "numbers"),
    [
        (
            "de",
            "Von der Videokonferenz gezählt (anonyme Umfrage): ohne Standorte, daher nicht im "
            "Diagramm und ohne Konsensstärke",
            "gültige Antworten: 3 · Enthaltungen: 1",
        ),
        (
            "en",
            "Counted by the video call (anonymous poll): no sites, so not in the chart and "
            "without a consensus class",
            "valid answers: 3 · abstentions: 1",
        ),
    ],
)
def test_the_calls_totals_show_on_the_presenter_only_after_the_reveal(
    qtbot: QtBot, db: Database, tmp_path: Path, lang: str, heading: str, numbers: str
) -> None:
    conf, asked, _other = anonymous_poll_beside_a_site_ballot(db, tmp_path)
    with db.write() as s:
        conferences.update_conference(s, conf, language=lang)
    install_language("en" if lang == "de" else "de")  # the round's language, not the UI's
    session = LiveSession(db, conf)
    assert session.act(CURRENT(question_id=asked))
    presenter = PresenterWindow(session)
    qtbot.addWidget(presenter)
    presenter.resize(1280, 720)
    presenter.show()
    note = presenter.call_totals
    qtbot.waitUntil(lambda: presenter.snapshot is not None and presenter.snapshot.calls != ())
    # closed, not revealed: the console may see the call's totals, the call must not
    assert not note.isVisible() and note.counts.text() == ""
    assert session.act(REVEAL(question_id=asked))
    qtbot.waitUntil(note.isVisible)
    assert note.title.text() == heading
    line = note.counts.text()
    assert "Keine Empfehlung 2 (67 %)" in line and line.endswith(numbers)
    assert note.title.textFormat() is note.counts.textFormat() is Qt.TextFormat.PlainText
    # apart from the sites' chart, below it, and the chart counts the one site only
    assert presenter.chart.isVisible()
    chart = presenter.chart.geometry()
    assert note.geometry().top() >= chart.bottom()
    qtbot.waitUntil(lambda: any(b.kind == "status" for b in presenter.chart.boxes))
    status = next(b.text for b in presenter.chart.boxes if b.kind == "status")
    assert status.split()[0] == "1"  # "1 of 17 sites voted": the call's answers are not in it

    # readable when the call shrinks the shared screen to a third, chart included
    QApplication.processEvents()
    image = _shrunk(presenter, tmp_path / f"presenter-calls-{lang}-1280x720.png")
    assert _ink_of(presenter, note.counts, image, 2) >= MIN_CALL_INK
    offset = presenter.chart.mapTo(presenter, QPoint(0, 0))
    for box in presenter.chart.boxes:
        if box.kind in ("value", "consensus"):
            r = box.rect.toAlignedRect().translated(offset)
            half = QRect(r.left() // 2, r.top() // 2, r.width() // 2 + 1, r.height() // 2 + 1)
            assert _ink_height(image, half) >= MIN_INK[box.kind], box
    presenter.resize(640, 360)  # the window itself made small
    qtbot.waitUntil(lambda: presenter.height() == 360)
    QApplication.processEvents()
    shot = presenter.grab().toImage()
    shot.save(str(tmp_path / f"presenter-calls-{lang}-640x360.png"))
    assert note.isVisible() and note.geometry().bottom() < presenter.height()
    assert presenter.chart.height() >= presenter.height() // 3  # the note leaves the bars room
    assert _ink_of(presenter, note.counts, shot, 1) >= MIN_CALL_INK

    assert session.act(HIDE(question_id=asked))  # taken back: gone from the call again
    qtbot.waitUntil(lambda: not note.isVisible())
    assert note.counts.text() == ""


def test_a_revealed_question_the_call_did_not_count_shows_no_call_totals(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    conf, asked, other = anonymous_poll_beside_a_site_ballot(db, tmp_path)
    with db.write() as s:
        lifecycle.open_question(s, other)
    with db.write() as s:
        lifecycle.close_question(s, other)
        lifecycle.reveal_question(s, other)
        lifecycle.reveal_question(s, asked)
    session = LiveSession(db, conf)
    assert session.act(CURRENT(question_id=asked))
    presenter = PresenterWindow(session)
    qtbot.addWidget(presenter)
    presenter.show()
    qtbot.waitUntil(presenter.call_totals.isVisible)
    assert session.act(CURRENT(question_id=other))
    qtbot.waitUntil(lambda: _showing(presenter, other))
    assert presenter.chart.isVisible()  # revealed, with its result
    assert not presenter.call_totals.isVisible() and presenter.call_totals.counts.text() == ""
