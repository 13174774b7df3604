"""Results for the manuscript: CSV (Excel-ready), XLSX (three sheets) and JSON.

CSV decisions: UTF-8 with a byte-order mark, so Excel shows umlauts intact when the file is
double-clicked; ``;`` as the separator, because German Excel (where ``,`` is the decimal
comma) splits only ``;``-separated files into columns, and ``;`` never occurs in numbers.
Decimals follow the language (``81,3`` in German) for the same reason. Machines should
read the JSON, which keeps exact shares ("13/16") and stable keys.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.db import Database
from app.reports.data import ReportData, gather, protocol_language
from app.reports.tables import (
    ATTENDANCE_COLUMNS,
    BALLOT_COLUMNS,
    HISTORY_COLUMNS,
    RESULT_COLUMNS,
    Column,
    Row,
    attendance_rows,
    ballot_rows,
    cells,
    headers,
    history_rows,
    result_rows,
)
from app.reports.texts import say, share_percent, text
from app.services.call_polls import CallTally
from app.services.consensus import awmf_rule
from app.services.errors import InvalidInput, StateConflict
from app.services.files import write_bytes_atomic
from app.services.results import QuestionResult
from app.services.text import spreadsheet_safe
from app.texts import with_decimal_mark

FORMATS = ("csv", "xlsx", "json")
CSV_DELIMITER = ";"

#: The workbook's sheets (their names: REPORT's ``sheet_…`` texts).
SHEETS = ("results", "ballots", "history", "attendance", "info")


def ballots_path(path: Path) -> Path:
    """The CSV of the ballots beside the results CSV: ``results.csv`` → ``results.ballots.csv``."""
    return path.with_name(f"{path.stem}.ballots{path.suffix or '.csv'}")


def write_results(
    db: Database,
    conference_id: int,
    path: Path,
    fmt: str,
    *,
    lang: str | None = None,
    allow_empty: bool = False,
) -> None:
    """Export results and ballots as ``csv``, ``xlsx`` or ``json`` (complete, or nothing).

    CSV makes two files: ``path`` with the results per question and option, and
    :func:`ballots_path` with the ballots per site. A conference without ballots is
    refused unless ``allow_empty``.
    """
    if fmt not in FORMATS:
        raise InvalidInput(say("export_format_unknown", format=fmt))
    path = Path(path)
    data = gather(db, conference_id, with_images=False)
    chosen = protocol_language(data, lang)
    if data.n_ballots == 0 and not allow_empty:
        raise StateConflict(say("no_ballots_no_export", slug=data.conference.slug))
    if fmt == "csv":
        results = csv_bytes(RESULT_COLUMNS, result_rows(data, chosen), chosen)
        ballots = csv_bytes(BALLOT_COLUMNS, ballot_rows(data, chosen), chosen)
        _write_pair(path, results, ballots_path(path), ballots)
    elif fmt == "xlsx":
        write_bytes_atomic(path, xlsx_bytes(data, chosen))
    else:
        write_bytes_atomic(path, json_bytes(data, chosen))


def _write_pair(first: Path, first_data: bytes, second: Path, second_data: bytes) -> None:
    """Both files or neither: the first is taken back if the second cannot be written."""
    existed = first.exists()
    write_bytes_atomic(first, first_data)
    try:
        write_bytes_atomic(second, second_data)
    except BaseException:
        if not existed:
            first.unlink(missing_ok=True)
        raise


# --- CSV -------------------------------------------------------------------------------


def _csv_value(value: Any, lang: str) -> Any:
    if isinstance(value, str):
        return spreadsheet_safe(value)  # shown as typed, never run: comments come from sites
    if isinstance(value, float):
        return with_decimal_mark(f"{value:g}", lang)
    return value


def csv_bytes(columns: Sequence[Column], rows: Sequence[Row], lang: str) -> bytes:
    """UTF-8 with BOM, ``;``-separated, a header row in the chosen language."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow(headers(columns, lang))
    for row in rows:
        writer.writerow([_csv_value(v, lang) for v in cells(row, columns)])
    return buffer.getvalue().encode("utf-8-sig")


# --- XLSX ------------------------------------------------------------------------------


def xlsx_bytes(data: ReportData, lang: str) -> bytes:
    """A workbook with results, the ballots that count, every ballot ever cast (the
    history of changed ballots), attendance and an info sheet (streamed: fast)."""
    from openpyxl import Workbook

    names = [text(lang, f"sheet_{sheet}") for sheet in SHEETS]
    book = Workbook(write_only=True)
    sheets = [
        (names[0], RESULT_COLUMNS, result_rows(data, lang)),
        (names[1], BALLOT_COLUMNS, ballot_rows(data, lang)),
        (names[2], HISTORY_COLUMNS, history_rows(data, lang)),
        (names[3], ATTENDANCE_COLUMNS, attendance_rows(data, lang)),
    ]
    for title, columns, rows in sheets:
        _fill_sheet(book.create_sheet(title), columns, rows, lang)
    _info_sheet(book.create_sheet(names[4]), data, lang)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _text_cell(sheet: Any, value: Any, **style: Any) -> Any:
    """A cell that Excel shows as typed: text is text, never a formula (``=cmd|…``)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str):  # rows stored before the cleaning rule may hold ESC or NUL
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"
    for key, setting in style.items():
        setattr(cell, key, setting)
    return cell


def _fill_sheet(sheet: Any, columns: Sequence[Column], rows: Sequence[Row], lang: str) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width + 2
    sheet.freeze_panes = "A2"
    if rows:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"
    head = {
        "font": Font(bold=True, color="FFFFFF"),
        "fill": PatternFill("solid", fgColor="0072B2"),
        "border": Border(bottom=Side(style="thin", color="444444")),
        "alignment": Alignment(vertical="top", wrap_text=True),
    }
    sheet.append([_text_cell(sheet, title, **head) for title in headers(columns, lang)])
    for row in rows:
        sheet.append([_text_cell(sheet, value) for value in cells(row, columns)])


def _info_sheet(sheet: Any, data: ReportData, lang: str) -> None:
    from openpyxl.styles import Alignment, Font

    conf = data.conference
    points = "" if conf.cme_points is None else str(conf.cme_points)
    rows = [
        (text(lang, "info_topic"), conf.topic),
        (text(lang, "info_date"), conf.date.isoformat()),
        (text(lang, "info_start"), conf.starts_at),
        (text(lang, "info_end"), conf.ends_at),
        (text(lang, "info_moderator"), conf.moderator),
        (text(lang, "scientific_lead"), conf.scientific_lead),
        ("VNR", conf.vnr),
        (text(lang, "info_cme_category"), conf.cme_category),
        (text(lang, "info_cme_points"), points),
        (text(lang, "info_rule"), awmf_rule(lang)),
        (text(lang, "info_generated"), data.generated_at.isoformat(timespec="seconds")),
        ("Votum", data.version),
    ]
    sheet.column_dimensions["A"].width = 26
    sheet.column_dimensions["B"].width = 100
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    for key, value in rows:
        sheet.append([_text_cell(sheet, key, font=bold), _text_cell(sheet, value, alignment=wrap)])


# --- JSON ------------------------------------------------------------------------------


def _call_json(totals: CallTally | None) -> dict[str, Any] | None:
    """An anonymous call poll's totals, apart from the sites' ballots (None: there is none)."""
    if totals is None:
        return None
    return {
        "n_valid": totals.n_valid,
        "n_abstain": totals.n_abstain,
        "options": [
            {"label": o.label, "code": o.code, "count": o.count, "percent": o.percent}
            for o in totals.options
        ],
    }


def json_document(data: ReportData, lang: str) -> dict[str, Any]:
    """Stable keys, exact shares, both sentences; for scripts and statistics."""
    conf = data.conference
    questions = []
    for case in data.cases:
        for result in case.results:
            tally = result.tally
            cons = tally.consensus
            if not result.asked:
                questions.append(_not_asked_json(case.case.number, case.case.title, result, lang))
                continue
            questions.append(
                {
                    "case": case.case.number,
                    "case_title": case.case.title,
                    "number": result.question.number,
                    "round": result.question.round,
                    "text": result.question.text,
                    "kind": result.question.kind.value,
                    "state": result.question.state.value,
                    "asked": True,
                    "skip_reason": None,
                    "n_valid": tally.n_valid,
                    "n_abstain": tally.n_abstain,
                    "n_voted": tally.n_voted,
                    "n_eligible": tally.n_eligible,
                    "n_present_not_voted": tally.n_present_not_voted,
                    "consensus": _consensus_json(cons, lang),
                    "options": [
                        {
                            "label": o.option.label,
                            "code": o.option.code,
                            "count": o.count,
                            "percent": o.percent,
                            "share": f"{o.share.numerator}/{o.share.denominator}",
                            "consensus": _consensus_json(o.consensus, lang),
                        }
                        for o in tally.options
                    ],
                    "sentence_de": result.sentence_de,
                    "sentence_en": result.sentence_en,
                    "participation": result.participation(lang),
                    "comments": list(tally.comments),
                    "counted_by_call": _call_json(data.call_totals.get(result.question.id)),
                }
            )
    return {
        "format": "votum-results",
        "version": 1,
        "language": lang,
        "generated_at": data.generated_at.isoformat(timespec="seconds"),
        "votum": data.version,
        "conference": {
            "slug": conf.slug,
            "topic": conf.topic,
            "date": conf.date.isoformat(),
            "starts_at": conf.starts_at,
            "ends_at": conf.ends_at,
            "moderator": conf.moderator,
            "scientific_lead": conf.scientific_lead,
            "organiser": conf.organiser,
            "vnr": conf.vnr,
            "cme_category": conf.cme_category,
            "cme_points": conf.cme_points,
            "sites_invited": len(data.invitations),
            "sites_present": len(data.present),
            "attendees": data.attendee_total,
        },
        "rule": awmf_rule(lang),
        "questions": questions,
        "ballots": ballot_rows(data, lang),
        "ballot_history": history_rows(data, lang),
        "attendance": attendance_rows(data, lang),
    }


def _not_asked_json(
    case_number: int, case_title: str, result: QuestionResult, lang: str
) -> dict[str, Any]:
    """A question never opened (or skipped): no counts, no consensus, "not asked"."""
    question = result.question
    return {
        "case": case_number,
        "case_title": case_title,
        "number": question.number,
        "round": question.round,
        "text": question.text,
        "kind": question.kind.value,
        "state": question.state.value,
        "asked": False,
        "skip_reason": question.skip_reason,
        "n_valid": None,
        "n_abstain": None,
        "n_voted": None,
        "n_eligible": None,
        "n_present_not_voted": None,
        "consensus": None,
        "options": [{"label": o.label, "code": o.code} for o in question.options],
        "sentence_de": result.sentence_de,
        "sentence_en": result.sentence_en,
        "participation": result.participation(lang),
        "comments": [],
        "counted_by_call": None,
    }


def _consensus_json(cons: Any, lang: str) -> dict[str, Any] | None:
    if cons is None:
        return None
    return {
        "awmf": cons.awmf.value,
        "awmf_label": cons.awmf.label(lang),
        "apccc": cons.apccc.value,
        "apccc_label": cons.apccc.label(lang),
        "share": f"{cons.share.numerator}/{cons.share.denominator}",
        "percent": share_percent(cons.share),
    }


def json_bytes(data: ReportData, lang: str) -> bytes:
    return json.dumps(json_document(data, lang), ensure_ascii=False, indent=2).encode("utf-8")
