"""Every text people typed (questions, options, sites, cases) shows literally in the live
console, its dialogs and the presenter view: markup is shown as typed, never rendered."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from sqlalchemy import select

from app.models import Case, Conference, Option, Question, Site
from app.services import conferences
from app.services.moderator_actions import BALLOT, CLOSE, OPEN, REVEAL
from app.ui.live.attendance import AttendanceDialog, AttendeesDialog
from app.ui.live.ballot_dialog import BallotDialog
from app.ui.live.console import LiveConsole
from app.ui.live.links import LinksDialog
from app.ui.live.session import LiveSession
from app.ui.presenter import PresenterWindow
from tests.ui.hostile import assert_tooltips_plain
from tests.ui.live.hostile import HOSTILE


@pytest.fixture
def hostile_demo(db, demo_id) -> int:  # type: ignore[no-untyped-def]
    """The demo conference with a hostile text in every field the live views show."""
    with db.write() as s:
        conference = s.get(Conference, demo_id)
        conference.topic = HOSTILE[0]
        current = s.get(Question, conference.current_question_id)
        current.text = HOSTILE[0]
        for n, case in enumerate(s.scalars(select(Case).where(Case.conference_id == demo_id))):
            case.title = HOSTILE[n % len(HOSTILE)]
            case.diagnosis = HOSTILE[(n + 1) % len(HOSTILE)]
            case.histology = HOSTILE[(n + 2) % len(HOSTILE)]
        for n, option in enumerate(
            s.scalars(select(Option).where(Option.question_id == current.id))
        ):
            option.label = HOSTILE[(n + 1) % len(HOSTILE)]
        for n, site in enumerate(s.scalars(select(Site))):
            site.name = f"{HOSTILE[n % len(HOSTILE)]} {n}"
    return demo_id


def _red_pixels(image: QImage) -> int:
    """Pixels of the hostile markup's red (nothing else in these views is that red)."""
    red = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = QColor(image.pixel(x, y))
            if c.red() > 200 and c.green() < 70 and c.blue() < 70:
                red += 1
    return red


def _check_literal(root: QWidget) -> list[str]:
    """Every label or button showing hostile text shows it as plain text, and not red."""
    shown = []
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QLabel | QAbstractButton) and widget.isVisible():
            text = widget.text()
            if not any(h in text for h in HOSTILE):
                continue
            shown.append(text)
            if isinstance(widget, QLabel):
                assert widget.textFormat().name == "PlainText", (type(root).__name__, text)
            assert _red_pixels(widget.grab().toImage()) == 0, text
    return shown


def test_console_and_presenter_show_typed_markup_literally(
    qtbot, db, hostile_demo, prompter
) -> None:  # type: ignore[no-untyped-def]
    session = LiveSession(db, hostile_demo)
    console = LiveConsole(session)
    qtbot.addWidget(console)
    console.resize(1280, 700)
    console.show()
    question = console.snapshot.question
    assert question is not None and question.text == HOSTILE[0]
    session.act(OPEN(question_id=question.id))
    QApplication.processEvents()
    shown = _check_literal(console)
    assert HOSTILE[0] in " ".join(shown)  # the question itself, as typed
    assert _red_pixels(console.grab().toImage()) == 0
    tips = assert_tooltips_plain(console)  # the site codes' names too (item tooltips)
    assert {f"{HOSTILE[n]} {n}" for n in range(len(HOSTILE))} <= set(tips)
    with db.read() as s:
        site = conferences.invitations(s, hostile_demo)[0].site
    ballot = BALLOT(
        question_id=question.id, site_code=site.code, option_ids=[question.options[0].id]
    )
    assert session.act(ballot)
    entered = f"{site.name} — entered by the moderator"
    qtbot.waitUntil(lambda: entered in assert_tooltips_plain(console))

    presenter = PresenterWindow(session)
    qtbot.addWidget(presenter)
    presenter.resize(1280, 720)
    presenter.show()
    QApplication.processEvents()
    shown = _check_literal(presenter)
    assert HOSTILE[0] in shown  # the question
    assert any(HOSTILE[2] in t for t in shown)  # an option
    assert _red_pixels(presenter.grab().toImage()) == 0
    # the question is one line of its font, not a 90-size heading
    line = presenter.question_label.fontMetrics().lineSpacing()
    assert presenter.question_label.height() < 2.5 * line

    # after the reveal the chart draws the option labels as typed
    session.act(CLOSE(question_id=question.id))
    session.act(REVEAL(question_id=question.id))
    QApplication.processEvents()
    presenter.repaint()
    labels = [b.text for b in presenter.chart.boxes if b.kind == "label"]
    assert labels and all(label in HOSTILE for label in labels)
    assert _red_pixels(presenter.grab().toImage()) == 0


def test_live_dialogs_show_typed_markup_literally(qtbot, db, hostile_demo, prompter) -> None:  # type: ignore[no-untyped-def]
    session = LiveSession(db, hostile_demo)
    snapshot = session.refresh()
    assert snapshot.question is not None
    session.act(OPEN(question_id=snapshot.question.id))
    snapshot = session.refresh()
    assert snapshot.status is not None
    with db.read() as s:
        invitations = tuple(conferences.invitations(s, hostile_demo))
    dialogs: list[QWidget] = [
        BallotDialog(snapshot.question, snapshot.status),
        LinksDialog(invitations, ("http://127.0.0.1:8765",)),
        AttendanceDialog(session),
        AttendeesDialog(invitations[0]),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        _check_literal(dialog)
        assert_tooltips_plain(dialog)
        assert _red_pixels(dialog.grab().toImage()) == 0, type(dialog).__name__
    ballot = dialogs[0]
    assert any(HOSTILE[0] in label.text() for label in ballot.findChildren(QLabel))
