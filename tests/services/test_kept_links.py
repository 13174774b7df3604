"""A link to an earlier asking made or removed by hand survives when the conference's
content is replaced (results fetched home, its file imported again): the conference's own
decisions and those of later sessions pointing to it, found by the question's place in
the agenda and its text (on SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

from app.db import Database
from app.services import agenda, asked_before
from app.services.conference_export import build_conference_file
from app.services.conference_import import replace_conference
from app.services.conference_schema import ConferenceFile
from app.services.fetch_home import adopt_fetched
from tests.services.series_helpers import QUESTION, Asked, Held, hold_session, votes

SERVER = "https://abstimmung.example-klinikum.de"
OTHER = "HCQ plus Trametinib bei KRAS?"


def _decision(db: Database, question_id: int) -> tuple[int | None, bool]:
    """The earlier asking's id and whether it was chosen by hand."""
    with db.read() as session:
        return asked_before.earlier_id(session, question_id)


def _roots(db: Database, conference_id: int) -> list[int]:
    """The conference's round-1 questions in agenda order (ids change on replacing)."""
    with db.read() as session:
        return [
            q.id
            for case in agenda.agenda(session, conference_id)
            for q in case.questions
            if q.parent_id is None
        ]


def _series(db: Database) -> tuple[Held, Held, Held]:
    """June asks the question, March a close one; November asks it again and a second one."""
    june = hold_session(db, dt.date(2026, 6, 17), [Asked(votes=votes(3, 17))])
    march = hold_session(db, dt.date(2026, 3, 11), [Asked(text=OTHER, votes=votes(1, 1))])
    november = hold_session(
        db,
        dt.date(2026, 11, 18),
        [Asked(votes=votes(1, 12)), Asked(text="Würde Ihr Standort Sotorasib empfehlen?")],
    )
    return june, march, november


def test_links_by_hand_survive_fetching_the_results_home(db: Database) -> None:
    june, march, november = _series(db)
    first, second = november.question_ids
    january = hold_session(
        db, dt.date(2027, 1, 20), [Asked(text="KRAS G12D: HCQ + Trametinib?", close=False)]
    )
    with db.write() as session:
        # November's first question repeats March's (not June's, which its text names)
        asked_before.link_question(session, first, march.question_ids[0])
        asked_before.unlink_question(session, second)  # asked for the first time
        # a later session points to November's question by hand
        asked_before.link_question(session, january.question_ids[0], first)
    with db.read() as session:
        served = build_conference_file(session, november.conference_id, server=SERVER)
    with db.write() as session:
        assert adopt_fetched(session, november.conference_id, served, server=SERVER).changed
    new_first, new_second = _roots(db, november.conference_id)
    assert new_first != first  # the questions were made anew
    assert _decision(db, new_first) == (march.question_ids[0], True)
    assert _decision(db, new_second) == (None, True)
    assert _decision(db, january.question_ids[0]) == (new_first, True)
    with db.read() as session:
        earlier = asked_before.earlier_asking(session, new_first)
    assert earlier is not None and earlier.text == OTHER and earlier.by_hand
    assert _decision(db, june.question_ids[0]) == (None, False)  # untouched


def _with_texts(file: ConferenceFile, texts: list[str], *, reverse: bool = False) -> ConferenceFile:
    """The file with its (single) case's round-1 questions renamed, in order or reversed."""
    case = file.cases[0]
    questions = [
        q.model_copy(update={"text": text}) for q, text in zip(case.questions, texts, strict=True)
    ]
    if reverse:
        questions.reverse()
    return file.model_copy(update={"cases": [case.model_copy(update={"questions": questions})]})


def test_links_by_hand_survive_importing_the_conference_file_again(db: Database) -> None:
    _june, march, _ = _series(db)
    prepared = hold_session(
        db,
        dt.date(2027, 1, 20),
        [Asked(close=False), Asked(text="Würden Sie eine Re-Biopsie veranlassen?", close=False)],
    )
    first, second = prepared.question_ids
    with db.write() as session:
        asked_before.link_question(session, first, march.question_ids[0])
        asked_before.unlink_question(session, second)
        file = build_conference_file(session, prepared.conference_id)
    # a typo corrected in the file: the same place, a close text
    typos = [QUESTION.replace("Standort", "Standort,"), "Würden Sie eine Rebiopsie veranlassen?"]
    corrected = _with_texts(file, typos)
    with db.write() as session:
        replace_conference(session, prepared.conference_id, corrected)
    one, two = _roots(db, prepared.conference_id)
    assert _decision(db, one) == (march.question_ids[0], True)
    assert _decision(db, two) == (None, True)
    # the questions' order changed in the file: each decision follows its text
    with db.read() as session:
        file = build_conference_file(session, prepared.conference_id)
    texts = [q.text for q in file.cases[0].questions]
    with db.write() as session:
        replace_conference(session, prepared.conference_id, _with_texts(file, texts, reverse=True))
    one, two = _roots(db, prepared.conference_id)
    with db.read() as session:
        assert [agenda.get_question(session, q).text for q in (one, two)] == texts[::-1]
    assert _decision(db, two) == (march.question_ids[0], True)
    assert _decision(db, one) == (None, True)
    # another question in a place, its text like none before: that decision is dropped
    # (a question asked for the first time), the other one stays with its text
    with db.read() as session:
        file = build_conference_file(session, prepared.conference_id)
    with db.write() as session:
        replacement = _with_texts(file, ["Neue Frage zur Bildgebung?", QUESTION])
        replace_conference(session, prepared.conference_id, replacement)
    one, two = _roots(db, prepared.conference_id)
    assert _decision(db, one) == (None, False)
    assert _decision(db, two) == (march.question_ids[0], True)


def test_a_reordered_agenda_of_alike_questions_keeps_each_decision_with_its_question(
    db: Database,
) -> None:
    sotorasib = "Empfehlen Sie eine Therapie mit Sotorasib?"
    adagrasib = "Empfehlen Sie eine Therapie mit Adagrasib?"  # 90 % alike
    march = hold_session(
        db, dt.date(2026, 3, 11), [Asked(text="Sotorasib bei KRAS G12C?", votes=votes(1, 1))]
    )
    prepared = hold_session(
        db,
        dt.date(2027, 1, 20),
        [Asked(text=sotorasib, close=False), Asked(text=adagrasib, close=False)],
    )
    first, second = prepared.question_ids
    with db.write() as session:
        asked_before.link_question(session, first, march.question_ids[0])
        asked_before.unlink_question(session, second)  # asked for the first time, by hand
        file = build_conference_file(session, prepared.conference_id)
    texts = [q.text for q in file.cases[0].questions]
    with db.write() as session:  # the file comes back with the two questions swapped
        replace_conference(session, prepared.conference_id, _with_texts(file, texts, reverse=True))
    now_adagrasib, now_sotorasib = _roots(db, prepared.conference_id)
    with db.read() as session:
        assert agenda.get_question(session, now_sotorasib).text == sotorasib
    assert _decision(db, now_sotorasib) == (march.question_ids[0], True)
    assert _decision(db, now_adagrasib) == (None, True)
