"""The demo conference from ``resources/demo_conference.json``: a clearly fictional session
with sites, attendance, three cases, a repeated question and some ballots; with the round
around it on request (``resources/demo_series.json``: an earlier session, the plan)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import RESOURCES
from app.models import BallotSource, Conference, NoteKind, PlanEntry
from app.services import agenda, ballots, conferences, lifecycle, notes, plan
from app.services.package_schema import CasePackage

DEMO_FILE = RESOURCES / "demo_conference.json"
SERIES_FILE = RESOURCES / "demo_series.json"
DEMO_SLUG = "demo"
EARLIER_SLUG = "demo-juni"
#: how the demo's plan entries' calendar UIDs begin (a reset removes them)
PLAN_UID = "demo-plan-"


def demo_conference_id(session: Session) -> int | None:
    return session.scalar(select(Conference.id).where(Conference.slug == DEMO_SLUG))


def load_demo(
    session: Session,
    *,
    path: Path = DEMO_FILE,
    reset: bool = False,
    series: bool = False,
    series_path: Path = SERIES_FILE,
) -> int:
    """Create the demo conference (or return the existing one; ``reset`` builds it anew).

    ``series`` adds the round around it (``resources/demo_series.json``): an earlier
    session in June that asked two of its questions already, with other results (the
    trend), and the round's plan. The desktop's demo and ``python main.py demo`` show it.
    """
    existing = demo_conference_id(session)
    if existing is not None:
        if not reset:
            return existing
        _remove_demo(session)
    data: dict[str, Any] = json.loads(Path(path).read_text("utf-8"))
    site_ids = {
        s["code"]: conferences.ensure_site(session, conferences.SiteData(**s))
        for s in data["sites"]
    }
    round_: dict[str, Any] = json.loads(Path(series_path).read_text("utf-8")) if series else {}
    slugs: dict[str, int] = {}
    if round_:
        slugs[EARLIER_SLUG] = _build(session, round_["earlier"], EARLIER_SLUG, site_ids)
    conf_id = slugs[DEMO_SLUG] = _build(session, data, DEMO_SLUG, site_ids)
    for entry in round_.get("plan", []):
        _plan_entry(session, entry, slugs)
    return conf_id


def _remove_demo(session: Session) -> None:
    """The demo conferences and the demo's plan entries."""
    for slug in (DEMO_SLUG, EARLIER_SLUG):
        conf_id = session.scalar(select(Conference.id).where(Conference.slug == slug))
        if conf_id is not None:
            conferences.delete_conference(session, conf_id)
    for entry in session.scalars(select(PlanEntry).where(PlanEntry.uid.like(f"{PLAN_UID}%"))):
        session.delete(entry)
    session.flush()


def _plan_entry(session: Session, entry: dict[str, Any], slugs: dict[str, int]) -> None:
    fellows = tuple((name, site) for name, site in entry["fellows"])
    entry_id = plan.add_entry(
        session,
        plan.PlanEntryData(
            dt.date.fromisoformat(entry["date"]),
            entry["topic"],
            entry.get("starts_at", ""),
            entry.get("ends_at", ""),
            fellows,
        ),
        uid=f"{PLAN_UID}{entry['date']}@votum",
        conference_id=slugs.get(entry.get("conference") or ""),
    )
    if entry.get("published"):
        plan.set_published(session, entry_id, True)


def _build(session: Session, data: dict[str, Any], slug: str, site_ids: dict[str, int]) -> int:
    """One demo session from its file's data: conference, invitations, attendance, cases,
    the ballots played round by round, the current question and the notes."""
    meta = data["conference"]
    conf_id = conferences.create_conference(
        session,
        meta["topic"],
        dt.date.fromisoformat(meta["date"]),
        moderator=meta["moderator"],
        language=meta["language"],
        vnr=meta["vnr"],
        slug=slug,
        actor="demo",
    )
    conferences.update_conference(
        session,
        conf_id,
        starts_at=meta.get("starts_at", ""),
        ends_at=meta.get("ends_at", ""),
        cme_category=meta.get("cme_category", ""),
        cme_points=meta.get("cme_points"),
        scientific_lead=meta.get("scientific_lead", ""),
        organiser=meta.get("organiser", ""),
    )
    conferences.set_fellows(session, conf_id, [tuple(f) for f in meta["fellows"]])
    conferences.invite_sites(session, conf_id, site_ids.values(), actor="demo")
    for entry in data["attendance"]:
        conferences.set_attendance(
            session,
            conf_id,
            site_ids[entry["site"]],
            present=entry["present"],
            attendee_count=entry["attendee_count"],
            attendees=[tuple(a) for a in entry["attendees"]],
            actor="demo",
        )
    package = CasePackage.model_validate(data["package"])
    for case in package.cases:
        agenda.add_case(session, conf_id, case)
    for entry in data["ballots"]:
        _play_round(session, conf_id, entry, site_ids)
    current = data.get("current")
    if current:
        lifecycle.set_current(
            session, conf_id, _question_id(session, conf_id, current), actor="demo"
        )
    for note in data.get("notes", []):
        if "question" in note:
            notes.save_note(session, note["text"], question_id=_question_id(session, conf_id, note))
        else:
            case_id = agenda.agenda(session, conf_id)[note["case"] - 1].id
            notes.save_note(session, note["text"], case_id=case_id, kind=NoteKind.DISCUSSION)
    return conf_id


def _question_id(session: Session, conf_id: int, ref: dict[str, int]) -> int:
    """The question "case.question" in the given round."""
    case = agenda.agenda(session, conf_id)[ref["case"] - 1]
    number = f"{ref['case']}.{ref['question']}"
    for question in case.questions:
        if question.number == number and question.round == ref.get("round", 1):
            return question.id
    raise LookupError(f"demo refers to a missing question {number} round {ref.get('round')}")


def _play_round(
    session: Session, conf_id: int, entry: dict[str, Any], site_ids: dict[str, int]
) -> None:
    if entry["round"] == 2:
        round_one = _question_id(session, conf_id, {**entry, "round": 1})
        lifecycle.repeat_question(session, round_one, actor="demo")
        return
    question_id = _question_id(session, conf_id, entry)
    if entry["state"] == "draft":
        return
    lifecycle.open_question(session, question_id, actor="demo")
    question = agenda.get_question(session, question_id)
    by_label = {o.label: o.id for o in question.options} | {
        o.code: o.id for o in question.options if o.code
    }
    entered = set(entry.get("moderator_entered", []))
    for code, vote in entry.get("votes", {}).items():
        by_moderator = code in entered
        ballots.cast_ballot(
            session,
            question_id,
            site_ids[code],
            option_ids=[] if vote == "abstain" else [by_label[v] for v in vote],
            abstain=vote == "abstain",
            source=BallotSource.MODERATOR if by_moderator else BallotSource.SITE,
            actor="Moderation (demo)" if by_moderator else code,
        )
    if entry["state"] == "closed":
        lifecycle.close_question(session, question_id, actor="demo")
    if entry.get("revealed"):
        lifecycle.reveal_question(session, question_id, actor="demo")
