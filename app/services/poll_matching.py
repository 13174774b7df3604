"""From a poll report to one ballot per site and question: participants → sites, poll
questions → the conference's questions, answers → options (pure functions, no database;
questions and answers: :mod:`app.services.poll_questions`).

Participants become sites by rules the moderator sees and can edit, in this order: the
per-participant table, the e-mail domain, a site code or city in the display name. Several
participants of one site with the same answer count once; different answers are a
:class:`Conflict` that only the moderator resolves (one of the answers, or abstaining).
Nothing is dropped silently: unmatched participants, unknown answers and poll questions
without a counterpart are all part of the :class:`ImportPlan`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Literal

from app.models.enums import QuestionKind
from app.services.poll_questions import (
    QuestionMatch,
    QuestionMatchKind,
    Vote,
    match_questions,
    normalise,
    to_vote,
)
from app.services.poll_reports import PollAnswer, PollReport, participant_key
from app.services.views import QuestionInfo, SiteInfo

ABSTAIN = "abstain"
Resolution = int | Literal["abstain"]


class MatchRule(StrEnum):
    """Which rule put a participant at a site."""

    TABLE = "table"
    DOMAIN = "domain"
    NAME = "name"
    NONE = "none"


@dataclass(frozen=True)
class MatchRules:
    """The moderator's rules: participant key → site id, and e-mail domain → site id."""

    participants: Mapping[str, int] = field(default_factory=dict)
    domains: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class ParticipantMatch:
    """A participant of the report and the site a rule gave it (``site_id`` None: none)."""

    key: str
    name: str
    email: str
    site_id: int | None
    rule: MatchRule
    note: str = ""

    @property
    def label(self) -> str:
        if self.name and self.email:
            return f"{self.name} <{self.email}>"
        return self.name or self.email


@dataclass(frozen=True)
class SiteBallot:
    """The one ballot a site gets for a question, and the participants behind it."""

    site_id: int
    question_id: int
    vote: Vote
    participants: tuple[str, ...]
    resolved: Resolution | None = None


@dataclass(frozen=True)
class Variant:
    """One of the different answers within a site."""

    vote: Vote
    participants: tuple[str, ...]


@dataclass(frozen=True)
class Conflict:
    """Participants of one site answered one question differently."""

    site_id: int
    question_id: int
    variants: tuple[Variant, ...]


@dataclass(frozen=True)
class AnswerProblem:
    """An answer that names no option of its question (the line of the report)."""

    line: int
    participant: str
    question_id: int
    answer: str


@dataclass(frozen=True)
class Total:
    """What an anonymous poll can give: per question the count of each option
    (``option_id`` set), of abstentions (``abstain``), and of valid answers (neither)."""

    question_id: int
    option_id: int | None
    count: int
    abstain: bool = False


@dataclass(frozen=True)
class ImportPlan:
    """What an import would store and everything the moderator must see before it does."""

    participants: tuple[ParticipantMatch, ...]
    questions: tuple[QuestionMatch, ...]
    ballots: tuple[SiteBallot, ...]
    conflicts: tuple[Conflict, ...]
    problems: tuple[AnswerProblem, ...]
    anonymous: bool
    totals: tuple[Total, ...] = ()

    @property
    def unmatched(self) -> tuple[ParticipantMatch, ...]:
        return tuple(p for p in self.participants if p.site_id is None)

    @property
    def unconfirmed(self) -> tuple[QuestionMatch, ...]:
        return tuple(q for q in self.questions if q.needs_confirmation)

    @property
    def not_imported(self) -> tuple[QuestionMatch, ...]:
        return tuple(q for q in self.questions if q.question_id is None)


# --- participants --------------------------------------------------------------------


def email_domain(email: str) -> str:
    return email.rpartition("@")[2].strip().casefold() if "@" in email else ""


def default_domains(sites: Iterable[SiteInfo]) -> dict[str, int]:
    """Each site's contact e-mail domain, where no other site shares it."""
    owners: dict[str, set[int]] = defaultdict(set)
    for site in sites:
        domain = email_domain(site.email)
        if domain:
            owners[domain].add(site.id)
    return {domain: next(iter(ids)) for domain, ids in owners.items() if len(ids) == 1}


def domain_site(email: str, domains: Mapping[str, int]) -> int | None:
    domain = email_domain(email)
    while domain:
        if domain in domains:
            return domains[domain]
        _, dot, rest = domain.partition(".")
        domain = rest if dot else ""  # med.uni-x.de is covered by uni-x.de
    return None


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", normalise(text))) + " "


def name_candidates(name: str, sites: Sequence[SiteInfo]) -> list[SiteInfo]:
    """Sites the display name points to: its whole text is a site's code, name or city; a
    bracketed part is a code or city ("Dr. A. Muster (UKD)"); or it contains a city or a
    site's name as whole words."""
    whole = normalise(name)
    brackets = {normalise(part) for part in re.findall(r"[(\[]([^)\]]+)[)\]]", name)}
    words = _words(name)
    found = []
    for site in sites:
        code, city, site_name = normalise(site.code), normalise(site.city), normalise(site.name)
        if (
            whole in {code, city, site_name}
            or (code and code in brackets)
            or (city and city in brackets)
            or (len(city) >= 3 and _words(city) in words)
            or (site_name and _words(site_name) in words)
        ):
            found.append(site)
    return found


def match_participant(
    name: str, email: str, key: str, sites: Sequence[SiteInfo], rules: MatchRules
) -> ParticipantMatch:
    """The site of one participant by the first rule that gives one."""
    known = {site.id for site in sites}
    for entry in (key, participant_key(name, "")):  # by e-mail, or by display name
        if entry in rules.participants and rules.participants[entry] in known:
            return ParticipantMatch(key, name, email, rules.participants[entry], MatchRule.TABLE)
    by_domain = domain_site(email, rules.domains)
    if by_domain in known:
        return ParticipantMatch(key, name, email, by_domain, MatchRule.DOMAIN, email_domain(email))
    candidates = name_candidates(name, sites) if name else []
    if len(candidates) == 1:
        return ParticipantMatch(key, name, email, candidates[0].id, MatchRule.NAME)
    note = ", ".join(site.code for site in candidates)  # ambiguous: which ones
    return ParticipantMatch(key, name, email, None, MatchRule.NONE, note)


# --- the plan ------------------------------------------------------------------------


def build_plan(
    report: PollReport,
    sites: Sequence[SiteInfo],
    questions: Sequence[QuestionInfo],
    rules: MatchRules,
    *,
    chosen_questions: Mapping[str, int | None] | None = None,
    confirmed: Iterable[str] = (),
    resolutions: Mapping[tuple[int, int], Resolution] | None = None,
) -> ImportPlan:
    """Everything an import would do with ``report``. ``confirmed`` poll texts turn their
    close match into a chosen one; ``resolutions`` settle conflicts by (site, question)."""
    resolutions = resolutions or {}
    chosen = dict(chosen_questions or {})
    given: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for answer in report.answers:
        given[answer.question].append(answer.answers)
    question_matches = match_questions(report.questions, questions, chosen, given)
    confirmed_texts = set(confirmed)
    question_matches = [
        QuestionMatch(m.poll_text, m.question_id, m.number, QuestionMatchKind.CHOSEN, m.score)
        if m.needs_confirmation and m.poll_text in confirmed_texts
        else m
        for m in question_matches
    ]
    by_text = {m.poll_text: m for m in question_matches}
    by_id = {q.id: q for q in questions}

    people: dict[str, ParticipantMatch] = {}
    for answer in report.answers:
        if report.anonymous:
            break
        key = _key(answer)
        if key not in people:
            person = match_participant(answer.name, answer.email, key, sites, rules)
            if answer.anonymous:  # a nameless row in a named poll: listed, can be assigned
                line = answer.line
                person = replace(person, name=f"(ohne Namen, Zeile {line} / no name, line {line})")
            people[key] = person

    problems: list[AnswerProblem] = []
    votes: dict[tuple[int, int], list[tuple[Vote, str]]] = defaultdict(list)
    anonymous: dict[int, list[Vote]] = defaultdict(list)
    for answer in report.answers:
        match = by_text[answer.question]
        if match.question_id is None or match.needs_confirmation:
            continue
        question = by_id[match.question_id]
        vote = to_vote(question, answer.answers)
        if vote is None:
            continue
        if isinstance(vote, str):
            problems.append(AnswerProblem(answer.line, _who(answer), question.id, vote))
            continue
        if report.anonymous:
            anonymous[question.id].append(vote)
            continue
        person = people[_key(answer)]
        if person.site_id is not None:
            votes[(person.site_id, question.id)].append((vote, person.label))

    ballots, conflicts = _site_ballots(votes, resolutions)
    totals = tuple(_totals(anonymous, by_id)) if report.anonymous else ()
    return ImportPlan(
        tuple(people.values()),
        tuple(question_matches),
        tuple(ballots),
        tuple(conflicts),
        tuple(problems),
        report.anonymous,
        totals,
    )


def _key(answer: PollAnswer) -> str:
    """The participant key; a nameless row of a named poll is its own participant."""
    return f"line:{answer.line}" if answer.anonymous else answer.participant


def _who(answer: PollAnswer) -> str:
    return answer.name or answer.email


def _site_ballots(
    votes: Mapping[tuple[int, int], list[tuple[Vote, str]]],
    resolutions: Mapping[tuple[int, int], Resolution],
) -> tuple[list[SiteBallot], list[Conflict]]:
    ballots: list[SiteBallot] = []
    conflicts: list[Conflict] = []
    for (site_id, question_id), cast in votes.items():
        grouped: dict[Vote, list[str]] = {}
        for vote, who in cast:
            grouped.setdefault(vote, []).append(who)
        variants = tuple(Variant(v, tuple(dict.fromkeys(w))) for v, w in grouped.items())
        everyone = tuple(dict.fromkeys(who for _, who in cast))
        if len(variants) == 1:
            ballots.append(SiteBallot(site_id, question_id, variants[0].vote, everyone))
            continue
        chosen = resolutions.get((site_id, question_id))
        if chosen == ABSTAIN:
            ballots.append(SiteBallot(site_id, question_id, Vote(abstain=True), everyone, chosen))
        elif isinstance(chosen, int) and 1 <= chosen <= len(variants):
            pick = variants[chosen - 1]
            ballots.append(SiteBallot(site_id, question_id, pick.vote, everyone, chosen))
        else:
            conflicts.append(Conflict(site_id, question_id, variants))
    return ballots, conflicts


def _totals(anonymous: Mapping[int, list[Vote]], by_id: Mapping[int, QuestionInfo]) -> list[Total]:
    totals: list[Total] = []
    for question_id, cast in anonymous.items():
        question = by_id[question_id]
        if question.kind is QuestionKind.FREE_TEXT:
            continue
        totals.extend(
            Total(question_id, option.id, sum(option.id in v.option_ids for v in cast))
            for option in question.options
        )
        totals.append(Total(question_id, None, sum(not v.abstain for v in cast)))
        totals.append(Total(question_id, None, sum(v.abstain for v in cast), abstain=True))
    return totals
