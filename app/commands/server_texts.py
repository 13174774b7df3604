"""What ``serve``, ``serve --check``, ``migrate`` and ``organiser`` say, in German and
English: part of the one command catalog (:mod:`app.commands.messages`), kept here so that
each file stays short."""

from __future__ import annotations

#: key → (German, English)
TEXTS: dict[str, tuple[str, str]] = {
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
}
