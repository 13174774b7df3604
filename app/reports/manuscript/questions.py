"""A question put to the vote, as the article reports it: its heading, text, sentence,
consensus class, the blocks of :class:`~.structure.ResultExtras`, comments, figure and
table. The Results of the prepared cases and the free discussion both use it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.models import QuestionKind
from app.reports.chart_spec import consensus_subject
from app.reports.data import ReportData
from app.reports.manuscript.pictures import Chart, Painter, pngs
from app.reports.manuscript.structure import (
    Block,
    Bullets,
    Figure,
    Heading,
    Inline,
    Paragraph,
    Ref,
    ResultExtras,
    Run,
    Table,
)
from app.reports.manuscript.texts import with_refs, word
from app.reports.texts import decimal, text
from app.services.results import QuestionResult, round_pairs


@dataclass(frozen=True)
class Asked:
    """A question put to the vote: its case number, round 1 and (if voted) round 2;
    ``free``: asked on the spot in the free discussion."""

    case: int
    one: QuestionResult
    two: QuestionResult | None
    free: bool = False

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
        number, free = case.case.number, case.case.free_discussion
        for one, two in round_pairs(case):
            if not one.asked:
                continue
            if two is not None and not two.asked:
                two = None
            if two is not None and [o.label for o in one.question.options] != [
                o.label for o in two.question.options
            ]:
                found += [Asked(number, one, None, free), Asked(number, two, None, free)]
                continue
            found.append(Asked(number, one, two, free))
    return found


def draw(asked: Sequence[Asked], lang: str, painter: Painter | None) -> dict[int, bytes]:
    """Every charted question's figure as PNG, keyed by its round 1's id (one batch for
    the whole article: the workers share it)."""
    charted = [a for a in asked if a.charted]
    charts = [Chart(a.final, a.one if a.two else None, lang) for a in charted]
    drawn = painter.pngs(charts) if painter is not None else pngs(charts)
    return {a.one.question.id: picture for a, picture in zip(charted, drawn, strict=True)}


def result_blocks(
    item: Asked,
    picture: bytes,
    lang: str,
    extras: Sequence[ResultExtras],
    *,
    heading: Heading | None = None,
) -> list[Block]:
    """The question's blocks under ``heading`` ("Frage 1.2 (Fall 1)" unless given)."""
    question = item.one.question
    key = f"q{question.id}"
    number = question.number
    blocks: list[Block] = [
        heading or Heading(word(lang, "question_heading", number=number, case=item.case), 2),
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
