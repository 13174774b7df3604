"""Each moderator action is defined once: its rule, route, body, answer and what it
changes; run here it is audited as the desktop's, and a wrong entry fails at import."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from app.db import Database
from app.models import BallotSource
from app.services import agenda, audit, conferences
from app.services.ballots import BallotReceipt, ballot_history
from app.services.errors import InvalidInput, NotFound
from app.services.moderator_actions import (
    ACTIONS,
    API,
    BALLOT,
    DESKTOP,
    MESSAGES,
    NOTE,
    OPEN,
    SKIP,
    Answer,
    Change,
    Definition,
)
from app.services.notes import conference_notes
from app.services.views import QuestionInfo
from tests.services.helpers import make_conference


def test_every_action_has_a_route_a_title_and_a_documented_rule() -> None:
    names = [d.name for d in ACTIONS]
    assert len(set(names)) == len(names)
    routes = [(d.method, d.path) for d in ACTIONS]
    assert len(set(routes)) == len(routes)
    for definition in ACTIONS:
        assert definition.path.startswith("/") and definition.method in ("POST", "PUT")
        assert definition.doc and definition.doc != definition.name  # the rule's docstring
        assert MESSAGES.text("de", definition.name) and MESSAGES.text("en", definition.name)
        assert definition.title == (
            MESSAGES.text("de", definition.name),
            MESSAGES.text("en", definition.name),
        )


def test_a_rule_that_does_not_fit_its_route_is_refused_at_once() -> None:
    def rule(session: Session, conference_id: int, question_id: int, *, actor: str) -> None:
        """A rule for one question."""

    Definition("fits", rule, "POST", "/q/{question_id}", None, Answer.CURRENT, Change.QUESTION)
    with pytest.raises(TypeError, match="wrong"):  # a body field the rule does not take
        Definition("wrong", rule, "POST", "/q/{question_id}", SKIP.body, Answer.CURRENT, Change.QUESTION)  # fmt: skip  # noqa: E501
    with pytest.raises(TypeError, match="unknown"):  # a path parameter of no known type
        Definition("unknown", rule, "POST", "/q/{question_id}/{x}", None, Answer.CURRENT, Change.QUESTION)  # fmt: skip  # noqa: E501


def test_an_action_fills_its_route_and_body() -> None:
    ballot = BALLOT(question_id=7, site_code="GÖ 1", option_ids=[3], comment="per Chat")
    assert (ballot.method, ballot.path) == ("POST", "/questions/7/ballots")
    assert ballot.json() == {
        "site_code": "GÖ 1",
        "option_ids": [3],
        "abstain": False,
        "comment": "per Chat",
    }
    assert BALLOT(**ballot.values, question_id=7).request_id != ballot.request_id
    assert OPEN(question_id=7).json() is None
    with pytest.raises(TypeError):
        OPEN(question_id="7")  # an id is a number, never a text
    with pytest.raises(TypeError):
        OPEN(question_id=7, reason="x")  # no body


def test_run_here_the_action_is_the_desktops_and_its_rule_the_services(db: Database) -> None:
    setup = make_conference(db, open_question=False)
    with db.write() as session:
        opened = OPEN(question_id=setup.question_id).run(
            session, setup.conference_id, actor=DESKTOP
        )
        code = conferences.invitations(session, setup.conference_id)[0].site.code
        receipt = BALLOT(
            question_id=setup.question_id, site_code=code, option_ids=[setup.option_ids[0]]
        ).run(session, setup.conference_id, actor=API)
    assert isinstance(opened, QuestionInfo) and opened.is_open
    with db.read() as session:
        trail = audit.trail(session, setup.conference_id)
        history = ballot_history(session, setup.question_id)
    assert [(e.action, e.actor) for e in trail][-1] == ("question_opened", "moderator")
    assert isinstance(receipt, BallotReceipt) and receipt.source is BallotSource.MODERATOR
    assert [h.actor for h in history] == ["moderator (API)"]  # one spelling, not "Moderation"


def test_an_action_on_another_conferences_question_is_refused(db: Database) -> None:
    mine = make_conference(db, open_question=False)
    other = make_conference(db, open_question=False, prefix="T")
    with pytest.raises(NotFound), db.write() as session:
        OPEN(question_id=other.question_id).run(session, mine.conference_id, actor=API)
    with db.read() as session:
        their_case = agenda.agenda(session, other.conference_id)[0].id
    with pytest.raises(NotFound), db.write() as session:
        NOTE(case_id=their_case, text="x").run(session, mine.conference_id, actor=API)
    with db.read() as session:
        assert conferences.get_conference(session, other.conference_id).current_question_id is None
        assert conference_notes(session, other.conference_id) == []


def test_a_body_out_of_bounds_is_refused_in_words_before_anything_is_written(
    db: Database,
) -> None:
    setup = make_conference(db, open_question=False)
    empty = SKIP(question_id=setup.question_id, reason="  ")
    with pytest.raises(InvalidInput, match="please give a reason"), db.write() as session:
        empty.run(session, setup.conference_id, actor=DESKTOP)
    with pytest.raises(InvalidInput, match="invalid input: text"):
        NOTE(question_id=setup.question_id, text="x" * 300_000).json()
    with pytest.raises(InvalidInput), db.write() as session:
        NOTE(text="nowhere").run(
            session, setup.conference_id, actor=DESKTOP
        )  # no case, no question
    with db.read() as session:
        assert conference_notes(session, setup.conference_id) == []
        assert agenda.get_question(session, setup.question_id).skip_reason is None
