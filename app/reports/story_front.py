"""Story builders for the front matter: title page, method, CME attendance list, agenda."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer, Table

from app.reports.data import ReportData
from app.reports.pdfdoc import Bookmark
from app.reports.pdfstyle import TEXT_WIDTH, label, para, table_style
from app.reports.tables import invalid_efn
from app.reports.texts import cme_text, datetime_text, day_and_time_text, text
from app.services.consensus import awmf_rule
from app.services.quick import case_heading
from app.services.results import round_pairs
from app.services.views import AttendeeInfo


def title_page(data: ReportData, lang: str, *, anonymise: bool) -> list[Flowable]:
    """Topic, date and times, moderator, scientific lead, fellows, the CME block, the
    numbers at a glance and the counting rule."""
    conf = data.conference
    fellows = "\n".join(f"{f.name} ({f.site})" if f.site else f.name for f in conf.fellows)
    rows = [
        (text(lang, "date"), day_and_time_text(conf.date, conf.starts_at, conf.ends_at, lang)),
        (text(lang, "moderator"), conf.moderator or "–"),
        (text(lang, "scientific_lead"), conf.scientific_lead or "–"),
        (text(lang, "organiser"), conf.organiser or "–"),
        (text(lang, "fellows"), fellows or "–"),
        (text(lang, "vnr"), conf.vnr or text(lang, "vnr_missing")),
        (text(lang, "cme"), cme_text(conf.cme_category, conf.cme_points, lang) or "–"),
        (
            text(lang, "sites_present"),
            f"{len(data.present)} / {len(data.invitations)}",
        ),
        (text(lang, "attendees_total"), str(data.attendee_total)),
        (text(lang, "cases"), str(len(data.cases))),
        (text(lang, "questions"), str(data.n_questions)),
    ]
    facts = Table(
        [[para(key, "cell_head"), para(value, "cell")] for key, value in rows],
        colWidths=[5 * cm, TEXT_WIDTH - 5 * cm],
        hAlign="LEFT",
    )
    facts.setStyle(table_style(header_rows=0))
    generated = text(
        lang, "generated", when=datetime_text(data.generated_at, lang), version=data.version
    )
    story: list[Flowable] = [
        Bookmark(text(lang, "protocol"), "title"),
        Spacer(1, 1.2 * cm),
        para(text(lang, "protocol"), "title"),
        para(conf.topic, "topic"),
        para(text(lang, "subtitle"), "subtitle"),
        facts,
        Spacer(1, 0.4 * cm),
        para(generated + (f" · {text(lang, 'anonymised')}" if anonymise else ""), "meta"),
        Spacer(1, 0.8 * cm),
        KeepTogether(
            [
                para(text(lang, "rule_title"), "h3"),
                para(awmf_rule(lang), "body"),
                para(text(lang, "rule_percent"), "body"),
            ]
        ),
        PageBreak(),
    ]
    return story


def _attendee(person: AttendeeInfo, lang: str) -> str:
    """ "Dr. A (802761234567890)"; a wrong EFN kept as typed is marked for the office."""
    if not person.efn:
        return person.name
    if person.efn_invalid:
        return f"{person.name} ({person.efn} – {invalid_efn(lang)})"
    return f"{person.name} ({person.efn})"


def attendance_section(data: ReportData, lang: str) -> list[Flowable]:
    """The CME list: VNR, category and points, scientific lead, date and times, every
    invited site with attendance, names and EFNs, the total."""
    conf = data.conference
    head: list[Flowable] = [
        para(text(lang, "site"), "cell_head"),
        para(text(lang, "present"), "cell_head"),
        para(text(lang, "count"), "cell_head_right"),
        para(text(lang, "names"), "cell_head"),
    ]
    rows: list[list[Flowable]] = [head]
    for inv in data.invitations:
        names = "\n".join(_attendee(a, lang) for a in inv.attendees)
        rows.append(
            [
                para(f"{inv.site.name} ({inv.site.code})", "cell"),
                para(text(lang, "yes" if inv.present else "no"), "cell"),
                para(str(inv.attendee_count) if inv.present else "–", "cell_right"),
                para(names, "cell"),
            ]
        )
    rows.append(
        [
            para(text(lang, "total"), "cell_bold"),
            para(f"{len(data.present)} / {len(data.invitations)}", "cell_bold"),
            para(str(data.attendee_total), "cell_bold_right"),
            para("", "cell"),
        ]
    )
    widths = [6.4 * cm, 1.8 * cm, 1.6 * cm, TEXT_WIDTH - 9.8 * cm]
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(table_style(total_row=True))
    total = text(
        lang,
        "total_line",
        sites=len(data.present),
        invited=len(data.invitations),
        people=data.attendee_total,
    )
    return [
        Bookmark(text(lang, "attendance"), "attendance"),
        para(text(lang, "attendance"), "h1"),
        para(conf.vnr or text(lang, "vnr_missing"), "body", markup=label(text(lang, "vnr") + ":")),
        para(
            cme_text(conf.cme_category, conf.cme_points, lang) or "–",
            "body",
            markup=label(text(lang, "cme") + ":"),
        ),
        para(
            conf.scientific_lead or "–",
            "body",
            markup=label(text(lang, "scientific_lead") + ":"),
        ),
        para(conf.organiser or "–", "body", markup=label(text(lang, "organiser") + ":")),
        para(
            day_and_time_text(conf.date, conf.starts_at, conf.ends_at, lang),
            "body",
            markup=label(text(lang, "date") + ":"),
        ),
        para(conf.topic, "body", markup=label(text(lang, "event") + ":")),
        para(text(lang, "attendance_note"), "body"),
        para(total, "cell_bold"),
        Spacer(1, 0.25 * cm),
        table,
    ]


def agenda_section(data: ReportData, lang: str) -> list[Flowable]:
    """Cases with their one-line headline and questions, in the order they were discussed."""
    story: list[Flowable] = [
        CondPageBreak(6 * cm),
        Spacer(1, 0.5 * cm),
        Bookmark(text(lang, "agenda"), "agenda"),
        para(text(lang, "agenda"), "h1"),
    ]
    if not data.cases:
        return [*story, para(text(lang, "no_cases"))]
    rows: list[list[Flowable]] = []
    styles: list[tuple[Any, ...]] = []
    for case_results in data.cases:
        case = case_results.case
        styles.append(("LINEABOVE", (0, len(rows)), (-1, len(rows)), 0.5, "#b0b0b0"))
        rows.append(
            [
                para(f"{text(lang, 'case')} {case.number}", "cell_bold"),
                para(case_heading(case, lang), "cell_bold"),  # a free discussion says so
            ]
        )
        if case.headline(lang):
            rows.append([para("", "cell"), para(case.headline(lang), "small")])
        for round_one, round_two in round_pairs(case_results):
            rounds = f" ({text(lang, 'round')} 1 + 2)" if round_two is not None else ""
            rows.append(
                [
                    para(round_one.question.number, "cell_right"),
                    para(round_one.question.text + rounds, "cell"),
                ]
            )
    table = Table(rows, colWidths=[1.6 * cm, TEXT_WIDTH - 1.6 * cm], hAlign="LEFT")
    style = table_style(header_rows=0)
    for command in styles:
        style.add(*command)
    table.setStyle(style)
    return [*story, table, PageBreak()]
