"""Results from the database: tallies, sentences, round 1 beside round 2, the live count."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import BallotSource, Invitation, Question, Site
from app.services.agenda import agenda, conference_of_question, get_question
from app.services.ballots import BallotView, current_ballots
from app.services.electorate import Electorate, electorates, kept
from app.services.sentences import (
    manuscript_sentence,
    not_asked_sentence,
    participation_sentence,
)
from app.services.tally import BallotInput, OptionSpec, Tally, tally
from app.services.views import CaseInfo, QuestionInfo, SiteInfo, name_key
from app.texts import in_language


@dataclass(frozen=True)
class QuestionResult:
    """Everything the protocol, the exports and the charts show for one question round."""

    question: QuestionInfo
    tally: Tally
    ballots: tuple[BallotView, ...]
    sentence_de: str
    sentence_en: str
    participation_de: str
    participation_en: str

    def sentence(self, lang: str) -> str:
        return in_language((self.sentence_de, self.sentence_en), lang)

    def participation(self, lang: str) -> str:
        return in_language((self.participation_de, self.participation_en), lang)

    @property
    def asked(self) -> bool:
        """False for a question never opened (or skipped): "not asked", not "nobody voted"."""
        return self.question.asked


@dataclass(frozen=True)
class CaseResults:
    """A case with the results of each of its question rounds, in agenda order."""

    case: CaseInfo
    results: tuple[QuestionResult, ...]


def _options(question: QuestionInfo) -> list[OptionSpec]:
    return [
        OptionSpec(o.id, o.label, o.code, o.phrase_de, o.phrase_en, o.step)
        for o in question.options
    ]


def _tally(question: QuestionInfo, ballots: list[BallotView], electorate: Electorate) -> Tally:
    """Counted over the question's electorate (:mod:`app.services.electorate`); a question
    not asked has no present site that "did not vote", but the same sites who could."""
    return tally(
        question.kind,
        _options(question),
        [BallotInput(b.site_id, b.option_ids, b.abstain, b.comment) for b in ballots],
        eligible_site_ids=electorate.site_ids,
        present_site_ids=electorate.present if question.asked else (),
    )


def _electorate(session: Session, question_id: int) -> Electorate:
    conference_id = conference_of_question(session, question_id)
    return electorates(session, conference_id, [question_id])[question_id]


def question_tally(session: Session, question_id: int) -> Tally:
    """The tally of one question round as it stands now."""
    question = get_question(session, question_id)
    electorate = _electorate(session, question_id)
    return _tally(question, current_ballots(session, question_id), electorate)


def _result(
    question: QuestionInfo, ballots: list[BallotView], electorate: Electorate
) -> QuestionResult:
    counted = _tally(question, ballots, electorate)
    if not question.asked:
        de, en = (not_asked_sentence(question.skip_reason, lang) for lang in ("de", "en"))
        return QuestionResult(question, counted, tuple(ballots), de, en, de, en)
    return QuestionResult(
        question,
        counted,
        tuple(ballots),
        manuscript_sentence(counted, "de"),
        manuscript_sentence(counted, "en"),
        participation_sentence(counted, "de"),
        participation_sentence(counted, "en"),
    )


def question_result(session: Session, question_id: int) -> QuestionResult:
    question = get_question(session, question_id)
    electorate = _electorate(session, question_id)
    return _result(question, current_ballots(session, question_id), electorate)


def conference_results(session: Session, conference_id: int) -> list[CaseResults]:
    """Every case with the results of all its question rounds (drafts included, empty)."""
    cases = agenda(session, conference_id)
    who = electorates(session, conference_id, [q.id for case in cases for q in case.questions])
    return [
        CaseResults(
            case,
            tuple(_result(q, current_ballots(session, q.id), who[q.id]) for q in case.questions),
        )
        for case in cases
    ]


def round_pairs(case: CaseResults) -> list[tuple[QuestionResult, QuestionResult | None]]:
    """(round 1, round 2 or None) per question of a case, for side-by-side display."""
    by_parent = {r.question.parent_id: r for r in case.results if r.question.parent_id}
    return [(r, by_parent.get(r.question.id)) for r in case.results if r.question.parent_id is None]


# --- the live count ------------------------------------------------------------------


@dataclass(frozen=True)
class VotedSite:
    site: SiteInfo
    source: BallotSource
    cast_at: datetime
    revision: int


@dataclass(frozen=True)
class LiveStatus:
    """The moderator's pulse for one question: who has voted, who is still missing."""

    question: QuestionInfo
    voted: tuple[VotedSite, ...]
    missing: tuple[SiteInfo, ...]

    @property
    def n_voted(self) -> int:
        return len(self.voted)

    @property
    def n_expected(self) -> int:
        return len(self.voted) + len(self.missing)


def live_status(session: Session, question_id: int) -> LiveStatus:
    """Voted and missing sites; expected are the question's electorate (the present sites
    once check-in has begun, otherwise all invited sites; stored at its close) and every
    site that voted."""
    return live_view(session, question_id)[0]


def live_view(session: Session, question_id: int) -> tuple[LiveStatus, QuestionResult]:
    """The live count and the result of one question from a single read of the question,
    the invitations and the ballots (the console refreshes both after every ballot)."""
    question = get_question(session, question_id)
    conference_id = conference_of_question(session, question_id)
    rows = session.execute(
        select(Site, Invitation.present)
        .join(Invitation, Invitation.site_id == Site.id)
        .where(Invitation.conference_id == conference_id)
    ).all()
    sites = [(SiteInfo.of(site), present) for site, present in rows]
    stored = kept(session, [question_id]).get(question_id)
    ballots = current_ballots(session, question_id)
    known = {info.id for info, _ in sites}
    strangers = (stored.site_ids if stored else frozenset()) - known  # uninvited since
    others = (
        [SiteInfo.of(s) for s in session.scalars(select(Site).where(Site.id.in_(strangers)))]
        if strangers
        else []
    )
    return live_view_of(question, sites, ballots, stored, others)


def _electorate_of(sites: Sequence[tuple[SiteInfo, bool]], stored: Electorate | None) -> Electorate:
    """The electorate kept at the question's close, else who could vote now: the present
    sites once anyone is checked in, otherwise every invited site."""
    if stored is not None:
        return stored
    present = frozenset(info.id for info, here in sites if here)
    return Electorate(present or frozenset(info.id for info, _ in sites), present)


def live_view_of(
    question: QuestionInfo,
    sites: Sequence[tuple[SiteInfo, bool]],
    ballots: Sequence[BallotView],
    stored: Electorate | None = None,
    others: Sequence[SiteInfo] = (),
) -> tuple[LiveStatus, QuestionResult]:
    """:func:`live_view` from its parts: the invited sites with their attendance, the
    question's current ballots, the electorate kept at its close (None: still open) and
    sites no longer invited (a remote console has these from the moderator API)."""
    electorate = _electorate_of(sites, stored)
    infos = {info.id: info for info, _ in sites}
    for info in others:
        infos.setdefault(info.id, info)
    for b in ballots:  # a site uninvited after it voted still shows with its ballot
        infos.setdefault(b.site_id, SiteInfo(b.site_id, b.site_name, b.site_code, "", ""))
    order = sorted(infos.values(), key=lambda info: name_key(info.name))
    by_site = {b.site_id: b for b in ballots}
    voted = [
        VotedSite(
            info, by_site[info.id].source, by_site[info.id].cast_at, by_site[info.id].revision
        )
        for info in order
        if info.id in by_site
    ]
    missing = [info for info in order if info.id in electorate.site_ids and info.id not in by_site]
    return (
        LiveStatus(question, tuple(voted), tuple(missing)),
        result_of(question, sites, ballots, stored),
    )


def result_of(
    question: QuestionInfo,
    sites: Sequence[tuple[SiteInfo, bool]],
    ballots: Sequence[BallotView],
    stored: Electorate | None = None,
) -> QuestionResult:
    """:func:`question_result` from its parts (ballots in any order; ``stored``: the
    electorate kept at the question's close, None while it is open)."""
    ordered = sorted(ballots, key=lambda b: name_key(b.site_name))
    return _result(question, ordered, _electorate_of(sites, stored))


def previous_round(session: Session, question_id: int) -> int | None:
    """Round 1's id for a round-2 question."""
    return session.scalar(select(Question.parent_id).where(Question.id == question_id))
