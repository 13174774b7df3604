"""Small builders for service tests: a conference with sites and one open question."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.db import Database
from app.models import QuestionKind
from app.services import agenda, conferences, lifecycle
from app.services.package_schema import PackageCase, PackageOption, PackageQuestion


@dataclass(frozen=True)
class Setup:
    conference_id: int
    site_ids: list[int]
    question_id: int
    option_ids: list[int]


def make_conference(
    db: Database,
    n_sites: int = 5,
    *,
    kind: QuestionKind = QuestionKind.SINGLE,
    options: tuple[str, ...] = ("Ja, Empfehlung", "Keine Empfehlung"),
    open_question: bool = True,
    allow_abstain: bool = True,
    prefix: str = "S",
) -> Setup:
    with db.write() as session:
        conf_id = conferences.create_conference(session, "Testrunde", dt.date(2026, 11, 18))
        site_ids = [
            conferences.save_site(
                session,
                conferences.SiteData(f"Universitätsklinikum {prefix}{i:03d}", f"{prefix}{i:03d}"),
            )
            for i in range(n_sites)
        ]
        conferences.invite_sites(session, conf_id, site_ids)
        question = PackageQuestion(
            text="Würde Ihr Standort HCQ + Trametinib empfehlen?",
            kind=kind,
            options=[PackageOption(label=o) for o in options]
            if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE)
            else [],
            allow_abstain=allow_abstain,
        )
        case_id = agenda.add_case(
            session, conf_id, PackageCase(title="Fall KRAS G12D", questions=[question])
        )
        info = agenda.get_case(session, case_id).questions[0]
        if open_question:
            lifecycle.open_question(session, info.id)
    return Setup(conf_id, site_ids, info.id, [o.id for o in info.options])
