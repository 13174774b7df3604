"""A quick question of the free discussion: asked on the spot, opened at once, an ordinary
question afterwards (round 2, ballots, corrections of typos that leave the ballots alone)."""

from __future__ import annotations

import pytest

from app.db import Database
from app.models import AuditEvent, QuestionKind, QuestionState
from app.services import agenda, ballots, lifecycle
from app.services.errors import InvalidInput, NotFound, StateConflict
from app.services.package_schema import PackageOption, PackageQuestion
from app.services.presets import EVIDENCE
from app.services.quick import add_quick_question, case_line_of
from tests.services.helpers import make_conference

LINE = "vorgestellt von Standort Dresden: 54 J., m, NSCLC, KRAS G12C (VAF 23 %), STK11 del"


def _cases(db: Database, conference_id: int):  # type: ignore[no-untyped-def]
    with db.read() as session:
        return agenda.agenda(session, conference_id)


def test_a_quick_question_goes_to_a_free_discussion_case_at_the_end_and_opens(
    db: Database,
) -> None:
    setup = make_conference(db, open_question=False)
    with db.write() as session:
        asked = add_quick_question(
            session,
            setup.conference_id,
            "Welches Evidenzlevel würden Sie vergeben?",
            "evidence",
            case=f"  {LINE}\u202e ",
        )
    cases = _cases(db, setup.conference_id)
    assert [c.free_discussion for c in cases] == [False, True]
    quick = cases[-1]
    assert quick.title == LINE  # as typed, cleaned (the override is gone)
    assert quick.headline("de") == ""  # the title is the one line: nothing said twice
    assert (quick.age, quick.sex) == (54, "m")
    assert [(f.gene, f.alteration, f.kind, f.vaf) for f in quick.findings] == [
        ("KRAS", "G12C", "snv", 23.0),
        ("STK11", "del", "cnv", None),
    ]
    assert asked.number == "2.1" and asked.case_id == quick.id
    assert asked.state is QuestionState.OPEN and asked.kind is QuestionKind.EVIDENCE
    assert [o.code for o in asked.options] == [p.code for p in EVIDENCE]
    assert asked.options[0].explanation("de").startswith("Gleiche Entität")
    assert asked.options[-1].exclusive  # "kein Evidenzlevel" stands alone, as everywhere
    with db.read() as session:
        assert lifecycle.current_question_id(session, setup.conference_id) == asked.id
        actions = [(e.actor, e.action) for e in session.query(AuditEvent).order_by(AuditEvent.id)][
            -2:
        ]
    assert actions == [("moderator", "quick_question_added"), ("moderator", "question_opened")]


def test_the_same_line_joins_its_case_and_a_new_line_starts_the_next(db: Database) -> None:
    setup = make_conference(db, open_question=False)
    with db.write() as session:
        first = add_quick_question(session, setup.conference_id, "Ja?", "yes_no", case=LINE)
        lifecycle.close_question(session, first.id)
        second = add_quick_question(
            session, setup.conference_id, "Zustimmung?", "agreement", case=LINE
        )
        lifecycle.close_question(session, second.id)
        third = add_quick_question(session, setup.conference_id, "Allgemein?", "yes_no")
        lifecycle.close_question(session, third.id)
        fourth = add_quick_question(session, setup.conference_id, "Noch eine?", "yes_no")
    assert [q.number for q in (first, second, third, fourth)] == ["2.1", "2.2", "3.1", "3.2"]
    cases = _cases(db, setup.conference_id)
    assert [c.title for c in cases[1:]] == [LINE, "Freie Diskussion"]
    assert case_line_of(cases[2].title) == "" and case_line_of(cases[1].title) == LINE


def test_typed_options_follow_the_usual_rules(db: Database) -> None:
    setup = make_conference(db, open_question=False)
    with db.write() as session:
        asked = add_quick_question(
            session,
            setup.conference_id,
            "Was empfiehlt Ihr Standort?",
            QuestionKind.MULTIPLE,
            ["Sotorasib\nAdagrasib\n\n", "Keine Empfehlung", "Enthaltung"],
            allow_abstain=False,
            open=False,
        )
    assert [(o.label, o.exclusive) for o in asked.options] == [
        ("Sotorasib", False),
        ("Adagrasib", False),
        ("Keine Empfehlung", True),
    ]
    assert asked.allow_abstain  # typed as an option, offered beside them
    assert asked.state is QuestionState.DRAFT
    with db.read() as session:  # not opened: still made the current question
        assert lifecycle.current_question_id(session, setup.conference_id) == asked.id


@pytest.mark.parametrize(
    ("text", "kind", "options", "line", "error", "german"),
    [
        ("   ", "yes_no", [], "", InvalidInput, "Frage: darf nicht leer sein"),
        ("Q?", "ranking", [], "", InvalidInput, "Fragetyp „ranking“ gibt es nicht"),
        ("Q?", "single", ["Nur eine"], "", InvalidInput, "mindestens zwei Optionen"),
        ("Q?", "single", ["A", "a"], "", InvalidInput, "Option „a“ steht zweimal da"),
        ("Q?", "evidence", ["m1A"], "", InvalidInput, "die Optionen sind vorgegeben"),
        ("Q?", "yes_no", [], "x" * 201, InvalidInput, "Fall in einer Zeile: höchstens 200"),
        ("x" * 2001, "yes_no", [], "", InvalidInput, "Frage: höchstens 2000 Zeichen"),
        ("Q?", "single", ["A", "B" * 501], "", InvalidInput, "Option: höchstens 500"),
    ],
)
def test_bad_input_is_refused_in_both_languages_and_writes_nothing(
    db: Database,
    text: str,
    kind: str,
    options: list[str],
    line: str,
    error: type[Exception],
    german: str,
) -> None:
    setup = make_conference(db, open_question=False)
    with pytest.raises(error) as caught, db.write() as session:
        add_quick_question(session, setup.conference_id, text, kind, options, line)
    assert german in caught.value.in_language("de")  # type: ignore[attr-defined]
    assert caught.value.in_language("en") != caught.value.in_language("de")  # type: ignore[attr-defined]
    assert len(_cases(db, setup.conference_id)) == 1


def test_refused_while_another_question_is_open_and_for_an_unknown_conference(
    db: Database,
) -> None:
    setup = make_conference(db)  # question 1.1 open
    with pytest.raises(StateConflict, match=r"Frage 1\.1 ist noch offen"), db.write() as session:
        add_quick_question(session, setup.conference_id, "Jetzt?", "yes_no")
    assert len(_cases(db, setup.conference_id)) == 1
    with db.write() as session:  # prepared while 1.1 runs: 1.1 stays the current one
        draft = add_quick_question(session, setup.conference_id, "Gleich?", "yes_no", open=False)
        assert lifecycle.current_question_id(session, setup.conference_id) == setup.question_id
    assert draft.state is QuestionState.DRAFT
    with pytest.raises(NotFound), db.write() as session:
        add_quick_question(session, 999_999, "Q?", "yes_no")


def test_afterwards_an_ordinary_question_round_two_and_typo_fixes(db: Database) -> None:
    setup = make_conference(db, open_question=False)
    with db.write() as session:
        asked = add_quick_question(
            session,
            setup.conference_id,
            "Empfehlung Sotrasib?",
            "single",
            ["Ja", "Nien", "Weis nicht"],
        )
        for site, option in zip(setup.site_ids[:3], (0, 1, 1), strict=True):
            ballots.cast_ballot(session, asked.id, site, option_ids=[asked.options[option].id])
        lifecycle.close_question(session, asked.id)
        repeat = lifecycle.repeat_question(session, asked.id)

    def options(*labels: str, alone: str = "") -> list[PackageOption]:
        return [PackageOption(label=label, exclusive=label == alone) for label in labels]

    fixed = PackageQuestion(
        text="Empfehlung Sotorasib?",
        kind=QuestionKind.SINGLE,
        options=options("Ja", "Nein", "Weiß nicht"),
    )
    with db.write() as session:
        agenda.update_question(session, asked.id, fixed)
    with db.read() as session:
        after = agenda.get_question(session, asked.id)
        round_two = agenda.get_question(session, repeat.id)
        counts = [
            sum(1 for b in ballots.current_ballots(session, asked.id) if o.id in b.option_ids)
            for o in after.options
        ]
    assert after.text == round_two.text == "Empfehlung Sotorasib?"
    labels = ["Ja", "Nein", "Weiß nicht"]
    assert [o.label for o in after.options] == [o.label for o in round_two.options] == labels
    assert [o.id for o in after.options] == [o.id for o in asked.options]  # the same options
    assert counts == [1, 2, 0]  # the ballots untouched
    for broken in (
        {"options": options("Ja", "Nein")},  # "Weiß nicht" had no vote, but was asked
        {"options": options("Ja", "Nein", "Weiß nicht", "Vielleicht")},
        {"options": options("Ja", "Nein", "Weiß nicht", alone="Weiß nicht")},
        {"kind": QuestionKind.MULTIPLE},
        {"allow_abstain": False},
    ):
        with pytest.raises(StateConflict), db.write() as session:
            agenda.update_question(session, asked.id, fixed.model_copy(update=broken))
    with db.read() as session:
        assert [o.label for o in agenda.get_question(session, asked.id).options] == labels


def test_the_free_discussion_travels_in_the_conference_file(db: Database) -> None:
    """A hosted server's quick questions come home (and go out published) as such."""
    from app.services.conference_export import Publish, build_conference_file
    from app.services.conference_import import import_conference_file

    setup = make_conference(db, open_question=False)
    with db.write() as session:
        add_quick_question(session, setup.conference_id, "Ja?", "yes_no", case=LINE)
        file = build_conference_file(session, setup.conference_id)
        published = build_conference_file(session, setup.conference_id, publish=Publish())
        copy = import_conference_file(session, file, name="f.json", new_links=True)
    assert [c.free_discussion for c in published.cases] == [False, True]
    assert published.cases[1].title == LINE
    cases = _cases(db, copy)
    assert [(c.free_discussion, c.title) for c in cases] == [
        (False, "Fall KRAS G12D"),
        (True, LINE),
    ]
    assert [f.gene for f in cases[1].findings] == ["KRAS", "STK11"]


def test_editing_a_free_discussion_case_keeps_it_in_the_free_discussion(db: Database) -> None:
    """The editor's case form knows nothing of the block: its save must not move the case."""
    from app.services.package_schema import PackageCase

    setup = make_conference(db, open_question=False)
    with db.write() as session:
        asked = add_quick_question(session, setup.conference_id, "Ja?", "yes_no", case=LINE)
        agenda.update_case(session, asked.case_id, PackageCase(title=LINE, age=55))
        case = agenda.get_case(session, asked.case_id)
    assert case.free_discussion and case.age == 55
