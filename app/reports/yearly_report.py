"""The project lead's yearly report (PDF): the year at a glance, the sessions and their
topics, participation by site with the heat map, consensus rates by topic, CME
participants and points. Same page template, type and tables as the protocol."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table

from app import __version__
from app.config import LANGUAGES
from app.db import Database
from app.reports.participation_figure import SITES_PER_FIGURE, participation_figure
from app.reports.pdfcharts import figure_flowable
from app.reports.pdfdoc import Bookmark, PageInfo, ProtocolDocument
from app.reports.pdfstyle import TEXT_WIDTH, para, styles, table_style
from app.reports.texts import datetime_text, number
from app.reports.yearly_texts import text
from app.services.consensus import ConsensusClass
from app.services.errors import InvalidInput
from app.services.files import write_bytes_atomic
from app.services.messages import say
from app.services.yearly import YearReport, year_report
from app.texts import short_date_text


def _percent(share: float | None, lang: str) -> str:
    return "–" if share is None else f"{number(share * 100, lang, 0)} %"


def _table(rows: list[list[Any]], widths: list[float], *, total: bool = False) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(table_style(total_row=total, right_from=None))
    return table


def _head(*keys: str, lang: str) -> list[Any]:
    return [para(text(lang, key), "cell_head") for key in keys]


def _fitting(heads: list[str], style: str, least: float) -> float:
    """A column width that holds the longest word of each heading unbroken."""
    chosen = styles()[style]
    widest = max(
        stringWidth(word, chosen.fontName, chosen.fontSize) for h in heads for word in h.split()
    )
    return max(least, widest + 7)


def _short_date(day: dt.date, lang: str) -> str:
    """ "18.11.2026" / "18 Nov 2026": a date that stays on one line of a table."""
    return short_date_text(day, lang)


def glance(report: YearReport, lang: str) -> list[Flowable]:
    reached = sum(t.reached for t in report.topics)
    classed = sum(t.classed for t in report.topics)
    rows = [
        (text(lang, "n_sessions"), str(len(report.sessions))),
        (text(lang, "n_questions"), str(report.questions)),
        (text(lang, "n_sites"), str(report.sites)),
        (text(lang, "n_participants"), str(report.participants)),
        (text(lang, "n_points"), str(report.points_awarded)),
        (
            text(lang, "consensus_rate"),
            f"{_percent(reached / classed if classed else None, lang)} ({reached} / {classed})",
        ),
    ]
    facts = Table(
        [[para(k, "cell_head"), para(v, "cell")] for k, v in rows],
        colWidths=[5 * cm, TEXT_WIDTH - 5 * cm],
        hAlign="LEFT",
    )
    facts.setStyle(table_style(header_rows=0))
    return [para(text(lang, "at_a_glance"), "h3"), facts, para(text(lang, "rate_rule"), "meta")]


def sessions_section(report: YearReport, lang: str) -> list[Flowable]:
    rows: list[list[Any]] = [
        _head("date", "topic", "fellows", "cases_questions", "sites_present", lang=lang)
    ]
    for s in report.sessions:
        fellows = "\n".join(f"{f.name} ({f.site})" if f.site else f.name for f in s.fellows)
        rows.append(
            [
                para(_short_date(s.date, lang), "cell"),
                para(s.topic, "cell"),
                para(fellows or "–", "cell"),
                para(f"{s.cases} / {s.questions}", "cell_right"),
                para(text(lang, "of", n=s.present, N=s.invited), "cell_right"),
            ]
        )
    widths = [2.1 * cm, 6.2 * cm, 5.0 * cm, 1.9 * cm]
    return [
        Bookmark(text(lang, "sessions"), "sessions"),
        para(text(lang, "sessions"), "h1"),
        _table(rows, [*widths, TEXT_WIDTH - sum(widths)]),
    ]


def participation_section(report: YearReport, lang: str) -> list[Flowable]:
    table = report.participation
    rows: list[list[Any]] = [_head("site", "attended", "voted", "participants", lang=lang)]
    for site in table.sites:
        rows.append(
            [
                para(f"{site.site.name} ({site.site.code})", "cell"),
                para(text(lang, "of", n=site.attended, N=site.invited), "cell_right"),
                para(
                    f"{text(lang, 'of', n=site.voted, N=site.asked)} · "
                    f"{_percent(site.share, lang)}",
                    "cell_right",
                ),
                para(str(site.participants), "cell_right"),
            ]
        )
    widths = [8.4 * cm, 2.4 * cm, 3.8 * cm]
    story: list[Flowable] = [
        PageBreak(),
        Bookmark(text(lang, "participation"), "participation"),
        para(text(lang, "participation"), "h1"),
        _table(rows, [*widths, TEXT_WIDTH - sum(widths)]),
    ]
    sites = list(table.sites)
    for start in range(0, len(sites), SITES_PER_FIGURE):
        chunk = sites[start : start + SITES_PER_FIGURE]
        figure = figure_flowable(participation_figure(table, lang, sites=chunk))
        heading = para(text(lang, "heat_map"), "h3") if start == 0 else Spacer(1, 6)
        story.append(KeepTogether([heading, figure]))
    return story


def topics_section(report: YearReport, lang: str) -> list[Flowable]:
    classes = (
        ConsensusClass.STRONG,
        ConsensusClass.CONSENSUS,
        ConsensusClass.MAJORITY,
        ConsensusClass.NO_MAJORITY,
    )
    keys = ("strong", "consensus", "majority", "no_majority")
    head = [para(text(lang, "topic"), "cell_head")] + [
        para(text(lang, key), "cell_head_right")
        for key in ("questions", *keys, "unclassed", "rate")
    ]
    rows: list[list[Any]] = [head]
    for topic in report.topics:
        numbers = [topic.questions, *(topic.classes[c] for c in classes), topic.unclassed]
        rows.append(
            [para(topic.topic, "cell")]
            + [para(str(n), "cell_right") for n in numbers]
            + [para(_percent(topic.rate, lang), "cell_right")]
        )
    values = [
        _fitting([text(lang, key)], "cell_head_right", 1.3 * cm)
        for key in ("questions", *keys, "unclassed", "rate")
    ]
    return [
        Bookmark(text(lang, "topics"), "topics"),
        para(text(lang, "topics"), "h1"),
        _table(rows, [TEXT_WIDTH - sum(values), *values]),
        para(text(lang, "rate_rule"), "meta"),
    ]


def cme_section(report: YearReport, lang: str) -> list[Flowable]:
    keys = ("date", "vnr", "category", "points", "participants", "named", "valid_efn")
    head = [para(text(lang, k), "cell_head") for k in keys[:2]] + [
        para(text(lang, k), "cell_head_right") for k in (*keys[2:], "points_awarded")
    ]
    rows: list[list[Any]] = [head]
    for s in report.sessions:
        rows.append(
            [
                para(_short_date(s.date, lang), "cell"),
                para(s.vnr or "–", "cell"),
                para(s.cme_category or "–", "cell_right"),
                para("–" if s.cme_points is None else str(s.cme_points), "cell_right"),
                para(str(s.participants), "cell_right"),
                para(str(s.named), "cell_right"),
                para(str(s.valid_efn), "cell_right"),
                para(str(s.points_awarded), "cell_right"),
            ]
        )
    rows.append(
        [para(text(lang, "total"), "cell_bold"), "", "", ""]
        + [
            para(str(n), "cell_bold_right")
            for n in (
                report.participants,
                sum(s.named for s in report.sessions),
                sum(s.valid_efn for s in report.sessions),
                report.points_awarded,
            )
        ]
    )
    numbers = [
        _fitting([text(lang, k)], "cell_head_right", 1.2 * cm)
        for k in (*keys[3:], "points_awarded")
    ]
    widths = [2.2 * cm, 0, 1.1 * cm, *numbers]
    widths[1] = TEXT_WIDTH - sum(widths)
    return [
        Bookmark(text(lang, "cme"), "cme"),
        para(text(lang, "cme"), "h1"),
        _table(rows, [*widths, TEXT_WIDTH - sum(widths)], total=True),
        para(text(lang, "cme_rule"), "meta"),
    ]


def build_story(report: YearReport, lang: str, generated: str) -> list[Flowable]:
    title = text(lang, "title", year=report.year)
    story: list[Flowable] = [
        Bookmark(title, "title"),
        Spacer(1, 1.2 * cm),
        para(title, "title"),
        para(text(lang, "subtitle"), "subtitle"),
    ]
    if not report.sessions:
        return [*story, para(text(lang, "no_sessions", year=report.year), "body")]
    story += glance(report, lang)
    story += [Spacer(1, 0.3 * cm), para(generated, "meta"), Spacer(1, 0.6 * cm)]
    story += sessions_section(report, lang)
    story += participation_section(report, lang)
    story += [PageBreak(), *topics_section(report, lang), Spacer(1, 0.6 * cm)]
    story += cme_section(report, lang)
    return story


def render_year_report(
    report: YearReport, *, lang: str = "de", generated_at: dt.datetime | None = None
) -> bytes:
    """The report as PDF bytes (no database, no files)."""
    moment = generated_at or dt.datetime.now().astimezone()
    generated = text(lang, "generated", when=datetime_text(moment, lang), version=__version__)
    buffer = io.BytesIO()
    title = text(lang, "title", year=report.year)
    document = ProtocolDocument(buffer, title=title, author="Votum", subject=title, lang=lang)
    info = PageInfo(
        header_left=title,
        header_right="Votum",
        footer_left=generated,
        page_text=lambda page, pages: text(lang, "page", page=page, pages=pages),
    )
    document.build_with(build_story(report, lang, generated), info)
    return buffer.getvalue()


def write_year_report(db: Database, year: int, path: Path, *, lang: str = "de") -> YearReport:
    """Write the yearly report of ``year`` to ``path`` (complete or not at all)."""
    if lang not in LANGUAGES:
        raise InvalidInput(say("language_unknown", language=lang))
    with db.read() as session:
        report = year_report(session, year)
    write_bytes_atomic(Path(path), render_year_report(report, lang=lang))
    return report
