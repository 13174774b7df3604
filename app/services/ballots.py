"""Casting and changing ballots, by a site or by the moderator on its behalf.

A ballot is refused, with a clear message and nothing written, when the question is not
open, the site is not invited, an option is foreign to the question, or the number of
options does not fit the question's kind. The last ballot of a site counts; every ballot
ever cast is kept in the history (:class:`app.models.BallotChange`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import (
    Ballot,
    BallotChange,
    BallotChoice,
    BallotSource,
    Case,
    Invitation,
    Question,
    QuestionKind,
    QuestionState,
    Site,
    utcnow,
)
from app.services import audit
from app.services.errors import Forbidden, InvalidInput, NotFound, StateConflict
from app.services.messages import say
from app.services.presets import label_code, option_label
from app.services.text import clean
from app.services.views import name_key

MAX_COMMENT = 2_000
MAX_ACTOR = 200
SINGLE_ANSWER_KINDS = frozenset(
    {QuestionKind.SINGLE, QuestionKind.YES_NO, QuestionKind.AGREEMENT, QuestionKind.EVIDENCE}
)


@dataclass(frozen=True)
class BallotReceipt:
    """What was stored: the confirmation a voter sees and the notifier passes on."""

    conference_id: int
    question_id: int
    site_id: int
    option_ids: tuple[int, ...]
    option_labels: tuple[str, ...]
    abstain: bool
    comment: str
    source: BallotSource
    cast_at: datetime
    revision: int
    checked_in: bool = False  # the site was marked absent: this ballot checked it in
    option_codes: tuple[str, ...] = ()  # beside option_labels: a preset's label translates

    def labels_in(self, lang: str) -> tuple[str, ...]:
        """The chosen options' labels in ``lang`` (see :func:`presets.option_label`)."""
        codes = self.option_codes or ("",) * len(self.option_labels)
        return tuple(
            option_label(lb, code, lang) for lb, code in zip(self.option_labels, codes, strict=True)
        )

    @property
    def replaced_earlier(self) -> bool:
        return self.revision > 1


@dataclass(frozen=True)
class BallotView:
    """A site's current ballot, for tables, the appendix and exports."""

    site_id: int
    site_name: str
    site_code: str
    option_ids: tuple[int, ...]
    abstain: bool
    comment: str
    source: BallotSource
    cast_at: datetime
    revision: int


@dataclass(frozen=True)
class HistoryEntry:
    """One ballot as it was cast (replaced ones included)."""

    site_id: int
    revision: int
    option_ids: tuple[int, ...]
    abstain: bool
    comment: str
    source: BallotSource
    actor: str
    at: datetime
    question_id: int = 0


def clean_comment(text: str) -> str:
    """The comment by the rule of :mod:`app.services.text` (line breaks and tabs stay),
    within the length limit."""
    if len(text) > 4 * MAX_COMMENT:  # no cleaning work for what cannot fit anyway
        raise InvalidInput(say("comment_too_long", limit=MAX_COMMENT))
    cleaned = clean(text, lines=True)
    if len(cleaned) > MAX_COMMENT:
        raise InvalidInput(say("comment_too_long", limit=MAX_COMMENT))
    return cleaned


def clean_actor(text: str) -> str:
    """Who cast a ballot (a site's name, the moderator), one line as the column holds it."""
    return clean(text)[:MAX_ACTOR]


def cast_ballot(
    session: Session,
    question_id: int,
    site_id: int,
    *,
    option_ids: Sequence[int] = (),
    abstain: bool = False,
    comment: str = "",
    source: BallotSource = BallotSource.SITE,
    actor: str = "",
) -> BallotReceipt:
    """Store (or replace) the site's ballot; the caller commits. Raises on any broken rule."""
    question = session.get(Question, question_id, with_for_update=True)
    if question is None:
        raise NotFound(say("question_not_found", question_id=question_id))
    if question.state != QuestionState.OPEN.value:
        raise StateConflict(say("voting_not_open"))
    conference_id = question.case.conference_id
    invitation = session.scalar(
        select(Invitation).where(
            Invitation.conference_id == conference_id, Invitation.site_id == site_id
        )
    )
    if invitation is None:
        raise Forbidden(say("site_not_invited"))
    comment = clean_comment(comment)  # first: a text of invisible characters is no text
    chosen = validate_choice(question, option_ids, abstain, comment)
    now = utcnow()
    checked_in = _check_in_by_ballot(session, invitation, question_id, source, actor)
    ballot = session.scalar(
        select(Ballot).where(Ballot.question_id == question_id, Ballot.site_id == site_id)
    )
    if ballot is None:
        ballot = Ballot(question_id=question_id, site_id=site_id, revision=1)
        session.add(ballot)
    else:
        ballot.revision += 1
    ballot.abstain = abstain
    ballot.comment = comment
    ballot.source = source.value
    actor = clean_actor(actor)
    ballot.actor = actor
    ballot.cast_at = now
    ballot.choices = [BallotChoice(option_id=option_id) for option_id in chosen]
    session.add(
        BallotChange(
            question_id=question_id,
            site_id=site_id,
            revision=ballot.revision,
            option_ids=",".join(str(i) for i in chosen),
            abstain=abstain,
            comment=comment,
            source=source.value,
            actor=actor,
            at=now,
        )
    )
    session.flush()
    labels = {o.id: o.label for o in question.options}
    n_options = len(question.options)
    codes = {
        o.id: label_code(question.kind, i, n_options, o.code)
        for i, o in enumerate(question.options)
    }
    return BallotReceipt(
        conference_id=conference_id,
        question_id=question_id,
        site_id=site_id,
        option_ids=chosen,
        option_labels=tuple(labels[i] for i in chosen),
        option_codes=tuple(codes[i] for i in chosen),
        abstain=abstain,
        comment=comment,
        source=source,
        cast_at=now,
        revision=ballot.revision,
        checked_in=checked_in,
    )


def _check_in_by_ballot(
    session: Session, invitation: Invitation, question_id: int, source: BallotSource, actor: str
) -> bool:
    """A site marked absent (once check-in has begun) that votes is present: its ballot
    checks it in, so the attendance list and the count never disagree. Audited."""
    if invitation.present:
        return False
    checking_in = session.scalar(
        select(Invitation.id)
        .where(Invitation.conference_id == invitation.conference_id, Invitation.present)
        .limit(1)
    )
    if checking_in is None:
        return False  # no check-in at all: every invited site is expected anyway
    invitation.present = True
    invitation.attendee_count = max(invitation.attendee_count, 1)
    invitation.checked_in_at = utcnow()
    audit.record(
        session,
        invitation.conference_id,
        actor or source.value,
        "checked_in_by_ballot",
        question_id=question_id,
        site_id=invitation.site_id,
        source=source.value,
        attendee_count=invitation.attendee_count,
    )
    return True


class _OptionRules(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def position(self) -> int: ...
    @property
    def label(self) -> str: ...
    @property
    def exclusive(self) -> bool: ...


class ChoiceRules(Protocol):
    """What :func:`validate_choice` reads of a question (an ORM row or a plain copy)."""

    @property
    def kind(self) -> str: ...
    @property
    def allow_abstain(self) -> bool: ...
    @property
    def options(self) -> Sequence[_OptionRules]: ...


def validate_choice(
    question: ChoiceRules, option_ids: Sequence[int], abstain: bool, comment: str
) -> tuple[int, ...]:
    """The chosen option ids in option order; :class:`InvalidInput` when the choice does
    not fit the question."""
    kind = QuestionKind(question.kind)
    ids = list(option_ids)
    if len(set(ids)) != len(ids):
        raise InvalidInput(say("option_twice"))
    if abstain:
        if not question.allow_abstain:
            raise InvalidInput(say("abstain_not_offered"))
        if ids:
            raise InvalidInput(say("abstain_with_option"))
        return ()
    positions = {o.id: o.position for o in question.options}
    foreign = [i for i in ids if i not in positions]
    if foreign:
        raise InvalidInput(say("foreign_option"))
    if kind is QuestionKind.FREE_TEXT:
        if not comment.strip():
            raise InvalidInput(say("enter_text"))
        return ()
    if not ids:
        raise InvalidInput(say("choose_option"))
    if kind in SINGLE_ANSWER_KINDS and len(ids) > 1:
        raise InvalidInput(say("only_one_option"))
    if len(ids) > 1:
        alone = next((o for o in question.options if o.id in ids and o.exclusive), None)
        if alone is not None:
            raise InvalidInput(say("option_exclusive", label=alone.label))
    return tuple(sorted(ids, key=positions.__getitem__))


def plain_form_choice(
    option_ids: Sequence[int], abstain: bool, stored: BallotView | None
) -> tuple[tuple[int, ...], bool]:
    """What a plain (script-free) multiple-choice form means when it sends "abstain" and
    options together: its checkboxes cannot clear each other, so the box that changes the
    stored ballot wins. Abstain replaces the options, unless the stored ballot is itself
    an abstention (then the newly checked options replace it)."""
    if not (abstain and option_ids):
        return tuple(option_ids), abstain
    if stored is not None and stored.abstain:
        return tuple(option_ids), False
    return (), True


def current_ballots(session: Session, question_id: int) -> list[BallotView]:
    """The ballots that count, in site-name order."""
    rows = session.execute(
        select(Ballot, Site)
        .join(Site, Site.id == Ballot.site_id)
        .where(Ballot.question_id == question_id)
    ).all()
    views = [ballot_view(ballot, site) for ballot, site in rows]
    return sorted(views, key=lambda b: name_key(b.site_name))


def ballot_view(ballot: Ballot, site: Site) -> BallotView:
    """A current ballot as tables and consoles show it."""
    return BallotView(
        site.id,
        site.name,
        site.code,
        tuple(c.option_id for c in ballot.choices),
        ballot.abstain,
        ballot.comment,
        BallotSource(ballot.source),
        ballot.cast_at,
        ballot.revision,
    )


def site_ballot(session: Session, question_id: int, site_id: int) -> BallotView | None:
    """The site's current ballot for the question, if it has one."""
    row = session.execute(
        select(Ballot, Site)
        .join(Site, Site.id == Ballot.site_id)
        .where(Ballot.question_id == question_id, Ballot.site_id == site_id)
    ).first()
    if row is None:
        return None
    ballot, site = row
    return ballot_view(ballot, site)


def ballot_history(session: Session, question_id: int) -> list[HistoryEntry]:
    """Every ballot cast for the question, oldest first."""
    rows = session.scalars(
        select(BallotChange)
        .where(BallotChange.question_id == question_id)
        .order_by(BallotChange.id)
    )
    return [_entry(r) for r in rows]


def ballots_stored(session: Session, conference_id: int) -> int:
    """How many ballots (changes included) the conference's history holds: grows with every
    ballot committed, by whichever process; a cheap mark to notice others' ballots by."""
    return int(
        session.scalar(
            select(func.count(BallotChange.id))
            .join(Question, Question.id == BallotChange.question_id)
            .join(Case, Case.id == Question.case_id)
            .where(Case.conference_id == conference_id)
        )
        or 0
    )


def conference_history(session: Session, conference_id: int) -> list[HistoryEntry]:
    """Every ballot ever cast in the conference (replaced ones included), oldest first."""
    rows = session.scalars(
        select(BallotChange)
        .join(Question, Question.id == BallotChange.question_id)
        .join(Case, Case.id == Question.case_id)
        .where(Case.conference_id == conference_id)
        .order_by(BallotChange.id)
    )
    return [_entry(r) for r in rows]


def _entry(row: BallotChange) -> HistoryEntry:
    return HistoryEntry(
        row.site_id,
        row.revision,
        tuple(int(i) for i in row.option_ids.split(",") if i),
        row.abstain,
        row.comment,
        BallotSource(row.source),
        row.actor,
        row.at,
        row.question_id,
    )


def site_has_ballots(session: Session, conference_id: int, site_id: int) -> bool:
    return (
        session.scalar(
            select(Ballot.id)
            .join(Question, Question.id == Ballot.question_id)
            .join(Case, Case.id == Question.case_id)
            .where(Case.conference_id == conference_id, Ballot.site_id == site_id)
            .limit(1)
        )
        is not None
    )
