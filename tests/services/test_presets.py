"""Preset option labels follow the language they are shown in; a label of one's own stays."""

from __future__ import annotations

import pytest

from app.db import Database
from app.models import QuestionKind
from app.services import agenda, ballots, lifecycle, results
from app.services.package_schema import PackageCase, PackageOption, PackageQuestion
from app.services.presets import AGREEMENT, EVIDENCE, YES_NO, option_label
from tests.services.helpers import make_conference


@pytest.mark.parametrize("preset", [*YES_NO, *AGREEMENT, EVIDENCE[-1]])
def test_a_preset_label_says_itself_in_the_language_asked(preset) -> None:  # type: ignore[no-untyped-def]
    for stored in (preset.label_de, preset.label_en, f" {preset.label_de.upper()} "):
        assert option_label(stored, preset.code, "en") == preset.label_en
        assert option_label(stored, preset.code, "de") == preset.label_de


def test_a_label_of_ones_own_is_never_replaced() -> None:
    assert option_label("Volle Zustimmung", "strongly_agree", "en") == "Volle Zustimmung"
    assert option_label("Keine Empfehlung", "", "en") == "Keine Empfehlung"  # no preset code
    assert option_label("Ja", "", "en") == "Ja"  # a single-choice "Ja" is the fellow's own
    assert option_label("m2B", "m2B", "de") == "m2B"


def test_options_stored_in_german_read_in_english_unless_relabelled(db: Database) -> None:
    setup = make_conference(db, 2, kind=QuestionKind.EVIDENCE)
    own = [f"Eigene Stufe {n}" for n in range(1, 4)] + [AGREEMENT[3].label_de, "Gar nicht"]
    with db.write() as session:
        case_id = agenda.get_question(session, setup.question_id).case_id
        scale_id = agenda.add_question(
            session,
            case_id,
            PackageQuestion(
                text="Wie sehr stimmen Sie zu?",
                kind=QuestionKind.AGREEMENT,
                options=[PackageOption(label=label) for label in own],
            ),
        )
        receipt = ballots.cast_ballot(
            session, setup.question_id, setup.site_ids[0], option_ids=[setup.option_ids[-1]]
        )
    with db.read() as session:
        evidence = agenda.get_question(session, setup.question_id)
        scale = agenda.get_question(session, scale_id)
    none = evidence.options[-1]
    assert none.label == "Kein Evidenzlevel / keine Empfehlung"  # stored as created (de)
    assert none.label_in("en") == "No evidence level / no recommendation"
    assert none.label_in("de") == none.label
    assert [o.label_in("en") for o in scale.options] == [*own[:3], "Disagree", "Gar nicht"]
    assert receipt.labels_in("en") == ("No evidence level / no recommendation",)
    assert receipt.labels_in("de") == ("Kein Evidenzlevel / keine Empfehlung",)


def test_a_yes_no_question_created_in_german_says_yes_no_in_english(db: Database) -> None:
    setup = make_conference(db, 1, open_question=False)
    with db.write() as session:
        case_id = agenda.add_case(
            session,
            setup.conference_id,
            PackageCase(
                title="Fall 2",
                questions=[PackageQuestion(text="Studie?", kind=QuestionKind.YES_NO)],
            ),
        )
    with db.read() as session:
        question = agenda.get_case(session, case_id).questions[0]
    assert [o.label for o in question.options] == ["Ja", "Nein"]
    assert [o.label_in("en") for o in question.options] == ["Yes", "No"]


def test_an_agreement_scale_keeps_the_authors_codes_and_its_steps_by_position(
    db: Database,
) -> None:
    codes = ["agree_strong", "agree_some", "undecided", "disagree_some", "disagree_strong"]
    setup = make_conference(db, 1, open_question=False)
    with db.write() as session:
        case_id = agenda.add_case(
            session,
            setup.conference_id,
            PackageCase(
                title="Fall 2",
                questions=[
                    PackageQuestion(
                        text="Zustimmung?",
                        kind=QuestionKind.AGREEMENT,
                        options=[
                            PackageOption(label=step.label_de, code=code)
                            for step, code in zip(AGREEMENT, codes, strict=True)
                        ],
                    )
                ],
            ),
        )
        question_id = agenda.get_case(session, case_id).questions[0].id
        lifecycle.open_question(session, question_id)
        first = agenda.get_question(session, question_id).options[0].id
        receipt = ballots.cast_ballot(session, question_id, setup.site_ids[0], option_ids=[first])
    with db.read() as session:
        question = agenda.get_question(session, question_id)
        tally = results.question_tally(session, question_id)
    assert [o.code for o in question.options] == codes  # as the file said, nothing invented
    assert [o.label_in("en") for o in question.options] == [s.label_en for s in AGREEMENT]
    assert tally.options[0].option.label_in("en") == "Strongly agree"
    assert receipt.labels_in("en") == ("Strongly agree",)
