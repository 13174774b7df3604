"""Skipping a question that was not asked: the console asks for a reason, then moves on."""

from __future__ import annotations

from app.models import QuestionState
from app.services.moderator_actions import OPEN
from app.ui.live.console import LiveConsole
from app.ui.live.session import LiveSession
from app.ui.presenter import PresenterWindow


def test_skip_question_with_a_reason_then_next(qtbot, db, demo_id, prompter) -> None:  # type: ignore[no-untyped-def]
    session = LiveSession(db, demo_id)
    console = LiveConsole(session)
    qtbot.addWidget(console)
    question = console.snapshot.question
    assert question is not None and question.state is QuestionState.DRAFT
    actions = console.live_actions
    assert actions.skip.isEnabled()
    assert actions.skip in console.more_menu.actions()

    assert not console.skip_question("   ")  # no reason: refused, one clear message
    assert prompter.errors and "reason" in prompter.errors[-1][1]
    assert console.snapshot.question.skip_reason is None

    assert console.skip_question("Zeit reicht nicht; nächste Sitzung")
    skipped = console.snapshot.question
    assert skipped.skip_reason == "Zeit reicht nicht; nächste Sitzung"
    assert skipped.state is QuestionState.DRAFT
    assert console.state_label.text() == "↷ SKIPPED"
    assert console.primary_action() is actions.next  # the obvious step: move on
    presenter = PresenterWindow(session)
    qtbot.addWidget(presenter)
    assert presenter.state_label.text() == "Frage übersprungen"  # the round's language
    assert actions.open.isEnabled()  # it may still be asked after all

    session.act(OPEN(question_id=skipped.id))
    assert not actions.skip.isEnabled()  # an open question cannot be skipped
