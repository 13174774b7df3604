"""The poll import's preview: the report read and matched against the conference's sites and
questions, with every check the import will make again; nothing is written.

:class:`ImportChoices` carries what the moderator decided (the round, rule edits, question
choices and confirmations, conflict resolutions); :class:`PollPreview` what the import
would store and what keeps it from storing. The import itself is
:mod:`app.services.poll_import`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Ballot, BallotSource, Case, PollImport, Question, QuestionState, Site
from app.services.agenda import agenda, get_question
from app.services.ballots import clean_comment, validate_choice
from app.services.conferences import get_conference_row, invitations
from app.services.errors import InvalidInput, NotFound, VotumError
from app.services.file_messages import say
from app.services.poll_matching import (
    ImportPlan,
    MatchRules,
    Resolution,
    SiteBallot,
    build_plan,
)
from app.services.poll_reports import CsvColumns, PollReport, read_report
from app.services.poll_rules import effective_rules
from app.services.views import QuestionInfo, SiteInfo
from app.texts import Message


@dataclass(frozen=True)
class ImportChoices:
    """What the moderator decided in the preview: the round, rule edits (remembered on
    import), question choices and confirmations, conflict resolutions, whether to store an
    anonymous poll's totals."""

    round: int = 1
    participants: Mapping[str, int] = field(default_factory=dict)
    domains: Mapping[str, int] = field(default_factory=dict)
    questions: Mapping[str, int | None] = field(default_factory=dict)
    confirmed: frozenset[str] = frozenset()
    resolutions: Mapping[tuple[int, int], Resolution] = field(default_factory=dict)
    store_totals: bool = True

    @property
    def edits(self) -> MatchRules:
        """The participant and domain rules the moderator set in the preview."""
        return MatchRules(self.participants, self.domains)


@dataclass(frozen=True)
class Replaced:
    """A ballot already stored that an imported one would replace."""

    site_id: int
    question_id: int
    source: BallotSource


@dataclass(frozen=True)
class PollPreview:
    """What the import would store, and what keeps it from storing."""

    conference_id: int
    filename: str
    report: PollReport
    plan: ImportPlan
    rules: MatchRules
    sites: Mapping[int, SiteInfo]
    questions: Mapping[int, QuestionInfo]
    replaced: tuple[Replaced, ...]
    refusals: tuple[Message, ...]
    already_imported_at: datetime | None

    @property
    def blockers(self) -> list[Message]:
        """Why the import cannot run yet (empty: it can), one message each."""
        messages = list(self.refusals)
        if self.already_imported_at is not None:
            when = self.already_imported_at.strftime("%Y-%m-%d %H:%M")
            messages.insert(0, say("already_imported", when=when))
        for conflict in self.plan.conflicts:
            site = self.site_label(conflict.site_id)
            number = self.questions[conflict.question_id].number
            messages.append(say("poll_conflict", site=site, number=number))
        for match in self.plan.unconfirmed:
            messages.append(say("question_resembles", text=match.poll_text, number=match.number))
        for problem in self.plan.problems:
            number = self.questions[problem.question_id].number
            answer = say("answer_matches_no_option", answer=problem.answer, number=number)
            messages.append(say("at_line", line=problem.line, problem=answer))
        if not self.plan.ballots and not self.storable_totals:
            messages.append(say("nothing_to_import"))
        return messages

    @property
    def ready(self) -> bool:
        return not self.blockers

    @property
    def storable_totals(self) -> bool:
        return bool(self.plan.totals)

    def site_label(self, site_id: int) -> str:
        site = self.sites.get(site_id)
        return f"{site.name} ({site.code})" if site else str(site_id)

    def answer_text(self, question_id: int, option_ids: tuple[int, ...], abstain: bool) -> Message:
        """What a ballot chose: its option labels joined with " + ", or an abstention."""
        if abstain:
            return say("abstain")
        labels = {o.id: o.label for o in self.questions[question_id].options}
        return Message.plain(" + ".join(labels.get(i, "?") for i in option_ids))


# --- reading the conference ----------------------------------------------------------


def one_line(text: str, limit: int) -> str:
    """A text for a one-line field: NFC, no control or format characters, at most
    ``limit`` characters (names of files and participants come from outside)."""
    text = unicodedata.normalize("NFC", text)
    return "".join(ch for ch in text if unicodedata.category(ch)[0] != "C").strip()[:limit]


def round_questions(session: Session, conference_id: int, round: int) -> list[QuestionInfo]:
    """The conference's questions of one round (1: the first votes, 2: the repeats)."""
    if round not in (1, 2):
        raise InvalidInput(say("round_one_or_two"))
    return [
        q for case in agenda(session, conference_id) for q in case.questions if q.round == round
    ]


# --- the preview ---------------------------------------------------------------------


def preview_import(
    session: Session,
    conference_id: int,
    data: bytes,
    *,
    filename: str = "",
    format: str | None = None,
    columns: CsvColumns | None = None,
    choices: ImportChoices | None = None,
) -> PollPreview:
    """Read and match the report; nothing is written."""
    choices = choices or ImportChoices()
    get_conference_row(session, conference_id)
    report = read_report(data, format=format, columns=columns)
    sites = [inv.site for inv in invitations(session, conference_id)]
    questions = round_questions(session, conference_id, choices.round)
    rules = effective_rules(session, sites, choices.edits)
    plan = build_plan(
        report,
        sites,
        questions,
        rules,
        chosen_questions=choices.questions,
        confirmed=choices.confirmed,
        resolutions=choices.resolutions,
    )
    by_id = {q.id: q for q in questions}
    earlier = session.scalar(
        select(PollImport.imported_at).where(
            PollImport.conference_id == conference_id, PollImport.sha256 == report.sha256
        )
    )
    return PollPreview(
        conference_id,
        one_line(Path(filename).name, 200),
        report,
        plan,
        rules,
        {site.id: site for site in sites},
        by_id,
        tuple(_replaced(session, plan.ballots)),
        tuple(_refusals(session, conference_id, plan, by_id)),
        earlier,
    )


def _replaced(session: Session, ballots: tuple[SiteBallot, ...]) -> list[Replaced]:
    found = []
    for ballot in ballots:
        source = session.scalar(
            select(Ballot.source).where(
                Ballot.question_id == ballot.question_id, Ballot.site_id == ballot.site_id
            )
        )
        if source is not None:
            found.append(Replaced(ballot.site_id, ballot.question_id, BallotSource(source)))
    return found


def _refusals(
    session: Session, conference_id: int, plan: ImportPlan, questions: Mapping[int, QuestionInfo]
) -> list[Message]:
    """Rules of the domain the planned ballots would break."""
    messages: list[Message] = []
    involved = sorted({b.question_id for b in plan.ballots}, key=list(questions).index)
    open_now = session.scalar(
        select(Question.id)
        .join(Case)
        .where(Case.conference_id == conference_id, Question.state == QuestionState.OPEN.value)
    )
    if open_now is not None and (plan.ballots or plan.totals):
        number = get_question(session, open_now).number
        messages.append(say("question_open_close_first", number=number))
    for question_id in involved:
        row = session.get(Question, question_id)
        assert row is not None
        for ballot in (b for b in plan.ballots if b.question_id == question_id):
            try:
                validate_choice(
                    row,
                    ballot.vote.option_ids,
                    ballot.vote.abstain,
                    clean_comment(ballot.vote.comment),
                )
            except VotumError as exc:
                site = _site_name(session, ballot.site_id)
                number = questions[question_id].number
                messages.append(
                    say("question_site_refused", number=number, site=site, problem=exc.message)
                )
    return messages


def _site_name(session: Session, site_id: int) -> str:
    site = session.get(Site, site_id)
    return site.code if site else str(site_id)


def find_site(sites: Mapping[int, SiteInfo], ref: str) -> int:
    """A site of the conference by its code or name (NotFound otherwise)."""
    wanted = ref.strip().casefold()
    for site in sites.values():
        if wanted in (site.code.casefold(), site.name.casefold()):
            return site.id
    raise NotFound(say("site_ref_not_invited", ref=ref))


def find_question(questions: Mapping[int, QuestionInfo], number: str) -> int:
    """A question of the round by its agenda number ("1.2")."""
    for question in questions.values():
        if question.number == number.strip():
            return question.id
    raise NotFound(say("question_number_not_found", number=number))
