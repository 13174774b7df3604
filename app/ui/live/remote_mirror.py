"""The remote session's mirror: the hosted conference copied into a private SQLite file,
read with the same services the local session uses, and the ids mapped back to the
server's (questions and cases by agenda order, options by position, sites by code)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete
from sqlalchemy.orm import Session

from app.models import Ballot, BallotChoice
from app.services import agenda, conferences, results
from app.services.notes import conference_notes
from app.ui.live.session import LiveSnapshot, read_calls


def state_key(state: dict[str, Any]) -> tuple[object, ...]:
    """What a ballot does not change: the question, its state, the sites expected."""
    current, live = state.get("current"), state.get("live")
    if current is None:
        return (None,)
    expected = frozenset((live or {}).get("voted", [])) | frozenset((live or {}).get("missing", []))
    return (
        current["id"],
        current["state"],
        current["revealed"],
        current["round"],
        (live or {}).get("n_expected"),
        expected,
    )


@dataclass
class IdMap:
    """Mirror ids ↔ the server's (questions and cases by agenda order, sites by code)."""

    questions: dict[int, int] = field(default_factory=dict)
    cases: dict[int, int] = field(default_factory=dict)
    site_codes: dict[int, str] = field(default_factory=dict)
    options: dict[int, int] = field(default_factory=dict)


def read_snapshot(session: Session, conference_id: int, serial: int) -> LiveSnapshot:
    """What the console shows, read from the mirror like the local session reads."""
    conf = conferences.get_conference(session, conference_id)
    cases = tuple(agenda.agenda(session, conference_id))
    invitations = tuple(conferences.invitations(session, conference_id))
    question = case = status = result = round_one = None
    for c in cases:
        for q in c.questions:
            if q.id == conf.current_question_id:
                question, case = q, c
    if question is not None:
        status, result = results.live_view(session, question.id)
        if question.parent_id is not None:
            round_one = results.question_result(session, question.parent_id)
    calls = read_calls(session, result, round_one)
    notes = tuple(conference_notes(session, conference_id))
    return LiveSnapshot(
        conf, cases, invitations, question, case, status, result, round_one, serial, calls, notes
    )


def id_map(session: Session, conference_id: int, server_agenda: list[Any]) -> IdMap:
    ids = IdMap()
    mirror = agenda.agenda(session, conference_id)
    for case, remote in zip(mirror, server_agenda, strict=False):
        ids.cases[case.id] = int(remote["id"])
        by_key = {(q["number"], q["round"]): q for q in remote["questions"]}
        for question in case.questions:
            found = by_key.get((question.number, question.round))
            if found is not None:
                ids.questions[question.id] = int(found["id"])
                for mine, theirs in zip(question.options, found["options"], strict=False):
                    ids.options[mine.id] = int(theirs["id"])
    for inv in conferences.invitations(session, conference_id):
        ids.site_codes[inv.site.id] = inv.site.code
    return ids


def write_ballots(session: Session, question: int, rows: list[Any], ids: IdMap) -> None:
    """One question's current ballots (as the server lists them) replace the mirror's."""
    sites = {code: site_id for site_id, code in ids.site_codes.items()}
    options = {v: k for k, v in ids.options.items()}
    session.execute(delete(Ballot).where(Ballot.question_id == question))
    session.add_all(
        Ballot(
            question_id=question,
            site_id=sites[row["site_code"]],
            abstain=row["abstain"],
            comment=row["comment"],
            source=row["source"],
            cast_at=datetime.fromisoformat(row["cast_at"]),
            revision=row["revision"],
            choices=[BallotChoice(option_id=options[o]) for o in row["option_ids"]],
        )
        for row in rows
    )
