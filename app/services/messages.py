"""What the domain services say when they refuse: one catalog, every key in both languages.

A service raises ``InvalidInput(say("option_twice"))``; the error carries the text in
every language and each front end shows the one its reader reads (see
:class:`app.texts.Message`). Keys are grouped by the module that raises them.
"""

from __future__ import annotations

from app.texts import Catalog

#: key → (German, English)
_TEXTS: dict[str, tuple[str, str]] = {
    # --- ballots ---------------------------------------------------------------------
    "question_not_found": (
        "Frage {question_id} nicht gefunden",
        "question {question_id} not found",
    ),
    "voting_not_open": (
        "Die Abstimmung zu dieser Frage ist nicht offen",
        "voting on this question is not open",
    ),
    "site_not_invited": ("Standort ist nicht eingeladen", "site is not invited"),
    "comment_too_long": (
        "Kommentar zu lang (höchstens {limit} Zeichen)",
        "comment too long (at most {limit} characters)",
    ),
    "option_twice": ("Eine Option wurde doppelt gewählt", "an option was chosen twice"),
    "abstain_not_offered": (
        "Enthaltung ist bei dieser Frage nicht vorgesehen",
        "abstaining is not offered",
    ),
    "abstain_with_option": (
        "Enthaltung kann nicht mit einer Option kombiniert werden",
        "abstaining cannot be combined with an option",
    ),
    "foreign_option": (
        "Die Option gehört nicht zu dieser Frage",
        "the option does not belong to this question",
    ),
    "enter_text": ("Bitte einen Text eingeben", "please enter a text"),
    "choose_option": ("Bitte eine Option wählen", "please choose an option"),
    "only_one_option": ("Nur eine Option ist erlaubt", "only one option is allowed"),
    "option_exclusive": (
        "„{label}“ kann nicht mit anderen Optionen kombiniert werden",
        '"{label}" cannot be combined with other options',
    ),
    # --- text (field names for clean_field) --------------------------------------------
    "field_empty": ("{field}: darf nicht leer sein", "{field}: must not be empty"),
    "field_too_long": (
        "{field}: höchstens {limit} Zeichen",
        "{field}: at most {limit} characters",
    ),
    "field_site": ("Standort", "site"),
    "field_code": ("Kürzel", "code"),
    "field_city": ("Stadt", "city"),
    "field_email": ("E-Mail", "email"),
    "field_topic": ("Thema", "topic"),
    "field_moderator": ("Moderation", "moderator"),
    "field_cme_category": ("CME-Kategorie", "CME category"),
    "field_scientific_lead": ("Wissenschaftliche Leitung", "scientific lead"),
    "field_organiser": ("Veranstalter", "organiser"),
    "field_fellow": ("Fellow", "fellow"),
    "field_fellow_site": ("Standort des Fellows", "fellow's site"),
    "field_name": ("Name", "name"),
    "field_note": ("Notiz", "note"),
    "field_starts_at": ("Beginn", "start"),
    "field_ends_at": ("Ende", "end"),
    # --- conferences -----------------------------------------------------------------
    "site_exists": (
        "Standort „{name}“ ({code}) gibt es schon",
        "site “{name}” ({code}) already exists",
    ),
    "site_not_found": ("Standort {site_id} nicht gefunden", "site {site_id} not found"),
    "language_unknown": (
        "Sprache „{language}“: de oder en",
        "language “{language}” must be de or en",
    ),
    "slug_invalid": (
        "Kurzname „{slug}“: nur a–z, 0–9 und -",
        "short name “{slug}”: only a-z, 0-9 and -",
    ),
    "time_invalid": (
        "{field} „{value}“: Uhrzeit HH:MM erwartet",
        "{field} “{value}”: time must be HH:MM",
    ),
    "cme_points_range": ("CME-Punkte 0–100", "CME points 0–100"),
    "conference_not_found": (
        "Konferenz {conference_id} nicht gefunden",
        "conference {conference_id} not found",
    ),
    "conference_ref_not_found": (
        "Konferenz „{ref}“ nicht gefunden",
        "conference not found: “{ref}”",
    ),
    "conference_ref_not_found_known": (
        "Konferenz „{ref}“ nicht gefunden (vorhanden: {known})",
        "conference not found: “{ref}” (known: {known})",
    ),
    "site_has_voted": (
        "{site} hat bereits abgestimmt; die Einladung bleibt",
        "{site} has already voted; the invitation stays",
    ),
    "too_many_names": ("höchstens {limit} Namen", "at most {limit} names"),
    "attendee_count_range": (
        "Teilnehmerzahl 0–{limit}",
        "attendee count 0–{limit}",
    ),
    # --- checkin ---------------------------------------------------------------------
    "field_role": ("Funktion", "role"),
    "attendee_row": ("Person {number}", "person {number}"),
    "attendee_problem": ("{where}: {problem}", "{where}: {problem}"),
    "attendee_name_missing": (
        "Person {number}: bitte den Namen eintragen",
        "person {number}: please enter the name",
    ),
    "attendee_twice": (
        "„{name}“ ist schon für diesen Standort angemeldet",
        "“{name}” is already checked in for this site",
    ),
    "attendee_efn_twice": (
        "Die EFN {efn} steht schon bei „{name}“",
        "the EFN {efn} is already given for “{name}”",
    ),
    "too_many_site_attendees": (
        "Höchstens {limit} Personen je Standort; für mehr bitte die Moderation ansprechen",
        "at most {limit} people per site; for more, please ask the moderator",
    ),
    "checkin_closed": (
        "Die Anmeldung ist geschlossen; Änderungen bitte über die Moderation",
        "check-in is closed; please ask the moderator for changes",
    ),
    # --- lifecycle -------------------------------------------------------------------
    "question_already_open": ("Die Frage ist schon offen", "the question is already open"),
    "question_closed_use_reopen": (
        "Die Frage ist geschlossen; „Wieder öffnen“ verwenden",
        "the question is closed; use “Reopen”",
    ),
    "skip_only_unopened": (
        "Nur eine noch nie geöffnete Frage kann übersprungen werden",
        "only a question that was never opened can be skipped",
    ),
    "give_reason": ("Bitte einen Grund angeben", "please give a reason"),
    "reason_too_long": (
        "Grund zu lang (höchstens {limit} Zeichen)",
        "reason too long (at most {limit} characters)",
    ),
    "other_question_open": (
        "Frage {number} ist noch offen; bitte zuerst schließen",
        "question {number} is still open; close it first",
    ),
    "question_not_open": ("Die Frage ist nicht offen", "the question is not open"),
    "reopen_only_closed": (
        "Nur geschlossene Fragen können wieder geöffnet werden",
        "only closed questions can be reopened",
    ),
    "question_never_opened": (
        "Die Frage wurde noch nicht geöffnet",
        "the question has not been opened yet",
    ),
    "already_round_two": ("Das ist schon Runde 2", "this is already round 2"),
    "close_round_one_first": ("Erst Runde 1 schließen", "close round 1 first"),
    "round_two_exists": ("Runde 2 gibt es schon", "round 2 already exists"),
    "question_not_in_conference": (
        "Frage gehört nicht zu dieser Konferenz",
        "the question is not in this conference",
    ),
    "current_question_open": (
        "Die aktuelle Frage ist noch offen",
        "the current question is still open",
    ),
    # --- agenda ----------------------------------------------------------------------
    "case_not_found": ("Fall {case_id} nicht gefunden", "case {case_id} not found"),
    "image_not_found": ("Bild nicht gefunden", "image not found"),
    "case_has_ballots": ("Zu diesem Fall gibt es Stimmen", "this case has ballots"),
    "abstain_fixed": (
        "„Enthaltung“ ist nach dem Öffnen fest",
        "“abstain” is fixed once opened",
    ),
    "kind_fixed": (
        "Art und Optionen sind nach dem Öffnen fest",
        "kind and options are fixed once opened",
    ),
    "question_has_ballots": ("Zu dieser Frage gibt es Stimmen", "this question has ballots"),
    "options_fixed_once_asked": (
        "Die Optionen einer gestellten Frage lassen sich berichtigen, aber nicht hinzufügen, "
        "entfernen oder zusammenlegen (die Stimmen gelten ihnen)",
        "the options of a question that was asked can be corrected, not added, removed or "
        "merged (the ballots are for them)",
    ),
    # --- quick questions (free discussion) -------------------------------------------
    "quick_kind_unknown": (
        "Fragetyp „{kind}“ gibt es nicht ({kinds})",
        "there is no question kind “{kind}” ({kinds})",
    ),
    "quick_two_options": (
        "Bitte mindestens zwei Optionen eingeben, eine pro Zeile",
        "please enter at least two options, one per line",
    ),
    "quick_options_given": (
        "{kind}: die Optionen sind vorgegeben; eigene Optionen gibt es bei Einfach- und "
        "Mehrfachauswahl",
        "{kind}: the options are given; options of your own go with single and multiple choice",
    ),
    "quick_option_twice": (
        "Option „{label}“ steht zweimal da",
        "option “{label}” is there twice",
    ),
    "quick_too_many_options": (
        "Höchstens {limit} Optionen",
        "at most {limit} options",
    ),
    "field_question": ("Frage", "question"),
    "field_option": ("Option", "option"),
    "field_case_line": ("Fall in einer Zeile", "one-line case"),
    # --- tokens ----------------------------------------------------------------------
    "link_invalid": ("Ungültiger Link", "invalid link"),
    "link_invalid_or_revoked": ("Ungültiger oder widerrufener Link", "invalid or revoked link"),
    "link_other_conference": (
        "Dieser Link gehört zu einer anderen Konferenz",
        "this link belongs to another conference",
    ),
    "moderator_token_wrong": (
        "Moderationstoken fehlt oder ist falsch",
        "moderator token missing or wrong",
    ),
    # --- requests --------------------------------------------------------------------
    "request_id_reused": (
        "Der Idempotency-Key „{request_id}“ gehört zu einer anderen Anfrage; "
        "für eine neue Aktion bitte einen neuen Schlüssel senden",
        'Idempotency-Key "{request_id}" belongs to another request; '
        "send a new key for a new action",
    ),
    "organiser_token_wrong": (
        "Organisationstoken falsch, widerrufen oder ersetzt",
        "organiser token wrong, revoked or replaced",
    ),
    # --- voting ----------------------------------------------------------------------
    "question_not_current": (
        "Diese Frage ist nicht mehr aktuell",
        "this question is no longer the current one",
    ),
    # --- cme -------------------------------------------------------------------------
    "efn_digits": ("EFN „{efn}“: 15 Ziffern erwartet", "EFN “{efn}”: 15 digits expected"),
    "efn_prefix": (
        "EFN „{efn}“: muss mit {prefix} beginnen",
        "EFN “{efn}”: must start with {prefix}",
    ),
    "efn_check_digit": ("EFN „{efn}“: Prüfziffer falsch", "EFN “{efn}”: check digit wrong"),
    "vnr_digits": ("VNR „{vnr}“: 19 Ziffern erwartet", "VNR “{vnr}”: 19 digits expected"),
    # --- files -----------------------------------------------------------------------
    "folder_missing": ("{folder}: Ordner existiert nicht", "{folder}: folder does not exist"),
    "path_is_folder": ("{path}: ist ein Ordner", "{path}: is a folder"),
    "cannot_write": ("{path}: nicht schreibbar ({reason})", "{path}: cannot write ({reason})"),
    # --- fetch_home ------------------------------------------------------------------
    "fetch_needs_full_file": (
        "Nur eine vollständige Konferenzdatei mit Ergebnissen kann heimgeholt werden",
        "only a full conference file with results can be fetched home",
    ),
    # --- site_registry ---------------------------------------------------------------
    "registry_code_twice": (
        "{file}: {where}: Kürzel „{code}“ kommt doppelt vor",
        "{file}: {where}: code “{code}” appears twice",
    ),
    "registry_line": ("Zeile {line}", "line {line}"),
    "registry_row_refused": (
        "{file}: Zeile {line}: {field}: {problem}",
        "{file}: line {line}: {field}: {problem}",
    ),
    "file_not_found": ("{path}: Datei nicht gefunden", "{path}: file not found"),
    "not_utf8": (
        "{file}: kein UTF-8-Text (Byte {byte})",
        "{file}: not UTF-8 text (byte {byte})",
    ),
    "cannot_read": ("{path}: nicht lesbar ({reason})", "{path}: cannot be read ({reason})"),
    "registry_columns_missing": (
        "{file}: Zeile 1: Spalten {missing} fehlen (erwartet: {expected})",
        "{file}: line 1: columns {missing} missing (expected {expected})",
    ),
    "registry_column_unknown": (
        "{file}: Zeile 1: unbekannte Spalte „{column}“",
        "{file}: line 1: unknown column “{column}”",
    ),
    "registry_site_refused": (
        "{file}: Standort {number} ({code}): {problem}",
        "{file}: site {number} ({code}): {problem}",
    ),
}

MESSAGES = Catalog.of_pairs("service messages", _TEXTS)

#: the message ``key`` in every language, its ``{placeholders}`` filled with ``values``
say = MESSAGES.message
