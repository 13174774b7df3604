"""Fixtures for the report tests: the demo results and a conference whose question ran twice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy.orm import Session

from app.db import Database
from app.models import BallotSource, NoteKind
from app.services import agenda, ballots, conferences, lifecycle, notes
from app.services.package_schema import (
    PackageCase,
    PackageImage,
    PackageOption,
    PackageQuestion,
)
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


KEY = NoteKind.KEY_MESSAGE


def _png(width: int = 120, height: int = 60) -> str:
    import base64
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (0, 114, 178)).save(buffer, format="PNG")
    return base64.b64encode(buffer.getvalue()).decode()


@pytest.fixture
def extras_id(db: Database) -> int:
    """A case with an image, and free-text, multiple-choice and agreement questions voted on."""
    with db.write() as session:
        conf = conferences.create_conference(
            session, "Extras", dt.date(2026, 12, 2), language="en", slug="extras"
        )
        sites = [
            conferences.ensure_site(session, conferences.SiteData(f"Site {i}", f"X{i}"))
            for i in range(4)
        ]
        conferences.invite_sites(session, conf, sites)
        for site in sites:
            conferences.set_attendance(session, conf, site, present=True, attendee_count=1)
        case_id = agenda.add_case(
            session,
            conf,
            PackageCase(
                title="Case with an image",
                images=[
                    PackageImage(filename="ct.png", caption="CT, 03/2026", data=_png()),
                ],
                questions=[
                    PackageQuestion(text="Further diagnostics?", kind="free_text"),
                    PackageQuestion(
                        text="Which options are reasonable?",
                        kind="multiple",
                        options=[PackageOption(label=x) for x in ("A drug", "B drug", "Trial")],
                    ),
                    PackageQuestion(text="Test all for fusions.", kind="agreement"),
                ],
            ),
        )
        free, multi, agree = agenda.get_case(session, case_id).questions
        notes.save_note(session, "Key: test for fusions first.", case_id=case_id, kind=KEY)
        notes.save_note(session, "Agreed: RNA panel.", question_id=free.id, kind=KEY)
        notes.save_note(session, "Long discussion on ≤ 5 % VAF.", question_id=agree.id)
        comments = ["RNA panel <b>now</b> & $x$", "=1+1 Liquid biopsy", "", "Repeat biopsy"]
        _vote_all(session, free.id, sites, [[] for _ in sites], comments)
        m = [o.id for o in multi.options]
        _vote_all(session, multi.id, sites, [[m[0], m[2]], [m[0]], [m[2]], [m[0], m[1]]])
        a = [o.id for o in agree.options]
        _vote_all(session, agree.id, sites, [[a[0]], [a[1]], [a[1]], [a[3]]])
        return conf


def _vote_all(
    session: Session,
    question_id: int,
    sites: list[int],
    choices: list[list[int]],
    comments: list[str] | None = None,
) -> None:
    lifecycle.open_question(session, question_id)
    for index, (site, chosen) in enumerate(zip(sites, choices, strict=True)):
        comment = comments[index] if comments else ""
        if comments is not None and not comment:
            continue
        ballots.cast_ballot(session, question_id, site, option_ids=chosen, comment=comment)
    lifecycle.close_question(session, question_id)
