"""Story builder for the free discussion: the questions asked on the spot, in a section of
their own after the prepared cases, each presented case under its one line as typed."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, PageBreak

from app.reports.data import ReportData
from app.reports.pdfdoc import Bookmark
from app.reports.pdfstyle import para
from app.reports.story_cases import ChartMaker, findings, notes, question_section
from app.reports.texts import text
from app.services.quick import case_line_of
from app.services.results import CaseResults, round_pairs


def free_discussion_section(data: ReportData, lang: str, chart: ChartMaker) -> list[Flowable]:
    """ "Freie Diskussion": per case its number and line, its findings, its notes, then each
    question as the prepared ones show it (chart, table, consensus, sentence, notes)."""
    cases = [c for c in data.cases if c.case.free_discussion]
    if not cases:
        return []
    title = text(lang, "free_discussion")
    opening: list[Flowable] = [
        Bookmark(title, "free-discussion", 0),
        para(title, "h1"),
        para(text(lang, "free_discussion_intro"), "meta"),
    ]
    story: list[Flowable] = []
    for index, case_results in enumerate(cases):
        story += _case(case_results, data, lang, chart, opening if index == 0 else [])
    story.append(PageBreak())
    return story


def _case(
    case_results: CaseResults,
    data: ReportData,
    lang: str,
    chart: ChartMaker,
    opening: list[Flowable],
) -> list[Flowable]:
    """The case's line, findings and notes stay on the page of its first question (no
    heading left alone at a page's foot); the section's own heading goes with them."""
    case = case_results.case
    line = case_line_of(case.title)
    heading = f"{text(lang, 'case')} {case.number}" + (f" · {line}" if line else "")
    head: list[Flowable] = [*opening, Bookmark(heading, f"case-{case.id}", 1), para(heading, "h2")]
    head += findings(case, lang)
    head += notes(data, lang, case_id=case.id, title=text(lang, "case_notes"))
    questions = [
        question_section(round_one, round_two, data, lang, chart)
        for round_one, round_two in round_pairs(case_results)
    ]
    first = questions[0] if questions else []
    story: list[Flowable] = [KeepTogether(head + first)]
    for section in questions[1:]:
        story += section
    return story
