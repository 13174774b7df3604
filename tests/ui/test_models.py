"""The item models pass Qt's model tester and behave as the views expect."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from app.services import agenda, conferences
from app.ui.models.agenda_model import AgendaModel, ItemRole
from app.ui.models.conferences_model import ConferencesModel, DetailRole
from app.ui.models.findings_model import FindingRow, FindingsModel, parse_kind
from app.ui.models.sites_model import SitesModel


def test_agenda_model(qtmodeltester, db, demo_id) -> None:  # type: ignore[no-untyped-def]
    with db.read() as session:
        cases = agenda.agenda(session, demo_id)
        current = conferences.get_conference(session, demo_id).current_question_id
    model = AgendaModel(draggable=True)
    model.set_agenda(cases, current)
    qtmodeltester.check(model)
    assert model.rowCount() == len(cases)
    first = model.index(0, 0)
    assert model.rowCount(first) == len(cases[0].questions)
    question = model.index(1, 0, first)
    assert question.data(ItemRole) == ("question", cases[0].questions[1].id)
    assert model.parent(question) == first
    assert question.data(Qt.ItemDataRole.FontRole).bold()  # the current question
    model.update_agenda(cases, None)  # same shape: in place
    qtmodeltester.check(model)


def test_findings_model(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = FindingsModel()
    model.set_rows([FindingRow("KRAS", "p.G12D", "snv", "34")])
    qtmodeltester.check(model)
    assert model.paste_tsv("TP53\tp.R273H\tSNV\t31\r\nNRG1\tCD74::NRG1\tFusion\t\r\n", 1) == 2
    qtmodeltester.check(model)
    findings, errors = model.findings()
    assert [f.gene for f in findings] == ["KRAS", "TP53", "NRG1"] and errors == []
    assert model.setData(model.index(0, 3), "140")
    _, errors = model.findings()
    assert errors and errors[0][:2] == (0, "vaf")
    assert model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole)
    assert model.insertRows(0, 1) and model.removeRows(0, 1)
    assert parse_kind("Amplifikation") is not None and parse_kind("quatsch") is None


def test_sites_model(qtmodeltester, db, demo_id) -> None:  # type: ignore[no-untyped-def]
    with db.read() as session:
        sites = conferences.list_sites(session)
        invited = {i.site.id for i in conferences.invitations(session, demo_id)}
    model = SitesModel()
    model.set_sites(sites, invited)
    qtmodeltester.check(model)
    toggled: list[tuple[int, bool]] = []
    model.inviteToggled.connect(lambda site, on: toggled.append((site, on)))
    model.setData(model.index(0, 0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert toggled == [(sites[0].id, False)]


def test_conferences_model(qtmodeltester, db, demo_id) -> None:  # type: ignore[no-untyped-def]
    with db.read() as session:
        items = conferences.list_conferences(session)
    model = ConferencesModel()
    model.set_conferences(items)
    qtmodeltester.check(model)
    assert "DEMO" in model.index(0, 0).data()
    assert "18.11.2026" in model.index(0, 0).data(DetailRole)
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None
