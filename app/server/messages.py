"""What the voting server says when it refuses or fails: one catalog, both languages.

The rules' own refusals come from the services (:mod:`app.services.messages`); these are
the server's: transport limits, missing tokens, a database that cannot store, a port that
is taken. The voter page's fixed words stay in :mod:`app.server.i18n`.
"""

from __future__ import annotations

from app.texts import Catalog

#: key → (German, English)
_TEXTS: dict[str, tuple[str, str]] = {
    # --- app (error handlers) ----------------------------------------------------------
    "invalid_request": ("Ungültige Anfrage: {problems}", "invalid request: {problems}"),
    "database_unavailable": (
        "Datenbank nicht verfügbar ({problem}) – bitte gleich noch einmal versuchen",
        "database unavailable ({problem}), please try again",
    ),
    # --- deps ------------------------------------------------------------------------
    "rate_limited": (
        "Zu viele Anfragen; bitte kurz warten",
        "too many requests; please wait a moment",
    ),
    "moderator_token_missing": (
        "Moderationstoken fehlt (Authorization: Bearer …)",
        "moderator token missing (Authorization: Bearer …)",
    ),
    "organiser_token_missing": (
        "Organisationstoken fehlt (Authorization: Bearer …)",
        "organiser token missing (Authorization: Bearer …)",
    ),
    "conference_unknown": (
        "Diese Adresse gehört zu keiner Konferenz; bitte den Link des eigenen Standorts öffnen",
        "this address belongs to no conference; please open your site's own link",
    ),
    "site_token_missing": (
        "Standort-Token fehlt (Authorization: Bearer …)",
        "site token missing (Authorization: Bearer …)",
    ),
    # --- security ----------------------------------------------------------------------
    "internal_error": ("Interner Fehler", "internal server error"),
    "too_large": ("Anfrage zu groß", "request body too large"),
    "content_length_invalid": ("Content-Length ungültig", "Content-Length invalid"),
    # --- runner ------------------------------------------------------------------------
    "port_range": ("Port {port}: 0–65535 erwartet", "port {port}: expected 0–65535"),
    "port_in_use": ("Port {port} ist belegt", "port {port} is in use"),
    "port_not_permitted": ("Port {port} ist nicht erlaubt", "port {port} is not permitted"),
    "address_not_available": (
        "Adresse {host}:{port} nicht verfügbar: {reason}",
        "address {host}:{port} not available: {reason}",
    ),
    "server_did_not_start": ("Server startet nicht", "server did not start"),
    "server_did_not_start_because": (
        "Server startet nicht: {reason}",
        "server did not start: {reason}",
    ),
    # --- workers -----------------------------------------------------------------------
    "workers_range": ("--workers: 1–{most} erwartet", "--workers: expected 1–{most}"),
    "workers_need_postgres": (
        "--workers: mehrere Prozesse brauchen PostgreSQL (--db postgresql://…); SQLite "
        "bedient aus einem Prozess",
        "--workers: several worker processes need PostgreSQL (--db postgresql://…); SQLite "
        "serves from one process",
    ),
    # --- writer ------------------------------------------------------------------------
    # --- storage (app.server.storage): the operator's log and start-up line ------------
    "cannot_serve": (
        "Datenbank {where}: {problem}; so könnte der Server keine Stimme speichern – {advice}",
        "database {where}: {problem}; the server could not store a single vote — {advice}",
    ),
    "storage_fault": (
        "Datenbank {where}: {problem} – nichts wird gespeichert, Standorte werden gebeten, es "
        "gleich noch einmal zu versuchen; {advice} ({detail})",
        "database {where}: {problem} — nothing is stored, sites are asked to try again in a "
        "moment; {advice} ({detail})",
    ),
    "worker_replaced": (
        "Arbeitsprozess {pid} ist beendet ({how}); Prozess {new} übernimmt seine Standorte",
        "worker process {pid} died ({how}); process {new} takes over its sites",
    ),
    "exit_code": ("Exit-Code {code}", "exit code {code}"),
    "exit_signal": ("Signal {name}", "signal {name}"),
    "storage_recovered": (
        "Datenbank {where}: funktioniert wieder, es wird wieder gespeichert",
        "database {where}: works again, storing resumed",
    ),
    "advice_read_only": (
        "Schreiben in die Datei und ihren Ordner ({folder}) erlauben",
        "allow writing to the file and its folder ({folder})",
    ),
    "advice_disk_full": (
        "Speicherplatz auf dem Laufwerk freigeben ({folder})",
        "free disk space on its drive ({folder})",
    ),
    "advice_unreachable": (
        "PostgreSQL starten oder seine Adresse in VOTUM_DB prüfen",
        "start PostgreSQL or check its address in VOTUM_DB",
    ),
    "advice_locked": (
        "das andere Programm schließen, das die Datei offen hält ({folder})",
        "close the other program that holds the file ({folder})",
    ),
    "advice_other": (
        "Laufwerk und Datenbank prüfen ({folder})",
        "check the drive and the database ({folder})",
    ),
    "not_stored": (
        "Nicht gespeichert ({problem}) – bitte gleich noch einmal versuchen",
        "not stored ({problem}), please try again",
    ),
    "shutting_down": ("Server wird beendet", "server is shutting down"),
    # --- routes ------------------------------------------------------------------------
    "invalid_choice": ("Ungültige Auswahl", "invalid choice"),
    "invalid_form": (
        "Ungültige Eingabe; bitte erneut abstimmen",
        "invalid input; please vote again",
    ),
}

MESSAGES = Catalog.of_pairs("server messages", _TEXTS)

#: the message ``key`` in every language, its ``{placeholders}`` filled with ``values``
say = MESSAGES.message
