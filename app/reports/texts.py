"""Every fixed text of the protocol and the exports, in German and English."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from app import texts as formats
from app.config import LANGUAGES
from app.texts import Catalog, Message, with_decimal_mark

_TEXTS: dict[str, dict[str, str]] = {
    "de": {
        "protocol": "Protokoll",
        "protocol_file": "protokoll",
        "certificates_folder": "teilnahmebescheinigungen",
        "sheet_results": "Ergebnisse",
        "sheet_ballots": "Stimmen",
        "sheet_history": "Verlauf",
        "sheet_attendance": "Anwesenheit",
        "sheet_info": "Info",
        "info_topic": "Thema",
        "info_date": "Datum",
        "info_start": "Beginn",
        "info_end": "Ende",
        "info_moderator": "Moderation",
        "info_cme_category": "CME-Kategorie",
        "info_cme_points": "CME-Punkte",
        "info_rule": "Regel",
        "info_generated": "Erstellt",
        "event": "Veranstaltung",
        "subtitle": "Bundesweite Diskussionsrunde der Molekularen Tumorboards",
        "date": "Datum",
        "moderator": "Moderation",
        "fellows": "Fellows",
        "vnr": "Veranstaltungsnummer (VNR)",
        "vnr_missing": "noch nicht vergeben",
        "time_span": "{start}–{end} Uhr",
        "time_from": "ab {start} Uhr",
        "time_until": "bis {end} Uhr",
        "scientific_lead": "Wissenschaftliche Leitung",
        "organiser": "Veranstalter",
        "cme": "CME",
        "cme_category": "Kategorie {category}",
        "cme_points.one": "{n} Punkt",
        "cme_points.other": "{n} Punkte",
        "sites_present": "Teilnehmende Standorte",
        "attendees_total": "Teilnehmende gesamt",
        "cases": "Fälle",
        "questions": "Fragen",
        "generated": "Erstellt am {when} mit Votum {version}",
        "anonymised": "Stimmenmatrix im Anhang anonymisiert",
        "page": "Seite {page} von {pages}",
        "attendance": "Anwesenheit (CME)",
        "attendance_note": (
            "Die Veranstaltung fand online als Videokonferenz statt. Die Anwesenheit wurde "
            "während der Sitzung je Standort durch die Moderation kontrolliert "
            "(Anwesenheitskontrolle); die Zahl der Teilnehmenden je Standort wurde erfasst."
        ),
        "site": "Standort",
        "code": "Kürzel",
        "present": "Anwesend",
        "yes": "ja",
        "no": "nein",
        "count": "Anzahl",
        "names": "Namen (EFN)",
        "total": "Gesamt",
        "total_line": (
            "{sites} von {invited} eingeladenen Standorten anwesend, {people} Teilnehmende"
        ),
        "agenda": "Tagesordnung",
        "free_discussion": "Freie Diskussion",
        "free_discussion_intro": (
            "Fragen, die in der freien Fallbesprechung spontan gestellt wurden, je "
            "vorgestellter Fall unter seiner Zeile, wie sie in der Sitzung eingegeben wurde."
        ),
        "case": "Fall",
        "question": "Frage",
        "round": "Runde",
        "presenter": "Vorgestellt von",
        "summary": "Zusammenfassung",
        "age_sex": "Alter, Geschlecht",
        "years": "{age} Jahre",
        "diagnosis": "Diagnose (ICD-10)",
        "histology": "Histologie",
        "stage": "Stadium",
        "ecog": "ECOG",
        "prior_lines": "Vortherapien (Linien)",
        "tmb": "TMB",
        "msi": "MSI",
        "findings": "Molekulare Befunde",
        "gene": "Gen",
        "alteration": "Veränderung",
        "kind": "Art",
        "vaf": "VAF",
        "comment": "Kommentar",
        "case_notes": "Diskussion zum Fall",
        "key_message": "Kernaussage",
        "discussion": "Diskussion",
        "option": "Antwort",
        "n": "n",
        "percent": "%",
        "abstentions": "Enthaltungen (nicht in %)",
        "not_voted": "Anwesend, ohne Stimme",
        "valid": "Gültige Antworten",
        "consensus": "Konsensstärke (AWMF)",
        "apccc": "APCCC",
        "share": "Anteil",
        "per_option": "je Option, siehe Tabelle",
        "for": "für",
        "no_class": "keine Konsensklasse (keine gültige Antwort)",
        "sentence": "Ergebnis (Manuskript)",
        "sentence_other": "English",
        "participation": "Beteiligung",
        "comments": "Kommentare der Standorte",
        "not_voted_yet": "Für diese Frage liegen keine Stimmen vor ({state}).",
        "skipped": "Nicht gestellt – von der Moderation übersprungen. Grund: {reason}",
        "counted_by_call": (
            "Von der Videokonferenz gezählt (anonyme Umfrage; ohne Standorte, daher nicht in "
            "den Zahlen oben und ohne Konsensstärke): {counts}; {n_valid} gültige Antworten, "
            "{n_abstain} Enthaltungen."
        ),
        "round2_pending": "Runde 2 ist angelegt, wurde aber nicht abgestimmt.",
        "round_compare": "Runde 1 und Runde 2 im Vergleich",
        "rule_title": "Auswertung",
        "rule_percent": (
            "Prozentangaben beziehen sich auf die Standorte mit gültiger Antwort und sind "
            "ganzzahlig gerundet (Methode der größten Reste, Summe 100 %); bei Mehrfachauswahl "
            "ist jede Option ein eigener Anteil der abstimmenden Standorte. Enthaltungen werden "
            "getrennt ausgewiesen. „Keine Empfehlung“ bzw. „kein Evidenzlevel“ zählt als Antwort."
        ),
        "appendix": "Anhang: Stimmen je Standort",
        "appendix_note": (
            "Jede Zeile ein Standort, jede Spalte eine Frage (Runde). Es gilt die zuletzt "
            "abgegebene Stimme. „Enth.“ = Enthaltung, „–“ = keine Stimme. "
            "* = durch die Moderation im Auftrag des Standorts eingetragen, "
            "° = aus der Umfrage der Videokonferenz importiert, "
            "† = über die JSON-Schnittstelle (API) des Standorts abgegeben. "
            "Evidenzlevel stehen mit ihrem Kürzel "
            "(m1A … m4, „kein“ = kein Evidenzlevel / keine Empfehlung)."
        ),
        "appendix_anon": "Standorte anonymisiert (S01, S02 … in zufälliger, fester Reihenfolge; "
        "nur Standorte mit mindestens einer Stimme).",
        "legend": "Legende der Antworten",
        "abstain_short": "Enth.",
        "no_level_short": "kein",
        "none_short": "–",
        "by_moderator": "durch Moderation eingetragen",
        "states_draft": "Entwurf",
        "states_open": "offen",
        "states_closed": "geschlossen",
        "kind_label": "Fragetyp",
        "no_cases": "Keine Fälle.",
        "free_text_none": "Keine Kommentare.",
        "sex_f": "weiblich",
        "sex_m": "männlich",
        "sex_d": "divers",
        "subject": "Protokoll einer MTB-Diskussionsrunde: Abstimmungsergebnisse und Anwesenheit",
        "fk_snv": "SNV",
        "fk_indel": "Indel",
        "fk_cnv": "CNV",
        "fk_fusion": "Fusion",
        "fk_expression": "Expression",
        "fk_signature": "Signatur",
        "fk_germline": "Keimbahn",
        "fk_other": "Sonstige",
        "prior_therapies": "Vortherapien",
        "case_text": "Fallbeschreibung",
        "images": "Abbildungen",
        "final_round": "Endgültige Abstimmung: Runde 2",
        # --- messages: why a protocol, an export or a chart is refused ---------------
        "language_unknown": "Sprache „{lang}“: de oder en",
        "export_format_unknown": "Format „{format}“: csv, xlsx oder json",
        "no_ballots_no_export": "„{slug}“ hat noch keine Stimmen – nichts exportiert",
        "no_ballots_no_protocol": "„{slug}“ hat noch keine Stimmen – kein Protokoll erstellt",
        "figure_format_unknown": "{name}: Format .png, .svg oder .pdf",
    },
    "en": {
        "protocol": "Protocol",
        "protocol_file": "protocol",
        "certificates_folder": "certificates",
        "sheet_results": "Results",
        "sheet_ballots": "Ballots",
        "sheet_history": "History",
        "sheet_attendance": "Attendance",
        "sheet_info": "Info",
        "info_topic": "Topic",
        "info_date": "Date",
        "info_start": "Start",
        "info_end": "End",
        "info_moderator": "Moderator",
        "info_cme_category": "CME category",
        "info_cme_points": "CME points",
        "info_rule": "Rule",
        "info_generated": "Generated",
        "event": "Event",
        "subtitle": "Nationwide discussion round of the molecular tumor boards",
        "date": "Date",
        "moderator": "Moderator",
        "fellows": "Fellows",
        "vnr": "Event number (VNR)",
        "vnr_missing": "not yet assigned",
        "time_span": "{start}–{end}",
        "time_from": "from {start}",
        "time_until": "until {end}",
        "scientific_lead": "Scientific lead",
        "organiser": "Organiser",
        "cme": "CME",
        "cme_category": "category {category}",
        "cme_points.one": "{n} point",
        "cme_points.other": "{n} points",
        "sites_present": "Participating sites",
        "attendees_total": "Attendees in total",
        "cases": "Cases",
        "questions": "Questions",
        "generated": "Generated on {when} with Votum {version}",
        "anonymised": "Ballot matrix in the appendix anonymised",
        "page": "Page {page} of {pages}",
        "attendance": "Attendance (CME)",
        "attendance_note": (
            "The event took place online as a video conference. Attendance was checked per "
            "site by the moderator during the session (attendance control); the number of "
            "attendees per site was recorded."
        ),
        "site": "Site",
        "code": "Code",
        "present": "Present",
        "yes": "yes",
        "no": "no",
        "count": "Number",
        "names": "Names (EFN)",
        "total": "Total",
        "total_line": "{sites} of {invited} invited sites present, {people} attendees",
        "agenda": "Agenda",
        "free_discussion": "Free discussion",
        "free_discussion_intro": (
            "Questions asked on the spot in the free case discussion, under the line of each "
            "case presented as it was typed during the session."
        ),
        "case": "Case",
        "question": "Question",
        "round": "Round",
        "presenter": "Presented by",
        "summary": "Summary",
        "age_sex": "Age, sex",
        "years": "{age} years",
        "diagnosis": "Diagnosis (ICD-10)",
        "histology": "Histology",
        "stage": "Stage",
        "ecog": "ECOG",
        "prior_lines": "Prior therapies (lines)",
        "tmb": "TMB",
        "msi": "MSI",
        "findings": "Molecular findings",
        "gene": "Gene",
        "alteration": "Alteration",
        "kind": "Kind",
        "vaf": "VAF",
        "comment": "Comment",
        "case_notes": "Discussion of the case",
        "key_message": "Key message",
        "discussion": "Discussion",
        "option": "Answer",
        "n": "n",
        "percent": "%",
        "abstentions": "Abstentions (not in %)",
        "not_voted": "Present, did not vote",
        "valid": "Valid answers",
        "consensus": "Consensus strength (AWMF)",
        "apccc": "APCCC",
        "share": "Share",
        "per_option": "per option, see table",
        "for": "for",
        "no_class": "no consensus class (no valid answer)",
        "sentence": "Result (manuscript)",
        "sentence_other": "Deutsch",
        "participation": "Participation",
        "comments": "Comments of the sites",
        "not_voted_yet": "No ballots for this question ({state}).",
        "skipped": "Not asked – skipped by the moderator. Reason: {reason}",
        "counted_by_call": (
            "Counted by the video call (anonymous poll; no sites, so not in the numbers above "
            "and without a consensus class): {counts}; {n_valid} valid answers, "
            "{n_abstain} abstentions."
        ),
        "round2_pending": "Round 2 was created but not voted on.",
        "round_compare": "Round 1 and round 2 compared",
        "rule_title": "How results are counted",
        "rule_percent": (
            "Percentages refer to the sites with a valid answer and are whole numbers "
            "(largest-remainder method, adding up to 100 %); for multiple choice each option "
            "is its own share of the voting sites. Abstentions are shown apart. "
            "“No recommendation” or “no evidence level” counts as an answer."
        ),
        "appendix": "Appendix: ballots per site",
        "appendix_note": (
            "One row per site, one column per question (round). The last ballot cast counts. "
            "“Abst.” = abstained, “–” = no ballot. "
            "* = entered by the moderator on the site's behalf, "
            "° = imported from the video call's poll, "
            "† = cast through the site's JSON API. "
            "Evidence levels stand as their code "
            "(m1A … m4, “none” = no evidence level / no recommendation)."
        ),
        "appendix_anon": "Sites anonymised (S01, S02 … in a random but fixed order; only "
        "sites that cast at least one ballot).",
        "legend": "Key to the answers",
        "abstain_short": "Abst.",
        "no_level_short": "none",
        "none_short": "–",
        "by_moderator": "entered by the moderator",
        "states_draft": "draft",
        "states_open": "open",
        "states_closed": "closed",
        "kind_label": "Question type",
        "no_cases": "No cases.",
        "free_text_none": "No comments.",
        "sex_f": "female",
        "sex_m": "male",
        "sex_d": "diverse",
        "subject": "Protocol of an MTB discussion round: voting results and attendance",
        "fk_snv": "SNV",
        "fk_indel": "Indel",
        "fk_cnv": "CNV",
        "fk_fusion": "Fusion",
        "fk_expression": "Expression",
        "fk_signature": "Signature",
        "fk_germline": "Germline",
        "fk_other": "Other",
        "prior_therapies": "Prior therapies",
        "case_text": "Case description",
        "images": "Images",
        "final_round": "Final vote: round 2",
        # --- messages: why a protocol, an export or a chart is refused ---------------
        "language_unknown": "language “{lang}”: must be de or en",
        "export_format_unknown": "format “{format}”: must be csv, xlsx or json",
        "no_ballots_no_export": "“{slug}” has no ballots yet – nothing exported",
        "no_ballots_no_protocol": "“{slug}” has no ballots yet – no protocol written",
        "figure_format_unknown": "{name}: format must be .png, .svg or .pdf",
    },
}


REPORT = Catalog("protocol and exports", _TEXTS)


def text(lang: str, key: str, **values: object) -> str:
    """The fixed text ``key`` in ``lang`` ("de" or "en"), formatted with ``values``."""
    return REPORT.text(lang, key, **values)


def say(key: str, **values: object) -> Message:
    """The text ``key`` in every language (a refusal: its reader picks the language)."""
    return REPORT.message(key, **values)


def other(lang: str) -> str:
    """The other language of the two (the protocol gives each sentence in both)."""
    return next(code for code in LANGUAGES if code != lang) if lang in LANGUAGES else LANGUAGES[1]


def date_text(day: dt.date, lang: str) -> str:
    """18.11.2026 in German, 18 November 2026 in English."""
    return formats.date_text(day, lang)


def time_text(starts_at: str, ends_at: str, lang: str) -> str:
    """The session's local times: "16:00–17:30 Uhr", "from 16:00", or "" while unknown."""
    if starts_at and ends_at:
        return text(lang, "time_span", start=starts_at, end=ends_at)
    if starts_at:
        return text(lang, "time_from", start=starts_at)
    return text(lang, "time_until", end=ends_at) if ends_at else ""


def day_and_time_text(day: dt.date, starts_at: str, ends_at: str, lang: str) -> str:
    """ "18.11.2026, 16:00–17:30 Uhr"; the date alone while the times are unknown."""
    times = time_text(starts_at, ends_at, lang)
    return f"{date_text(day, lang)}, {times}" if times else date_text(day, lang)


def cme_text(category: str, points: int | None, lang: str) -> str:
    """The CME block's category and points: "Kategorie A, 3 Punkte"; "" while unknown."""
    parts = [text(lang, "cme_category", category=category)] if category else []
    if points is not None:
        parts.append(REPORT.plural(lang, "cme_points", points))
    return ", ".join(parts)


def datetime_text(moment: dt.datetime, lang: str) -> str:
    """Local wall time of generation: "18.11.2026, 16:05" / "18 November 2026, 16:05"."""
    return f"{date_text(moment.date(), lang)}, {moment.strftime('%H:%M')}"


def number(value: float, lang: str, digits: int = 1) -> str:
    """A decimal number with the decimal comma in German."""
    rendered = f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{value:.0f}"
    return with_decimal_mark(rendered, lang)


def share_percent(share: Fraction) -> float:
    """An exact share as percent with one decimal, halves rounded up (13/16 → 81.3)."""
    tenths = share * 1000
    return int((tenths * 2 + 1) // 2) / 10


def decimal(value: float | Fraction, lang: str) -> str:
    """A percentage with at most one decimal (exact shares rounded half up), decimal comma
    for "de"."""
    if isinstance(value, Fraction):
        value = share_percent(value / 100)
    text = f"{value:.0f}" if value == round(value) else f"{value:.1f}"
    return with_decimal_mark(text, lang)


def quote(text: str, lang: str) -> str:
    return formats.quote(text, lang)
