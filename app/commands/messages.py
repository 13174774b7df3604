"""What the subcommands say: one catalog, both languages; a command prints one of them.

The command line speaks the language :func:`app.config.command_language` picks
(``VOTUM_LANG``, else the system's), kept in ``args.cli_lang``. A command's one-line error
is ``CliError(say("is_a_folder", path=path))``, printed in that language; its output is
``text(args.cli_lang, "key", …)`` (``plural(…)`` for a count: ``key.one``/``key.other``).
"""

from __future__ import annotations

from app.commands.server_texts import TEXTS as SERVER_TEXTS
from app.texts import Catalog

#: key → (German, English)
_TEXTS: dict[str, tuple[str, str]] = {
    # --- output files (links, reports) ---------------------------------------------------
    "is_a_folder": ("{path}: ist ein Ordner", "{path}: is a folder"),
    "folder_missing": (
        "{path}: Ordner {folder} existiert nicht",
        "{path}: folder {folder} does not exist",
    ),
    "not_a_folder": ("{path}: ist kein Ordner", "{path}: is not a folder"),
    # --- links -------------------------------------------------------------------------
    "sheet_not_written": (
        "{kind} {path}: nicht geschrieben ({reason}); die Links oben gelten",
        "{kind} {path}: not written ({reason}); the links above are valid",
    ),
    # --- conference import ---------------------------------------------------------------
    "links_made": (
        "ein neuer Link für jeden Standort ohne Link in der Datei ({count}: {codes}); "
        "senden Sie ihn: python main.py links {conference}",
        "a new link for each site without one in the file ({count}: {codes}); "
        "send it to them: python main.py links {conference}",
    ),
    # --- every command (common) -----------------------------------------------------------
    "database_refused": ("Datenbank: {problem}", "database: {problem}"),
    "database_unopened": (
        "Datenbank {database} lässt sich nicht öffnen: {reason}",
        "database {database} cannot be opened: {reason}",
    ),
    "fellow_needs_name": (
        "--fellow {value}: ein Name fehlt, z. B. „Dr. A. Muster@Dresden“",
        "--fellow {value}: a name is needed, e.g. 'Dr. A. Muster@Dresden'",
    ),
    "site_not_invited": (
        "Standort {code} ist nicht eingeladen",
        "site {code} is not invited",
    ),
    "site_not_invited_known": (
        "Standort {code} ist nicht eingeladen (eingeladen: {known})",
        "site {code} is not invited (invited: {known})",
    ),
    # --- sites status, conference checkin|held, certificates -----------------------------
    "not_opened_yet": ("noch nicht geöffnet", "not opened yet"),
    "sites_tested.one": (
        "{tested} von {n} Standort hat den Link geöffnet",
        "{tested} of {n} site has opened its link",
    ),
    "sites_tested.other": (
        "{tested} von {n} Standorten haben ihren Link geöffnet",
        "{tested} of {n} sites have opened their link",
    ),
    "checkin_opened": ("Check-in geöffnet", "check-in open"),
    "checkin_closed": (
        "Check-in geschlossen (nur die Moderation ändert die Anwesenheit)",
        "check-in closed (only the moderator changes attendance)",
    ),
    "held": (
        "stattgefunden: {when}; Check-in geschlossen",
        "held: {when}; check-in closed",
    ),
    "certificates_written.one": (
        "{n} Bescheinigung in {folder} geschrieben; alle in einer Datei: {all}",
        "{n} certificate written to {folder}; all in one: {all}",
    ),
    "certificates_written.other": (
        "{n} Bescheinigungen in {folder} geschrieben; alle in einer Datei: {all}",
        "{n} certificates written to {folder}; all in one: {all}",
    ),
    # --- sites import|export, invite, attendance -------------------------------------------
    "sites_imported": (
        "Standorte: {added} neu, {updated} geändert aus {file}",
        "sites: {added} added, {updated} updated from {file}",
    ),
    "sites_exported.one": (
        "{n} Standort nach {file} exportiert",
        "exported {n} site to {file}",
    ),
    "sites_exported.other": (
        "{n} Standorte nach {file} exportiert",
        "exported {n} sites to {file}",
    ),
    "unknown_site_code": (
        "unbekanntes Standortkürzel {code} (bekannt: {known}); mit „sites import“ hinzufügen",
        "unknown site code {code} (known: {known}); add it with 'sites import'",
    ),
    "none_yet": ("noch keine", "none yet"),
    "invited.one": (
        "eingeladen: {codes}; jetzt eingeladen: {n} Standort",
        "invited: {codes}; now invited: {n} site",
    ),
    "invited.other": (
        "eingeladen: {codes}; jetzt eingeladen: {n} Standorte",
        "invited: {codes}; now invited: {n} sites",
    ),
    "withdrawn.one": (
        "ausgeladen: {codes}; jetzt eingeladen: {n} Standort",
        "withdrawn: {codes}; now invited: {n} site",
    ),
    "withdrawn.other": (
        "ausgeladen: {codes}; jetzt eingeladen: {n} Standorte",
        "withdrawn: {codes}; now invited: {n} sites",
    ),
    "site_not_invited_here": (
        "Standort {code} ist zu dieser Konferenz nicht eingeladen",
        "site {code} is not invited to this conference",
    ),
    "present": ("anwesend", "present"),
    "absent": ("abwesend", "absent"),
    "attendance": (
        "{code}: {state}, {count} Teilnehmende, {named} mit Namen",
        "{code}: {state}, {count} attending, {named} named",
    ),
    "efn_kept": (
        "{code}: {problem} – {name}: behalten, auf der CME-Liste als „EFN ungültig“ markiert",
        "{code}: {problem} – {name}: kept, marked “invalid EFN” on the CME list",
    ),
    "efn_given": ("EFN {efn}", "EFN {efn}"),
    # --- conference, import/export of packages, list, demo ---------------------------------
    "conference_imported": (
        "{slug} ({date}) importiert; Fälle: {cases}, eingeladene Standorte: {sites}",
        "imported {slug} ({date}); cases: {cases}, invited sites: {sites}",
    ),
    "publish_options_alone": (
        "--with-images/--with-text/--with-summary gehören zu --publish",
        "--with-images/--with-text/--with-summary go with --publish",
    ),
    "published_form": ("veröffentlichte Form", "published form"),
    "whole_form": ("vollständig, mit Ergebnissen", "whole, with results"),
    "conference_exported": (
        "{slug} ({kind}) nach {file} exportiert",
        "exported {slug} ({kind}) to {file}",
    ),
    "packages_imported": (
        "in {slug} importiert; Fälle: {cases}, Dateien: {files}",
        "imported into {slug}; cases: {cases}, files: {files}",
    ),
    "package_exported.one": ("{n} Fall nach {file} exportiert", "exported {n} case to {file}"),
    "package_exported.other": (
        "{n} Fälle nach {file} exportiert",
        "exported {n} cases to {file}",
    ),
    "no_conferences": (
        "noch keine Konferenzen; zum Ausprobieren: python main.py demo --no-gui",
        "no conferences yet; try: python main.py demo --no-gui",
    ),
    "demo_ready": (
        "Demo-Konferenz bereit: {slug} — {topic} ({date})",
        "demo conference ready: {slug} — {topic} ({date})",
    ),
    # --- report, manuscript, results -------------------------------------------------------
    "protocol_written": ("Protokoll geschrieben: {path}", "protocol written: {path}"),
    "manuscript_written": ("Manuskript geschrieben: {path}", "manuscript written: {path}"),
    "manuscript_with_figures": (
        "Manuskript geschrieben: {path} und {count} Abbildungen in {folder}",
        "manuscript written: {path} and {count} figures in {folder}",
    ),
    "results_written": ("Ergebnisse geschrieben: {path}", "results written: {path}"),
    "results_written_with": (
        "Ergebnisse geschrieben: {path} und {also}",
        "results written: {path} and {also}",
    ),
    "attendance_written": ("Anwesenheit geschrieben: {path}", "attendance written: {path}"),
    "chamber_list_written": (
        "Liste für die Kammer geschrieben: {path} ({count} gültige EFN)",
        "chamber list written: {path} ({count} valid EFN)",
    ),
    # --- links ---------------------------------------------------------------------------
    "base_url_invalid": (
        "--base-url {raw}: keine gültige Adresse",
        "--base-url {raw}: not a valid address",
    ),
    "base_url_scheme": (
        "--base-url {raw}: muss mit http:// oder https:// beginnen",
        "--base-url {raw}: must start with http:// or https://",
    ),
    "base_url_host": (
        "--base-url {raw}: kein Rechnername, z. B. http://192.168.1.20:8765",
        "--base-url {raw}: no host name, e.g. http://192.168.1.20:8765",
    ),
    "base_url_parts": (
        "--base-url {raw}: bitte ohne ?- oder #-Teile (der Link ginge kaputt)",
        "--base-url {raw}: no ? or # parts, please (the link would break)",
    ),
    "link_revoked": ("Link abgeschaltet: {code}", "revoked: {code}"),
    "link_reissued": ("neuer Link: {code} {link}", "new link issued: {code} {link}"),
    "sheet_written": ("{kind} geschrieben: {path}", "{kind} written: {path}"),
    # --- migrate -------------------------------------------------------------------------
    "schema_up_to_date": (
        "Das Schema der Datenbank ist aktuell ({head})",
        "database schema is up to date ({head})",
    ),
    "schema_upgraded": (
        "Schema der Datenbank aktualisiert: {before} → {head}",
        "database schema upgraded: {before} → {head}",
    ),
    "empty": ("leer", "empty"),
    # --- series and archive --------------------------------------------------------------
    "plan_empty": (
        "Der Plan ist leer; eine Sitzung planen: python main.py series add --date D --topic T",
        "the plan is empty; add a session: python main.py series add --date D --topic T",
    ),
    "planned": ("geplant: {entry}\t{date}\t{topic}", "planned: {entry}\t{date}\t{topic}"),
    "changed": ("geändert: {entry}\t{date}\t{topic}", "changed: {entry}\t{date}\t{topic}"),
    "removed_from_plan": ("aus dem Plan entfernt: {entry}", "removed from the plan: {entry}"),
    "published": ("veröffentlicht: {entry}", "published: {entry}"),
    "not_published": ("nicht veröffentlicht: {entry}", "not published: {entry}"),
    "conference_made.one": (
        "Konferenz angelegt: {slug}\t{date}\t{topic}\t{n} Standort eingeladen",
        "conference made: {slug}\t{date}\t{topic}\t{n} site invited",
    ),
    "conference_made.other": (
        "Konferenz angelegt: {slug}\t{date}\t{topic}\t{n} Standorte eingeladen",
        "conference made: {slug}\t{date}\t{topic}\t{n} sites invited",
    ),
    "calendar_written.one": (
        "Kalender geschrieben: {path} ({n} Sitzung)",
        "calendar written: {path} ({n} session)",
    ),
    "calendar_written.other": (
        "Kalender geschrieben: {path} ({n} Sitzungen)",
        "calendar written: {path} ({n} sessions)",
    ),
    "participation_header": (
        "Kürzel\tStandort\tSitzungen\tFragen abgestimmt\tTeilnehmende",
        "code\tsite\tsessions\tquestions voted\tparticipants",
    ),
    "year_report_written": (
        "Jahresbericht geschrieben: {path} (Sitzungen: {sessions}, Fragen: {questions})",
        "yearly report written: {path} (sessions: {sessions}, questions: {questions})",
    ),
    "questions_found.one": ("{n} Frage gefunden", "{n} question found"),
    "questions_found.other": ("{n} Fragen gefunden", "{n} questions found"),
    "questions_found_some.one": (
        "{shown} von {n} Frage gefunden",
        "{shown} of {n} question found",
    ),
    "questions_found_some.other": (
        "{shown} von {n} Fragen gefunden",
        "{shown} of {n} questions found",
    ),
    # --- ask ------------------------------------------------------------------------------
    "asked_open": ("geöffnet", "opened"),
    "asked_draft": ("angelegt, noch nicht geöffnet", "added, not opened yet"),
    # --- poll_import: errors -----------------------------------------------------------
    "not_json": ("{path}: kein JSON ({reason})", "{path}: not JSON ({reason})"),
    "mapping_shape": (
        "{path}: erwartet ein Objekt mit participants, domains, questions, resolve",
        "{path}: expected an object with participants, domains, questions, resolve",
    ),
    "resolve_shape": (
        "--resolve {raw}: erwartet SITE:QUESTION=CHOICE",
        "--resolve {raw}: expected SITE:QUESTION=CHOICE",
    ),
    "resolution_shape": (
        "Auflösung {choice}: Nummer oder abstain",
        "resolution {choice}: must be a number or abstain",
    ),
    "mapping_unreadable": ("{path}: nicht lesbar ({reason})", "{path}: cannot be read ({reason})"),
    "blocked_more": ("{first} (+{more} weitere, siehe oben)", "{first} (+{more} more, see above)"),
    "blocked_hint": ("{first}; {hint}", "{first}; {hint}"),
    "dry_run": ("Probelauf: nichts gespeichert", "dry run: nothing stored"),
    "poll_imported": (
        "importiert: {ballots} Stimmen, {totals} Summen der Videokonferenz",
        "imported: {ballots} ballots, {totals} call totals",
    ),
    # --- poll_import: the preview's words ----------------------------------------------
    "report": ("Bericht", "report"),
    "questions": ("Fragen", "questions"),
    "answers": ("Antworten", "answers"),
    "anonymous_poll": (
        "Anonyme Umfrage: keine Stimmen je Standort, nur die Summen („von der "
        "Videokonferenz gezählt“)",
        "anonymous poll: no per-site ballots, only the totals (“counted by the call”)",
    ),
    "confirm": ("bestätigen", "confirm"),
    "participants": ("Teilnehmende", "participants"),
    "line": ("Zeile", "line"),
    "superseded": (
        "frühere Antwort, die spätere zählt",
        "earlier submission, the last one counts",
    ),
    "ballots": ("Stimmen", "ballots"),
    "match_exact": ("genau", "exact"),
    "match_close": ("ähnlich", "close"),
    "match_chosen": ("gewählt", "chosen"),
    "match_none": ("keine", "none"),
    "rule_table": ("Tabelle", "table"),
    "rule_domain": ("Domain", "domain"),
    "rule_name": ("Name", "name"),
    "rule_none": ("keine", "none"),
    "counted_once": ("einmal gezählt", "counted once"),
    "replaces": ("ersetzt", "replaces"),
    "abstain": ("Enthaltung", "abstain"),
    "valid": ("gültig", "valid"),
    "conflict": ("Konflikt", "conflict"),
    "more_lines": (
        "… und {count} weitere (--full zeigt alle)",
        "… and {count} more (--full shows all)",
    ),
}

MESSAGES = Catalog.of_pairs("command messages", {**_TEXTS, **SERVER_TEXTS})

#: the message ``key`` in every language, its ``{placeholders}`` filled with ``values``
say = MESSAGES.message
#: the text ``key`` in one language: ``text(args.cli_lang, "key", …)``
text = MESSAGES.text
#: the text ``key.one`` or ``key.other`` for the number ``n``, in one language
plural = MESSAGES.plural
