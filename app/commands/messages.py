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
}

MESSAGES = Catalog.of_pairs("command messages", _TEXTS)

#: the message ``key`` in every language, its ``{placeholders}`` filled with ``values``
say = MESSAGES.message
