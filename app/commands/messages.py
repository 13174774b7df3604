"""What the subcommands say: one catalog, both languages; a command prints one of them.

The command line speaks the language :func:`app.config.command_language` picks
(``VOTUM_LANG``, else the system's), kept in ``args.cli_lang``. A command's one-line error
is ``CliError(say("is_a_folder", path=path))``, printed in that language; its output is
``text(args.cli_lang, "key", …)`` (``plural(…)`` for a count: ``key.one``/``key.other``).
"""

from __future__ import annotations

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
    # --- serve -------------------------------------------------------------------------
    "server_for_round.one": (
        "Votum-Abstimmungsserver für die Runde: {n} Konferenz",
        "Votum voting server for the round: {n} conference",
    ),
    "server_for_round.other": (
        "Votum-Abstimmungsserver für die Runde: {n} Konferenzen",
        "Votum voting server for the round: {n} conferences",
    ),
    "server_for": (
        "Votum-Abstimmungsserver: {slug} — {topic}",
        "Votum voting server: {slug} — {topic}",
    ),
    "with_workers": ("{title} ({workers} Prozesse)", "{title} ({workers} workers)"),
    "listening_on": ("  erreichbar unter {url}", "  listening on {url}"),
    "sites_reach": ("  Standorte erreichen ihn als {url}", "  sites reach it as {url}"),
    "trusting_proxies": (
        "  X-Forwarded-For gilt von {proxies}",
        "  trusting X-Forwarded-For from {proxies}",
    ),
    "token_with_organiser": (
        "  Moderationstoken: bei der Organisation (dieser Server kennt nur seinen Hash)",
        "  moderator token: with the organiser (this server keeps only its hash)",
    ),
    "token_written": (
        "  Moderationstoken: in {path} geschrieben",
        "  moderator token: written to {path}",
    ),
    "token_shown": ("  Moderationstoken: {token}", "  moderator token: {token}"),
    "links_hint.one": (
        "  {with_link} von {n} eingeladenen Standort hat einen Link; drucken mit:\n    {command}",
        "  {with_link} of {n} invited site has a link; print them with:\n    {command}",
    ),
    "links_hint.other": (
        "  {with_link} von {n} eingeladenen Standorten haben einen Link; drucken mit:\n"
        "    {command}",
        "  {with_link} of {n} invited sites have a link; print them with:\n    {command}",
    ),
    "organiser_token_none": (
        "  Organisationstoken: noch keins; anlegen mit: python main.py organiser token --rotate",
        "  organiser token: none yet; make one with: python main.py organiser token --rotate",
    ),
    "organiser_token_issued": (
        "  Organisationstoken: ausgegeben {since}",
        "  organiser token: issued {since}",
    ),
    "organiser_api": ("  Organisations-API: {url}", "  organiser API: {url}"),
    "api_description": ("  API-Beschreibung: {url}", "  API description: {url}"),
    "press_ctrl_c": ("Strg+C beendet den Server.", "Press Ctrl+C to stop."),
    "stopping": ("wird beendet …", "stopping …"),
    "stopped": ("beendet", "stopped"),
    "tls_pair": (
        "--certfile und --keyfile gehören zusammen (HTTPS braucht beide)",
        "--certfile and --keyfile go together (HTTPS needs both)",
    ),
    "no_readable_file": (
        "{option} {name}: keine lesbare Datei",
        "{option} {name}: no readable file",
    ),
    "allow_ips_need_proxy_headers": (
        "--forwarded-allow-ips braucht --proxy-headers",
        "--forwarded-allow-ips needs --proxy-headers",
    ),
    "proxy_headers_need_allow_ips": (
        "--proxy-headers braucht --forwarded-allow-ips mit der Adresse des Proxys, z. B. "
        "127.0.0.1 (nie * auf einem erreichbaren Rechner: jeder könnte Adressen fälschen)",
        "--proxy-headers needs --forwarded-allow-ips with the proxy's address, e.g. "
        "127.0.0.1 (never * on a reachable host: anyone could forge addresses)",
    ),
    "not_an_ip": (
        "--forwarded-allow-ips {item}: keine IP-Adresse und kein Netz",
        "--forwarded-allow-ips {item}: not an IP address or network",
    ),
    "max_connections_least": (
        "--max-connections: mindestens {least}",
        "--max-connections: at least {least}",
    ),
    "token_file_needs_conference": (
        "--moderator-token-file gehört zu serve KONFERENZ: ein Server für die ganze Runde "
        "hat je Konferenz ein eigenes Moderationstoken (beim Veröffentlichen ausgegeben)",
        "--moderator-token-file goes with serve CONFERENCE: a standing server has a "
        "moderator token per conference (given out when it is published)",
    ),
    "token_file_unwritable": (
        "{path}: nicht zu schreiben ({reason})",
        "{path}: cannot write ({reason})",
    ),
    # --- organiser -----------------------------------------------------------------------
    "organiser_token_written": (
        "Organisationstoken: in {path} geschrieben (das alte gilt nicht mehr)",
        "organiser token: written to {path} (the old one no longer works)",
    ),
    "organiser_token_shown": ("Organisationstoken: {token}", "organiser token: {token}"),
    "organiser_token_once": (
        "  nur dieses eine Mal gezeigt; der Server kennt nur seinen Hash. Das alte gilt nicht "
        "mehr.",
        "  shown this once; the server keeps only its hash. The old one no longer works.",
    ),
    "organiser_token_revoked": ("Organisationstoken widerrufen", "organiser token revoked"),
    "organiser_token_was_none": (
        "es gab kein Organisationstoken",
        "there was no organiser token",
    ),
    "token_once": (
        "  nur dieses eine Mal gezeigt: der Server kennt nur seinen Hash",
        "  shown this once: the server keeps only its hash",
    ),
    "published_conference": (
        "{slug} ({date}) als Konferenz {id} veröffentlicht; Fälle: {cases}, eingeladene "
        "Standorte: {sites}",
        "published {slug} ({date}) as conference {id}; cases: {cases}, invited sites: {sites}",
    ),
    "no_conferences_on_server": (
        "keine Konferenzen auf dem Server",
        "no conferences on the server",
    ),
    "server_conference_counts": (
        "{sites} Standorte\t{ballots} Stimmen\tzuletzt {last}",
        "{sites} sites\t{ballots} ballots\tlast {last}",
    ),
    "fetched": (
        "{slug} geholt; Stimmen: {ballots} → {path}",
        "fetched {slug}; ballots: {ballots} → {path}",
    ),
    "deleted": (
        "Konferenz {id} auf {server} gelöscht, mit jeder Stimme, jedem Namen und Token",
        "deleted conference {id} from {server} with every ballot, name and token",
    ),
    "new_moderator_token": (
        "Konferenz {id}: ein neues Moderationstoken (das alte gilt nicht mehr)",
        "conference {id}: a new moderator token (the old one no longer works)",
    ),
    "token_file_needs_rotate": (
        "--token-file gehört zu --rotate (nur ein neues Token wird ausgegeben)",
        "--token-file goes with --rotate (only a new token is given out)",
    ),
    "token_file_unreadable": (
        "{path}: nicht zu lesen ({reason})",
        "{path}: cannot read ({reason})",
    ),
    "organiser_token_needed": (
        "Das Organisationstoken fehlt: --token-file DATEI oder die Umgebungsvariable {variable}",
        "the organiser token is missing: --token-file FILE or the environment variable {variable}",
    ),
    # --- migrate -----------------------------------------------------------------------
    "servers_still_running": (
        "Auf dieser Datenbank laufen noch {count} Votum-Server-Prozesse: erst den Dienst "
        "anhalten (systemctl stop votum), dann migrieren",
        "{count} Votum server processes still run on this database: stop the service "
        "first (systemctl stop votum), then migrate",
    ),
    # --- serve --check -------------------------------------------------------------------
    "check_ok": ("Prüfung: in Ordnung", "check: ok"),
    "check_database": ("Datenbank {database}: Schema {head}", "database {database}: schema {head}"),
    "check_conference": ("Konferenz {slug} — {topic}", "conference {slug} — {topic}"),
    "check_round.one": (
        "Server der Runde: {n} Konferenz",
        "the round's standing server: {n} conference",
    ),
    "check_round.other": (
        "Server der Runde: {n} Konferenzen",
        "the round's standing server: {n} conferences",
    ),
    "check_port": ("Port {port} auf {host}: frei", "port {port} on {host}: free"),
    "schema_empty": (
        "Datenbank {database}: noch leer; erst „python main.py migrate“ ausführen",
        "database {database}: still empty; run “python main.py migrate” first",
    ),
    "schema_older": (
        "Datenbank {database}: Schema {found} ist älter als das dieses Votum ({wanted}); "
        "Dienst angehalten lassen, die Datenbank sichern, dann „python main.py migrate“",
        "database {database}: schema {found} is older than this Votum's ({wanted}); keep "
        "the service stopped, back the database up, then run “python main.py migrate”",
    ),
    "schema_newer": (
        "Datenbank {database}: Schema {found} stammt von einem neueren Votum (dieses kennt "
        "{wanted}); das neuere Votum installieren",
        "database {database}: schema {found} was written by a newer Votum (this one knows "
        "{wanted}); install the newer Votum",
    ),
    "database_not_writable": (
        "{path}: nicht beschreibbar für diesen Benutzer (der Dienst muss dort schreiben)",
        "{path}: not writable for this user (the service must write there)",
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

MESSAGES = Catalog.of_pairs("command messages", _TEXTS)

#: the message ``key`` in every language, its ``{placeholders}`` filled with ``values``
say = MESSAGES.message
#: the text ``key`` in one language: ``text(args.cli_lang, "key", …)``
text = MESSAGES.text
#: the text ``key.one`` or ``key.other`` for the number ``n``, in one language
plural = MESSAGES.plural
