"""The archive: every conference's questions searchable at once ("KRAS", "Pankreas",
"G12C"), each hit with its date, conference, result and consensus class.

A search term is normalised as the stored search keys are (:mod:`app.models.search`);
every term must occur somewhere in the question: its text, an option, its case's title,
diagnosis, ICD-10 or histology, or a finding's gene or alteration. One ``LIKE`` per key,
the same statement on SQLite and PostgreSQL; a term is found inside words too, as German
compounds need ("Pankreas" in "Pankreaskarzinom"). Hits are newest first. Only the hits
shown are counted: their ballots are read in one statement and tallied by
:func:`app.services.tally.tally`, the rule every other result uses (measured in
``benchmarks/bench_archive.py``; BENCHMARKS.md says why nothing is precomputed).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from app.models import (
    Ballot,
    BallotChoice,
    Case,
    Conference,
    Finding,
    Option,
    Question,
    QuestionKind,
    QuestionState,
)
from app.models.search import search_text
from app.services.sentences import manuscript_sentence, option_phrase
from app.services.series_texts import text
from app.services.tally import BallotInput, OptionSpec, Tally, round_half_up, tally

#: Hits shown at most; the total says how many there are.
DEFAULT_LIMIT = 100
#: Question ids per statement (well below every database's limit of parameters).
CHUNK = 500


@dataclass(frozen=True)
class ArchivedResult:
    """The counted result of one question round, as the archive and the trend show it."""

    question_id: int
    round: int
    tally: Tally

    def sentence(self, lang: str) -> str:
        """The ready sentence ("15 % der Standorte empfehlen …"), made when asked for."""
        return manuscript_sentence(self.tally, lang)

    def lead(self) -> int | None:
        """Index of the leading option (the consensus's, or the most chosen), if any."""
        counted = self.tally
        if counted.n_valid == 0 or counted.kind is QuestionKind.FREE_TEXT:
            return None
        top = max(range(len(counted.options)), key=lambda i: counted.options[i].count)
        if counted.consensus is not None and counted.kind is not QuestionKind.AGREEMENT:
            first = counted.consensus.option_ids[0]
            return next(i for i, o in enumerate(counted.options) if o.option.id == first)
        return top

    def summary(self, lang: str) -> str:
        """ "Keine Empfehlung 81 % · Konsens": the lead option (for the agreement scale the
        agreeing steps together), its share and its class; else the ready sentence."""
        counted = self.tally
        index = self.lead()
        if index is None:
            return self.sentence(lang)
        cons = counted.consensus
        if counted.kind is QuestionKind.AGREEMENT and cons is not None:
            agreeing = round_half_up(cons.share)
            return f"{text(lang, 'agreeing')} {agreeing} % · {cons.awmf.label(lang)}"
        option = counted.options[index]
        if counted.kind is QuestionKind.MULTIPLE:
            cons = option.consensus
        share = f"{option.option.label_in(lang)} {option.percent} %"
        return f"{share} · {cons.awmf.label(lang)}" if cons else share

    def phrase(self, index: int, lang: str) -> str:
        """What the sites choosing option ``index`` do ("empfehlen HCQ + Trametinib")."""
        return option_phrase(self.tally, index, lang)


@dataclass(frozen=True)
class ArchiveHit:
    """A question (both rounds as one) found in the archive; ``result`` of the last round
    asked, None when it was never asked."""

    conference_id: int
    slug: str
    topic: str
    date: dt.date
    case_number: int
    case_title: str
    question_id: int
    number: str
    text: str
    kind: QuestionKind
    result: ArchivedResult | None

    @property
    def asked(self) -> bool:
        return self.result is not None


@dataclass(frozen=True)
class ArchiveSearch:
    """What a search found: the normalised ``terms``, the newest ``hits`` and how many
    questions match in all (``total``)."""

    terms: tuple[str, ...]
    hits: tuple[ArchiveHit, ...]
    total: int


def search_terms(query: str) -> tuple[str, ...]:
    """The words of ``query`` as the keys hold them, each once, in their order."""
    return tuple(dict.fromkeys(search_text(query).split()))


def _matches(term: str) -> ColumnElement[bool]:
    """The question (or its case, an option, a finding) holds ``term``. Normalised terms
    are letters, digits and spaces: nothing in them is a ``LIKE`` wildcard."""
    pattern = f"%{term}%"
    return or_(
        Question.search_key.like(pattern),
        Case.search_key.like(pattern),
        Question.id.in_(select(Option.question_id).where(Option.search_key.like(pattern))),
        Case.id.in_(select(Finding.case_id).where(Finding.search_key.like(pattern))),
    )


def search(session: Session, query: str, *, limit: int = DEFAULT_LIMIT) -> ArchiveSearch:
    """The questions of every conference that hold every word of ``query``, newest first."""
    terms = search_terms(query)
    if not terms:
        return ArchiveSearch((), (), 0)
    where = and_(Question.parent_id.is_(None), *(_matches(t) for t in terms))
    rows = session.execute(
        select(
            func.count().over(),  # every match, counted in the same scan
            Question.id,
            Question.text,
            Question.kind,
            Case.id,
            Case.title,
            Conference.id,
            Conference.slug,
            Conference.topic,
            Conference.date,
        )
        .join(Case, Question.case_id == Case.id)
        .join(Conference, Case.conference_id == Conference.id)
        .where(where)
        .order_by(Conference.date.desc(), Conference.id.desc(), Case.position, Question.position)
        .limit(max(0, limit))
    ).all()
    total = rows[0][0] if rows else 0
    numbers = agenda_numbers(session, {row[4] for row in rows})
    last = last_rounds(session, [row[1] for row in rows])
    counted = results_of(session, last.values())
    hits = tuple(
        ArchiveHit(
            conference_id=conf_id,
            slug=slug,
            topic=topic,
            date=date,
            case_number=numbers.cases[case_id],
            case_title=case_title,
            question_id=qid,
            number=numbers.questions[qid],
            text=question_text,
            kind=QuestionKind(kind),
            result=counted.get(last[qid]),
        )
        for _, qid, question_text, kind, case_id, case_title, conf_id, slug, topic, date in rows
    )
    return ArchiveSearch(terms, hits, total)


@dataclass(frozen=True)
class AgendaNumbers:
    """Case numbers (1, 2 …) by case id and question numbers ("1.2") by question id."""

    cases: dict[int, int]
    questions: dict[int, str]


def agenda_numbers(session: Session, case_ids: Iterable[int]) -> AgendaNumbers:
    """The agenda numbers of the given cases and of their questions, as the agenda counts
    them (a case by its place in its conference, a round-2 repeat with its parent's)."""
    wanted = set(case_ids)
    if not wanted:
        return AgendaNumbers({}, {})
    conference_ids = set(
        session.scalars(select(Case.conference_id).where(Case.id.in_(wanted))).all()
    )
    cases: dict[int, int] = {}
    ordinal: dict[int, int] = defaultdict(int)
    for case_id, conf_id in session.execute(
        select(Case.id, Case.conference_id)
        .where(Case.conference_id.in_(conference_ids))
        .order_by(Case.conference_id, Case.position, Case.id)
    ):
        ordinal[conf_id] += 1
        if case_id in wanted:
            cases[case_id] = ordinal[conf_id]
    questions: dict[int, str] = {}
    per_case: dict[int, int] = defaultdict(int)
    for qid, case_id, parent_id in session.execute(
        select(Question.id, Question.case_id, Question.parent_id)
        .where(Question.case_id.in_(wanted))
        .order_by(Question.case_id, Question.position, Question.id)
    ):
        if parent_id is not None and parent_id in questions:
            questions[qid] = questions[parent_id]
            continue
        per_case[case_id] += 1
        questions[qid] = f"{cases[case_id]}.{per_case[case_id]}"
    return AgendaNumbers(cases, questions)


def last_rounds(session: Session, root_ids: Sequence[int]) -> dict[int, int]:
    """Root question id → the id of its last round that was asked (round 2 once it was
    opened, else the root itself)."""
    last = {qid: qid for qid in root_ids}
    for chunk in _chunks(root_ids):
        for child, parent in session.execute(
            select(Question.id, Question.parent_id).where(
                Question.parent_id.in_(chunk), Question.state != QuestionState.DRAFT.value
            )
        ):
            if parent is not None:
                last[parent] = child
    return last


def results_of(session: Session, question_ids: Iterable[int]) -> dict[int, ArchivedResult]:
    """The result of each question round that was asked (drafts have none), counted from
    its ballots in a few statements for all of them."""
    ids = list(dict.fromkeys(question_ids))
    found: dict[int, ArchivedResult] = {}
    for chunk in _chunks(ids):
        asked = {
            qid: (QuestionKind(kind), round_)
            for qid, kind, round_ in session.execute(
                select(Question.id, Question.kind, Question.round).where(
                    Question.id.in_(chunk), Question.state != QuestionState.DRAFT.value
                )
            )
        }
        if not asked:
            continue
        options: dict[int, list[OptionSpec]] = defaultdict(list)
        for oid, qid, label, code, de, en in session.execute(
            select(
                Option.id,
                Option.question_id,
                Option.label,
                Option.code,
                Option.phrase_de,
                Option.phrase_en,
            )
            .where(Option.question_id.in_(asked))
            .order_by(Option.question_id, Option.position, Option.id)
        ):
            options[qid].append(OptionSpec(oid, label, code, de, en))
        ballots = _ballots(session, list(asked))
        for qid, (kind, round_) in asked.items():
            counted = tally(kind, options[qid], ballots.get(qid, ()))
            found[qid] = ArchivedResult(qid, round_, counted)
    return found


def _ballots(session: Session, question_ids: list[int]) -> dict[int, list[BallotInput]]:
    """The current ballots of the questions, with their chosen options, in one statement."""
    chosen: dict[int, tuple[int, int, bool, str, list[int]]] = {}
    for ballot_id, qid, site_id, abstain, comment, option_id in session.execute(
        select(
            Ballot.id,
            Ballot.question_id,
            Ballot.site_id,
            Ballot.abstain,
            Ballot.comment,
            BallotChoice.option_id,
        )
        .outerjoin(BallotChoice, BallotChoice.ballot_id == Ballot.id)
        .where(Ballot.question_id.in_(question_ids))
    ):
        entry = chosen.setdefault(ballot_id, (qid, site_id, abstain, comment, []))
        if option_id is not None:
            entry[4].append(option_id)
    by_question: dict[int, list[BallotInput]] = defaultdict(list)
    for qid, site_id, abstain, comment, option_ids in chosen.values():
        by_question[qid].append(BallotInput(site_id, tuple(sorted(option_ids)), abstain, comment))
    return by_question


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield list(ids[start : start + CHUNK])
