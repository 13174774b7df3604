"""Fixtures for the report tests: the demo results and a conference whose question ran twice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from app.db import Database
from app.models import BallotSource
from app.services import agenda, ballots, conferences, lifecycle
from app.services.package_schema import PackageCase, PackageOption, PackageQuestion
from app.services.results import CaseResults, conference_results


@pytest.fixture
def demo_results(db: Database, demo_id: int) -> list[CaseResults]:
    with db.read() as session:
        return conference_results(session, demo_id)


#: Markup of reportlab, HTML and matplotlib's mathtext: all of it must appear as typed.
HOSTILE = "<b>Grüße</b> & <script>alert(1)</script> $\\alpha$ 5 $ "


def build_two_rounds(db: Database, *, hostile: bool = False) -> int:
    """A small conference: one question voted in round 1 and again in round 2.

    ``hostile`` puts reportlab markup and HTML into names to prove everything is escaped.
    """
    odd = HOSTILE if hostile else ""
    with db.write() as session:
        conf = conferences.create_conference(
            session,
            f"{odd}Zweite Runde – µ-Test ≥ 2",
            dt.date(2026, 11, 20),
            moderator="Dr. Übermoderation",
            language="de",
            vnr="2760912026112000018",
        )
        conferences.set_fellows(session, conf, [(f"{odd}Dr. Fellow", "Köln")])
        site_ids = [
            conferences.ensure_site(
                session, conferences.SiteData(f"{odd}Klinikum Nr. {i} Würzburg", f"S{i}")
            )
            for i in range(1, 7)
        ]
        conferences.invite_sites(session, conf, site_ids)
        for i, site in enumerate(site_ids):
            conferences.set_attendance(
                session, conf, site, present=i < 5, attendee_count=i + 1 if i < 5 else 0
            )
        case_id = agenda.add_case(
            session,
            conf,
            PackageCase(
                title=f"{odd}Fall mit Wiederholung",
                diagnosis="NSCLC",
                icd10="C34.1",
                age=70,
                sex="m",
                questions=[
                    PackageQuestion(
                        text=f"{odd}Würden Sie Osimertinib empfehlen?",
                        kind="single",
                        options=[
                            PackageOption(
                                label=f"{odd}Ja",
                                phrase_de="empfehlen Osimertinib",
                                phrase_en="recommend osimertinib",
                            ),
                            PackageOption(
                                label="Nein",
                                phrase_de="empfehlen es nicht",
                                phrase_en="do not recommend it",
                            ),
                        ],
                    )
                ],
            ),
        )
        round_one = agenda.get_case(session, case_id).questions[0]
        lifecycle.open_question(session, round_one.id)
        yes, no = (o.id for o in round_one.options)
        for site, choice in zip(site_ids[:5], [yes, yes, no, no, None], strict=True):
            ballots.cast_ballot(
                session,
                round_one.id,
                site,
                option_ids=[choice] if choice else [],
                abstain=choice is None,
                source=BallotSource.SITE,
                actor="test",
            )
        lifecycle.close_question(session, round_one.id)
        round_two = lifecycle.repeat_question(session, round_one.id)
        lifecycle.open_question(session, round_two.id)
        yes2, no2 = (o.id for o in round_two.options)
        for site, choice in zip(site_ids[:5], [yes2, yes2, yes2, yes2, no2], strict=True):
            ballots.cast_ballot(
                session,
                round_two.id,
                site,
                option_ids=[choice],
                source=BallotSource.MODERATOR if site == site_ids[0] else BallotSource.SITE,
                actor="test",
            )
        lifecycle.close_question(session, round_two.id)
        return conf


@pytest.fixture
def two_rounds_id(db: Database) -> int:
    return build_two_rounds(db)


@pytest.fixture
def hostile_id(db: Database) -> Iterator[int]:
    yield build_two_rounds(db, hostile=True)
