"""The PDF protocol: gather the conference's data, build the story, write the file atomically."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

from reportlab.platypus import Flowable

from app.db import Database
from app.reports.data import ReportData, gather, protocol_language
from app.reports.pdfcharts import chart
from app.reports.pdfdoc import PageInfo, ProtocolDocument
from app.reports.story_appendix import appendix_section
from app.reports.story_cases import cases_section
from app.reports.story_free import free_discussion_section
from app.reports.story_front import agenda_section, attendance_section, title_page
from app.reports.texts import date_text, datetime_text, say, text
from app.services.errors import StateConflict
from app.services.files import write_bytes_atomic
from app.services.results import QuestionResult


def build_story(data: ReportData, lang: str, *, anonymise: bool = False) -> list[Flowable]:
    """Title page, attendance, agenda, the cases with their questions, the free discussion,
    the ballot appendix."""

    def make_chart(result: QuestionResult, round_one: QuestionResult | None) -> Flowable:
        return chart(result, lang, round_one)

    story: list[Flowable] = []
    story += title_page(data, lang, anonymise=anonymise)
    story += attendance_section(data, lang)
    story += agenda_section(data, lang)
    prepared = tuple(c for c in data.cases if not c.case.free_discussion)
    story += cases_section(replace(data, cases=prepared), lang, make_chart)
    story += free_discussion_section(data, lang, make_chart)
    story += appendix_section(data, lang, anonymise=anonymise)
    return story


def render_protocol(data: ReportData, *, lang: str = "de", anonymise: bool = False) -> bytes:
    """The protocol as PDF bytes (no database, no files: for tests and previews)."""
    conf = data.conference
    buffer = io.BytesIO()
    title = f"{text(lang, 'protocol')}: {conf.topic} ({date_text(conf.date, lang)})"
    document = ProtocolDocument(
        buffer,
        title=title,
        author=conf.moderator or "Votum",
        subject=text(lang, "subject"),
        lang=lang,
    )
    info = PageInfo(
        header_left=f"{conf.topic} · {date_text(conf.date, lang)}",
        header_right=text(lang, "protocol"),
        footer_left=text(
            lang, "generated", when=datetime_text(data.generated_at, lang), version=data.version
        ),
        page_text=lambda page, pages: text(lang, "page", page=page, pages=pages),
    )
    document.build_with(build_story(data, lang, anonymise=anonymise), info)
    return buffer.getvalue()


def write_protocol(
    db: Database,
    conference_id: int,
    path: Path,
    *,
    lang: str | None = None,
    anonymise: bool = False,
    allow_empty: bool = False,
) -> None:
    """Write the PDF protocol of a conference to ``path`` (complete, or not at all).

    A conference without a single ballot is refused (:class:`StateConflict`) unless
    ``allow_empty`` is set: a protocol without results is almost always a mistake.
    """
    data = gather(db, conference_id)
    chosen = protocol_language(data, lang)
    if data.n_ballots == 0 and not allow_empty:
        raise StateConflict(say("no_ballots_no_protocol", slug=data.conference.slug))
    write_bytes_atomic(Path(path), render_protocol(data, lang=chosen, anonymise=anonymise))
