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
from app.texts import Catalog

Row = dict[str, Any]


#: The exports' words: column headers (by column key) and the values they write.
EXPORTS = Catalog.of_pairs(
    "export tables",
    {
        "case": ("Fall", "Case"),
        "case_title": ("Falltitel", "Case title"),
        "question": ("Frage", "Question"),
        "round": ("Runde", "Round"),
        "question_text": ("Fragetext", "Question text"),
        "kind": ("Fragetyp", "Kind"),
        "state": ("Status", "State"),
        "option_position": ("Nr.", "No."),
        "option": ("Antwort", "Answer"),
        "option_code": ("Code", "Code"),
        "count": ("Anzahl", "Count"),
        "percent": ("Prozent", "Percent"),
        "n_valid": ("Gültige Antworten", "Valid answers"),
        "n_abstain": ("Enthaltungen", "Abstentions"),
        "n_voted": ("Abgestimmt", "Voted"),
        "n_eligible": ("Erwartet (N)", "Expected (N)"),
        "n_present_not_voted": ("Anwesend ohne Stimme", "Present, not voted"),
        "consensus": ("Konsensstärke (AWMF)", "Consensus (AWMF)"),
        "consensus_share": ("Konsensanteil (exakt)", "Consensus share (exact)"),
        "consensus_percent": ("Konsensanteil %", "Consensus share %"),
        "apccc": ("APCCC", "APCCC"),
        "consensus_option": ("Konsens für", "Consensus for"),
        "sentence": ("Ergebnissatz", "Sentence"),
        "counted_by": ("Gezählt von", "Counted by"),
        "site": ("Standort", "Site"),
        "site_code": ("Kürzel", "Code"),
        "answer": ("Antwort", "Answer"),
        "answer_codes": ("Codes", "Codes"),
        "abstain": ("Enthaltung", "Abstained"),
        "comment": ("Kommentar", "Comment"),
        "source": ("Quelle", "Source"),
        "cast_at": ("Zeit (UTC)", "Time (UTC)"),
        "revision": ("Version", "Revision"),
        "actor": ("Eingetragen von", "Entered by"),
        "counts": ("Zählt", "Counts"),
        "vnr": ("VNR", "VNR"),
        "date": ("Datum", "Date"),
        "city": ("Stadt", "City"),
        "present": ("Anwesend", "Present"),
        "attendee_count": ("Teilnehmende", "Attendees"),
        "name": ("Name", "Name"),
        "role": ("Funktion", "Role"),
        "efn": ("EFN", "EFN"),
        "efn_check": ("EFN-Prüfung", "EFN check"),
        "source_site": ("Standort (Abstimmungsseite)", "site (voter page)"),
        "source_api": ("Standort (API)", "site (API)"),
        "source_moderator": ("Moderation (eingetragen)", "moderator (entered)"),
        "source_poll": ("Videokonferenz-Umfrage", "call poll"),
        "yes": ("ja", "yes"),
        "no": ("nein", "no"),
        "invalid_efn": ("EFN ungültig", "invalid EFN"),
        "counted_by_sites": ("Standorte (eine Stimme je Standort)", "sites (one ballot each)"),
        "counted_by_call": ("Videokonferenz (anonyme Umfrage)", "video call (anonymous poll)"),
    },
)


@dataclass(frozen=True)
class Column:
    """A column: stable key (JSON, tests; its header is :data:`EXPORTS`' text of the key),
    width in characters."""

    key: str
    width: int = 12

    def header(self, lang: str) -> str:
        return EXPORTS.text(lang, self.key)


RESULT_COLUMNS = (
    Column("case", 6),
    Column("case_title", 32),
    Column("question", 8),
    Column("round", 7),
    Column("question_text", 48),
    Column("kind", 12),
    Column("state", 10),
    Column("option_position", 5),
    Column("option", 32),
    Column("option_code", 8),
    Column("count", 8),
    Column("percent", 8),
    Column("n_valid", 10),
    Column("n_abstain", 10),
    Column("n_voted", 10),
    Column("n_eligible", 10),
    Column("n_present_not_voted", 12),
    Column("consensus", 24),
    Column("consensus_share", 12),
    Column("consensus_percent", 12),
    Column("apccc", 22),
    Column("consensus_option", 24),
    Column("sentence", 60),
    Column("counted_by", 24),
)

BALLOT_COLUMNS = (
    Column("case", 6),
    Column("question", 8),
    Column("round", 7),
    Column("question_text", 40),
    Column("site", 36),
    Column("site_code", 8),
    Column("answer", 32),
    Column("answer_codes", 10),
    Column("abstain", 10),
    Column("comment", 40),
    Column("source", 22),
    Column("cast_at", 20),
    Column("revision", 8),
)

HISTORY_COLUMNS = (
    Column("case", 6),
    Column("question", 8),
    Column("round", 7),
    Column("question_text", 40),
    Column("site", 36),
    Column("site_code", 8),
    Column("revision", 8),
    Column("cast_at", 20),
    Column("answer", 32),
    Column("answer_codes", 10),
    Column("abstain", 10),
    Column("comment", 40),
    Column("source", 22),
    Column("actor", 22),
    Column("counts", 8),
)

ATTENDANCE_COLUMNS = (
    Column("vnr", 21),
    Column("date", 11),
    Column("site", 36),
    Column("site_code", 8),
    Column("city", 14),
    Column("present", 9),
    Column("attendee_count", 12),
    Column("name", 30),
    Column("role", 18),
    Column("efn", 17),
    Column("efn_check", 14),
)


def _yes_no(value: bool, lang: str) -> str:
    return EXPORTS.text(lang, "yes" if value else "no")


def invalid_efn(lang: str) -> str:
    """The mark of an EFN kept as typed because it is not valid (for the CME office)."""
    return EXPORTS.text(lang, "invalid_efn")


def _source(source: str, lang: str) -> str:
    return EXPORTS.text(lang, f"source_{source}")


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
            base["counted_by"] = EXPORTS.text(lang, "counted_by_sites")
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
        "counted_by": EXPORTS.text(lang, "counted_by_call"),
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
                        "abstain": _yes_no(ballot.abstain, lang),
                        "comment": ballot.comment,
                        "source": _source(ballot.source.value, lang),
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
        rows.append(
            _question_fields(result, case.case.number, case_heading(case.case, lang))
            | {
                "site": name,
                "site_code": code,
                "revision": entry.revision,
                "cast_at": entry.at.strftime("%Y-%m-%d %H:%M:%S"),
                "answer": " + ".join(labels.get(i, "?") for i in entry.option_ids),
                "answer_codes": " + ".join(codes.get(i, "") for i in entry.option_ids),
                "abstain": _yes_no(entry.abstain, lang),
                "comment": entry.comment,
                "source": _source(entry.source.value, lang),
                "actor": entry.actor,
                "counts": _yes_no(last[(entry.question_id, entry.site_id)] == entry.revision, lang),
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
            "present": _yes_no(inv.present, lang),
            "attendee_count": inv.attendee_count,
        }
        people = inv.attendees or ()
        if not people:
            rows.append(base | {"name": "", "role": "", "efn": "", "efn_check": ""})
        for person in people:
            check = invalid_efn(lang) if person.efn_invalid else ""
            named = {"name": person.name, "role": person.role, "efn": person.efn}
            rows.append(base | named | {"efn_check": check})
    return rows


def headers(columns: Sequence[Column], lang: str) -> list[str]:
    return [c.header(lang) for c in columns]


def cells(row: Row, columns: Sequence[Column]) -> list[Any]:
    return [row.get(c.key, "") for c in columns]
