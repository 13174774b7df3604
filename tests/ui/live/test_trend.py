"""Asked before, live: the console shows the earlier result beside today's in a quiet
second line while the question runs; the presenter view shows it after the reveal only,
in the round's language; a question asked for the first time shows none."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from app.db import Database
from app.services import ballots, conferences, lifecycle
from app.services.moderator_actions import CLOSE, CURRENT, REVEAL
from app.ui.i18n import install_language
from app.ui.live.console import LiveConsole
from app.ui.live.session import LiveSession
from app.ui.presenter import PresenterWindow
from tests.services.series_helpers import Asked, hold_session, votes


@pytest.fixture
def november(db: Database) -> tuple[int, int, int]:
    """June asked the question (15 % recommend); November asks it again and a new one."""
    hold_session(db, dt.date(2026, 6, 17), [Asked(votes=votes(3, 17))])
    held = hold_session(
        db,
        dt.date(2026, 11, 18),
        [Asked(close=False), Asked(text="Eine neue Frage?", close=False)],
    )
    question = held.question_ids[0]
    with db.write() as session:
        lifecycle.open_question(session, question)
        options = [o.id for o in lifecycle.get_question(session, question).options]
        for code, index in (("S01", 0), ("S02", 1), ("S03", 1), ("S04", 1)):
            ballots.cast_ballot(session, question, held.site_ids[code], option_ids=[options[index]])
    return held.conference_id, question, held.question_ids[1]


def test_the_console_shows_the_earlier_result_quieter_than_todays(
    qtbot: QtBot, db: Database, november: tuple[int, int, int], prompter: object
) -> None:
    conf_id, asked_before, new = november
    session = LiveSession(db, conf_id)
    console = LiveConsole(session)
    qtbot.addWidget(console)
    console.show()
    assert session.act(CURRENT(question_id=asked_before))
    qtbot.waitUntil(lambda: console.trend.isVisible())
    assert console.trend.text() == (
        "Asked before · June 2026: 85 % give no recommendation; today: 75 %"
    )
    assert "question 1.1" in console.trend.toolTip() and "by its text" in console.trend.toolTip()
    quieter = console.trend.font().pointSizeF() < console.question_label.font().pointSizeF()
    assert quieter and not console.trend.font().bold()
    install_language("de")
    session.refresh()  # the console speaks the UI's language
    qtbot.waitUntil(lambda: console.trend.text().startswith("Zuvor gefragt"))
    assert console.trend.text() == (
        "Zuvor gefragt · Juni 2026: 85 % sprechen keine Empfehlung aus; heute: 75 %"
    )
    assert session.act(CURRENT(question_id=new))
    qtbot.waitUntil(lambda: not console.trend.isVisible())


def test_the_presenter_shows_it_after_the_reveal_in_the_rounds_language(
    qtbot: QtBot, db: Database, november: tuple[int, int, int], prompter: object
) -> None:
    conf_id, asked_before, _new = november
    with db.write() as s:
        conferences.update_conference(s, conf_id, language="de")
    session = LiveSession(db, conf_id)
    presenter = PresenterWindow(session)
    qtbot.addWidget(presenter)
    presenter.show()
    assert session.act(CURRENT(question_id=asked_before))
    qtbot.waitUntil(
        lambda: presenter.snapshot is not None and presenter.snapshot.question is not None
    )
    assert presenter.result_note.text() == ""  # the result is not shown yet: nor is the trend
    assert session.act(CLOSE(question_id=asked_before))
    assert session.act(REVEAL(question_id=asked_before))
    qtbot.waitUntil(lambda: presenter.result_note.text() != "")
    assert presenter.result_note.text() == (
        "Zuvor gefragt · Juni 2026: 85 % sprechen keine Empfehlung aus; heute: 75 %"
    )
    value = presenter.chart.style_.value
    assert presenter.result_note.font().pointSizeF() * 96 / 72 < value  # never louder than today's
