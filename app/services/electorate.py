"""Who could vote on a question: defined here once, stored when the question closes.

While a question is open (or not yet asked) the electorate is the conference's now: the
sites present once check-in has begun, every invited site before that. When the question
closes, that set is stored (:class:`app.models.Elector`), and from then on its count
("18 of 20 sites") stays what it was at the close, whatever attendance says later; a
reopen drops it, the next close stores it again. The console, the presenter view, the
protocol and the exports all count with :func:`electorates`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.models import Case, Elector, Invitation, Question


@dataclass(frozen=True)
class Electorate:
    """The sites that could vote (``site_ids``) and which of them were checked in
    (``present``: empty when nobody had checked in and every invited site counted)."""

    site_ids: frozenset[int]
    present: frozenset[int]

    @property
    def checked_in(self) -> bool:
        """Check-in had begun: the sites present were the ones expected."""
        return bool(self.present)


def current_electorate(session: Session, conference_id: int) -> Electorate:
    """Who could vote now: the present sites once anyone is checked in, else all invited."""
    rows = session.execute(
        select(Invitation.site_id, Invitation.present).where(
            Invitation.conference_id == conference_id
        )
    ).all()
    present = frozenset(site for site, here in rows if here)
    invited = frozenset(site for site, _ in rows)
    return Electorate(present or invited, present)


def _stored(session: Session, question_ids: Iterable[int]) -> dict[int, Electorate]:
    ids = list(question_ids)
    if not ids:
        return {}
    sites: dict[int, set[int]] = {}
    present: dict[int, set[int]] = {}
    for question_id, site_id, here in session.execute(
        select(Elector.question_id, Elector.site_id, Elector.present).where(
            Elector.question_id.in_(ids)
        )
    ):
        sites.setdefault(question_id, set()).add(site_id)
        if here:
            present.setdefault(question_id, set()).add(site_id)
    return {
        qid: Electorate(frozenset(found), frozenset(present.get(qid, ())))
        for qid, found in sites.items()
    }


def electorates(
    session: Session, conference_id: int, question_ids: Iterable[int]
) -> dict[int, Electorate]:
    """Each question's electorate: stored at its close, else the conference's now."""
    ids = list(question_ids)
    stored = _stored(session, ids)
    now: Electorate | None = None
    found: dict[int, Electorate] = {}
    for question_id in ids:
        if question_id in stored:
            found[question_id] = stored[question_id]
            continue
        if now is None:
            now = current_electorate(session, conference_id)
        found[question_id] = now
    return found


def question_electorate(session: Session, question_id: int) -> Electorate:
    """One question's electorate (see :func:`electorates`)."""
    conference_id = session.scalar(
        select(Case.conference_id).join(Question).where(Question.id == question_id)
    )
    if conference_id is None:
        return Electorate(frozenset(), frozenset())
    return electorates(session, conference_id, [question_id])[question_id]


def store(session: Session, question: Question) -> Electorate:
    """Keep who could vote as the question closes (replacing what an earlier close kept)."""
    forget(session, question.id)
    now = current_electorate(session, question.case.conference_id)
    session.add_all(
        Elector(question_id=question.id, site_id=site_id, present=site_id in now.present)
        for site_id in sorted(now.site_ids)
    )
    return now


def forget(session: Session, question_id: int) -> None:
    """A reopened question counts with the conference's now again."""
    session.execute(delete(Elector).where(Elector.question_id == question_id))


def restore(
    session: Session, question_id: int, site_ids: Iterable[int], present: Iterable[int]
) -> None:
    """Put back an electorate read from a conference file."""
    forget(session, question_id)
    here = set(present)
    session.add_all(
        Elector(question_id=question_id, site_id=site_id, present=site_id in here)
        for site_id in sorted(set(site_ids))
    )


def kept(session: Session, question_ids: Iterable[int]) -> dict[int, Electorate]:
    """The stored electorates of these questions (for a conference file)."""
    return _stored(session, question_ids)
