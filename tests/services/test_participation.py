"""A site's participation across the series: sessions attended, questions voted and
participants, per session for the heat map and in sum (on SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

from app.db import Database
from app.services import ballots, lifecycle
from app.services.participation import Cell, participation
from tests.services.series_helpers import Asked, hold_session, site_codes

JUNE, NOVEMBER = dt.date(2026, 6, 17), dt.date(2026, 11, 18)
TODAY = dt.date(2026, 12, 1)


def test_the_participation_table_counts_sessions_questions_and_people(db: Database) -> None:
    # June: 4 sites invited, 3 checked in; two questions asked; S04 was not checked in:
    # its ballot checks it in (one attendee); S03 abstained once (a ballot too)
    hold_session(
        db,
        JUNE,
        [
            Asked(votes={"S01": 0, "S02": 1, "S03": None, "S04": 0}),
            Asked(text="Zweite Frage?", votes={"S01": 1, "S02": 1}),
        ],
        sites=site_codes(4),
        present=["S01", "S02", "S03"],
        attendees={"S01": 3, "S02": 2, "S03": 1},
    )
    # November: 5 sites invited, one question asked, one never opened (not counted)
    hold_session(
        db,
        NOVEMBER,
        [Asked(votes={"S01": 0, "S05": 1}), Asked(text="Nie gestellt?", close=False)],
        sites=site_codes(5),
        present=["S01", "S05"],
        attendees={"S01": 4, "S05": 2},
    )
    hold_session(db, dt.date(2027, 1, 20), [Asked(close=False)])  # planned: not held
    with db.read() as session:
        table = participation(session, today=TODAY)
    assert [(s.date, s.asked) for s in table.sessions] == [(JUNE, 2), (NOVEMBER, 1)]
    rows = {r.site.code: r for r in table.sites}
    assert list(rows) == site_codes(5)  # by name; the planned session's sites are not new
    summary = {
        code: (r.invited, r.attended, r.voted, r.asked, r.participants) for code, r in rows.items()
    }
    assert summary == {
        "S01": (2, 2, 3, 3, 7),
        "S02": (2, 1, 2, 3, 2),
        "S03": (2, 1, 1, 3, 1),
        "S04": (2, 1, 1, 3, 1),
        "S05": (1, 1, 1, 1, 2),
    }
    assert rows["S05"].cells == (None, Cell(True, 2, 1, 1))
    assert rows["S04"].cells == (Cell(True, 1, 1, 2), Cell(False, 0, 0, 1))  # absent, silent
    assert rows["S03"].share == 1 / 3


def test_a_period_takes_only_its_sessions(db: Database) -> None:
    hold_session(db, JUNE, [Asked(votes={"S01": 0})], sites=site_codes(2))
    hold_session(db, dt.date(2027, 2, 3), [Asked(votes={"S01": 0, "S02": 0})], sites=site_codes(2))
    with db.read() as session:
        year = participation(
            session, start=dt.date(2026, 1, 1), end=dt.date(2026, 12, 31), today=dt.date(2027, 3, 1)
        )
        nothing = participation(session, start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31))
    assert [s.date for s in year.sessions] == [JUNE]
    assert {r.site.code: r.voted for r in year.sites} == {"S01": 1, "S02": 0}
    assert nothing.sessions == () and nothing.sites == ()


def test_a_ballot_changed_while_open_counts_once(db: Database) -> None:
    held = hold_session(db, JUNE, [Asked(votes={"S01": 0}, close=False)], sites=site_codes(2))
    question = held.question_ids[0]
    with db.write() as session:
        ballots.cast_ballot(session, question, held.site_ids["S01"], abstain=True)
        lifecycle.close_question(session, question)
    with db.read() as session:
        (first, _second) = participation(session, today=TODAY).sites
    assert (first.voted, first.asked) == (1, 1)
