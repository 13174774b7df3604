"""Flat rows for the exports: results per question and option, ballots per site, attendance."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app.models import QuestionKind
from app.reports.data import ReportData
from app.reports.texts import share_percent, text
from app.services.quick import case_heading
from app.services.results import QuestionResult

Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    """A column: stable key (JSON, tests), German and English header, width in characters."""

    key: str
    de: str
    en: str
    width: int = 12

    def header(self, lang: str) -> str:
        return self.de if lang == "de" else self.en


RESULT_COLUMNS = (
    Column("case", "Fall", "Case", 6),
    Column("case_title", "Falltitel", "Case title", 32),
    Column("question", "Frage", "Question", 8),
    Column("round", "Runde", "Round", 7),
    Column("question_text", "Fragetext", "Question text", 48),
    Column("kind", "Fragetyp", "Kind", 12),
    Column("state", "Status", "State", 10),
    Column("option_position", "Nr.", "No.", 5),
    Column("option", "Antwort", "Answer", 32),
    Column("option_code", "Code", "Code", 8),
    Column("count", "Anzahl", "Count", 8),
    Column("percent", "Prozent", "Percent", 8),
    Column("n_valid", "Gültige Antworten", "Valid answers", 10),
    Column("n_abstain", "Enthaltungen", "Abstentions", 10),
    Column("n_voted", "Abgestimmt", "Voted", 10),
    Column("n_eligible", "Erwartet (N)", "Expected (N)", 10),
    Column("n_present_not_voted", "Anwesend ohne Stimme", "Present, not voted", 12),
    Column("consensus", "Konsensstärke (AWMF)", "Consensus (AWMF)", 24),
    Column("consensus_share", "Konsensanteil (exakt)", "Consensus share (exact)", 12),
    Column("consensus_percent", "Konsensanteil %", "Consensus share %", 12),
    Column("apccc", "APCCC", "APCCC", 22),
    Column("consensus_option", "Konsens für", "Consensus for", 24),
    Column("sentence", "Ergebnissatz", "Sentence", 60),
    Column("counted_by", "Gezählt von", "Counted by", 24),
)

BALLOT_COLUMNS = (
    Column("case", "Fall", "Case", 6),
    Column("question", "Frage", "Question", 8),
    Column("round", "Runde", "Round", 7),
    Column("question_text", "Fragetext", "Question text", 40),
    Column("site", "Standort", "Site", 36),
    Column("site_code", "Kürzel", "Code", 8),
    Column("answer", "Antwort", "Answer", 32),
    Column("answer_codes", "Codes", "Codes", 10),
    Column("abstain", "Enthaltung", "Abstained", 10),
    Column("comment", "Kommentar", "Comment", 40),
    Column("source", "Quelle", "Source", 22),
    Column("cast_at", "Zeit (UTC)", "Time (UTC)", 20),
    Column("revision", "Version", "Revision", 8),
)

HISTORY_COLUMNS = (
    Column("case", "Fall", "Case", 6),
    Column("question", "Frage", "Question", 8),
    Column("round", "Runde", "Round", 7),
    Column("question_text", "Fragetext", "Question text", 40),
    Column("site", "Standort", "Site", 36),
    Column("site_code", "Kürzel", "Code", 8),
    Column("revision", "Version", "Revision", 8),
    Column("cast_at", "Zeit (UTC)", "Time (UTC)", 20),
    Column("answer", "Antwort", "Answer", 32),
    Column("answer_codes", "Codes", "Codes", 10),
    Column("abstain", "Enthaltung", "Abstained", 10),
    Column("comment", "Kommentar", "Comment", 40),
    Column("source", "Quelle", "Source", 22),
    Column("actor", "Eingetragen von", "Entered by", 22),
    Column("counts", "Zählt", "Counts", 8),
)

ATTENDANCE_COLUMNS = (
    Column("vnr", "VNR", "VNR", 21),
    Column("date", "Datum", "Date", 11),
    Column("site", "Standort", "Site", 36),
    Column("site_code", "Kürzel", "Code", 8),
    Column("city", "Stadt", "City", 14),
    Column("present", "Anwesend", "Present", 9),
    Column("attendee_count", "Teilnehmende", "Attendees", 12),
    Column("name", "Name", "Name", 30),
    Column("role", "Funktion", "Role", 18),
    Column("efn", "EFN", "EFN", 17),
    Column("efn_check", "EFN-Prüfung", "EFN check", 14),
)

_SOURCE = {
    "de": {
        "site": "Standort (Browser)",
        "moderator": "Moderation (eingetragen)",
        "poll": "Videokonferenz-Umfrage",
    },
    "en": {"site": "site (browser)", "moderator": "moderator (entered)", "poll": "call poll"},
}
_YES_NO = {"de": ("ja", "nein"), "en": ("yes", "no")}
#: The mark of an EFN kept as typed because it is not valid (for the CME office to fix).
INVALID_EFN = {"de": "EFN ungültig", "en": "invalid EFN"}
_COUNTED_BY = {
    "de": ("Standorte (eine Stimme je Standort)", "Videokonferenz (anonyme Umfrage)"),
    "en": ("sites (one ballot each)", "video call (anonymous poll)"),
}


def _question_fields(result: QuestionResult, case_number: int, case_title: str) -> Row:
    question = result.question
    return {
        "case": case_number,
        "case_title": case_title,
        "question": question.number,
        "round": question.round,
        "question_text": question.text,
    }


def result_rows(data: ReportData, lang: str) -> list[Row]:
    """One row per question round and option (free-text questions: one row)."""
    from app.services.presets import kind_label

    rows: list[Row] = []
    for case in data.cases:
        for result in case.results:
            tally = result.tally
            base = _question_fields(result, case.case.number, case_heading(case.case, lang))
            if not result.asked:  # no counts at all: nobody was asked
                base |= {
                    "kind": kind_label(result.question.kind, lang),
                    "state": result.participation(lang),
                    "sentence": result.sentence(lang),
                }
                rows.append(base)
                continue
            base |= {
                "kind": kind_label(result.question.kind, lang),
                "state": text(lang, f"states_{result.question.state.value}"),
                "n_valid": tally.n_valid,
                "n_abstain": tally.n_abstain,
                "n_voted": tally.n_voted,
                "n_eligible": tally.n_eligible,
                "n_present_not_voted": tally.n_present_not_voted,
                "sentence": result.sentence(lang),
            }
            base["counted_by"] = _COUNTED_BY[_lang(lang)][0]
            options = tally.options if tally.kind is not QuestionKind.FREE_TEXT else ()
            if not options:
                rows.append(base | _consensus_fields(result, None, lang))
            for position, option in enumerate(options, start=1):
                rows.append(
                    base
                    | {
                        "option_position": position,
                        "option": option.option.label_in(lang),
                        "option_code": option.option.code,
                        "count": option.count,
                        "percent": option.percent,
                    }
                    | _consensus_fields(result, option.option.id, lang)
                )
            rows += _call_rows(data, result, base, lang)
    return rows


def _call_rows(data: ReportData, result: QuestionResult, base: Row, lang: str) -> list[Row]:
    """An anonymous call poll's totals as rows of their own: no sites, no consensus."""
    totals = data.call_totals.get(result.question.id)
    if totals is None:
        return []
    call = {
        key: base[key] for key in ("case", "case_title", "question", "round", "question_text")
    } | {
        "kind": base["kind"],
        "state": base["state"],
        "n_valid": totals.n_valid,
        "n_abstain": totals.n_abstain,
        "n_voted": totals.n_valid + totals.n_abstain,
        "counted_by": _COUNTED_BY[_lang(lang)][1],
    }
    return [
        call
        | {
            "option_position": position,
            "option": option.label_in(lang),
            "option_code": option.code,
            "count": option.count,
            "percent": option.percent,
        }
        for position, option in enumerate(totals.options, start=1)
    ]


def _consensus_fields(result: QuestionResult, option_id: int | None, lang: str) -> Row:
    """The question's consensus (or, for multiple choice, the option's own)."""
    tally = result.tally
    cons = tally.consensus
    if tally.kind is QuestionKind.MULTIPLE and option_id is not None:
        cons = tally.result_for(option_id).consensus
    if cons is None:
        return {}
    labels = [o.option.label_in(lang) for o in tally.options if o.option.id in cons.option_ids]
    return {
        "consensus": cons.awmf.label(lang),
        "consensus_share": f"{cons.share.numerator}/{cons.share.denominator}",
        "consensus_percent": share_percent(cons.share),
        "apccc": cons.apccc.label(lang),
        "consensus_option": " + ".join(labels),
    }


def ballot_rows(data: ReportData, lang: str) -> list[Row]:
    """One row per site and question round: the ballot that counts."""
    rows: list[Row] = []
    for case in data.cases:
        for result in case.results:
            labels = {o.id: o.label_in(lang) for o in result.question.options}
            codes = {o.id: o.code for o in result.question.options}
            for ballot in result.ballots:
                rows.append(
                    _question_fields(result, case.case.number, case_heading(case.case, lang))
                    | {
                        "site": ballot.site_name,
                        "site_code": ballot.site_code,
                        "answer": " + ".join(labels.get(i, "?") for i in ballot.option_ids),
                        "answer_codes": " + ".join(codes.get(i, "") for i in ballot.option_ids),
                        "abstain": _YES_NO[_lang(lang)][0 if ballot.abstain else 1],
                        "comment": ballot.comment,
                        "source": _SOURCE[_lang(lang)][ballot.source.value],
                        "cast_at": ballot.cast_at.strftime("%Y-%m-%d %H:%M:%S"),
                        "revision": ballot.revision,
                    }
                )
    return rows


def history_rows(data: ReportData, lang: str) -> list[Row]:
    """Every ballot ever cast, per question round and site in the order cast: the ones
    that were replaced, and (``counts``) the last one, which counts."""
    results = {r.question.id: (case, r) for case in data.cases for r in case.results}
    sites = {inv.site.id: (inv.site.name, inv.site.code) for inv in data.invitations}
    for result in data.results:
        for ballot in result.ballots:
            sites.setdefault(ballot.site_id, (ballot.site_name, ballot.site_code))
    last = {(e.question_id, e.site_id): e.revision for e in data.history}
    order = {qid: index for index, qid in enumerate(results)}
    entries = sorted(
        data.history, key=lambda e: (order.get(e.question_id, 0), e.site_id, e.revision)
    )
    rows: list[Row] = []
    for entry in entries:
        if entry.question_id not in results:
            continue
        case, result = results[entry.question_id]
        labels = {o.id: o.label_in(lang) for o in result.question.options}
        codes = {o.id: o.code for o in result.question.options}
        name, code = sites.get(entry.site_id, ("?", "?"))
        yes_no = _YES_NO[_lang(lang)]
        rows.append(
            _question_fields(result, case.case.number, case_heading(case.case, lang))
            | {
                "site": name,
                "site_code": code,
                "revision": entry.revision,
                "cast_at": entry.at.strftime("%Y-%m-%d %H:%M:%S"),
                "answer": " + ".join(labels.get(i, "?") for i in entry.option_ids),
                "answer_codes": " + ".join(codes.get(i, "") for i in entry.option_ids),
                "abstain": yes_no[0 if entry.abstain else 1],
                "comment": entry.comment,
                "source": _SOURCE[_lang(lang)][entry.source.value],
                "actor": entry.actor,
                "counts": yes_no[
                    0 if last[(entry.question_id, entry.site_id)] == entry.revision else 1
                ],
            }
        )
    return rows


def attendance_rows(data: ReportData, lang: str) -> list[Row]:
    """One row per named attendee; a site without names gets one row with its count."""
    conf = data.conference
    rows: list[Row] = []
    for inv in data.invitations:
        base = {
            "vnr": conf.vnr,
            "date": conf.date.isoformat(),
            "site": inv.site.name,
            "site_code": inv.site.code,
            "city": inv.site.city,
            "present": _YES_NO[_lang(lang)][0 if inv.present else 1],
            "attendee_count": inv.attendee_count,
        }
        people = inv.attendees or ()
        if not people:
            rows.append(base | {"name": "", "role": "", "efn": "", "efn_check": ""})
        for person in people:
            check = INVALID_EFN[_lang(lang)] if person.efn_invalid else ""
            named = {"name": person.name, "role": person.role, "efn": person.efn}
            rows.append(base | named | {"efn_check": check})
    return rows


def _lang(lang: str) -> str:
    return "en" if lang == "en" else "de"


def headers(columns: Sequence[Column], lang: str) -> list[str]:
    return [c.header(lang) for c in columns]


def cells(row: Row, columns: Sequence[Column]) -> list[Any]:
    return [row.get(c.key, "") for c in columns]
