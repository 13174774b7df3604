"""The writer's fast path stores exactly what the service stores, and accepts nothing more."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import text

from app.db import Database
from app.services.agenda import agenda, get_question
from app.services.audit import trail
from app.services.ballot_batch import SiteBallot, SubmittedChoice, cast_site_ballots
from app.services.conferences import invitations, set_attendance
from app.services.errors import InvalidInput
from app.services.lifecycle import close_question, open_question
from app.services.voting import cast_as_site
from tests.server.helpers import current_question, make_conference, tokens


def _world(url: str) -> tuple[Database, int, list[str], list[int]]:
    db = Database.open(url)
    with db.write() as session:
        conf_id = make_conference(session, 6, prefix="F")
    with db.read() as session:
        options = [o.id for o in get_question(session, current_question(db, conf_id)).options]
    return db, conf_id, list(tokens(db, conf_id).values()), options


def _rows(db: Database) -> dict[str, list[tuple]]:
    queries = {
        "ballots": "SELECT question_id, site_id, abstain, comment, source, actor, revision "
        "FROM ballots ORDER BY site_id",
        "choices": "SELECT b.site_id, c.option_id FROM ballot_choices c "
        "JOIN ballots b ON b.id = c.ballot_id ORDER BY 1, 2",
        "changes": "SELECT question_id, site_id, revision, option_ids, abstain, comment, source, "
        "actor FROM ballot_changes ORDER BY site_id, revision",
    }
    with db.read() as session:
        return {k: [tuple(r) for r in session.execute(text(q))] for k, q in queries.items()}


def test_fast_path_and_service_store_identical_rows(new_db_url: Callable[[], str]) -> None:
    fast_db, conf_id, site_tokens, options = _world(new_db_url())
    slow_db, slow_conf, slow_tokens, slow_options = _world(new_db_url())
    assert (conf_id, options) == (slow_conf, slow_options)
    question = current_question(fast_db, conf_id)
    rounds = [
        [(0, (options[0],), False, "erste Wahl"), (1, (options[1],), False, ""), (2, (), True, "")],
        [(0, (options[1],), False, ""), (3, (options[0],), False, "  mit Leerraum  ")],
        [  # the cleaning rule of app.services.text, the same on both paths
            (1, (options[0],), False, "\x1b[31m rot\x00"),
            (2, (options[1],), False, "\u202enilreB\u202c \u200bweg"),
            (3, (options[1],), False, "Mu\u0308ller\r\nZeile 2\t"),
            (4, (options[0],), False, "🧬 👩\u200d⚕️"),
        ],
    ]
    for ballots in rounds:
        run = [
            SiteBallot(site_tokens[i], SubmittedChoice(question, ids, abstain, comment))
            for i, ids, abstain, comment in ballots
        ]
        with fast_db.write() as session:
            receipts = cast_site_ballots(session, conf_id, run)
        with slow_db.write() as session:
            expected = [
                cast_as_site(
                    session,
                    slow_tokens[i],
                    question,
                    option_ids=ids,
                    abstain=abstain,
                    comment=comment,
                )
                for i, ids, abstain, comment in ballots
            ]
        assert all(r is not None for r in receipts)
        strip = [
            (r.site_id, r.option_ids, r.option_labels, r.abstain, r.comment, r.revision)
            for r in receipts
            if r
        ]
        assert strip == [
            (r.site_id, r.option_ids, r.option_labels, r.abstain, r.comment, r.revision)
            for r in expected
        ]
    assert _rows(fast_db) == _rows(slow_db)
    comments = {row[3] for row in _rows(fast_db)["ballots"]}
    assert {"[31m rot", "nilreB weg", "Müller\nZeile 2", "🧬 👩\u200d⚕️"} <= comments
    fast_db.dispose()
    slow_db.dispose()


def test_an_exclusive_combination_goes_to_the_service_which_refuses_it(db_url: str) -> None:
    db, conf_id, site_tokens, _ = _world(db_url)
    with db.write() as session:
        first = current_question(db, conf_id)
        close_question(session, first)
        multiple = agenda(session, conf_id)[0].questions[2]
        open_question(session, multiple.id)
    hcq, tram, _study, none = (o.id for o in multiple.options)
    run = [
        SiteBallot(site_tokens[0], SubmittedChoice(multiple.id, (hcq, none), False, "")),
        SiteBallot(site_tokens[1], SubmittedChoice(multiple.id, (hcq, tram), False, "")),
        SiteBallot(site_tokens[2], SubmittedChoice(multiple.id, (none,), False, "")),
    ]
    with db.write() as session:
        receipts = cast_site_ballots(session, conf_id, run)
    assert [r.option_ids if r else None for r in receipts] == [None, (hcq, tram), (none,)]
    with (
        pytest.raises(InvalidInput, match="„Keine Empfehlung“ kann nicht mit anderen"),
        db.write() as session,
    ):
        cast_as_site(session, site_tokens[0], multiple.id, option_ids=(hcq, none))
    assert len(_rows(db)["ballots"]) == 2
    db.dispose()


def test_a_site_marked_absent_goes_to_the_service_which_checks_it_in(db_url: str) -> None:
    db, conf_id, site_tokens, options = _world(db_url)
    question = current_question(db, conf_id)
    with db.read() as session:
        invited = [i.site.id for i in invitations(session, conf_id)]
    with db.write() as session:
        set_attendance(session, conf_id, invited[0], present=True)
    run = [
        SiteBallot(site_tokens[0], SubmittedChoice(question, (options[0],), False, "")),
        SiteBallot(site_tokens[1], SubmittedChoice(question, (options[1],), False, "")),
    ]
    with db.write() as session:
        receipts = cast_site_ballots(session, conf_id, run)
    assert [r is not None for r in receipts] == [True, False]
    with db.write() as session:
        receipt = cast_as_site(session, site_tokens[1], question, option_ids=(options[1],))
    assert receipt.checked_in
    with db.read() as session:
        present = {i.site.id for i in invitations(session, conf_id) if i.present}
        actions = [e.action for e in trail(session, conf_id)]
    assert present == {invited[0], receipt.site_id}
    assert actions.count("checked_in_by_ballot") == 1
    db.dispose()


def test_fast_path_leaves_doubtful_ballots_to_the_service(db_url: str) -> None:
    db, conf_id, site_tokens, options = _world(db_url)
    question = current_question(db, conf_id)
    with db.read() as session:
        other_question = agenda(session, conf_id)[0].questions[1]
    foreign_option = other_question.options[0].id
    good = SubmittedChoice(question, (options[0],), False, "")
    run = [
        SiteBallot(site_tokens[0], good),  # accepted
        SiteBallot(site_tokens[0], good),  # same site again in the run: service decides
        SiteBallot("forged" * 7, good),
        SiteBallot(site_tokens[1][:-1], good),
        SiteBallot(site_tokens[2], SubmittedChoice(other_question.id, (options[0],), False, "")),
        SiteBallot(site_tokens[3], SubmittedChoice(question, tuple(options), False, "")),
        SiteBallot(site_tokens[4], SubmittedChoice(question, (foreign_option,), False, "")),
        SiteBallot(site_tokens[5], SubmittedChoice(question, (), False, "")),
    ]
    with db.write() as session:
        receipts = cast_site_ballots(session, conf_id, run)
    assert [r is not None for r in receipts] == [True] + [False] * 7
    assert len(_rows(db)["ballots"]) == 1
    db.dispose()
