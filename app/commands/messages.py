"""What the subcommands say: one catalog, both languages; the command line prints both.

A command's one-line error is ``CliError(say("is_a_folder", path=path))``; ``str()`` says
``"deutsch / english"``. The preview of ``poll-import`` labels its lines with the same
words (``Fragen / questions:``).
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
        "neuer Link für {count} Standort(e) ohne Link in der Datei ({codes}); "
        "senden Sie ihn: python main.py links {conference}",
        "a new link for {count} site(s) without one in the file ({codes}); "
        "send it to them: python main.py links {conference}",
    ),
    # --- serve -------------------------------------------------------------------------
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
