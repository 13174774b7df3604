"""Sessions of a round for the series tests: conferences months apart that ask questions,
with sites that vote and close each question (through the services, as the app does)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from app.db import Database
from app.models import QuestionKind
from app.services import agenda, ballots, conferences, lifecycle
from app.services.package_schema import (
    PackageCase,
    PackageFinding,
    PackageOption,
    PackageQuestion,
)

QUESTION = "Würde Ihr Standort HCQ + Trametinib empfehlen?"
OPTIONS = ("Ja, Empfehlung HCQ + Trametinib", "Keine Empfehlung")
PHRASES = (
    ("empfehlen HCQ + Trametinib", "recommend HCQ + trametinib"),
    ("sprechen keine Empfehlung aus", "give no recommendation"),
)


@dataclass(frozen=True)
class Asked:
    """A question to ask: its text, options and the votes (option index per site code;
    ``None``: abstain); ``close``: voting is closed afterwards."""

    text: str = QUESTION
    options: tuple[str, ...] = OPTIONS
    votes: Mapping[str, int | None] = field(default_factory=dict)
    close: bool = True
    kind: QuestionKind = QuestionKind.SINGLE


@dataclass(frozen=True)
class Held:
    """A held session: its conference, its questions in order, its sites by code."""

    conference_id: int
    question_ids: list[int]
    site_ids: dict[str, int]


def site_codes(n: int) -> list[str]:
    return [f"S{i:02d}" for i in range(1, n + 1)]


def hold_session(
    db: Database,
    date: dt.date,
    asked: Sequence[Asked],
    *,
    topic: str = "KRAS-mutiertes Pankreaskarzinom",
    sites: Sequence[str] = tuple(site_codes(20)),
    present: Sequence[str] | None = None,
    attendees: Mapping[str, int] | None = None,
    diagnosis: str = "Pankreaskarzinom",
    findings: Sequence[tuple[str, str]] = (("KRAS", "p.G12D"),),
    title: str = "KRAS G12D – Pankreaskarzinom",
) -> Held:
    """A conference on ``date`` with one case that asks ``asked`` in order."""
    with db.write() as session:
        conf_id = conferences.create_conference(session, topic, date)
        site_ids = {
            code: conferences.ensure_site(
                session, conferences.SiteData(f"Universitätsklinikum {code}", code)
            )
            for code in sites
        }
        conferences.invite_sites(session, conf_id, site_ids.values())
        for code in present if present is not None else ():
            count = (attendees or {}).get(code, 1)
            conferences.set_attendance(
                session, conf_id, site_ids[code], present=True, attendee_count=count
            )
        questions = [
            PackageQuestion(
                text=a.text,
                kind=a.kind,
                options=[
                    PackageOption(
                        label=label,
                        phrase_de=PHRASES[i][0] if label in OPTIONS else "",
                        phrase_en=PHRASES[i][1] if label in OPTIONS else "",
                    )
                    for i, label in enumerate(a.options)
                ]
                if a.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE)
                else [],
            )
            for a in asked
        ]
        case_id = agenda.add_case(
            session,
            conf_id,
            PackageCase(
                title=title,
                diagnosis=diagnosis,
                findings=[PackageFinding(gene=g, alteration=a) for g, a in findings],
                questions=questions,
            ),
        )
        infos = agenda.get_case(session, case_id).questions
        for info, a in zip(infos, asked, strict=True):
            if not a.votes and not a.close:
                continue
            lifecycle.open_question(session, info.id)
            for code, index in a.votes.items():
                ballots.cast_ballot(
                    session,
                    info.id,
                    site_ids[code],
                    option_ids=[] if index is None else [info.options[index].id],
                    abstain=index is None,
                    actor=code,
                )
            if a.close:
                lifecycle.close_question(session, info.id)
    return Held(conf_id, [q.id for q in infos], site_ids)


def votes(yes: int, no: int, abstain: int = 0) -> dict[str, int | None]:
    """``yes`` sites choose the first option, ``no`` the second, then abstentions."""
    codes = site_codes(yes + no + abstain)
    chosen: dict[str, int | None] = {}
    for i, code in enumerate(codes):
        chosen[code] = 0 if i < yes else 1 if i < yes + no else None
    return chosen
