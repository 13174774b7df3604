"""The case form takes what a pathology report gives: TNM, ICD-O-3, comorbidities, prior
lines of therapy and findings with their details, checked as typed, pasted from a
spreadsheet (with or without a header row), in the tab order of the form."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from app.db import Database
from app.services import agenda, conferences
from app.ui.editor.editor import PreparationEditor
from app.ui.i18n import install_language
from app.ui.models.findings_model import FindingRow, FindingsModel
from app.ui.models.therapy_lines_model import TherapyLineRow, TherapyLinesModel


def _editor(qtbot, db: Database) -> tuple[PreparationEditor, int]:  # type: ignore[no-untyped-def]
    with db.write() as session:
        conf_id = conferences.create_conference(session, "Pathologie", dt.date(2026, 12, 3))
    editor = PreparationEditor(db, conf_id)
    qtbot.addWidget(editor)
    editor.show()
    case_id = editor.add_case()
    assert case_id is not None
    return editor, case_id


def test_a_fellow_enters_the_pathology_report_and_it_is_stored(qtbot, db, prompter) -> None:  # type: ignore[no-untyped-def]
    editor, case_id = _editor(qtbot, db)
    form = editor.case_form
    qtbot.keyClicks(form.tnm, "pT3 pN1 (2/14) cM0")
    qtbot.keyClicks(form.topography, "c25.0")
    qtbot.keyClicks(form.morphology, "M-8500/3")
    qtbot.keyClicks(form.comorbidities, "Hypertonie")
    form.therapy.setFocus()
    assert form.therapy.paste("1\tFOLFIRINOX\tpartielle Remission\n2.\tGemcitabin\tPD\n") == 2
    form.findings.setFocus()
    pasted = form.findings.paste(  # a laboratory's export: its own columns, its own order
        "Gen\tTranskript\tc.\tp.\tVAF\tEvidenzlevel\n"
        "KRAS\tNM_004985.5\tc.35G>A\tp.G12D\t34,5 %\tm2C\n"
    )
    assert pasted == 1
    form.findings.setCurrentIndex(form.findings_model.index(1, 0))
    form.findings.paste("NRG1\tCD74::NRG1\tFusion\t\t\t\t\tCD74\tExon 6 :: Exon 6\n")
    form.findings.setCurrentIndex(form.findings_model.index(2, 0))
    form.findings.paste("HRD\tpositiv\tSignatur\t\t\t\t\t\t\t58\n")
    form.flush()
    with db.read() as session:
        case = agenda.get_case(session, case_id)
    assert (case.tnm, case.icdo3_topography, case.icdo3_morphology) == (
        "pT3 pN1 (2/14) cM0",
        "C25.0",
        "8500/3",
    )
    assert case.comorbidities == "Hypertonie"
    assert [(t.line, t.substances, t.best_response) for t in case.therapy_lines] == [
        (1, "FOLFIRINOX", "PR"),
        (2, "Gemcitabin", "PD"),
    ]
    kras, nrg1, hrd = case.findings
    assert (kras.transcript, kras.coding, kras.alteration, kras.vaf, kras.evidence) == (
        "NM_004985.5",
        "c.35G>A",
        "p.G12D",
        34.5,
        "m2C",
    )
    assert (nrg1.kind, nrg1.partner, nrg1.breakpoints) == ("fusion", "CD74", "Exon 6 :: Exon 6")
    assert (hrd.kind, hrd.score) == ("signature", 58.0)
    assert prompter.errors == []


@pytest.mark.parametrize(
    ("lang", "tnm", "morphology"),
    [
        ("en", "Not a TNM classification", "Not an ICD-O-3 morphology"),
        ("de", "Keine TNM-Klassifikation", "Keine ICD-O-3-Morphologie"),
    ],
)
def test_a_wrong_code_shows_its_reason_beside_the_field_and_nothing_is_saved(
    qtbot, db, prompter, lang: str, tnm: str, morphology: str
) -> None:  # type: ignore[no-untyped-def]
    install_language(lang)
    editor, case_id = _editor(qtbot, db)
    form = editor.case_form
    qtbot.keyClicks(form.tnm, "Stadium IV")
    assert form.fields["tnm"].error.text().startswith(tnm)
    assert not form.fields["tnm"].error.isHidden()
    qtbot.keyClicks(form.morphology, "Adeno")
    assert form.fields["icdo3_morphology"].error.text().startswith(morphology)
    form.therapy.paste("eins\tFOLFIRINOX\tgut\n")
    assert form.therapy_error.text().startswith("Row 1" if lang == "en" else "Zeile 1")
    form.flush()
    with db.read() as session:
        case = agenda.get_case(session, case_id)
    assert (case.tnm, case.icdo3_morphology, case.therapy_lines) == ("", "", ())
    form.tnm.clear()
    qtbot.keyClicks(form.tnm, "cT2 cN0 cM0")
    assert form.fields["tnm"].error.isHidden()
    assert prompter.errors == []  # no modal storm


def test_cells_that_do_not_fit_are_marked_with_their_reason(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = FindingsModel()
    model.set_rows([FindingRow("KRAS", "p.G12D", "snv", "34", coding="35G>A", score="viel")])
    qtmodeltester.check(model)
    problems = {column: reason for _row, column, reason in model.problems()}
    assert set(problems) == {"score"}  # numbers first; the shapes once they are numbers
    assert model.setData(model.index(0, model.columns.index("score")), "12")
    problems = {column: reason for _row, column, reason in model.problems()}
    assert set(problems) == {"coding"} and "c." in problems["coding"]
    tooltip = model.index(0, model.columns.index("coding")).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip and "c." in tooltip
    lines = TherapyLinesModel()
    lines.set_rows([TherapyLineRow("21", "FOLFOX", "CR")])
    qtmodeltester.check(lines)
    assert [(c, "20" in r) for _row, c, r in lines.problems()] == [("line", True)]


def test_the_form_is_walked_by_tab_with_every_field_named(qtbot, db, prompter) -> None:  # type: ignore[no-untyped-def]
    editor, _ = _editor(qtbot, db)
    form = editor.case_form
    walked: list[QWidget] = []
    widget: QWidget = form.title
    for _ in range(40):
        walked.append(widget)
        widget = widget.nextInFocusChain()
        if widget is form.images.table:
            break
    wanted = [form.icd10, form.topography, form.morphology, form.tnm, form.comorbidities]
    wanted += [form.therapy, form.findings]
    positions = [walked.index(w) for w in wanted]
    assert positions == sorted(positions)
    labelled = {label.buddy() for label in form.findChildren(QLabel) if label.buddy()}
    for widget in (form.tnm, form.comorbidities, form.topography, form.lines, form.msi):
        assert widget in labelled or widget.accessibleName(), widget
    for widget in (form.morphology, form.therapy, form.findings):
        assert widget.accessibleName()
