"""Asked before: a question asked again months later is linked to its earlier asking (the
same text after normalisation), the earlier result stands beside today's, and a link made
or removed by hand wins (on SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

import pytest

from app.db import Database
from app.models import AuditEvent
from app.services import asked_before, ballots, lifecycle, results
from app.services.errors import InvalidInput
from tests.services.series_helpers import QUESTION, Asked, hold_session, votes

JUNE, NOVEMBER = dt.date(2026, 6, 17), dt.date(2026, 11, 18)


def _today(db: Database, question_id: int) -> results.Tally:
    with db.read() as session:
        return results.question_result(session, question_id).tally


def test_the_same_question_months_later_is_linked_with_the_earlier_result(db: Database) -> None:
    june = hold_session(db, JUNE, [Asked(votes=votes(3, 17))])  # 15 % recommend
    november = hold_session(
        db,
        NOVEMBER,
        # the same after normalisation: case, spaces, punctuation
        [Asked(text="  würde ihr Standort  HCQ+Trametinib empfehlen ", votes=votes(1, 12))],
    )
    with db.read() as session:
        earlier = asked_before.earlier_asking(session, november.question_ids[0])
    assert earlier is not None
    assert earlier.question_id == june.question_ids[0]
    assert (earlier.date, earlier.number, earlier.by_hand) == (JUNE, "1.1", False)
    assert earlier.result is not None
    assert [o.percent for o in earlier.result.tally.options] == [15, 85]
    today = _today(db, november.question_ids[0])
    assert earlier.sentence(today, "de") == (
        "Juni 2026: 85 % sprechen keine Empfehlung aus; heute: 92 %"
    )
    assert earlier.sentence(today, "en") == "June 2026: 85 % give no recommendation; today: 92 %"
    assert earlier.sentence(None, "de") == "Juni 2026: 85 % sprechen keine Empfehlung aus"


def test_the_latest_earlier_asking_is_the_one_linked(db: Database) -> None:
    hold_session(db, dt.date(2026, 2, 4), [Asked(votes=votes(5, 5))])
    april = hold_session(db, dt.date(2026, 4, 8), [Asked(votes=votes(4, 6))])
    later = hold_session(db, NOVEMBER, [Asked(close=False)])
    with db.read() as session:
        earlier = asked_before.earlier_asking(session, later.question_ids[0])
    assert earlier is not None and earlier.question_id == april.question_ids[0]


def test_no_link_to_a_later_session_a_question_never_asked_or_another_text(
    db: Database,
) -> None:
    hold_session(db, JUNE, [Asked(close=False)])  # asked never
    other = Asked(text="Würde Ihr Standort Sotorasib empfehlen?", votes=votes(1, 1))
    hold_session(db, JUNE, [other])
    november = hold_session(db, NOVEMBER, [Asked(votes=votes(1, 1))])
    hold_session(db, dt.date(2027, 1, 20), [Asked(votes=votes(1, 1))])  # later
    with db.read() as session:
        assert asked_before.earlier_asking(session, november.question_ids[0]) is None


def test_the_trend_of_a_round_two_is_its_round_ones(db: Database) -> None:
    june = hold_session(db, JUNE, [Asked(votes=votes(3, 17))])
    november = hold_session(db, NOVEMBER, [Asked(votes=votes(2, 8))])
    with db.write() as session:
        repeat = lifecycle.repeat_question(session, november.question_ids[0])
        lifecycle.open_question(session, repeat.id)
        for code in ("S01", "S02", "S03", "S04"):
            ballots.cast_ballot(
                session, repeat.id, november.site_ids[code], option_ids=[repeat.options[1].id]
            )
    with db.read() as session:
        earlier = asked_before.earlier_asking(session, repeat.id)
    assert earlier is not None and earlier.question_id == june.question_ids[0]
    assert earlier.sentence(_today(db, repeat.id), "de").endswith("; heute: 100 %")


def test_a_link_made_or_removed_by_hand_wins_and_is_audited(db: Database) -> None:
    june = hold_session(db, JUNE, [Asked(votes=votes(3, 17))])
    march = hold_session(
        db, dt.date(2026, 3, 11), [Asked(text="HCQ plus Trametinib bei KRAS?", votes=votes(1, 1))]
    )
    november = hold_session(db, NOVEMBER, [Asked(votes=votes(1, 12))])
    question = november.question_ids[0]
    with db.write() as session:
        asked_before.unlink_question(session, question, actor="moderator")
    with db.read() as session:
        assert asked_before.earlier_asking(session, question) is None
    with db.write() as session:
        linked = asked_before.link_question(
            session, question, march.question_ids[0], actor="moderator"
        )
    assert linked.question_id == march.question_ids[0] and linked.by_hand
    with db.write() as session:
        asked_before.follow_text(session, question, actor="moderator")
    with db.read() as session:
        earlier = asked_before.earlier_asking(session, question)
        actions = [
            e.action
            for e in session.query(AuditEvent).filter_by(conference_id=november.conference_id)
        ]
    assert earlier is not None and earlier.question_id == june.question_ids[0]
    assert not earlier.by_hand
    assert actions[-3:] == ["question_unlinked", "question_linked", "link_follows_text"]


@pytest.mark.parametrize("which", ["same conference", "later", "never asked"])
def test_a_link_by_hand_must_point_back_to_an_asked_question(db: Database, which: str) -> None:
    never_opened = Asked(text="Zweite Frage?", close=False)
    june = hold_session(db, JUNE, [Asked(votes=votes(1, 1)), never_opened])
    later = hold_session(db, NOVEMBER, [Asked(votes=votes(1, 1))])
    question, target, expected = {
        "same conference": (june.question_ids[0], june.question_ids[1], "own conference"),
        "later": (june.question_ids[0], later.question_ids[0], "earlier session"),
        "never asked": (later.question_ids[0], june.question_ids[1], "never asked"),
    }[which]
    with pytest.raises(InvalidInput) as refused, db.write() as session:
        asked_before.link_question(session, question, target)
    assert expected in refused.value.in_language("en")
    with db.read() as session:  # nothing was stored
        found = asked_before.earlier_asking(session, question)
    assert found is None or found.question_id != target


def test_close_questions_are_suggested_not_linked(db: Database) -> None:
    similar = hold_session(
        db,
        JUNE,
        [Asked(text="Würde Ihr Standort HCQ und Trametinib empfehlen?", votes=votes(1, 1))],
    )
    same_case = hold_session(
        db,
        dt.date(2026, 3, 11),
        [Asked(text="Welche Zweitlinie wählen Sie?", votes=votes(1, 1))],
    )
    hold_session(
        db,
        dt.date(2026, 4, 8),
        [Asked(text="Welche Zweitlinie wählen Sie?", votes=votes(1, 1))],
        diagnosis="Kolorektales Karzinom",  # another diagnosis: not this case
    )
    november = hold_session(db, NOVEMBER, [Asked(close=False)])
    with db.read() as session:
        assert asked_before.earlier_asking(session, november.question_ids[0]) is None
        found = asked_before.suggestions(session, november.question_ids[0])
    assert [(s.asking.question_id, s.reason) for s in found] == [
        (similar.question_ids[0], "similar"),
        (same_case.question_ids[0], "case"),
    ]


def test_every_question_of_a_conference_with_its_earlier_asking(db: Database) -> None:
    june = hold_session(db, JUNE, [Asked(votes=votes(3, 17)), Asked(text="Zweite Frage?")])
    november = hold_session(db, NOVEMBER, [Asked(votes=votes(1, 1)), Asked(text="Neu?")])
    with db.read() as session:
        found = asked_before.conference_earlier(session, november.conference_id)
    assert list(found) == [november.question_ids[0]]
    assert found[november.question_ids[0]].question_id == june.question_ids[0]
    assert QUESTION in found[november.question_ids[0]].text
