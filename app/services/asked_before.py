"""Asked before: a question of the round that an earlier session asked already, and the
earlier result beside today's ("Juni 2026: 15 % empfehlen HCQ + Trametinib; heute: 8 %").

The link follows the text: a question is linked to the latest earlier asking whose text
is the same after normalisation (:func:`app.models.search.text_key`), in a conference of
an earlier date. A decision by hand overrides it (:class:`app.models.QuestionLink`): a
link to another earlier question, or none at all. Links belong to the first round; a
round 2 shares its round 1's. Close questions (similar text, or a case with the same gene
and diagnosis) are only suggested.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from difflib import SequenceMatcher

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from app.models import Case, Conference, Finding, Question, QuestionLink, QuestionState, utcnow
from app.models.search import search_text
from app.services import audit
from app.services.archive import ArchivedResult, agenda_numbers, last_rounds, results_of
from app.services.errors import InvalidInput, NotFound
from app.services.messages import say as say_service
from app.services.series_texts import month_year, say, text
from app.services.tally import Tally

#: Suggested at most, best first.
MAX_SUGGESTIONS = 8
#: Texts at least this similar (difflib's ratio of the normalised texts) are suggested.
SIMILAR = 0.7


@dataclass(frozen=True)
class EarlierAsking:
    """The earlier asking of a question: where and when, and its result (last round)."""

    question_id: int
    conference_id: int
    slug: str
    topic: str
    date: dt.date
    number: str
    text: str
    by_hand: bool
    result: ArchivedResult | None

    def sentence(self, today: Tally | None, lang: str, *, now: dt.date | None = None) -> str:
        """ "Juni 2026: 62 % sprechen keine Empfehlung aus; heute: 81 %" (see
        :func:`trend_sentence`)."""
        return trend_sentence(self, today, lang, now=now)


def trend_sentence(
    earlier: EarlierAsking,
    today: Tally | None,
    lang: str,
    *,
    now: dt.date | None = None,
    source: str = "",
) -> str:
    """The earlier result beside today's, in ``lang``; ``now``: the date of today's
    session, to name it by its month (a document read later) instead of "today".

    The share compared is that of the earlier asking's leading option (so the line stays
    still while today's ballots come in), today's share of the same option (same place,
    same label) once today has valid answers. Without a leading option (free text, no
    valid answer) or without that option today: the earlier ready sentence alone.
    """
    when = month_year(earlier.date, lang)
    if source:  # which session and question, beside its own date
        when = f"{when} ({source})"
    result = earlier.result
    if result is None:
        return text(lang, "trend_then", when=when, then=text(lang, "not_asked"))
    index = result.lead()
    then_sentence = text(lang, "trend_then", when=when, then=result.sentence(lang))
    if index is None:
        return then_sentence
    lead = result.tally.options[index]
    then = text(lang, "share_phrase", percent=lead.percent, phrase=result.phrase(index, lang))
    share = _same_option(today, index, lead.option.label) if today is not None else None
    if today is None or today.n_valid == 0:
        return text(lang, "trend_then", when=when, then=then)
    if share is None:
        return then_sentence
    label = text(lang, "today") if now is None else month_year(now, lang)
    return text(lang, "trend", when=when, then=then, now=share, label=label)


def trend_words(
    earlier: EarlierAsking, today: Tally | None, lang: str, *, now: dt.date | None = None
) -> tuple[str, str]:
    """The "asked before" line of a document as its label and its text: ("Zuvor
    gefragt", "Juni 2026 („Juni-Runde“, Frage 1.1): 85 % …; November 2026: 92 %"); the
    protocol and the manuscript say it alike."""
    where = text(lang, "asked_before_in", topic=earlier.topic, number=earlier.number)
    return text(lang, "asked_before"), trend_sentence(earlier, today, lang, now=now, source=where)


def _same_option(today: Tally, index: int, label: str) -> int | None:
    """Today's percentage of the option at ``index`` if it is the same option."""
    if index < len(today.options):
        option = today.options[index]
        if search_text(option.option.label) == search_text(label):
            return option.percent
    wanted = search_text(label)
    return next((o.percent for o in today.options if search_text(o.option.label) == wanted), None)


# --- finding the earlier asking ------------------------------------------------------------


def _root(session: Session, question_id: int) -> Question:
    question = session.get(Question, question_id)
    if question is None:
        raise NotFound(say_service("question_not_found", question_id=question_id))
    if question.parent_id is not None:
        parent = session.get(Question, question.parent_id)
        if parent is not None:
            return parent
    return question


def _asked() -> ColumnElement[bool]:
    """Root questions that were asked (in either round)."""
    round_two = select(Question.parent_id).where(
        Question.parent_id.is_not(None), Question.state != QuestionState.DRAFT.value
    )
    return or_(Question.state != QuestionState.DRAFT.value, Question.id.in_(round_two))


def _by_text(session: Session, key: str, before: dt.date) -> int | None:
    """The latest earlier asked root question with this text key."""
    return session.scalar(
        select(Question.id)
        .join(Case, Question.case_id == Case.id)
        .join(Conference, Case.conference_id == Conference.id)
        .where(
            Question.text_key == key,
            Question.parent_id.is_(None),
            Conference.date < before,
            _asked(),
        )
        .order_by(Conference.date.desc(), Conference.id.desc(), Question.id.desc())
        .limit(1)
    )


def earlier_id(session: Session, question_id: int) -> tuple[int | None, bool]:
    """The id of the earlier asking of a question (of its round 1) and whether it was
    chosen by hand; (None, by_hand) when there is none."""
    root = _root(session, question_id)
    link = session.scalar(select(QuestionLink).where(QuestionLink.question_id == root.id))
    if link is not None:
        return link.earlier_id, True
    date = root.case.conference.date
    return _by_text(session, root.text_key, date), False


def earlier_asking(session: Session, question_id: int) -> EarlierAsking | None:
    """The earlier asking of a question, with its result; None if it is asked for the
    first time (or a decision by hand says so)."""
    found, by_hand = earlier_id(session, question_id)
    if found is None:
        return None
    return _askings(session, {found: by_hand})[found]


def conference_earlier(session: Session, conference_id: int) -> dict[int, EarlierAsking]:
    """Root question id → its earlier asking, for every question of a conference that has
    one (the protocol's and the manuscript's source)."""
    roots = session.scalars(
        select(Question)
        .join(Case)
        .where(Case.conference_id == conference_id, Question.parent_id.is_(None))
    ).all()
    found: dict[int, tuple[int, bool]] = {}
    for root in roots:
        earlier, by_hand = earlier_id(session, root.id)
        if earlier is not None:
            found[root.id] = (earlier, by_hand)
    askings = _askings(session, {e: hand for e, hand in found.values()})
    return {qid: _with_hand(askings[earlier], by_hand) for qid, (earlier, by_hand) in found.items()}


def _with_hand(asking: EarlierAsking, by_hand: bool) -> EarlierAsking:
    if asking.by_hand == by_hand:
        return asking
    return EarlierAsking(**{**asking.__dict__, "by_hand": by_hand})


def _askings(session: Session, wanted: dict[int, bool]) -> dict[int, EarlierAsking]:
    """The earlier askings ``wanted`` (root id → by hand) with their results."""
    rows = session.execute(
        select(
            Question.id,
            Question.text,
            Question.case_id,
            Case.conference_id,
            Conference.slug,
            Conference.topic,
            Conference.date,
        )
        .join(Case, Question.case_id == Case.id)
        .join(Conference, Case.conference_id == Conference.id)
        .where(Question.id.in_(list(wanted)))
    ).all()
    numbers = agenda_numbers(session, {row.case_id for row in rows})
    last = last_rounds(session, list(wanted))
    counted = results_of(session, last.values())
    return {
        row.id: EarlierAsking(
            row.id,
            row.conference_id,
            row.slug,
            row.topic,
            row.date,
            numbers.questions[row.id],
            row.text,
            wanted[row.id],
            counted.get(last[row.id]),
        )
        for row in rows
    }


# --- decisions by hand ------------------------------------------------------------------


def link_question(
    session: Session, question_id: int, earlier_id: int, *, actor: str = "moderator"
) -> EarlierAsking:
    """Link a question (its round 1) to an earlier asking by hand: a question of another
    conference held before, that was asked."""
    root = _root(session, question_id)
    earlier = _root(session, earlier_id)
    conference = root.case.conference
    before = earlier.case.conference
    if before.id == conference.id:
        raise InvalidInput(say("link_same_conference"))
    if before.date >= conference.date:
        raise InvalidInput(say("link_not_earlier", date=conference.date.strftime("%d.%m.%Y")))
    if not _was_asked(session, earlier):
        raise InvalidInput(say("link_not_asked"))
    _decide(session, root, earlier.id, actor)
    asking = earlier_asking(session, root.id)
    assert asking is not None
    return asking


def _was_asked(session: Session, root: Question) -> bool:
    last = last_rounds(session, [root.id])[root.id]
    state = session.scalar(select(Question.state).where(Question.id == last))
    return state != QuestionState.DRAFT.value


def unlink_question(session: Session, question_id: int, *, actor: str = "moderator") -> None:
    """Decide by hand that a question is asked for the first time (no earlier asking,
    whatever its text says)."""
    _decide(session, _root(session, question_id), None, actor)


def follow_text(session: Session, question_id: int, *, actor: str = "moderator") -> None:
    """Undo a decision by hand: the link follows the text again."""
    root = _root(session, question_id)
    link = session.scalar(select(QuestionLink).where(QuestionLink.question_id == root.id))
    if link is not None:
        session.delete(link)
        audit.record(
            session, root.case.conference_id, actor, "link_follows_text", question_id=root.id
        )
        session.flush()


def _decide(session: Session, root: Question, earlier: int | None, actor: str) -> None:
    link = session.scalar(select(QuestionLink).where(QuestionLink.question_id == root.id))
    if link is None:
        link = QuestionLink(question_id=root.id)
        session.add(link)
    link.earlier_id, link.actor, link.at = earlier, actor[:200], utcnow()
    action = "question_linked" if earlier is not None else "question_unlinked"
    audit.record(
        session, root.case.conference_id, actor, action, question_id=root.id, earlier=earlier
    )
    session.flush()


# --- suggestions -------------------------------------------------------------------------


@dataclass(frozen=True)
class Suggestion:
    """An earlier asked question that may be the same; ``reason`` is "text" (the same
    after normalisation), "similar" (close text) or "case" (same gene and diagnosis)."""

    asking: EarlierAsking
    reason: str
    score: float


def suggestions(session: Session, question_id: int) -> list[Suggestion]:
    """Earlier asked questions that may be this one, best first: the same or a close text,
    or a case with the same gene and diagnosis."""
    root = _root(session, question_id)
    case = root.case
    before = case.conference.date
    words = sorted({w for w in root.search_key.split() if len(w) >= 4}, key=len, reverse=True)
    genes = {f.gene.strip().upper() for f in case.findings if f.gene.strip()}
    diagnosis = search_text(case.diagnosis)
    by_text = or_(*(Question.search_key.like(f"%{w}%") for w in words[:3])) if words else None
    filters = [] if by_text is None else [by_text]
    if genes:
        gene = func.upper(func.trim(Finding.gene))
        filters.append(Case.id.in_(select(Finding.case_id).where(gene.in_(sorted(genes)))))
    if not filters:
        return []
    rows = session.execute(
        select(Question.id, Question.search_key, Question.text_key, Case.id, Case.diagnosis)
        .join(Case, Question.case_id == Case.id)
        .join(Conference, Case.conference_id == Conference.id)
        .where(
            Question.parent_id.is_(None),
            Conference.date < before,
            _asked(),
            or_(*filters),
        )
    ).all()
    case_genes = _genes(session, {row[3] for row in rows})
    scored: dict[int, tuple[str, float]] = {}
    for qid, key, digest, case_id, their_diagnosis in rows:
        if digest == root.text_key:
            scored[qid] = ("text", 1.0)
            continue
        ratio = SequenceMatcher(None, root.search_key, key).ratio()
        if ratio >= SIMILAR:
            scored[qid] = ("similar", ratio)
        elif genes & case_genes.get(case_id, set()) and search_text(their_diagnosis) == diagnosis:
            scored[qid] = ("case", 0.5 + ratio / 2)
    best = sorted(scored.items(), key=lambda item: -item[1][1])[:MAX_SUGGESTIONS]
    askings = _askings(session, {qid: False for qid, _ in best})
    return [Suggestion(askings[qid], reason, score) for qid, (reason, score) in best]


def _genes(session: Session, case_ids: set[int]) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    if not case_ids:
        return found
    for case_id, gene in session.execute(
        select(Finding.case_id, Finding.gene).where(Finding.case_id.in_(case_ids))
    ):
        found.setdefault(case_id, set()).add(gene.strip().upper())
    return found
