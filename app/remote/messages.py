"""What the remote console's client says when a hosted server cannot be used: both languages.

A refusal the server sends in its own words (its JSON ``messages``) is passed on as it is;
these are the client's own: a bad address, a certificate, a server that does not answer.
"""

from __future__ import annotations

from app.texts import Catalog

#: key → (German, English)
_TEXTS: dict[str, tuple[str, str]] = {
    # --- client: the address and the certificate ----------------------------------------
    "not_an_address": (
        "Keine gültige Adresse: {address} (https://…)",
        "not a valid address: {address} (https://…)",
    ),
    "address_extras": (
        "Adresse ohne ?, # oder Benutzer angeben: {address}",
        "address without ?, # or user: {address}",
    ),
    "encrypted_only": (
        "Zu einem anderen Computer nur verschlüsselt (https://): {address}",
        "only encrypted (https://) to another computer: {address}",
    ),
    "ca_file_unusable": (
        "CA-Datei nicht lesbar: {path}: {reason}",
        "CA file not usable: {path}: {reason}",
    ),
    "certificate_not_trusted": (
        "Zertifikat von {host} nicht vertrauenswürdig — Verbindung abgelehnt ({reason})",
        "certificate of {host} not trusted — connection refused ({reason})",
    ),
    # --- client: the server does not answer -------------------------------------------
    "no_answer": ("Keine Antwort von {host}: {reason}", "no answer from {host}: {reason}"),
    "unreachable": (
        "Server nicht erreichbar: {host} ({reason})",
        "server unreachable: {host} ({reason})",
    ),
    "connection_lost": ("Verbindung unterbrochen: {reason}", "connection lost: {reason}"),
    "connection_closed": (
        "Verbindung vom Server beendet",
        "connection closed by the server",
    ),
    "not_done": ("Nicht ausgeführt: {reason}", "not done: {reason}"),
    # --- client: the server refuses ----------------------------------------------------
    "token_refused": ("Moderator-Token abgelehnt", "moderator token refused"),
    "token_refused_because": (
        "Moderator-Token abgelehnt ({reason})",
        "moderator token refused ({reason})",
    ),
    "conference_gone": (
        "Diese Konferenz gibt es auf dem Server nicht mehr",
        "this conference no longer exists on the server",
    ),
    # --- transfer ----------------------------------------------------------------------
    "server_has_ballots": (
        "Der Server hat schon {ballots} Stimmen für diese Konferenz — nicht überschrieben",
        "the server already has {ballots} ballots for this conference — not overwritten",
    ),
}

MESSAGES = Catalog.of_pairs("remote messages", _TEXTS)

#: the message ``key`` in every language, its ``{placeholders}`` filled with ``values``
say = MESSAGES.message
