"""Write jobs for the writer: each checks access, calls one service, returns plain data.

The functions here only glue the served conference to the services; the rules (is the
question open, does the option belong to it …) stay in :mod:`app.services`.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import BallotSource, Site
from app.server.messages import say
from app.services import conferences, lifecycle
from app.services.agenda import conference_of_question
from app.services.ballot_batch import SubmittedChoice
from app.services.ballots import BallotReceipt, cast_ballot
from app.services.errors import NotFound
from app.services.events import StateChange
from app.services.messages import say as service_says
from app.services.tokens import SiteAccess, get_invitation, resolve_site_token
from app.services.views import QuestionInfo
from app.services.voting import cast_as_site


def site_access(session: Session, conference_id: int, token: str) -> SiteAccess:
    """The site behind ``token``, refused unless it belongs to the served conference."""
    return resolve_site_token(session, token, conference_id)


def require_question(session: Session, conference_id: int, question_id: int) -> None:
    """NotFound unless the question belongs to the served conference."""
    if conference_of_question(session, question_id) != conference_id:
        raise NotFound(service_says("question_not_found", question_id=question_id))


def site_by_code(session: Session, code: str) -> int:
    site_id = session.scalar(select(Site.id).where(Site.code == code))
    if site_id is None:
        raise NotFound(say("site_not_found", code=code))
    return site_id


def cast_for_token(
    conference_id: int, token: str, choice: SubmittedChoice, source: BallotSource
) -> Callable[[Session], BallotReceipt]:
    def work(session: Session) -> BallotReceipt:
        site_access(session, conference_id, token)
        return cast_as_site(
            session,
            token,
            choice.question_id,
            option_ids=choice.option_ids,
            abstain=choice.abstain,
            comment=choice.comment,
            source=source,
        )

    return work


def cast_for_site(
    conference_id: int, site_code: str, choice: SubmittedChoice
) -> Callable[[Session], BallotReceipt]:
    """The moderator enters a site's ballot (source: moderator)."""

    def work(session: Session) -> BallotReceipt:
        require_question(session, conference_id, choice.question_id)
        site_id = site_by_code(session, site_code)
        return cast_ballot(
            session,
            choice.question_id,
            site_id,
            option_ids=choice.option_ids,
            abstain=choice.abstain,
            comment=choice.comment,
            source=BallotSource.MODERATOR,
            actor="Moderation (API)",
        )

    return work


QUESTION_ACTIONS: dict[str, tuple[Callable[..., QuestionInfo], str]] = {
    "open": (lifecycle.open_question, "question_opened"),
    "close": (lifecycle.close_question, "question_closed"),
    "reveal": (lifecycle.reveal_question, "results_revealed"),
    "hide": (lifecycle.hide_results, "results_hidden"),
    "reopen": (lifecycle.reopen_question, "question_reopened"),
    "repeat": (lifecycle.repeat_question, "question_repeated"),
}


def question_action(
    conference_id: int, action: str, question_id: int
) -> Callable[[Session], tuple[QuestionInfo, StateChange]]:
    service, audit_name = QUESTION_ACTIONS[action]

    def work(session: Session) -> tuple[QuestionInfo, StateChange]:
        require_question(session, conference_id, question_id)
        info = service(session, question_id, actor="moderator (API)")
        return info, StateChange(conference_id, info.id, audit_name)

    return work


def skip_action(
    conference_id: int, question_id: int, reason: str
) -> Callable[[Session], tuple[QuestionInfo, StateChange]]:
    def work(session: Session) -> tuple[QuestionInfo, StateChange]:
        require_question(session, conference_id, question_id)
        info = lifecycle.skip_question(session, question_id, reason, actor="moderator (API)")
        return info, StateChange(conference_id, info.id, "question_skipped")

    return work


def next_action(conference_id: int) -> Callable[[Session], tuple[int | None, StateChange]]:
    def work(session: Session) -> tuple[int | None, StateChange]:
        following = lifecycle.next_question(session, conference_id, actor="moderator (API)")
        return following, StateChange(conference_id, following, "current_question")

    return work


def attendance_action(
    conference_id: int,
    site_code: str,
    present: bool,
    attendee_count: int | None,
    attendees: list[tuple[str, str]] | None = None,
) -> Callable[[Session], tuple[int, StateChange]]:
    def work(session: Session) -> tuple[int, StateChange]:
        site_id = site_by_code(session, site_code)
        conferences.set_attendance(
            session,
            conference_id,
            site_id,
            present=present,
            attendee_count=attendee_count,
            attendees=attendees,
            actor="moderator (API)",
        )
        count = get_invitation(session, conference_id, site_id).attendee_count
        return count, StateChange(conference_id, None, "attendance")

    return work
