"""Story builders for the cases: each case's page (its summary from :mod:`story_summary`),
notes, and each question's results."""

from __future__ import annotations

from collections.abc import Callable
from xml.sax.saxutils import escape

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from app.models import NoteKind, QuestionKind
from app.reports.chart_spec import consensus_subject
from app.reports.data import ReportData
from app.reports.pdfdoc import Bookmark
from app.reports.pdfstyle import (
    ACCENT,
    FONT,
    FONT_BOLD,
    MUTED,
    RULE,
    SHADE,
    TEXT_WIDTH,
    label,
    para,
    table_style,
)
from app.reports.story_summary import findings, images, summary
from app.reports.story_trend import trend_lines
from app.reports.texts import decimal, other, text
from app.services.presets import kind_label
from app.services.results import CaseResults, QuestionResult, round_pairs
from app.services.views import OptionInfo

#: Draws the chart of a question (round 2 with round 1 beside it when given).
ChartMaker = Callable[[QuestionResult, QuestionResult | None], Flowable]


def cases_section(data: ReportData, lang: str, chart: ChartMaker) -> list[Flowable]:
    story: list[Flowable] = []
    for case_results in data.cases:
        story += case_section(case_results, data, lang, chart)
    return story


def case_section(
    case_results: CaseResults, data: ReportData, lang: str, chart: ChartMaker
) -> list[Flowable]:
    """One case on a new page: headline, summary, findings, notes, then its questions."""
    case = case_results.case
    title = f"{text(lang, 'case')} {case.number}: {case.title}"
    story: list[Flowable] = [
        Bookmark(title, f"case-{case.id}", 0),
        para(title, "h1"),
    ]
    if case.presenter:
        story.append(para(case.presenter, "meta", markup=label(text(lang, "presenter") + ":")))
    story += summary(case, lang)
    story += findings(case, lang)
    story += images(case, data)
    story += notes(data, lang, case_id=case.id, title=text(lang, "case_notes"))
    for round_one, round_two in round_pairs(case_results):
        story += question_section(round_one, round_two, data, lang, chart)
    story.append(PageBreak())
    return story


def notes(
    data: ReportData,
    lang: str,
    *,
    case_id: int | None = None,
    question_id: int | None = None,
    title: str | None = None,
) -> list[Flowable]:
    """The discussion note and the key message, where written."""
    story: list[Flowable] = []
    discussion = data.note(case_id=case_id, question_id=question_id, kind=NoteKind.DISCUSSION)
    key = data.note(case_id=case_id, question_id=question_id, kind=NoteKind.KEY_MESSAGE)
    if discussion.strip():
        story.append(
            para(discussion, "note", markup=label((title or text(lang, "discussion")) + ":"))
        )
    if key.strip():
        story.append(para(key, "note", markup=label(text(lang, "key_message") + ":")))
    return story


def _state(result: QuestionResult, lang: str) -> str:
    return text(lang, f"states_{result.question.state.value}")


def question_section(
    round_one: QuestionResult,
    round_two: QuestionResult | None,
    data: ReportData,
    lang: str,
    chart: ChartMaker,
) -> list[Flowable]:
    """Text, chart, table, consensus class, ready sentence and notes of one question."""
    question = round_one.question
    if round_two is not None and not _same_options(round_one, round_two):
        # Round 2 was edited before its vote: no side by side, one section per round.
        first = question_section(round_one, None, data, lang, chart)
        return first + question_section(round_two, None, data, lang, chart)
    voted = [r for r in (round_one, round_two) if r is not None and r.ballots]
    heading = f"{text(lang, 'question')} {question.number}"
    if len(voted) == 2:
        heading += f" · {text(lang, 'round_compare')}"
    elif (voted and voted[0].question.round == 2) or question.round == 2:
        heading += f" · {text(lang, 'round')} 2"
    head: list[Flowable] = [
        Bookmark(heading, f"question-{question.id}-{question.round}", 1),
        para(heading, "h3"),
        para(kind_label(question.kind, lang), "meta"),
        para(question.text, "question"),
    ]
    if not voted and question.skip_reason:
        head.append(para(text(lang, "skipped", reason=question.skip_reason), "body"))
        return [KeepTogether(head)]
    if not voted:
        head.append(para(text(lang, "not_voted_yet", state=_state(round_one, lang)), "body"))
        return [KeepTogether(head + call_totals(data, (round_one, round_two), lang))]
    shown = voted[-1]
    block: list[Flowable] = list(head)
    if question.kind is not QuestionKind.FREE_TEXT:
        block.append(chart(shown, voted[0] if len(voted) == 2 else None))
        block.append(Spacer(1, 4))
        block.append(results_table(voted, lang))
        block.append(Spacer(1, 4))
        block += consensus_lines(voted, lang)
    if round_two is not None and not round_two.ballots:
        block.append(para(text(lang, "round2_pending"), "meta"))
    block += sentences(voted, lang)
    block += trend_lines(data.earlier.get(question.id), shown, lang, data.conference.date)
    block += call_totals(data, (round_one, round_two), lang)
    block += comments(voted, lang)
    for result in (round_one, round_two):
        if result is not None:
            block += notes(data, lang, question_id=result.question.id)
    # One unit: moved to the next page whole if it does not fit (split only if taller).
    return [KeepTogether(block)]


def call_totals(
    data: ReportData, rounds: tuple[QuestionResult | None, ...], lang: str
) -> list[Flowable]:
    """An anonymous call poll's totals, apart from the sites' results."""
    story: list[Flowable] = []
    for result in rounds:
        totals = data.call_totals.get(result.question.id) if result is not None else None
        if totals is not None:
            line = text(
                lang,
                "counted_by_call",
                counts=totals.summary(lang),
                n_valid=totals.n_valid,
                n_abstain=totals.n_abstain,
            )
            story.append(para(line, "small"))
    return story


def _same_options(one: QuestionResult, two: QuestionResult) -> bool:
    labels = [o.label for o in one.question.options]
    return labels == [o.label for o in two.question.options] and one.question.kind is (
        two.question.kind
    )


def results_table(rounds: list[QuestionResult], lang: str) -> Table:
    """Counts and percentages per option (per round), then valid, abstained, silent.

    Cells that never wrap are plain strings: reportlab sets them without parsing markup.
    """
    two = len(rounds) == 2
    multi = rounds[-1].tally.kind is QuestionKind.MULTIPLE
    head: list[Flowable | str] = [text(lang, "option")]
    for _result in rounds:
        head += [text(lang, "n"), text(lang, "percent")]
    if multi:
        head.append(text(lang, "consensus"))
    rows: list[list[Flowable | str]] = [head]
    if two:  # a row above: "Runde 1" over its n and %, "Runde 2" over its own
        over: list[Flowable | str] = [""]
        for result in rounds:
            over += [f"{text(lang, 'round')} {result.question.round}", ""]
        rows.insert(0, over + ([""] if multi else []))
    n_head = len(rows)
    final = rounds[-1].tally
    for index, option in enumerate(final.options):
        explanation = option_info(rounds[-1], option.option.id).explanation(lang)
        row: list[Flowable | str] = [
            para(
                f" – {explanation}" if explanation else "",
                "cell",
                markup=escape(option.option.label_in(lang)),
            )
        ]
        for result in rounds:
            counted = result.tally.options[index]
            row += [str(counted.count), str(counted.percent)]
        if multi:
            cons = option.consensus
            row.append(para(cons.awmf.label(lang) if cons else "–", "cell"))  # wraps
        rows.append(row)
    for key, attr in (
        ("valid", "n_valid"),
        ("abstentions", "n_abstain"),
        ("not_voted", "n_present_not_voted"),
    ):
        row = [text(lang, key)]
        for result in rounds:
            row += [str(getattr(result.tally, attr)), ""]
        if multi:
            row.append("")
        rows.append(row)
    n_values = 2 * len(rounds)
    value_w = 1.5 * cm
    class_w = 4.2 * cm if multi else 0
    first = TEXT_WIDTH - n_values * value_w - class_w
    widths = [first] + [value_w] * n_values + ([class_w] if multi else [])
    table = Table(rows, colWidths=widths, repeatRows=n_head, hAlign="LEFT")
    style = table_style(header_rows=n_head, right_from=1)
    split = len(final.options) + n_head
    style.add("LINEABOVE", (0, split), (-1, split), 0.5, RULE)
    for area in (((0, 0), (-1, n_head - 1)), ((0, split), (0, -1))):
        style.add("FONT", *area, FONT_BOLD, 7.5)
        style.add("TEXTCOLOR", *area, MUTED)
    if two:
        for index in range(len(rounds)):
            first_col = 1 + 2 * index
            style.add("SPAN", (first_col, 0), (first_col + 1, 0))
            style.add("ALIGN", (first_col, 0), (first_col + 1, 0), "CENTER")
            style.add("LINEBELOW", (first_col, 0), (first_col + 1, 0), 0.4, RULE)
    if multi:
        style.add("ALIGN", (-1, 0), (-1, -1), "LEFT")
    table.setStyle(style)
    return table


def option_info(result: QuestionResult, option_id: int) -> OptionInfo:
    return next(o for o in result.question.options if o.id == option_id)


def consensus_markup(result: QuestionResult, lang: str) -> str:
    """ "<b>Konsens</b> – 81,2 % für „Keine Empfehlung“ · Konsens (APCCC)", escaped."""
    tally = result.tally
    if tally.kind is QuestionKind.MULTIPLE and tally.n_valid:
        return escape(text(lang, "per_option"))
    cons = tally.consensus
    if cons is None:
        return escape(text(lang, "no_class"))
    what = consensus_subject(tally, lang)
    share = decimal(cons.share * 100, lang)
    return (
        f"<b>{escape(cons.awmf.label(lang))}</b> – {escape(share)} % "
        f"{escape(text(lang, 'for'))} {escape(what)} · {escape(cons.apccc.label(lang))}"
    )


def consensus_lines(rounds: list[QuestionResult], lang: str) -> list[Flowable]:
    story: list[Flowable] = []
    two = len(rounds) == 2
    for result in rounds:
        prefix = f"{text(lang, 'round')} {result.question.round}: " if two else ""
        story.append(
            para(
                "",
                "body",
                markup=label(text(lang, "consensus") + ":")
                + escape(prefix)
                + consensus_markup(result, lang),
            )
        )
    return story


def sentences(rounds: list[QuestionResult], lang: str) -> list[Flowable]:
    """The ready sentence in a shaded box: protocol language, other language, participation."""
    two = len(rounds) == 2
    inner: list[Flowable] = [para(text(lang, "sentence"), "cell_head")]
    for result in rounds:
        prefix = f"{text(lang, 'round')} {result.question.round}: " if two else ""
        other_prefix = f"{text(other(lang), 'round')} {result.question.round}: " if two else ""
        inner.append(para(prefix + result.sentence(lang) + ".", "sentence"))
        inner.append(para(other_prefix + result.sentence(other(lang)) + ".", "sentence_other"))
        inner.append(para(prefix + result.participation(lang) + ".", "small"))
    box = Table([[inner]], colWidths=[TEXT_WIDTH], hAlign="LEFT")
    box.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 9),
                ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                ("LINEBEFORE", (0, 0), (0, -1), 2, ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return [Spacer(1, 3), box]


def comments(rounds: list[QuestionResult], lang: str) -> list[Flowable]:
    items = [(r, c) for r in rounds for c in r.tally.comments]
    if not items:
        return []
    story: list[Flowable] = [para(text(lang, "comments"), "h4")]
    two = len(rounds) == 2
    for result, comment in items:
        prefix = f"[{text(lang, 'round')} {result.question.round}] " if two else ""
        story.append(para(prefix + comment, "note", markup="– "))
    return story
