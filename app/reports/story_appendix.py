"""Story builder for the appendix: the per-site ballot matrix, optionally anonymised."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from app.models import BallotSource, QuestionKind
from app.reports.data import ReportData, anonymous_labels, letters
from app.reports.pdfdoc import Bookmark
from app.reports.pdfstyle import FONT, TEXT_WIDTH, para, table_style
from app.reports.texts import text
from app.services.ballots import BallotView
from app.services.presets import preset_step
from app.services.results import QuestionResult

SITE_COLUMN = 5.2 * cm
ANON_COLUMN = 2.0 * cm
VALUE_COLUMN = 1.28 * cm
SHORT_LABEL = 6  # labels this short stand in the matrix as they are
#: A ballot the site did not cast on its voter page is marked (see "appendix_note").
SOURCE_MARK = {BallotSource.MODERATOR: "*", BallotSource.POLL: "°", BallotSource.API: "†"}


@dataclass(frozen=True)
class SiteRow:
    site_id: int
    label: str


def short_code(result: QuestionResult, option_id: int, lang: str = "de") -> str:
    """Evidence levels by their code (m2B), short labels (Ja, Nein) as they are, every
    other option by its letter (A, B, …)."""
    options = result.question.options
    short = all(len(o.label) <= SHORT_LABEL for o in options)
    for index, option in enumerate(options):
        if option.id != option_id:
            continue
        step = preset_step(result.question.kind, index, len(options))
        if result.question.kind is QuestionKind.EVIDENCE and step is not None:
            return step.code if index < len(options) - 1 else text(lang, "no_level_short")
        return option.label_in(lang) if short else letters(index)
    return "?"


def _self_explaining(result: QuestionResult) -> bool:
    return result.question.kind is QuestionKind.EVIDENCE or all(
        len(o.label) <= SHORT_LABEL for o in result.question.options
    )


def column(result: QuestionResult, lang: str) -> dict[int, str]:
    """Site id → what the site voted in this question round, as the matrix shows it."""
    return {ballot.site_id: cell(result, ballot, lang) for ballot in result.ballots}


def cell(result: QuestionResult, ballot: BallotView, lang: str) -> str:
    if ballot.abstain:
        value = text(lang, "abstain_short")
    elif result.question.kind is QuestionKind.FREE_TEXT:
        value = "✓"
    else:
        value = "+".join(short_code(result, option_id, lang) for option_id in ballot.option_ids)
    return value + SOURCE_MARK.get(ballot.source, "")


def _rows(data: ReportData, anonymise: bool) -> list[SiteRow]:
    names = {inv.site.id: f"{inv.site.name} ({inv.site.code})" for inv in data.invitations}
    for result in data.results:
        for ballot in result.ballots:
            names.setdefault(ballot.site_id, f"{ballot.site_name} ({ballot.site_code})")
    if anonymise:
        labels = anonymous_labels(data)
        return sorted((SiteRow(i, label) for i, label in labels.items()), key=lambda r: r.label)
    return sorted((SiteRow(i, n) for i, n in names.items()), key=lambda r: r.label.casefold())


def _column_title(result: QuestionResult, lang: str) -> str:
    number = result.question.number
    if result.question.round == 2 or result.question.parent_id is not None:
        return f"{number} R2"
    return number


def _legend(results: list[QuestionResult], lang: str) -> list[Flowable]:
    parts: list[Flowable] = []
    for result in results:
        if result.question.kind is QuestionKind.FREE_TEXT or _self_explaining(result):
            continue
        keys = [
            f"{short_code(result, o.id, lang)} = {o.label_in(lang)}"
            for o in result.question.options
        ]
        parts.append(para(f"{_column_title(result, lang)}: " + " · ".join(keys), "small"))
    return parts


def appendix_section(data: ReportData, lang: str, *, anonymise: bool) -> list[Flowable]:
    """Sites × question rounds, in chunks that fit the page width; a legend under each."""
    results = [r for r in data.results if r.ballots]
    story: list[Flowable] = [
        Bookmark(text(lang, "appendix"), "appendix"),
        para(text(lang, "appendix"), "h1"),
        para(text(lang, "appendix_note"), "body"),
    ]
    if anonymise:
        story.append(para(text(lang, "appendix_anon"), "body"))
    if not results:
        return story
    rows = _rows(data, anonymise)
    first = ANON_COLUMN if anonymise else SITE_COLUMN
    per_chunk = max(1, int((TEXT_WIDTH - first) // VALUE_COLUMN))
    for start in range(0, len(results), per_chunk):
        chunk = results[start : start + per_chunk]
        head = [para(text(lang, "site"), "matrix_head")] + [
            para(_column_title(r, lang), "matrix_head") for r in chunk
        ]
        # Value cells are plain strings: reportlab sets them without parsing any markup.
        columns = [column(r, lang) for r in chunk]
        missing = text(lang, "none_short")
        body = [
            [para(row.label, "matrix"), *(c.get(row.site_id, missing) for c in columns)]
            for row in rows
        ]
        table = Table(
            [head, *body],
            colWidths=[first] + [VALUE_COLUMN] * len(chunk),
            repeatRows=1,
            hAlign="LEFT",
        )
        style = table_style()
        style.add("TOPPADDING", (0, 0), (-1, -1), 1.2)
        style.add("BOTTOMPADDING", (0, 0), (-1, -1), 1.2)
        style.add("FONT", (1, 1), (-1, -1), FONT, 7)
        table.setStyle(style)
        story += [Spacer(1, 0.3 * cm), table, Spacer(1, 0.15 * cm)]
        legend = _legend(chunk, lang)
        if legend:
            story.append(KeepTogether([para(text(lang, "legend"), "cell_head"), *legend]))
    return story
