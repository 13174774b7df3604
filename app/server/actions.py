"""Write jobs of the sites for the writer: each checks access, calls one service, returns
plain data. (The moderator's actions are defined once in
:mod:`app.services.moderator_actions`; their routes are made from that list.)

The functions here only glue the served conference to the services; the rules (is the
question open, does the option belong to it …) stay in :mod:`app.services`.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from app.models import BallotSource
from app.services import checkin
from app.services.ballot_batch import SubmittedChoice
from app.services.ballots import BallotReceipt
from app.services.events import StateChange
from app.services.moderator_rules import require_question
from app.services.tokens import SiteAccess, resolve_site_token
from app.services.voting import cast_as_site

__all__ = [
    "SubmittedChoice",
    "cast_for_token",
    "checkin_for_token",
    "require_question",
    "site_access",
]


def site_access(session: Session, conference_id: int, token: str) -> SiteAccess:
    """The site behind ``token``, refused unless it belongs to the served conference."""
    return resolve_site_token(session, token, conference_id)


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


def checkin_for_token(
    conference_id: int, token: str, attendees: list[checkin.AttendeeData]
) -> Callable[[Session], tuple[checkin.CheckinView, StateChange]]:
    """A site checks in its own participants through its link (audited as "site")."""

    def work(session: Session) -> tuple[checkin.CheckinView, StateChange]:
        access = site_access(session, conference_id, token)
        view = checkin.check_in_by_site(session, conference_id, access.site_id, attendees)
        return view, StateChange(conference_id, None, "attendees", "attendance")

    return work
