"""The archive: a search across every conference finds each question with its date,
conference, result and consensus class (on SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

import pytest

from app.db import Database
from app.models import QuestionKind
from app.services import archive, lifecycle
from app.services.consensus import ConsensusClass
from tests.services.series_helpers import Asked, hold_session, votes

JUNE, NOVEMBER = dt.date(2026, 6, 17), dt.date(2026, 11, 18)


@pytest.fixture
def two_sessions(db: Database) -> tuple[int, int]:
    """June: 6 of 16 recommend (37 %); November: 1 of 12 (8 %), with an abstention."""
    june = hold_session(db, JUNE, [Asked(votes=votes(6, 10))], topic="KRAS im Juni")
    november = hold_session(
        db,
        NOVEMBER,
        [Asked(votes=votes(1, 11, 1))],
        findings=(("KRAS", "p.G12C"), ("STK11", "p.Q37*")),
    )
    return june.question_ids[0], november.question_ids[0]


def test_a_search_finds_the_question_in_both_sessions_newest_first(
    db: Database, two_sessions: tuple[int, int]
) -> None:
    june_id, november_id = two_sessions
    with db.read() as session:
        found = archive.search(session, "HCQ Trametinib")
    assert found.total == 2
    assert [h.question_id for h in found.hits] == [november_id, june_id]
    november, june = found.hits
    assert (november.date, november.number, november.topic) == (
        NOVEMBER,
        "1.1",
        "KRAS-mutiertes Pankreaskarzinom",
    )
    assert june.topic == "KRAS im Juni"
    assert november.result is not None and june.result is not None
    # 37.5 / 62.5: the tie in the remainder goes to the larger count
    assert [o.percent for o in june.result.tally.options] == [37, 63]
    assert [o.percent for o in november.result.tally.options] == [8, 92]
    assert november.result.tally.n_abstain == 1
    assert june.result.tally.consensus is not None
    assert june.result.tally.consensus.awmf is ConsensusClass.MAJORITY
    assert november.result.summary("de") == "Keine Empfehlung 92 % · Konsens"
    assert june.result.summary("en") == "Keine Empfehlung 63 % · Majority agreement"
    assert november.result.sentence("de") == (
        "8 % der Standorte empfehlen HCQ + Trametinib; 92 % sprechen keine Empfehlung aus"
    )


#: query → questions found (of the two sessions' two)
WHERE = {
    "KRAS": 2,  # a finding's gene
    "G12C": 1,  # an alteration (p.G12C), in November only
    "Pankreas": 2,  # inside a word of the diagnosis and the title
    "PANKREASKARZINOM": 2,  # any case
    "pankreaskarzinom hcq": 2,  # every word somewhere in the question
    "keine empfehlung": 2,  # an option
    "Juni": 0,  # a conference's topic is not a question's text
    "KRAS Sotorasib": 0,  # one word found, the other not: no hit
    "stk11 q37": 1,
    "trametinib!?": 2,  # punctuation is no part of a word
    # wildcards and hostile text are no words: nothing is searched for
    "": 0,
    "   ": 0,
    "%": 0,
    "_": 0,
    "%_%": 0,
    "'; DROP TABLE questions; --": 0,
    "\x00\x1b": 0,
    "\u202e": 0,
}


def test_what_a_search_looks_in(db: Database, two_sessions: tuple[int, int]) -> None:
    with db.read() as session:
        found = {query: archive.search(session, query).total for query in WHERE}
        assert archive.search(session, "HCQ").total == 2  # nothing was changed
    assert found == WHERE


def test_accents_and_sharp_s_are_found_either_way(db: Database) -> None:
    hold_session(
        db,
        JUNE,
        [Asked(text="Würden Sie eine Ösophagus-Bestrahlung empfehlen (Größe ≥ 3 cm)?")],
        diagnosis="Ösophaguskarzinom",
    )
    with db.read() as session:
        for query in ("osophagus", "ÖSOPHAGUS", "grosse", "Größe", "wurden"):
            assert archive.search(session, query).total == 1, query


def test_a_question_never_asked_is_found_without_a_result(db: Database) -> None:
    hold_session(db, JUNE, [Asked(close=False)])
    with db.read() as session:
        (hit,) = archive.search(session, "HCQ").hits
    assert hit.result is None and not hit.asked


def test_a_repeated_question_is_one_hit_with_the_result_of_round_two(db: Database) -> None:
    held = hold_session(db, JUNE, [Asked(votes=votes(2, 8))])
    with db.write() as session:
        round_two = lifecycle.repeat_question(session, held.question_ids[0])
        lifecycle.open_question(session, round_two.id)
        from app.services import ballots

        for code in ("S01", "S02", "S03", "S04", "S05"):
            ballots.cast_ballot(
                session, round_two.id, held.site_ids[code], option_ids=[round_two.options[0].id]
            )
        lifecycle.close_question(session, round_two.id)
    with db.read() as session:
        found = archive.search(session, "HCQ")
    assert found.total == 1
    (hit,) = found.hits
    assert hit.question_id == held.question_ids[0] and hit.number == "1.1"
    assert hit.result is not None and hit.result.round == 2
    assert [o.percent for o in hit.result.tally.options] == [100, 0]


def test_only_the_newest_hits_are_counted_and_the_total_says_how_many(db: Database) -> None:
    for month in range(1, 6):
        hold_session(db, dt.date(2026, month, 10), [Asked(votes=votes(1, 2))])
    with db.read() as session:
        found = archive.search(session, "HCQ", limit=2)
    assert found.total == 5
    assert [h.date.month for h in found.hits] == [5, 4]


def test_multiple_choice_and_free_text_say_their_own_result(db: Database) -> None:
    hold_session(
        db,
        JUNE,
        [
            Asked(
                text="Welche Optionen halten Sie für vertretbar?",
                options=("Sotorasib", "Adagrasib", "Studie"),
                kind=QuestionKind.MULTIPLE,
                votes={"S01": 0, "S02": 0, "S03": 2},
            ),
            Asked(text="Welche weitere Diagnostik?", kind=QuestionKind.FREE_TEXT, options=()),
        ],
    )
    with db.read() as session:
        multiple, free = archive.search(session, "welche").hits
    assert multiple.result is not None and free.result is not None
    assert multiple.result.summary("de") == "Sotorasib 67 % · Mehrheitliche Zustimmung"
    assert free.result.summary("en") == "0 sites left a comment"
