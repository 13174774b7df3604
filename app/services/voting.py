"""What a site sees and does through its link: the current question, its ballot, results."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import BallotChange, BallotSource, Conference, Question, QuestionState
from app.services.agenda import get_case, get_question
from app.services.ballots import BallotReceipt, BallotView, cast_ballot, site_ballot
from app.services.checkin import checkin_key
from app.services.errors import StateConflict
from app.services.messages import say
from app.services.quick import case_heading
from app.services.results import question_tally
from app.services.tally import Tally
from app.services.tokens import SiteAccess, resolve_site_token
from app.services.views import QuestionInfo


@dataclass(frozen=True)
class VoterView:
    """The voter page's whole state: ``question`` (and its case) only once the moderator
    opened it, ``tally`` only once results are revealed."""

    site_id: int
    site_name: str
    conference_topic: str
    language: str
    case_number: int | None
    case_title: str
    case_headline: str
    question: QuestionInfo | None
    ballot: BallotView | None
    tally: Tally | None
    version: str

    @property
    def phase(self) -> str:
        """``waiting`` (no question yet, or one the moderator has not opened), ``open``,
        ``closed``."""
        if self.question is None:
            return "waiting"
        return "open" if self.question.state is QuestionState.OPEN else "closed"


def state_version(session: Session, conference_id: int) -> str:
    """Changes whenever voter pages should re-render: another current question, its state,
    the reveal, a ballot the moderator entered on a site's behalf, or the sites' check-in
    opening, closing or the session marked as held. The same for every site, so a server
    can watch one value for all pages (one cheap query, and a count once a question is open).

    The form is ``BALLOT|CHECKIN``: ``CHECKIN`` is :func:`checkin_key` (the check-in
    section carries it too, so the page's script knows when to fetch that section)."""
    row = session.execute(
        select(
            Conference.checkin_closed_at,
            Conference.held_at,
            Question.id,
            Question.state,
            Question.revealed_at,
        )
        .outerjoin(Question, Conference.current_question_id == Question.id)
        .where(Conference.id == conference_id)
    ).first()
    if row is None:
        return "waiting"
    closed_at, held_at, question_id, state, revealed_at = row
    checkin = checkin_key(is_open=closed_at is None, held=held_at is not None)
    if question_id is None or state == QuestionState.DRAFT.value:
        return f"waiting|{checkin}"  # what sites see; a draft's id is the moderator's business
    entered = session.scalar(
        select(func.count(BallotChange.id)).where(
            BallotChange.question_id == question_id,
            BallotChange.source == BallotSource.MODERATOR.value,
        )
    )
    ballot = f"{question_id}:{state}:{int(revealed_at is not None)}:{entered or 0}"
    return f"{ballot}|{checkin}"


def voter_view(session: Session, token: str) -> VoterView:
    """The state for the site owning ``token`` (raises Forbidden for a bad token)."""
    access = resolve_site_token(session, token)
    return view_for(session, access)


def view_for(session: Session, access: SiteAccess) -> VoterView:
    conf = session.get(Conference, access.conference_id)
    assert conf is not None
    question = None
    case_number, case_title, headline = None, "", ""
    ballot = None
    counted = None
    current = (
        get_question(session, conf.current_question_id)
        if conf.current_question_id is not None
        else None
    )
    # A draft is still the moderator's: sites see "waiting" until it opens, not its text.
    if current is not None and current.state is not QuestionState.DRAFT:
        question = current
        case = get_case(session, question.case_id)
        case_title, headline = case_heading(case, conf.language), case.headline(conf.language)
        case_number = case.number
        ballot = site_ballot(session, question.id, access.site_id)
        if question.revealed:
            counted = question_tally(session, question.id)
    return VoterView(
        access.site_id,
        access.site_name,
        conf.topic,
        conf.language,
        case_number,
        case_title,
        headline,
        question,
        ballot,
        counted,
        state_version(session, access.conference_id),
    )


def cast_as_site(
    session: Session,
    token: str,
    question_id: int,
    *,
    option_ids: Sequence[int] = (),
    abstain: bool = False,
    comment: str = "",
    source: BallotSource = BallotSource.SITE,
) -> BallotReceipt:
    """A ballot from the site's own link (its voter page, or its JSON API: ``source``); it
    must be for the conference's current question."""
    access = resolve_site_token(session, token)
    conf = session.get(Conference, access.conference_id)
    assert conf is not None
    if conf.current_question_id != question_id:
        raise StateConflict(say("question_not_current"))
    return cast_ballot(
        session,
        question_id,
        access.site_id,
        option_ids=option_ids,
        abstain=abstain,
        comment=comment,
        source=source,
        actor=access.site_name,
    )
