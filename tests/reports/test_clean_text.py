"""Control and direction characters entered anywhere reach no export: import → every export."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import httpx
from openpyxl import load_workbook

from app.db import Database
from app.models import BallotSource
from app.reports.exports import ballots_path, write_results
from app.reports.protocol import write_protocol
from app.services import agenda, ballots, conferences, lifecycle
from app.services.packages import import_packages
from tests.reports.pdftools import page_texts
from tests.server.helpers import serving, tokens

ESC, NUL, RLO, PDF_POP = "\x1b", "\x00", "\u202e", "\u202c"


def _package(path: Path) -> Path:
    document = {
        "format": "votum-case-package",
        "version": 1,
        "title": "Steuerzeichen",
        "cases": [
            {
                "title": f"Fall{ESC}[1m eins",
                "text": f"Zeile 1{NUL}\r\nZeile 2",
                "questions": [
                    {
                        "text": f"Empfehlen Sie{ESC}[31m HCQ?",
                        "kind": "single",
                        "options": [{"label": f"Ja{ESC}"}, {"label": "Nein"}],
                    }
                ],
            }
        ],
    }
    path.write_text(json.dumps(document), "utf-8")
    return path


def _conference(db: Database, tmp_path: Path) -> int:
    with db.write() as session:
        conf_id, _ = import_packages(session, [_package(tmp_path / "p.votum.json")])
        sites = [
            conferences.save_site(session, conferences.SiteData(f"Klinikum{NUL} Nord", "KN")),
            conferences.save_site(
                session, conferences.SiteData(f"{RLO}nedserD kinilK{PDF_POP}", "DD")
            ),
        ]
        conferences.invite_sites(session, conf_id, sites)
        for site in sites:
            conferences.set_attendance(session, conf_id, site, present=True)
        question = agenda.agenda(session, conf_id)[0].questions[0]
        lifecycle.open_question(session, question.id)
        for site, option in zip(sites, question.options, strict=True):
            ballots.cast_ballot(
                session,
                question.id,
                site,
                option_ids=[option.id],
                comment=f"Kommentar{ESC}{NUL}{RLO}",
                source=BallotSource.MODERATOR,
            )
        lifecycle.close_question(session, question.id)
    return conf_id


def test_control_characters_from_import_and_registry_reach_no_export(
    db: Database, tmp_path: Path
) -> None:
    conf_id = _conference(db, tmp_path)
    write_results(db, conf_id, tmp_path / "r.xlsx", "xlsx")  # crashed on ESC and NUL
    write_results(db, conf_id, tmp_path / "r.csv", "csv")
    write_results(db, conf_id, tmp_path / "r.json", "json")
    write_protocol(db, conf_id, tmp_path / "p.pdf")

    book = load_workbook(tmp_path / "r.xlsx")
    values = [str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value]
    assert "Empfehlen Sie[31m HCQ?" in values
    assert "Klinikum Nord" in values
    assert "Klinik Dresden"[::-1] in values  # stored as typed, not turned around
    exported = "\n".join(
        [
            "\n".join(values),
            (tmp_path / "r.csv").read_text("utf-8-sig"),
            ballots_path(tmp_path / "r.csv").read_text("utf-8-sig"),
            (tmp_path / "r.json").read_text("utf-8"),
            *page_texts(tmp_path / "p.pdf"),
        ]
    )
    for character in (ESC, NUL, RLO, PDF_POP):
        assert character not in exported
    assert "\\u001b" not in exported and "\\u0000" not in exported  # nor escaped in JSON
    assert "Kommentar" in (tmp_path / "r.json").read_text("utf-8")
    pdf = " ".join(page_texts(tmp_path / "p.pdf"))
    assert "Klinikum Nord" in pdf and "nedserD kinilK" in pdf


def test_a_right_to_left_override_no_longer_reverses_a_site_name_on_the_voter_page(
    db: Database,
) -> None:
    with db.write() as session:
        conf_id = conferences.create_conference(session, "RTL", dt.date(2026, 12, 1), slug="rtl")
        site = conferences.save_site(
            session, conferences.SiteData(f"{RLO}nedserD kinilK{PDF_POP}", "DD")
        )
        conferences.invite_sites(session, conf_id, [site])
    with serving(db, conf_id) as served:
        html = httpx.get(f"{served.url}/v/{tokens(db, conf_id)['DD']}", timeout=10).text
    assert "nedserD kinilK" in html
    assert RLO not in html and "&#8238;" not in html.lower() and "&#x202e;" not in html.lower()


def test_text_stored_before_the_cleaning_rule_does_not_break_the_xlsx_export(
    db: Database, tmp_path: Path
) -> None:
    from sqlalchemy import text

    conf_id = _conference(db, tmp_path)
    with db.write() as session:  # as an older Votum wrote it, past today's services
        session.execute(
            text("UPDATE sites SET name = :name WHERE code = 'KN'"),
            {"name": "Alt\x1bes\x00 Klinikum"},
        )
    write_results(db, conf_id, tmp_path / "alt.xlsx", "xlsx")
    values = [
        str(c.value)
        for sheet in load_workbook(tmp_path / "alt.xlsx")
        for row in sheet.iter_rows()
        for c in row
        if c.value
    ]
    assert "Altes Klinikum" in values
