"""The rules of the moderator actions that have no service of their own: each checks that
what it touches belongs to the conference, then calls the service that holds the rule.

Every function here is ``(session, conference_id, …, *, actor) -> plain data``, the shape
:mod:`app.services.moderator_actions` drives from the server, the desktop and the client.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import BallotSource, NoteKind, Site
from app.services import conferences, lifecycle
from app.services.action_bodies import AttendeeIn
from app.services.agenda import agenda, conference_of_question
from app.services.ballots import BallotReceipt, cast_ballot
from app.services.errors import InvalidInput, NotFound
from app.services.messages import say as service_says
from app.services.notes import NoteView, save_note
from app.services.tokens import get_invitation
from app.services.views import QuestionInfo
from app.texts import Catalog

#: key → (German, English)
_TEXTS: dict[str, tuple[str, str]] = {
    "site_code_unknown": ("Standort „{code}“ nicht gefunden", "site “{code}” not found"),
    "give_case_or_question": (
        "case_id oder question_id angeben",
        "give case_id or question_id",
    ),
    "case_not_in_conference": ("Fall nicht gefunden", "case not found"),
}

MESSAGES = Catalog.of_pairs("moderator rules", _TEXTS)
say = MESSAGES.message


@dataclass(frozen=True)
class AttendanceSet:
    """A site's attendance after an action."""

    site_code: str
    present: bool
    attendee_count: int


def require_question(session: Session, conference_id: int, question_id: int) -> None:
    """NotFound unless the question belongs to the conference."""
    if conference_of_question(session, question_id) != conference_id:
        raise NotFound(service_says("question_not_found", question_id=question_id))


def site_by_code(session: Session, code: str) -> int:
    site_id = session.scalar(select(Site.id).where(Site.code == code))
    if site_id is None:
        raise NotFound(say("site_code_unknown", code=code))
    return site_id


def open_question(
    session: Session, conference_id: int, question_id: int, *, actor: str
) -> QuestionInfo:
    """Open a question for voting (it becomes the current one)."""
    require_question(session, conference_id, question_id)
    return lifecycle.open_question(session, question_id, actor=actor)


def close_question(
    session: Session, conference_id: int, question_id: int, *, actor: str
) -> QuestionInfo:
    """Close the voting; later ballots are refused."""
    require_question(session, conference_id, question_id)
    return lifecycle.close_question(session, question_id, actor=actor)


def reveal(session: Session, conference_id: int, question_id: int, *, actor: str) -> QuestionInfo:
    """Show the result to the sites and on the presenter view."""
    require_question(session, conference_id, question_id)
    return lifecycle.reveal_question(session, question_id, actor=actor)


def hide(session: Session, conference_id: int, question_id: int, *, actor: str) -> QuestionInfo:
    """Take a shown result off the sites' pages again."""
    require_question(session, conference_id, question_id)
    return lifecycle.hide_results(session, question_id, actor=actor)


def reopen(session: Session, conference_id: int, question_id: int, *, actor: str) -> QuestionInfo:
    """Open a closed question again (its result is hidden until the next reveal)."""
    require_question(session, conference_id, question_id)
    return lifecycle.reopen_question(session, question_id, actor=actor)


def repeat(session: Session, conference_id: int, question_id: int, *, actor: str) -> QuestionInfo:
    """Create round 2 of a closed question (round 1 keeps its votes); answers round 2."""
    require_question(session, conference_id, question_id)
    return lifecycle.repeat_question(session, question_id, actor=actor)


def skip(
    session: Session, conference_id: int, question_id: int, reason: str, *, actor: str
) -> QuestionInfo:
    """Skip a question that was never opened, with a reason: reported as not asked."""
    require_question(session, conference_id, question_id)
    return lifecycle.skip_question(session, question_id, reason, actor=actor)


def next_question(session: Session, conference_id: int, *, actor: str) -> int | None:
    """Move every page to the question after the current one (refused while it is open)."""
    return lifecycle.next_question(session, conference_id, actor=actor)


def choose_current(
    session: Session, conference_id: int, question_id: int | None, *, actor: str
) -> int | None:
    """Make a question the current one (None: a pause between questions)."""
    lifecycle.set_current(session, conference_id, question_id, actor=actor)
    return question_id


def cast_for_site(
    session: Session,
    conference_id: int,
    question_id: int,
    site_code: str,
    option_ids: list[int],
    abstain: bool,
    comment: str,
    *,
    actor: str,
) -> BallotReceipt:
    """Enter a site's ballot on its behalf (given by voice or chat); marked as such."""
    require_question(session, conference_id, question_id)
    return cast_ballot(
        session,
        question_id,
        site_by_code(session, site_code),
        option_ids=option_ids,
        abstain=abstain,
        comment=comment,
        source=BallotSource.MODERATOR,
        actor=actor,
    )


def set_attendance(
    session: Session,
    conference_id: int,
    site_code: str,
    present: bool,
    attendee_count: int | None,
    attendees: list[AttendeeIn] | None,
    *,
    actor: str,
) -> AttendanceSet:
    """Check a site in or out (CME attendance), with names, EFNs and roles if given (also
    once the sites' own check-in is closed)."""
    site_id = site_by_code(session, site_code)
    conferences.set_attendance(
        session,
        conference_id,
        site_id,
        present=present,
        attendee_count=attendee_count,
        attendees=None if attendees is None else [(a.name, a.efn, a.role) for a in attendees],
        actor=actor,
    )
    count = get_invitation(session, conference_id, site_id).attendee_count
    return AttendanceSet(site_code, present, count)


def write_note(
    session: Session,
    conference_id: int,
    case_id: int | None,
    question_id: int | None,
    kind: NoteKind,
    text: str,
    *,
    actor: str,
) -> NoteView:
    """Create or replace the note of this kind for a case or a question of the conference."""
    if (case_id is None) == (question_id is None):
        raise InvalidInput(say("give_case_or_question"))
    if question_id is not None:
        require_question(session, conference_id, question_id)
    elif case_id not in {c.id for c in agenda(session, conference_id)}:
        raise NotFound(say("case_not_in_conference"))
    return save_note(session, text, case_id=case_id, question_id=question_id, kind=kind)
