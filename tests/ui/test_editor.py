"""The preparation editor: a fellow enters a case with findings and two questions."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QMimeData, Qt

from app.db import Database
from app.models import FindingKind, QuestionKind
from app.services import agenda, conferences
from app.services.package_schema import PackageCase
from app.ui.editor.editor import PreparationEditor
from app.ui.editor.question_form import ALONE
from app.ui.models.agenda_model import AgendaModel


def _conference(db: Database) -> int:
    with db.write() as session:
        conf_id = conferences.create_conference(session, "Testrunde", dt.date(2026, 12, 1))
        conferences.set_fellows(session, conf_id, [("Dr. Fiona Fellow", "Dresden")])
    return conf_id


def _editor(qtbot, db: Database, conf_id: int) -> PreparationEditor:  # type: ignore[no-untyped-def]
    editor = PreparationEditor(db, conf_id)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def test_fellow_creates_case_with_findings_and_two_questions(qtbot, db, db_url, prompter) -> None:  # type: ignore[no-untyped-def]
    conf_id = _conference(db)
    editor = _editor(qtbot, db, conf_id)

    case_id = editor.add_case()
    assert case_id is not None
    form = editor.case_form
    assert form.presenter.text() == "Dr. Fiona Fellow"  # default: the first fellow
    form.title.clear()
    qtbot.keyClicks(form.title, "KRAS G12C nach zwei Linien")
    form.age.setValue(66)
    form.sex.setCurrentIndex(form.sex.findData("m"))
    qtbot.keyClicks(form.diagnosis, "Pankreaskarzinom")
    qtbot.keyClicks(form.icd10, "c25.1")
    form.ecog.setCurrentIndex(form.ecog.findData(1))
    form.findings.setFocus()
    pasted = form.findings.paste(
        "KRAS\tp.G12C\tSNV\t22,5\nSTK11\tp.Q37*\tsnv\t41\nMTAP\tVerlust\tCNV\t\n"
    )
    assert pasted == 3
    with qtbot.waitSignal(form.changed, timeout=3000):
        pass  # the debounced save

    question_one = editor.add_question()
    assert question_one is not None
    qform = editor.question_form
    qform.text.setPlainText("Würde Ihr Standort Sotorasib empfehlen?")
    qform.kind.setCurrentIndex(qform.kind.findData(QuestionKind.SINGLE.value))
    qform.options.item(0, 0).setText("Ja, Sotorasib")
    qform.options.item(1, 0).setText("Keine Empfehlung")
    qform.duration.setValue(120)
    qform.flush()

    editor.select("case", case_id)
    question_two = editor.add_question()
    assert question_two is not None
    editor.question_form.text.setPlainText("Evidenzlevel für KRAS G12C?")
    evidence = editor.question_form.kind.findData(QuestionKind.EVIDENCE.value)
    editor.question_form.kind.setCurrentIndex(evidence)
    assert "m1A" in editor.question_form.preset_list.text()  # presets are shown
    editor.question_form.flush()

    fresh = Database.open(db_url)  # a separate engine: what is really stored
    with fresh.read() as session:
        (case,) = agenda.agenda(session, conf_id)
    fresh.dispose()
    assert case.title == "KRAS G12C nach zwei Linien"
    assert (case.age, case.sex, case.icd10, case.ecog) == (66, "m", "C25.1", 1)
    assert [(f.gene, f.alteration, f.kind, f.vaf) for f in case.findings] == [
        ("KRAS", "p.G12C", FindingKind.SNV.value, 22.5),
        ("STK11", "p.Q37*", FindingKind.SNV.value, 41.0),
        ("MTAP", "Verlust", FindingKind.CNV.value, None),
    ]
    first, second = case.questions
    assert first.text == "Würde Ihr Standort Sotorasib empfehlen?"
    assert first.kind is QuestionKind.SINGLE
    assert [o.label for o in first.options] == ["Ja, Sotorasib", "Keine Empfehlung"]
    assert first.duration_seconds == 120
    assert second.kind is QuestionKind.EVIDENCE
    assert [o.code for o in second.options][:2] == ["m1A", "m1B"]
    assert prompter.errors == []


def test_validation_shows_the_reason_and_saves_nothing(qtbot, db, prompter) -> None:  # type: ignore[no-untyped-def]
    conf_id = _conference(db)
    editor = _editor(qtbot, db, conf_id)
    case_id = editor.add_case()
    form = editor.case_form
    form.icd10.setText("")
    qtbot.keyClicks(form.icd10, "Pankreas")
    assert "ICD-10" in form.fields["icd10"].error.text()
    assert not form.fields["icd10"].error.isHidden()
    form.findings.paste("KRAS\tG12D?\tSNV\t140\n")
    assert "Row 1" in form.findings_error.text()
    form.flush()
    with db.read() as session:
        assert agenda.get_case(session, case_id).icd10 == ""
        assert agenda.get_case(session, case_id).findings == ()
    form.icd10.clear()
    qtbot.keyClicks(form.icd10, "C25.0")
    assert form.fields["icd10"].error.isHidden()
    assert prompter.errors == []  # no modal storm


def test_undo_and_redo_an_edit(qtbot, db, prompter) -> None:  # type: ignore[no-untyped-def]
    conf_id = _conference(db)
    editor = _editor(qtbot, db, conf_id)
    case_id = editor.add_case()
    qtbot.keyClicks(editor.case_form.title, " mit Nachtrag")
    editor.case_form.flush()
    with db.read() as session:
        assert agenda.get_case(session, case_id).title.endswith("mit Nachtrag")
    editor.undo_stack.undo()
    with db.read() as session:
        assert not agenda.get_case(session, case_id).title.endswith("mit Nachtrag")
    assert not editor.case_form.title.text().endswith("mit Nachtrag")
    editor.undo_stack.redo()
    with db.read() as session:
        assert agenda.get_case(session, case_id).title.endswith("mit Nachtrag")
    editor.undo_stack.undo()
    editor.undo_stack.undo()  # the case itself is gone …
    with db.read() as session:
        assert agenda.agenda(session, conf_id) == []
    editor.undo_stack.redo()  # … and back
    with db.read() as session:
        assert len(agenda.agenda(session, conf_id)) == 1


def test_drag_and_drop_reorders_cases_and_questions(qtbot, db, demo_id, prompter) -> None:  # type: ignore[no-untyped-def]
    editor = _editor(qtbot, db, demo_id)
    model: AgendaModel = editor.agenda_model
    titles = [c.title for c in model.cases()]
    source = model.mimeData([model.index(2, 0)])  # case 3 …
    assert model.canDropMimeData(source, Qt.DropAction.MoveAction, 0, 0, model.index(-1, 0))
    with qtbot.waitSignal(editor.agendaChanged, timeout=3000):
        model.dropMimeData(
            source, Qt.DropAction.MoveAction, 0, 0, model.index(-1, 0)
        )  # … to the top
    with db.read() as session:
        assert [c.title for c in agenda.agenda(session, demo_id)] == [
            titles[2],
            titles[0],
            titles[1],
        ]

    case_index = model.index_of_case(model.cases()[0].id)
    q_first, q_second = model.cases()[0].questions
    drag = model.mimeData([model.index(1, 0, case_index)])
    empty = QMimeData()
    assert not model.canDropMimeData(empty, Qt.DropAction.MoveAction, 0, 0, case_index)
    with qtbot.waitSignal(editor.agendaChanged, timeout=3000):
        model.dropMimeData(drag, Qt.DropAction.MoveAction, 0, 0, case_index)
    with db.read() as session:
        moved = agenda.agenda(session, demo_id)[0]
    assert [q.id for q in moved.questions] == [q_second.id, q_first.id]
    editor.undo_stack.undo()
    with db.read() as session:
        assert [q.id for q in agenda.agenda(session, demo_id)[0].questions] == [
            q_first.id,
            q_second.id,
        ]


def test_conference_details_are_saved_with_validation(qtbot, db, prompter) -> None:  # type: ignore[no-untyped-def]
    conf_id = _conference(db)
    editor = _editor(qtbot, db, conf_id)
    form = editor.conference_form
    qtbot.keyClicks(form.vnr, "123")
    assert "19" in form.vnr_field.error.text()
    form.vnr.clear()
    qtbot.keyClicks(form.vnr, "2760912026120100017")
    form.moderator.setText("Prof. Moderation")
    form.on_field_edited()
    form.flush()
    with db.read() as session:
        conf = conferences.get_conference(session, conf_id)
    assert (conf.vnr, conf.moderator) == ("2760912026120100017", "Prof. Moderation")


def test_new_case_defaults_validate(qtbot, db, prompter) -> None:  # type: ignore[no-untyped-def]
    conf_id = _conference(db)
    editor = _editor(qtbot, db, conf_id)
    editor.add_case()
    package, errors, finding_errors = editor.case_form.package()
    assert isinstance(package, PackageCase)
    assert errors == {} and finding_errors == []


def test_case_images_are_added_captioned_and_removed(qtbot, db, tmp_path, prompter) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QColor, QImage

    conf_id = _conference(db)
    editor = _editor(qtbot, db, conf_id)
    case_id = editor.add_case()
    picture = QImage(40, 30, QImage.Format.Format_RGB32)
    picture.fill(QColor("teal"))
    path = tmp_path / "ct.png"
    assert picture.save(str(path))
    box = editor.case_form.images
    assert not box.add_file(tmp_path / "notes.txt")
    assert "PNG" in box.error.text()
    fake = tmp_path / "fake.png"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n but no picture")
    assert not box.add_file(fake)  # decoded, not judged by its name
    assert "not a readable PNG or JPEG image" in box.error.text()
    assert box.add_file(path)
    box.table.item(0, 1).setText("CT vor Therapie")
    editor.case_form.flush()
    with db.read() as session:
        (image,) = agenda.get_case(session, case_id).images
    assert (image.filename, image.mime, image.caption) == ("ct.png", "image/png", "CT vor Therapie")
    box.table.selectRow(0)
    box.on_remove_clicked()
    editor.case_form.flush()
    with db.read() as session:
        assert agenda.get_case(session, case_id).images == ()


def test_question_form_marks_an_option_that_stands_alone(qtbot, db, db_url, prompter) -> None:  # type: ignore[no-untyped-def]
    conf_id = _conference(db)
    editor = _editor(qtbot, db, conf_id)
    assert editor.add_case() is not None
    question_id = editor.add_question()
    assert question_id is not None
    qform = editor.question_form
    qform.text.setPlainText("Welche Therapien kommen in Frage?")
    qform.kind.setCurrentIndex(qform.kind.findData(QuestionKind.MULTIPLE.value))
    qform.options.item(0, 0).setText("Sotorasib")
    qform.options.item(1, 0).setText("Studie")
    qform.on_add_option_clicked()
    qform.options.item(2, 0).setText("Keine Therapie")
    qform.options.item(2, ALONE).setCheckState(Qt.CheckState.Checked)
    qform.flush()

    fresh = Database.open(db_url)
    with fresh.read() as session:
        question = agenda.get_question(session, question_id)
    fresh.dispose()
    assert [(o.label, o.exclusive) for o in question.options] == [
        ("Sotorasib", False),
        ("Studie", False),
        ("Keine Therapie", True),
    ]
    editor.select("question", question_id)  # shown again as stored
    checks = [qform.options.item(r, ALONE).checkState() for r in range(3)]
    assert checks == [Qt.CheckState.Unchecked, Qt.CheckState.Unchecked, Qt.CheckState.Checked]
    assert prompter.errors == []


def test_an_asked_question_takes_typo_fixes_in_text_and_labels_with_its_votes_kept(
    qtbot, db, db_url, prompter
) -> None:  # type: ignore[no-untyped-def]
    from app.services import ballots
    from app.services.quick import add_quick_question

    conf_id = _conference(db)
    with db.write() as session:
        site = conferences.save_site(session, conferences.SiteData("Klinikum A", "A"))
        conferences.invite_sites(session, conf_id, [site])
        asked = add_quick_question(
            session, conf_id, "Empfehlung Sotrasib?", "single", ["Ja", "Nien"]
        )
        ballots.cast_ballot(session, asked.id, site, option_ids=[asked.options[1].id])
    editor = _editor(qtbot, db, conf_id)
    editor.select("question", asked.id)
    qform = editor.question_form
    assert qform.frozen_note.isVisibleTo(qform)
    assert not qform.add_option.isEnabled() and not qform.remove_option.isEnabled()
    assert not qform.kind.isEnabled() and not qform.abstain.isEnabled()
    label = qform.options.item(1, 0)
    assert label.flags() & Qt.ItemFlag.ItemIsEditable  # a typo can be fixed
    assert not qform.options.item(1, ALONE).flags() & Qt.ItemFlag.ItemIsUserCheckable
    qform.text.setPlainText("Empfehlung Sotorasib?")
    label.setText("Nein")
    qform.flush()
    with db.read() as session:
        fixed = agenda.get_question(session, asked.id)
        (ballot,) = ballots.current_ballots(session, asked.id)
    assert fixed.text == "Empfehlung Sotorasib?"
    assert [o.label for o in fixed.options] == ["Ja", "Nein"]
    assert ballot.option_ids == (asked.options[1].id,)  # the vote is for "Nein" still
    assert prompter.errors == []
