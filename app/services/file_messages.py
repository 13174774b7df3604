"""What the services say about a file a user brings: one catalog, every key in both languages.

Case packages, conference files, images and poll reports are refused with a location
and a problem ("fall.votum.json: $.cases[0]: Schlüssel doppelt"). The location is a
placeholder value and the problem a nested :class:`~app.texts.Message`, so each language
is said whole (see :func:`at`). Keys are grouped by the module that raises them.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.config import LANGUAGES
from app.texts import Catalog, Message

#: how many problems of a broken file are named (the rest are counted)
SHOWN = 5

#: key → (German, English)
_TEXTS: dict[str, tuple[str, str]] = {
    # --- locations (shared) ----------------------------------------------------------
    "in_file": ("{file}: {problem}", "{file}: {problem}"),
    "at": ("{where}: {problem}", "{where}: {problem}"),
    "file_at": ("{file}: {where}: {problem}", "{file}: {where}: {problem}"),
    "at_line": ("Zeile {line}: {problem}", "line {line}: {problem}"),
    "more_problems.one": ("… und {n} weiteres Problem", "… and {n} more problem"),
    "more_problems.other": ("… und {n} weitere Probleme", "… and {n} more problems"),
    # --- packages (reading a JSON file) ----------------------------------------------
    "file_not_found": ("Datei nicht gefunden", "file not found"),
    "file_unreadable": ("nicht lesbar ({reason})", "cannot be read ({reason})"),
    "not_a_file": ("keine Datei", "not a file"),
    "file_too_large": (
        "{size} MB ist zu groß (höchstens {limit} MB)",
        "file too large: {size} MB (at most {limit} MB)",
    ),
    "not_utf8": ("kein UTF-8-Text (Byte {byte})", "not UTF-8 text (byte {byte})"),
    "invalid_json": (
        "Zeile {line}, Spalte {column}: kein gültiges JSON: {reason}",
        "line {line}, column {column}: invalid JSON: {reason}",
    ),
    "json_too_deep": ("JSON zu tief verschachtelt", "nested too deeply"),
    "nested_too_deeply": (
        "zu tief verschachtelt (mehr als {limit} Ebenen)",
        "nested too deeply (more than {limit})",
    ),
    "number_too_long": ("Zahl mit {digits} Ziffern", "number too long ({digits} digits)"),
    "not_a_json_value": ("{word} ist kein JSON-Wert", "{word} is not a JSON value"),
    "duplicate_key": ("Schlüssel {name} doppelt", "duplicate key {name}"),
    "expected_object": (
        "ein JSON-Objekt mit {what} erwartet",
        "expected a JSON object with {what}",
    ),
    "not_a_package": ("kein Votum-Fallpaket", "not a Votum case package"),
    "no_file_given": ("Keine Datei angegeben", "no file given"),
    "no_cases_to_export": ("Keine Fälle zum Exportieren", "no cases to export"),
    "given_value": ("{problem} (gegeben: {given})", "{problem} (got {given})"),
    # --- package_schema --------------------------------------------------------------
    "free_text_has_no_options": (
        "eine Freitext-Frage hat keine Optionen",
        "a free-text question has no options",
    ),
    "needs_two_options": (
        "eine Frage der Art „{kind}“ braucht mindestens zwei Optionen",
        "a {kind} question needs at least two options",
    ),
    "option_labels_differ": (
        "die Optionen müssen verschieden heißen",
        "option labels must be different",
    ),
    "option_codes_differ": (
        "die Codes der Optionen müssen verschieden sein",
        "option codes must be different",
    ),
    "scale_count": (
        "eine Frage der Art „{kind}“ hat genau {count} Optionen in dieser Reihenfolge "
        "({names}), nicht {given}",
        "a {kind} question has exactly {count} options in this order ({names}), not {given}",
    ),
    "step_out_of_order": (
        "Option {index} ({label}) ist die Stufe {step}, die an Position {position} gehört: "
        "die Stufen bleiben in ihrer Reihenfolge",
        "option {index} ({label}) is the step {step}, which belongs at position {position}: "
        "the steps must stay in their order",
    ),
    "step_expected": (
        "Option {index} ({label}) muss {step} sein (Code {code})",
        "option {index} ({label}) must be {step} (code {code})",
    ),
    "not_hgvs": (
        "Veränderung „{alteration}“ ist nicht in HGVS-Form (z. B. p.G12D, p.(Gly12Asp), "
        "c.35G>A, exon 19 deletion)",
        "alteration '{alteration}' is not in HGVS shape (e.g. p.G12D, p.(Gly12Asp), "
        "c.35G>A, exon 19 deletion)",
    ),
    "image_one_source": (
        "entweder data (base64) oder path angeben, nicht beides und nicht keins",
        "give either data (base64) or path, not both or neither",
    ),
    "not_base64": ("data ist kein gültiges base64", "data is not valid base64"),
    "not_icd10": ("kein ICD-10-Code (z. B. C25.0)", "not an ICD-10 code (e.g. C25.0)"),
    "not_icdo3_topography": (
        "keine ICD-O-3-Topographie (z. B. C25.0)",
        "not an ICD-O-3 topography (e.g. C25.0)",
    ),
    "not_icdo3_morphology": (
        "keine ICD-O-3-Morphologie (z. B. 8500/3)",
        "not an ICD-O-3 morphology (e.g. 8500/3)",
    ),
    "not_tnm": (
        "keine TNM-Klassifikation (z. B. pT3 pN1 cM0)",
        "not a TNM classification (e.g. pT3 pN1 cM0)",
    ),
    "not_transcript": (
        "„{transcript}“ ist kein Referenztranskript (z. B. NM_004985.5, ENST00000256078.10)",
        "'{transcript}' is not a reference transcript (e.g. NM_004985.5, ENST00000256078.10)",
    ),
    "not_evidence_level": (
        "„{level}“ ist kein Evidenzlevel (m1A, m1B, m1C, m2A, m2B, m2C, m3, m4; "
        "dahinter is, iv, Z, R)",
        "'{level}' is not an evidence level (m1A, m1B, m1C, m2A, m2B, m2C, m3, m4; "
        "then is, iv, Z, R)",
    ),
    "not_coding": (
        "„{coding}“ ist keine c.-Notation (z. B. c.35G>A, c.2235_2249del)",
        "'{coding}' is not in c. notation (e.g. c.35G>A, c.2235_2249del)",
    ),
    # --- images ----------------------------------------------------------------------
    "image": ("Bild {name}: {problem}", "image {name}: {problem}"),
    "image_path_without_folder": ("Pfad ohne Paketordner", "path without package folder"),
    "image_outside_folder": (
        "liegt außerhalb des Paketordners",
        "lies outside the package folder",
    ),
    "image_file_missing": ("Datei fehlt", "file missing"),
    "image_too_large": ("größer als {limit} MB", "larger than {limit} MB"),
    "image_too_many_pixels": ("zu viele Pixel", "too many pixels"),
    "image_unreadable": (
        "kein lesbares PNG- oder JPEG-Bild",
        "not a readable PNG or JPEG image",
    ),
    "image_other_kind": ("ist {kind}, nicht {mime}", "is {kind}, not {mime}"),
    "svg_not_xml": ("kein SVG (kein XML)", "not an SVG (not XML)"),
    "not_svg": ("kein SVG", "not an SVG"),
    # --- conference_file -------------------------------------------------------------
    "not_a_conference_file": ("keine Votum-Konferenzdatei", "not a Votum conference file"),
    "code_twice": ("„{code}“ kommt zweimal vor", "'{code}' appears twice"),
    "no_site_in_sites": ("kein Standort „{code}“ in $.sites", "no site '{code}' in $.sites"),
    "invited_twice": ("„{code}“ ist zweimal eingeladen", "'{code}' is invited twice"),
    "token_shared": (
        "zwei Standorte teilen sich einen Link",
        "two sites share one token",
    ),
    "repeats_earlier_question": (
        "eine Frage der Runde 2 nennt eine frühere Frage der Runde 1 ihres Falls",
        "a round-2 question names an earlier round-1 question of its case",
    ),
    "only_round_two_repeats": (
        "nur eine Frage der Runde 2 wiederholt eine andere",
        "only a round-2 question repeats another",
    ),
    "no_question_ref": ("keine Frage „{ref}“", "no question '{ref}'"),
    "site_not_invited_code": ("„{code}“ ist nicht eingeladen", "'{code}' is not invited"),
    "question_has_options": (
        "Frage „{ref}“ hat {count} Optionen",
        "question '{ref}' has {count} options",
    ),
    "option_appears_twice": ("eine Option kommt zweimal vor", "an option appears twice"),
    "second_ballot": (
        "eine zweite Stimme von „{code}“ zu „{ref}“",
        "a second ballot of '{code}' for '{ref}'",
    ),
    "report_imported_twice": (
        "ein Bericht ist zweimal importiert",
        "one report imported twice",
    ),
    "case_or_question": (
        "Fall oder Frage angeben, nicht beides und nicht keins",
        "give case or question, not both or neither",
    ),
    "there_are_cases": ("es gibt {count} Fälle", "there are {count} cases"),
    "token_taken": (
        "dieser Link gehört schon zur Konferenz „{holder}“ (mit neuen Links importieren, "
        "um eine Kopie anzulegen)",
        "this link already belongs to conference '{holder}' here "
        "(import with new links to make a copy)",
    ),
    "same_site_here": (
        "„{code}“ ist hier derselbe Standort wie „{other}“ (gleicher Name)",
        "'{code}' is the same site as '{other}' here (same name)",
    ),
    "conference_has_ballots": (
        "Die Konferenz hat schon {count} Stimmen und wird nicht überschrieben",
        "the conference already has {count} ballots and is not overwritten",
    ),
    # --- poll_reports ----------------------------------------------------------------
    "csv_columns": (
        "Spalten: Teilnehmer,Frage,Antwort[,Zeit]",
        "columns: participant,question,answer[,time]",
    ),
    "no_zoom_header": (
        "keine Zoom-Kopfzeile „#,User Name,User Email,Submitted Date/Time“ gefunden",
        "no Zoom header '#,User Name,User Email,Submitted Date/Time' found",
    ),
    "no_answers": ("der Bericht enthält keine Antworten", "no answers in the report"),
    "report_not_utf8": (
        "kein UTF-8-Text (bitte als „CSV UTF-8“ speichern)",
        "not UTF-8 text (save it as 'CSV UTF-8')",
    ),
    "cell_too_long": (
        "Zelle länger als {limit} Zeichen",
        "cell longer than {limit} characters",
    ),
    "csv_unreadable": ("CSV nicht lesbar ({reason})", "CSV cannot be read ({reason})"),
    "unknown_time": ("Zeitangabe „{text}“ unbekannt", "unknown time '{text}'"),
    "odd_columns": (
        "Frage ohne Antwort (ungerade Zahl von Spalten nach der vierten)",
        "question without answer (odd number of columns after the fourth)",
    ),
    "row_without_question": ("Zeile ohne Frage und Antwort", "row without question"),
    "question_text_missing": ("Fragetext fehlt", "question text missing"),
    "header_without_question": ("Kopfzeile ohne Fragetext", "header without question"),
    "more_answers_than_questions": (
        "mehr Antworten als Fragen ({count})",
        "more answers than questions ({count})",
    ),
    "no_such_column": (
        "Spalte {column} gibt es nicht (nur {count})",
        "there is no column {column} (only {count})",
    ),
    "column_missing": (
        "Spalte „{column}“ fehlt in der Kopfzeile",
        "column '{column}' missing from the header",
    ),
    "file_empty": ("die Datei ist leer", "the file is empty"),
    "too_few_columns": ("{count} statt {needed} Spalten", "{count} columns, not {needed}"),
    "more_cells_than_header": (
        "mehr Zellen als die Kopfzeile ({count}); eine Mehrfachauswahl mit „;“ gehört in "
        "Anführungszeichen",
        "more cells than the header ({count}); a multiple choice joined with ';' must be quoted",
    ),
    # --- poll_import -----------------------------------------------------------------
    "already_imported": (
        "Dieser Bericht wurde am {when} UTC bereits importiert; nichts geändert",
        "this report was already imported on {when} UTC; nothing changed",
    ),
    "poll_conflict": (
        "Konflikt: {site}, Frage {number} — unterschiedliche Antworten",
        "conflict: {site}, question {number} — different answers",
    ),
    "question_resembles": (
        "Frage „{text}“ ähnelt {number}: bitte bestätigen",
        "question '{text}' resembles {number}: please confirm",
    ),
    "answer_matches_no_option": (
        "Antwort „{answer}“ passt zu keiner Option von Frage {number}",
        "answer '{answer}' matches no option of question {number}",
    ),
    "abstain": ("Enthaltung", "abstain"),
    "nothing_to_import": ("Nichts zu importieren", "nothing to import"),
    "question_open_close_first": (
        "Frage {number} ist offen; bitte zuerst schließen",
        "question {number} is open; close it first",
    ),
    "question_site_refused": (
        "Frage {number}, {site}: {problem}",
        "question {number}, {site}: {problem}",
    ),
    "round_one_or_two": ("Runde 1 oder 2", "round must be 1 or 2"),
    "site_ref_not_invited": (
        "Standort „{ref}“ ist nicht eingeladen",
        "site '{ref}' is not invited",
    ),
    "question_number_not_found": (
        "Frage „{number}“ nicht gefunden",
        "question '{number}' not found",
    ),
}

MESSAGES = Catalog.of_pairs("file messages", _TEXTS)

#: the message ``key`` in every language, its ``{placeholders}`` filled with ``values``
say = MESSAGES.message


def at(file: str, where: str, problem: Message) -> Message:
    """``problem`` at a place in a file: ``"datei.json: $.cases[0]: <problem>"``."""
    return say("file_at", file=file, where=where, problem=problem)


def lines(messages: Iterable[Message]) -> Message:
    """Several messages, one line each, in every language."""
    said = list(messages)
    return Message({lang: "\n".join(m.in_language(lang) for m in said) for lang in LANGUAGES})


def first_problems(problems: Iterable[Message], count: int | None = None) -> Message:
    """The first five problems, one a line, and how many more there are (of ``count``
    problems in all; default: as many as given)."""
    found = list(problems)
    more = (len(found) if count is None else count) - SHOWN
    tail = [] if more <= 0 else [MESSAGES.plural_message("more_problems", more)]
    return lines([*found[:SHOWN], *tail])
