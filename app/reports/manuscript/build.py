"""The article's structure from a conference's report data: front matter, methods and the
results of every asked question (the discussion, case reports and supplement:
:mod:`.build_cases`). No names beyond the authors', no EFNs, no link secrets: the data
the reports see has none of the latter, and nothing here reads attendees."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.models import QuestionKind
from app.reports.chart_spec import consensus_subject
from app.reports.data import ReportData
from app.reports.manuscript.build_cases import case_reports, discussion, supplement
from app.reports.manuscript.pictures import Chart, Painter, pngs
from app.reports.manuscript.structure import (
    Author,
    Block,
    Bullets,
    Figure,
    Heading,
    Inline,
    Manuscript,
    Paragraph,
    Ref,
    ResultExtras,
    Run,
    Section,
    Table,
)
from app.reports.manuscript.texts import counted, with_refs, word
from app.reports.texts import date_text, datetime_text, decimal, text
from app.services.consensus import awmf_rule
from app.services.results import QuestionResult, round_pairs


@dataclass(frozen=True)
class Asked:
    """A question put to the vote: its case number, round 1 and (if voted) round 2."""

    case: int
    one: QuestionResult
    two: QuestionResult | None

    @property
    def rounds(self) -> list[QuestionResult]:
        return [self.one] if self.two is None else [self.one, self.two]

    @property
    def final(self) -> QuestionResult:
        return self.two or self.one

    @property
    def charted(self) -> bool:
        return self.one.question.kind is not QuestionKind.FREE_TEXT and bool(
            self.one.question.options
        )


def asked_questions(data: ReportData) -> list[Asked]:
    """Every asked question in agenda order; a round 2 with other options than round 1
    (edited before its vote) stands as a question of its own."""
    found: list[Asked] = []
    for case in data.cases:
        for one, two in round_pairs(case):
            if not one.asked:
                continue
            if two is not None and not two.asked:
                two = None
            if two is not None and [o.label for o in one.question.options] != [
                o.label for o in two.question.options
            ]:
                found += [Asked(case.case.number, one, None), Asked(case.case.number, two, None)]
                continue
            found.append(Asked(case.case.number, one, two))
    return found


def build(
    data: ReportData,
    lang: str,
    *,
    extras: Sequence[ResultExtras] = (),
    painter: Painter | None = None,
) -> Manuscript:
    """The whole article in ``lang``; ``extras`` add blocks under each result; ``painter``
    draws the charts (one made here otherwise)."""
    conf = data.conference
    authors, affiliations = _authors(data, lang)
    manuscript = Manuscript(
        lang=lang,
        title=conf.topic,
        subtitle=word(lang, "subtitle", date=date_text(conf.date, lang)),
        authors=authors,
        group=word(lang, "group"),
        affiliations=affiliations,
    )
    asked = asked_questions(data)
    manuscript.sections = [
        Section("front", "", [_draft_note(data, lang)]),
        methods(data, asked, lang),
        results(data, asked, lang, extras, painter),
        discussion(data, lang),
        case_reports(data, lang),
        supplement(data, asked, lang),
    ]
    return manuscript


def _authors(data: ReportData, lang: str) -> tuple[tuple[Author, ...], tuple[str, ...]]:
    """The fellows, then the moderator; affiliations are the fellows' sites in order (a
    place holder for whoever has none: the moderator's site is not known)."""
    conf = data.conference
    affiliations: list[str] = []

    def number(site: str) -> int:
        site = site or word(lang, "affiliation_missing")
        if site not in affiliations:
            affiliations.append(site)
        return affiliations.index(site) + 1

    people = [(f.name, f.site) for f in conf.fellows]
    if conf.moderator and conf.moderator not in (name for name, _ in people):
        people.append((conf.moderator, ""))
    authors = tuple(Author(name, (number(site),)) for name, site in people)
    return authors, tuple(affiliations)


def _draft_note(data: ReportData, lang: str) -> Paragraph:
    when = datetime_text(data.generated_at, lang)
    return Paragraph((word(lang, "draft_note", version=data.version, when=when),), draft=True)


# --- methods -------------------------------------------------------------------------


def methods(data: ReportData, asked: list[Asked], lang: str) -> Section:
    """Date, sites, how votes were taken, how percentages and classes were computed."""
    conf = data.conference
    session = with_refs(
        lang,
        "methods_session",
        {"sites": Ref("sites")},
        date=date_text(conf.date, lang),
        invited=len(data.invitations),
        present=len(data.present),
    )
    cases = word(
        lang,
        "methods_cases",
        cases=counted(lang, "cases", len(data.cases)),
        questions=counted(lang, "questions", data.n_questions),
        asked=counted(lang, "asked", len(asked)),
    )
    blocks: list[Block] = [
        Paragraph((*session, " ", cases)),
        Paragraph((word(lang, "methods_votes", version=data.version),)),
    ]
    repeated = sum(1 for a in asked if a.two is not None)
    if repeated:
        questions = counted(lang, "repeated", repeated)
        blocks.append(Paragraph((word(lang, "methods_repeat", questions=questions),)))
    blocks.append(Paragraph((text(lang, "rule_percent"),)))
    blocks.append(Paragraph((awmf_rule(lang),)))
    if any(a.one.question.kind is QuestionKind.EVIDENCE for a in asked):
        blocks.append(Paragraph((word(lang, "methods_evidence"),)))
    return Section("methods", word(lang, "methods"), blocks)


# --- results -------------------------------------------------------------------------


def results(
    data: ReportData,
    asked: list[Asked],
    lang: str,
    extras: Sequence[ResultExtras],
    painter: Painter | None,
) -> Section:
    """Per asked question: text, sentence, consensus class, figure, table."""
    charts = [Chart(a.final, a.one if a.two else None, lang) for a in asked if a.charted]
    pictures = iter(painter.pngs(charts) if painter is not None else pngs(charts))
    not_asked = any(not one.asked for case in data.cases for one, _ in round_pairs(case))
    intro = (
        with_refs(lang, "results_intro", {"not_asked": Ref("not-asked")})
        if not_asked
        else (word(lang, "results_all_asked"),)
    )
    blocks: list[Block] = [Paragraph(intro)]
    for item in asked:
        picture = next(pictures) if item.charted else b""
        blocks += result_blocks(item, picture, lang, extras)
    return Section("results", word(lang, "results"), blocks)


def result_blocks(
    item: Asked, picture: bytes, lang: str, extras: Sequence[ResultExtras]
) -> list[Block]:
    question = item.one.question
    key = f"q{question.id}"
    blocks: list[Block] = [
        Heading(word(lang, "question_heading", number=question.number, case=item.case), 2),
        Paragraph((Run(question.text, italic=True),)),
    ]
    two = item.two is not None
    sentences: list[Inline] = []
    for result in item.rounds:
        prefix = word(lang, "round", round=result.question.round) if two else ""
        sentences.append(f"{prefix}{result.sentence(lang)}. ")
    sentences.append(f"{item.final.participation(lang)} ")
    if item.charted:
        refs = {"figure": Ref(f"figure-{key}"), "table": Ref(f"table-{key}")}
        sentences += [*with_refs(lang, "result_refs", refs), "."]
    blocks.append(Paragraph(tuple(sentences)))
    if item.charted:
        blocks.append(Paragraph((Run(word(lang, "consensus"), bold=True), consensus(item, lang))))
    for extra in extras:
        blocks += extra(item.one, item.two, lang)
    comments = [c for result in item.rounds for c in result.tally.comments]
    if comments:
        blocks.append(Paragraph((word(lang, "comments"),)))
        blocks.append(Bullets(tuple((c,) for c in comments)))
    if item.charted:
        blocks.append(
            Figure(f"figure-{key}", (legend(item, lang),), picture, _file_name(item, lang))
        )
        blocks.append(result_table(item, f"table-{key}", lang))
    return blocks


def consensus(item: Asked, lang: str) -> str:
    """ "Starker Konsens (96 % für „Keine Empfehlung“)", per round when repeated."""
    said = []
    for result in item.rounds:
        tally = result.tally
        prefix = word(lang, "round", round=result.question.round) if item.two else ""
        if tally.kind is QuestionKind.MULTIPLE and tally.n_valid:
            said.append(prefix + word(lang, "consensus_per_option"))
        elif tally.consensus is None:
            said.append(prefix + word(lang, "no_class"))
        else:
            cons = tally.consensus
            said.append(
                prefix
                + word(
                    lang,
                    "consensus_for",
                    label=cons.awmf.label(lang),
                    share=decimal(cons.share * 100, lang),
                    what=consensus_subject(tally, lang),
                )
            )
    return "; ".join(said)


def legend(item: Asked, lang: str) -> str:
    question = item.one.question
    if item.two is not None:
        return word(
            lang,
            "legend_two",
            number=question.number,
            question=question.text,
            n1=item.one.tally.n_valid,
            n2=item.two.tally.n_valid,
        )
    tally = item.one.tally
    return word(
        lang,
        "legend_one",
        number=question.number,
        question=question.text,
        n_valid=tally.n_valid,
        n_abstain=tally.n_abstain,
    )


def _file_name(item: Asked, lang: str) -> str:
    question = item.final.question
    return word(lang, "figure_file", number=question.number.replace(".", "-"), round=question.round)


def result_table(item: Asked, key: str, lang: str) -> Table:
    """Option, n and % (per round); the consensus class per option for multiple choice."""
    rounds = item.rounds
    multi = item.final.tally.kind is QuestionKind.MULTIPLE
    header = [word(lang, "answer")]
    for _ in rounds:
        header += [word(lang, "n"), word(lang, "percent")]
    if multi:
        header.append(word(lang, "class"))
    rows: list[tuple[str, ...]] = []
    final = item.final.tally
    for index, option in enumerate(final.options):
        row = [option.option.label_in(lang)]
        for result in rounds:
            counted_option = result.tally.options[index]
            row += [str(counted_option.count), str(counted_option.percent)]
        if multi:
            row.append(option.consensus.awmf.label(lang) if option.consensus else "–")
        rows.append(tuple(row))
    for label, attr in (("valid", "n_valid"), ("abstentions", "n_abstain")):
        row = [word(lang, label)]
        for result in rounds:
            row += [str(getattr(result.tally, attr)), ""]
        if multi:
            row.append("")
        rows.append(tuple(row))
    spans: tuple[tuple[str, int], ...] = ()
    if len(rounds) == 2:
        spans = (("", 1), *((f"{text(lang, 'round')} {r.question.round}", 2) for r in rounds))
    numeric = (False, *([True] * 2 * len(rounds)), *((False,) if multi else ()))
    caption = (word(lang, "table_caption", number=item.one.question.number),)
    return Table(key, caption, tuple(header), tuple(rows), numeric, spans)
