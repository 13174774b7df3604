"""The question life cycle: open → close → reveal, reopen, repeat as round 2, next."""

from __future__ import annotations

import re

import pytest

from app.db import Database
from app.models import QuestionState
from app.services import agenda, audit, ballots, lifecycle
from app.services.errors import InvalidInput, StateConflict
from app.services.results import conference_results, round_pairs
from app.services.views import QuestionInfo
from tests.services.helpers import make_conference


def test_open_close_reveal_records_times_and_audit(db: Database) -> None:
    setup = make_conference(db, open_question=False)
    with db.write() as session:
        opened = lifecycle.open_question(session, setup.question_id, actor="Moderation")
        closed = lifecycle.close_question(session, setup.question_id, actor="Moderation")
        revealed = lifecycle.reveal_question(session, setup.question_id, actor="Moderation")
    assert opened.state is QuestionState.OPEN and opened.opened_at is not None
    assert closed.state is QuestionState.CLOSED and closed.closed_at is not None
    assert revealed.revealed
    with db.read() as session:
        actions = [e.action for e in audit.trail(session, setup.conference_id)]
    assert actions[-3:] == ["question_opened", "question_closed", "results_revealed"]


def test_only_one_question_is_open_at_a_time(db: Database) -> None:
    setup = make_conference(db)
    with db.write() as session:
        case_id = agenda.get_question(session, setup.question_id).case_id
        from app.services.package_schema import PackageQuestion

        second = agenda.add_question(session, case_id, PackageQuestion(text="Q2", kind="yes_no"))
    with pytest.raises(StateConflict, match="noch offen"), db.write() as session:
        lifecycle.open_question(session, second)


def test_reopen_hides_results_again_and_allows_ballots(db: Database) -> None:
    setup = make_conference(db)
    with db.write() as session:
        lifecycle.close_question(session, setup.question_id)
        lifecycle.reveal_question(session, setup.question_id)
        reopened = lifecycle.reopen_question(session, setup.question_id)
        ballots.cast_ballot(
            session, setup.question_id, setup.site_ids[0], option_ids=[setup.option_ids[0]]
        )
    assert reopened.state is QuestionState.OPEN and not reopened.revealed


@pytest.mark.parametrize(
    ("action", "state_before"),
    [
        (lifecycle.close_question, "draft"),
        (lifecycle.reopen_question, "open"),
        (lifecycle.reveal_question, "draft"),
        (lifecycle.repeat_question, "open"),
    ],
)
def test_actions_that_do_not_fit_the_state_are_refused(db: Database, action, state_before) -> None:
    setup = make_conference(db, open_question=state_before == "open")
    with pytest.raises(StateConflict), db.write() as session:
        action(session, setup.question_id)


def test_repeat_as_round_2_keeps_round_1_and_numbers_both_alike(db: Database) -> None:
    setup = make_conference(db, n_sites=4)
    yes, _no = setup.option_ids
    with db.write() as session:
        for site in setup.site_ids:
            ballots.cast_ballot(session, setup.question_id, site, option_ids=[yes])
        lifecycle.close_question(session, setup.question_id)
        repeat = lifecycle.repeat_question(session, setup.question_id)
    assert repeat.round == 2 and repeat.parent_id == setup.question_id
    assert [o.label for o in repeat.options] == ["Ja, Empfehlung", "Keine Empfehlung"]
    with db.write() as session:
        lifecycle.open_question(session, repeat.id)
        ballots.cast_ballot(
            session, repeat.id, setup.site_ids[0], option_ids=[repeat.options[1].id]
        )
        lifecycle.close_question(session, repeat.id)
    with pytest.raises(StateConflict, match="schon"), db.write() as session:
        lifecycle.repeat_question(session, setup.question_id)
    with db.read() as session:
        [case] = conference_results(session, setup.conference_id)
    [(round_1, round_2)] = round_pairs(case)
    assert round_2 is not None
    assert round_1.question.number == round_2.question.number == "1.1"
    assert [r.count for r in round_1.tally.options] == [4, 0]
    assert [r.count for r in round_2.tally.options] == [0, 1]


def test_next_walks_the_agenda_and_refuses_while_open(db: Database) -> None:
    setup = make_conference(db)
    with db.write() as session:
        case_id = agenda.get_question(session, setup.question_id).case_id
        from app.services.package_schema import PackageQuestion

        second = agenda.add_question(session, case_id, PackageQuestion(text="Q2", kind="yes_no"))
    with pytest.raises(StateConflict), db.write() as session:
        lifecycle.next_question(session, setup.conference_id)
    with db.write() as session:
        lifecycle.close_question(session, setup.question_id)
        assert lifecycle.next_question(session, setup.conference_id) == second
        assert lifecycle.next_question(session, setup.conference_id) is None
        assert lifecycle.current_question_id(session, setup.conference_id) == second


def test_question_numbers_follow_the_agenda(db: Database, demo_id: int) -> None:
    with db.read() as session:
        cases = agenda.agenda(session, demo_id)
    numbers: list[tuple[str, int]] = [
        (q.number, q.round) for c in cases for q in c.questions if isinstance(q, QuestionInfo)
    ]
    assert numbers == [
        ("1.1", 1),
        ("1.1", 2),
        ("1.2", 1),
        ("2.1", 1),
        ("2.2", 1),
        ("3.1", 1),
        ("3.2", 1),
    ]


def test_live_view_reads_once_what_status_and_result_read_apart(db: Database, demo_id: int) -> None:
    from app.services.results import live_status, live_view, question_result

    with db.read() as session:
        for case in agenda.agenda(session, demo_id):
            for question in case.questions:
                status, result = live_view(session, question.id)
                assert status == live_status(session, question.id)
                assert result == question_result(session, question.id)


def test_a_never_opened_question_is_skipped_with_a_reason(db: Database) -> None:
    setup = make_conference(db, open_question=False)
    with db.write() as session:
        skipped = lifecycle.skip_question(
            session, setup.question_id, "  Zeit\u202e reicht\n nicht ", actor="Moderation"
        )
    assert skipped.skip_reason == "Zeit reicht nicht"  # one clean line
    assert skipped.state is QuestionState.DRAFT and not skipped.asked
    with db.read() as session:
        last = audit.trail(session, setup.conference_id)[-1]
    assert (last.action, last.actor, last.question_id) == (
        "question_skipped",
        "Moderation",
        setup.question_id,
    )
    assert last.detail == {"reason": "Zeit reicht nicht"}
    with db.write() as session:  # asked after all: the skip is gone, the trail keeps it
        opened = lifecycle.open_question(session, setup.question_id)
    assert opened.skip_reason is None and opened.asked
    with db.read() as session:
        last = audit.trail(session, setup.conference_id)[-1]
    assert last.detail == {"skipped_before": "Zeit reicht nicht"}


@pytest.mark.parametrize(
    ("reason", "error", "message"),
    [
        ("", InvalidInput, "Bitte einen Grund angeben / please give a reason"),
        (" \n\x00 ", InvalidInput, "Bitte einen Grund angeben / please give a reason"),
        ("x" * 501, InvalidInput, "Grund zu lang (höchstens 500 Zeichen)"),
    ],
)
def test_skipping_needs_a_reason(
    db: Database, reason: str, error: type[Exception], message: str
) -> None:
    setup = make_conference(db, open_question=False)
    with pytest.raises(error, match=re.escape(message)), db.write() as session:
        lifecycle.skip_question(session, setup.question_id, reason)


def test_a_question_once_opened_cannot_be_skipped(db: Database) -> None:
    setup = make_conference(db)  # open
    with pytest.raises(StateConflict, match="noch nie geöffnete"), db.write() as session:
        lifecycle.skip_question(session, setup.question_id, "zu spät")
    with db.write() as session:
        lifecycle.close_question(session, setup.question_id)
    with pytest.raises(StateConflict, match="never opened"), db.write() as session:
        lifecycle.skip_question(session, setup.question_id, "zu spät")
