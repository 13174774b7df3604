"""The project lead's yearly report: sessions and topics, participation by site with the
heat map, consensus rates by topic, CME participants and points; text read back from the
PDF and every page rendered (on SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.db import Database
from app.reports.yearly_report import render_year_report, write_year_report
from app.services import conferences
from app.services.yearly import year_report
from tests.reports.pdftools import ink_fractions, page_texts
from tests.services.series_helpers import Asked, hold_session, site_codes, votes

JUNE, NOVEMBER = dt.date(2026, 6, 17), dt.date(2026, 11, 18)
TODAY = dt.date(2026, 12, 1)


@pytest.fixture
def year(db: Database) -> Database:
    """June: 2 questions (consensus 85 %, majority 60 %); November: 1 (strong, 100 %) and a
    free-text question without a class. 2 CME points each."""
    june = hold_session(
        db,
        JUNE,
        [Asked(votes=votes(17, 3)), Asked(text="Zweite Frage?", votes=votes(6, 4))],
        topic="KRAS in der Präzisionsonkologie",
        sites=site_codes(20),
        present=site_codes(18),
        attendees={"S01": 3, "S02": 2},
    )
    november = hold_session(
        db,
        NOVEMBER,
        [
            Asked(votes=votes(0, 12)),
            Asked(text="Welche Diagnostik?", options=(), kind="free_text", votes={}),
        ],
        topic="<b>Pankreas</b> \u202eKRAS",
        sites=site_codes(12),
        present=site_codes(12),
    )
    with db.write() as session:
        for held, vnr in ((june, "2760912026061700012"), (november, "2760912026111800017")):
            conferences.update_conference(
                session, held.conference_id, vnr=vnr, cme_points=2, cme_category="A"
            )
        conferences.set_attendance(
            session,
            june.conference_id,
            june.site_ids["S01"],
            present=True,
            attendee_count=3,
            attendees=[("Dr. Anna Beispiel", "802765260181597"), ("Dr. Falsch", "802760000000000")],
        )
    hold_session(db, dt.date(2025, 11, 5), [Asked(votes=votes(1, 1))], topic="Vorjahr")
    return db


def test_the_years_numbers(year: Database) -> None:
    with year.read() as session:
        report = year_report(session, 2026, today=TODAY)
    assert [s.topic for s in report.sessions] == [
        "KRAS in der Präzisionsonkologie",
        "<b>Pankreas</b> KRAS",  # stored clean, shown literally
    ]
    june, november = report.sessions
    # S19 and S20 were not checked in; their ballots checked them in (one attendee each)
    assert (june.questions, june.present, june.invited, june.participants) == (2, 20, 20, 23)
    assert (june.named, june.valid_efn, june.points_awarded) == (2, 1, 46)
    assert (november.questions, november.participants, november.points_awarded) == (2, 12, 24)
    assert report.points_awarded == 70 and report.participants == 35
    kras, pankreas = report.topics
    assert (kras.questions, kras.reached, kras.classed, kras.rate) == (2, 1, 2, 0.5)
    assert (pankreas.questions, pankreas.unclassed, pankreas.rate) == (2, 1, 1.0)
    assert report.sites == 20


def test_the_report_renders_its_sections_in_both_languages(year: Database, tmp_path: Path) -> None:
    for lang, words in (
        (
            "de",
            [
                "Jahresbericht 2026",
                "Sitzungen und Themen",
                "Teilnahme nach Standort",
                "Teilnahme je Sitzung",
                "Konsens nach Thema",
                "CME: Teilnehmende und Punkte",
                "<b>Pankreas</b> KRAS",
                "Universitätsklinikum S07 (S07)",
                "2760912026061700012",
                "50 %",
            ],
        ),
        ("en", ["Annual report 2026", "Participation by site", "Consensus by topic", "Total"]),
    ):
        path = tmp_path / f"year-{lang}.pdf"
        with year.read() as session:
            report = year_report(session, 2026, today=TODAY)
        path.write_bytes(render_year_report(report, lang=lang))
        text = " ".join(page_texts(path))
        for word in words:
            assert word in text, (lang, word)
        assert "Vorjahr" not in text  # 2025's session is not this year's
        inks = ink_fractions(path, tmp_path / f"pages-{lang}")
        assert len(inks) >= 3 and all(ink > 0.005 for ink in inks)


def test_a_year_without_sessions_says_so(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    write_year_report(db, 2019, path, lang="en")
    assert "No session was held in 2019" in page_texts(path)[0]
