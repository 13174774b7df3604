"""Importing a call's poll report into a conference: a preview first, then one atomic write.

The ballots go through :func:`app.services.ballots.cast_ballot` with the source
``poll``, so every rule of a ballot and the ballot history apply. A question must have
been asked to carry ballots: the import opens a draft (or reopens a closed) question,
stores its ballots and closes it again, each step in the audit trail — the poll in the
call *was* the asking. An open question is refused (its vote is still running through the
links; close it first). An anonymous poll gives no site ballots: only its totals are
stored ("counted by the call"), and a draft question it answered is opened and closed.
The same file (by SHA-256) is imported into a conference once.
"""

# Longer than 450 lines: the preview and the import share every check, and the import must
# write exactly what the preview showed. Reading the stored call totals back lives in
# app/services/call_polls.py.

from __future__ import annotations

import json
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    Ballot,
    BallotSource,
    CallPollTotal,
    Case,
    PollImport,
    PollMatchRule,
    Question,
    QuestionState,
    Site,
    utcnow,
)
from app.services import audit, electorate, lifecycle
from app.services.agenda import agenda, get_question
from app.services.ballots import cast_ballot, clean_comment, validate_choice
from app.services.conferences import get_conference_row, invitations
from app.services.errors import InvalidInput, NotFound, StateConflict, VotumError
from app.services.file_messages import lines, say
from app.services.poll_matching import (
    ImportPlan,
    MatchRules,
    Resolution,
    SiteBallot,
    build_plan,
    default_domains,
)
from app.services.poll_reports import CsvColumns, PollReport, participant_key, read_report
from app.services.views import QuestionInfo, SiteInfo
from app.texts import Message

ACTOR = "Umfrage-Import"
RULE_PARTICIPANT, RULE_DOMAIN = "participant", "domain"


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


@dataclass(frozen=True)
class ImportResult:
    """What an import stored."""

    import_id: int
    n_ballots: int
    n_totals: int
    question_ids: tuple[int, ...]


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


def remembered_rules(session: Session) -> MatchRules:
    """The participant and domain rules remembered from earlier imports."""
    participants: dict[str, int] = {}
    domains: dict[str, int] = {}
    for rule in session.scalars(select(PollMatchRule)):
        (participants if rule.kind == RULE_PARTICIPANT else domains)[rule.pattern] = rule.site_id
    return MatchRules(participants, domains)


def effective_rules(session: Session, sites: list[SiteInfo], choices: ImportChoices) -> MatchRules:
    """Site e-mail domains, then the remembered rules, then the moderator's edits."""
    stored = remembered_rules(session)
    return MatchRules(
        {**stored.participants, **choices.participants},
        {**default_domains(sites), **stored.domains, **choices.domains},
    )


def rule_key(text: str) -> str:
    """The table key for a participant named by e-mail or by display name."""
    return participant_key("" if "@" in text else text, text if "@" in text else "")


# --- preview and import --------------------------------------------------------------


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
    rules = effective_rules(session, sites, choices)
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


def import_report(
    session: Session,
    conference_id: int,
    data: bytes,
    *,
    filename: str = "",
    format: str | None = None,
    columns: CsvColumns | None = None,
    choices: ImportChoices | None = None,
    actor: str = ACTOR,
) -> ImportResult:
    """Check everything again, then store ballots, totals, remembered rules and the import
    record in the caller's transaction; on any refusal nothing is written."""
    choices = choices or ImportChoices()
    preview = preview_import(
        session,
        conference_id,
        data,
        filename=filename,
        format=format,
        columns=columns,
        choices=choices,
    )
    blockers = preview.blockers
    if blockers:
        raise StateConflict(lines(blockers))
    conf = get_conference_row(session, conference_id)
    current = conf.current_question_id
    plan = preview.plan
    order = list(preview.questions)
    question_ids = sorted({b.question_id for b in plan.ballots}, key=order.index)
    for question_id in question_ids:
        _store_question(
            session,
            question_id,
            [b for b in plan.ballots if b.question_id == question_id],
            preview,
            actor,
        )
    lifecycle.set_current(session, conference_id, current, actor=actor)
    record = PollImport(
        conference_id=conference_id,
        sha256=preview.report.sha256,
        filename=preview.filename,
        format=preview.report.format.value,
        anonymous=plan.anonymous,
        n_ballots=len(plan.ballots),
        actor=actor[:200],
        summary=json.dumps(_summary(preview), ensure_ascii=False, sort_keys=True),
    )
    session.add(record)
    session.flush()
    n_totals = 0
    if plan.anonymous and choices.store_totals:
        for total in plan.totals:
            session.add(
                CallPollTotal(
                    import_id=record.id,
                    question_id=total.question_id,
                    option_id=total.option_id,
                    abstain=total.abstain,
                    count=total.count,
                )
            )
        n_totals = len(plan.totals)
        for question_id in dict.fromkeys(t.question_id for t in plan.totals):
            row = session.get(Question, question_id)
            if row is not None and row.state == QuestionState.DRAFT.value:
                # asked in the call: on record as opened and closed, without site ballots
                lifecycle.open_question(session, question_id, actor=actor)
                lifecycle.close_question(session, question_id, actor=actor)
        lifecycle.set_current(session, conference_id, current, actor=actor)
    _remember(session, choices)
    audit.record(session, conference_id, actor, "poll_imported", **_summary(preview))
    session.flush()
    return ImportResult(record.id, len(plan.ballots), n_totals, tuple(question_ids))


def _store_question(
    session: Session, question_id: int, ballots: list[SiteBallot], preview: PollPreview, actor: str
) -> None:
    """Open (or reopen) the question, cast its ballots, close it; keep a reveal."""
    row = session.get(Question, question_id)
    assert row is not None
    revealed = row.revealed_at is not None
    # a question closed before keeps who could vote at that close (the import's sites
    # count besides, as every site that voted does)
    earlier = electorate.kept(session, [question_id]).get(question_id)
    if row.state == QuestionState.DRAFT.value:
        lifecycle.open_question(session, question_id, actor=actor)
    else:
        lifecycle.reopen_question(session, question_id, actor=actor)
    for ballot in ballots:
        who = ", ".join(ballot.participants)
        cast_ballot(
            session,
            question_id,
            ballot.site_id,
            option_ids=ballot.vote.option_ids,
            abstain=ballot.vote.abstain,
            comment=ballot.vote.comment,
            source=BallotSource.POLL,
            actor=one_line(f"{actor}: {who}", 200),
        )
        if ballot.resolved is not None:
            audit.record(
                session,
                row.case.conference_id,
                actor,
                "poll_conflict_resolved",
                question_id=question_id,
                site_id=ballot.site_id,
                resolution=ballot.resolved,
                participants=list(ballot.participants),
            )
    lifecycle.close_question(session, question_id, actor=actor)
    if earlier is not None:
        electorate.restore(session, question_id, earlier.site_ids, earlier.present)
    if revealed:
        lifecycle.reveal_question(session, question_id, actor=actor)


def _summary(preview: PollPreview) -> dict[str, Any]:
    plan = preview.plan
    return {
        "file": preview.filename,
        "sha256": preview.report.sha256,
        "format": preview.report.format.value,
        "ballots": len(plan.ballots),
        "anonymous": plan.anonymous,
        "unmatched": [p.label for p in plan.unmatched],
        "not_imported": [q.poll_text for q in plan.not_imported],
        "superseded": len(preview.report.superseded),
    }


def _remember(session: Session, choices: ImportChoices) -> None:
    """Keep the moderator's table for the next conference of the round."""
    for kind, entries in ((RULE_PARTICIPANT, choices.participants), (RULE_DOMAIN, choices.domains)):
        for pattern, site_id in entries.items():
            if len(pattern) > 200 or pattern.startswith("line:"):
                continue  # too long to keep whole, or a nameless row: this import only
            rule = session.scalar(
                select(PollMatchRule).where(
                    PollMatchRule.kind == kind, PollMatchRule.pattern == pattern[:200]
                )
            )
            if rule is None:
                session.add(PollMatchRule(kind=kind, pattern=pattern[:200], site_id=site_id))
            else:
                rule.site_id = site_id
                rule.updated_at = utcnow()


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
