"""The article's "Free discussion": the questions asked on the spot, in a section of their
own after the Results (as the protocol has it, :mod:`app.reports.story_free`), each
presented case under its one line as typed, its findings, then each question with its
sentence, figure and table, numbered on from the Results."""

from __future__ import annotations

from collections.abc import Sequence

from app.reports.data import ReportData
from app.reports.manuscript.build_cases import findings_table
from app.reports.manuscript.questions import Asked, result_blocks
from app.reports.manuscript.structure import (
    Block,
    Heading,
    Paragraph,
    Ref,
    ResultExtras,
    Section,
)
from app.reports.manuscript.texts import with_refs, word
from app.reports.texts import text
from app.services.quick import case_line_of

KEY = "free-discussion"


def free_discussion(
    data: ReportData,
    asked: Sequence[Asked],
    pictures: dict[int, bytes],
    lang: str,
    extras: Sequence[ResultExtras],
) -> Section | None:
    """The section, or None when no question was asked on the spot."""
    if not asked:
        return None
    cases = {c.case.number: c.case for c in data.cases}
    blocks: list[Block] = [Paragraph((text(lang, "free_discussion_intro"),))]
    for number in dict.fromkeys(a.case for a in asked):  # agenda order, each case once
        case = cases[number]
        line = case_line_of(case.title)
        heading = f"{text(lang, 'case')} {number}" + (f" · {line}" if line else "")
        blocks.append(Heading(heading, 2))
        if case.findings:
            key = f"findings-{case.id}"
            blocks.append(Paragraph(with_refs(lang, "findings_ref", {"table": Ref(key)})))
            blocks.append(findings_table(case, key, lang))
        for item in (a for a in asked if a.case == number):
            title = Heading(f"{word(lang, 'question')} {item.one.question.number}", 3)
            picture = pictures.get(item.one.question.id, b"")
            blocks += result_blocks(item, picture, lang, extras, heading=title)
    return Section(KEY, text(lang, "free_discussion"), blocks)
