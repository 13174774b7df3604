"""Editing the agenda: cases and questions added, edited, reordered and deleted."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from app.db import Database
from app.models import QuestionKind
from app.services import agenda, ballots, lifecycle
from app.services.errors import StateConflict
from app.services.package_schema import (
    PackageCase,
    PackageImage,
    PackageOption,
    PackageQuestion,
)
from app.services.presets import AGREEMENT, EVIDENCE
from tests.services.helpers import make_conference


def _titles(db: Database, conference_id: int) -> list[str]:
    with db.read() as session:
        return [c.title for c in agenda.agenda(session, conference_id)]


def test_preset_kinds_get_their_options_in_the_conference_language(db: Database) -> None:
    setup = make_conference(db, open_question=False)
    with db.write() as session:
        case_id = agenda.get_question(session, setup.question_id).case_id
        evidence = agenda.add_question(
            session, case_id, PackageQuestion(text="Evidenz?", kind=QuestionKind.EVIDENCE)
        )
        scale = agenda.add_question(
            session, case_id, PackageQuestion(text="Aussage", kind=QuestionKind.AGREEMENT)
        )
        levels = agenda.get_question(session, evidence).options
        steps = agenda.get_question(session, scale).options
    assert [o.code for o in levels] == [p.code for p in EVIDENCE]
    assert levels[0].explanation("de").startswith("Gleiche Entität")
    assert [o.label for o in steps] == [p.label_de for p in AGREEMENT]


def test_cases_and_questions_reorder(db: Database) -> None:
    setup = make_conference(db, open_question=False)
    with db.write() as session:
        for title in ("Fall B", "Fall C"):
            agenda.add_case(session, setup.conference_id, PackageCase(title=title))
        first = agenda.agenda(session, setup.conference_id)[0].id
        agenda.move_case(session, first, 2)
    assert _titles(db, setup.conference_id) == ["Fall B", "Fall C", "Fall KRAS G12D"]
    with db.write() as session:
        case_id = agenda.get_question(session, setup.question_id).case_id
        second = agenda.add_question(session, case_id, PackageQuestion(text="Q2", kind="yes_no"))
        agenda.move_question(session, second, 0)
        numbers = {q.text: q.number for q in agenda.get_case(session, case_id).questions}
    assert numbers == {"Q2": "3.1", "Würde Ihr Standort HCQ + Trametinib empfehlen?": "3.2"}


def test_kind_and_options_are_frozen_once_opened_but_text_may_be_fixed(db: Database) -> None:
    setup = make_conference(db)
    with db.write() as session:
        ballots.cast_ballot(
            session, setup.question_id, setup.site_ids[0], option_ids=[setup.option_ids[0]]
        )
    changed = PackageQuestion(
        text="Tippfehler korrigiert",
        kind=QuestionKind.SINGLE,
        options=[PackageOption(label="Ja"), PackageOption(label="Nein"), PackageOption(label="?")],
    )
    with pytest.raises(StateConflict, match="nicht hinzufügen"), db.write() as session:
        agenda.update_question(session, setup.question_id, changed)
    with db.write() as session:
        agenda.update_question(
            session,
            setup.question_id,
            PackageQuestion(
                text="Tippfehler korrigiert",
                kind=QuestionKind.SINGLE,
                options=[
                    PackageOption(label="Ja, Empfehlung", phrase_de="empfehlen HCQ + Trametinib"),
                    PackageOption(label="Keine Empfehlung"),
                ],
            ),
        )
        fixed = agenda.get_question(session, setup.question_id)
    assert fixed.text == "Tippfehler korrigiert"
    assert fixed.options[0].phrase_de == "empfehlen HCQ + Trametinib"
    assert fixed.options[0].id == setup.option_ids[0]  # the ballot still points at it
    with pytest.raises(StateConflict, match="Enthaltung"), db.write() as session:
        agenda.update_question(
            session,
            setup.question_id,
            PackageQuestion(
                text="Tippfehler korrigiert",
                kind=QuestionKind.SINGLE,
                options=[
                    PackageOption(label="Ja, Empfehlung"),
                    PackageOption(label="Keine Empfehlung"),
                ],
                allow_abstain=False,  # would turn earlier abstentions into invalid ballots
            ),
        )
    with pytest.raises(StateConflict, match="Stimmen"), db.write() as session:
        agenda.delete_question(session, setup.question_id)


def test_a_draft_question_can_change_kind_and_be_deleted_with_its_repeat(db: Database) -> None:
    setup = make_conference(db, open_question=False)
    with db.write() as session:
        agenda.update_question(
            session, setup.question_id, PackageQuestion(text="Jetzt Ja/Nein", kind="yes_no")
        )
        assert [o.code for o in agenda.get_question(session, setup.question_id).options] == [
            "yes",
            "no",
        ]
        lifecycle.open_question(session, setup.question_id)
        lifecycle.close_question(session, setup.question_id)
        repeat = lifecycle.repeat_question(session, setup.question_id)
        agenda.delete_question(session, setup.question_id)
    with db.read() as session:
        assert agenda.agenda(session, setup.conference_id)[0].questions == ()
        assert lifecycle.current_question_id(session, setup.conference_id) is None
    assert repeat.id != setup.question_id


def test_editing_a_case_keeps_its_images_unless_they_change(db: Database) -> None:
    from tests.services.test_packages import PNG_1PX

    setup = make_conference(db, open_question=False)
    with db.write() as session:
        case_id = agenda.get_question(session, setup.question_id).case_id
        data = agenda.case_as_package(session, case_id).model_copy(
            update={"images": [PackageImage(filename="ct.png", data=PNG_1PX)]}
        )
        agenda.update_case(session, case_id, data)
        before = [i.id for i in agenda.get_case(session, case_id).images]
        agenda.update_case(
            session,
            case_id,
            agenda.case_as_package(session, case_id).model_copy(update={"title": "Neuer Titel"}),
        )
        after = agenda.get_case(session, case_id)
    assert after.title == "Neuer Titel"
    assert [i.id for i in after.images] == before and len(before) == 1


def test_the_editor_path_cannot_reorder_a_fixed_scale() -> None:
    steps = [PackageOption(label=p.label_de, code=p.code) for p in AGREEMENT]
    with pytest.raises(ValidationError, match="belongs at position 5"):
        PackageQuestion(text="Aussage", kind=QuestionKind.AGREEMENT, options=steps[::-1])
    with pytest.raises(ValidationError, match="exactly 2 options"):
        PackageQuestion(text="Ja?", kind=QuestionKind.YES_NO, options=[PackageOption(label="Ja")])
