"""The voter page's words in German and English, and how times are shown to voters."""

from __future__ import annotations

import time
from collections.abc import Mapping
from datetime import date, datetime

from app.config import LANGUAGES
from app.texts import Catalog, Message

TEXTS: dict[str, dict[str, str]] = {
    "de": {
        "voting_for": "Sie stimmen für",
        "case": "Fall",
        "question": "Frage",
        "round": "Runde",
        "waiting": "Warten auf die nächste Frage\u00a0…",
        "waiting_hint": "Die Seite aktualisiert sich von selbst.",
        "waiting_hint_nojs": "Bitte laden Sie die Seite neu, wenn die Moderation weiterschaltet.",
        "reload": "Seite neu laden",
        "submit": "Stimme abgeben",
        "change": "Stimme ändern",
        "abstain": "Enthaltung",
        "comment": "Kommentar (optional)",
        "comment_required": "Ihre Antwort",
        "choose_one": "Bitte eine Option wählen.",
        "choose_many": "Mehrfachauswahl möglich.",
        "stored_at": "Gespeichert um {time}",
        "you_can_change": "Sie können Ihre Stimme bis zum Schließen ändern.",
        "replaced": "Ihre frühere Stimme wurde ersetzt (Änderung Nr. {revision}).",
        "by_moderator": "eingetragen durch die Moderation",
        "replaced_since": "Ihre Stimme wurde inzwischen ersetzt",
        "now_stored": "Jetzt gespeichert (um {time})",
        "your_ballot": "Ihre Stimme",
        "no_ballot": "Keine Stimme abgegeben.",
        "closed": "Abstimmung geschlossen",
        "closed_hint": "Warten auf das Ergebnis oder die nächste Frage\u00a0…",
        "results": "Ergebnis",
        "results_hidden": "Das Ergebnis wird gezeigt, sobald die Moderation es freigibt.",
        "voted_of": "{voted} von {eligible} Standorten haben abgestimmt",
        "abstentions": "Enthaltungen: {n}",
        "back": "Zurück zur Abstimmung",
        "confirm_title": "Stimme gespeichert",
        "forbidden_title": "Dieser Link ist nicht gültig",
        "forbidden_text": (
            "Der Link ist unvollständig, wurde ersetzt oder widerrufen. Bitte prüfen Sie, "
            "ob Sie ihn vollständig kopiert haben, oder bitten Sie die Moderation um Ihren "
            "aktuellen Link."
        ),
        "welcome_title": "Abstimmung der Konferenz",
        "welcome_text": (
            "Bitte öffnen Sie den persönlichen Link Ihres Standorts, den Sie per E-Mail "
            "erhalten haben. Nur über diesen Link können Sie für Ihren Standort abstimmen. "
            "Kein Link zur Hand? Bitte wenden Sie sich an die Moderation."
        ),
        "error_title": "Die Stimme wurde nicht gespeichert",
        "unavailable_title": "Gerade nicht erreichbar",
        "unavailable_retry": (
            "Diese Seite versucht es in {seconds}\u00a0s von selbst noch einmal. "
            "Bei einer Stimme: bitte danach noch einmal abgeben."
        ),
        "still_stands": "Ihre bisherige Stimme gilt weiter:",
        "stands_alone": "nicht mit anderen Optionen kombinierbar",
        "not_found": "Diese Seite gibt es nicht.",
        "live": "Live",
        "offline": "Verbindung unterbrochen – neuer Versuch\u00a0…",
        "sending": "Wird gesendet\u00a0…",
        "nothing": "—",
        "language": "English",
        "answer": "Antwort",
        "answers_stored": "Gespeichert",
        "checkin_title": "Wer ist von unserem Standort dabei?",
        "link_works": "Ihr Link funktioniert.",
        "session_on": "Sitzung: {when}",
        "session_held": "Die Sitzung hat stattgefunden.",
        "clock_suffix": " Uhr",
        "weekdays": "Mo.|Di.|Mi.|Do.|Fr.|Sa.|So.",
        "months": "",
        "checkin_hint": (
            "Tragen Sie hier ein, wer von Ihrem Standort teilnimmt: jede Person erhält eine "
            "Teilnahmebescheinigung, mit EFN werden die CME-Punkte der Ärztekammer gemeldet."
        ),
        "person": "Person {n}",
        "new_person": "Weitere Person",
        "field_name": "Name",
        "field_efn": "EFN (freiwillig)",
        "efn_placeholder": "15 Ziffern",
        "field_role": "Funktion (freiwillig)",
        "role_placeholder": "z.\u00a0B. Fellow",
        "remove": "Entfernen",
        "checkin_save": "Anmeldung speichern",
        "add_row": "Weitere Person hinzufügen",
        "checkin_saved": "Gespeichert: {n} angemeldet.",
        "checkin_closed": (
            "Anmeldung von der Moderation geschlossen. Änderungen bitte über die Moderation."
        ),
        "checkin_none": "Noch niemand angemeldet.",
        "checkin_error_title": "Die Anmeldung wurde nicht gespeichert",
        "efn_hint_check_digit": (
            "Die Prüfziffer dieser EFN stimmt nicht. Bitte vergleichen Sie sie mit dem "
            "Barcode-Etikett; sie wird trotzdem gespeichert, für die Ärztekammer markiert."
        ),
        "efn_hint_digits": (
            "Eine EFN hat 15 Ziffern. Bitte prüfen; sie wird trotzdem gespeichert, markiert."
        ),
        "efn_hint_prefix": (
            "Eine EFN beginnt mit 80276. Bitte prüfen; sie wird trotzdem gespeichert, markiert."
        ),
    },
    "en": {
        "voting_for": "You are voting for",
        "case": "Case",
        "question": "Question",
        "round": "round",
        "waiting": "Waiting for the next question…",
        "waiting_hint": "This page updates by itself.",
        "waiting_hint_nojs": "Please reload the page when the moderator moves on.",
        "reload": "Reload page",
        "submit": "Cast vote",
        "change": "Change vote",
        "abstain": "Abstain",
        "comment": "Comment (optional)",
        "comment_required": "Your answer",
        "choose_one": "Please choose one option.",
        "choose_many": "You may choose several options.",
        "stored_at": "Stored at {time}",
        "you_can_change": "You can change your vote until voting closes.",
        "replaced": "Your earlier vote was replaced (change no. {revision}).",
        "by_moderator": "entered by the moderator",
        "replaced_since": "Your vote has since been replaced",
        "now_stored": "Now stored (at {time})",
        "your_ballot": "Your vote",
        "no_ballot": "No vote cast.",
        "closed": "Voting closed",
        "closed_hint": "Waiting for the result or the next question…",
        "results": "Result",
        "results_hidden": "The result is shown once the moderator reveals it.",
        "voted_of": "{voted} of {eligible} sites have voted",
        "abstentions": "Abstentions: {n}",
        "back": "Back to the vote",
        "confirm_title": "Vote stored",
        "forbidden_title": "This link is not valid",
        "forbidden_text": (
            "The link is incomplete, has been replaced or was revoked. Please check that you "
            "copied all of it, or ask the moderator for your current link."
        ),
        "welcome_title": "Conference vote",
        "welcome_text": (
            "Please open your site's personal link, which you received by e-mail. Only that "
            "link lets you vote for your site. No link at hand? Please ask the moderator."
        ),
        "error_title": "Your vote was not stored",
        "unavailable_title": "Not reachable right now",
        "unavailable_retry": (
            "This page tries again by itself in {seconds}\u00a0s. "
            "If you were voting: please cast your vote again then."
        ),
        "still_stands": "Your earlier vote still stands:",
        "stands_alone": "cannot be combined with other options",
        "not_found": "This page does not exist.",
        "live": "Live",
        "offline": "Connection lost – retrying…",
        "sending": "Sending…",
        "nothing": "—",
        "language": "Deutsch",
        "answer": "Answer",
        "answers_stored": "Stored",
        "checkin_title": "Who is here from our site?",
        "link_works": "Your link works.",
        "session_on": "Session: {when}",
        "session_held": "The session has taken place.",
        "clock_suffix": "",
        "weekdays": "Mon|Tue|Wed|Thu|Fri|Sat|Sun",
        "months": "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec",
        "checkin_hint": (
            "Enter who takes part from your site: each person gets an attendance "
            "certificate, and with an EFN the CME points are reported to the chamber."
        ),
        "person": "Person {n}",
        "new_person": "Another person",
        "field_name": "Name",
        "field_efn": "EFN (optional)",
        "efn_placeholder": "15 digits",
        "field_role": "Role (optional)",
        "role_placeholder": "e.g. fellow",
        "remove": "Remove",
        "checkin_save": "Save check-in",
        "add_row": "Add another person",
        "checkin_saved": "Saved: {n} checked in.",
        "checkin_closed": "Check-in closed by the moderator. Please ask the moderator for changes.",
        "checkin_none": "Nobody checked in yet.",
        "checkin_error_title": "The check-in was not saved",
        "efn_hint_check_digit": (
            "The check digit of this EFN does not match. Please compare it with the barcode "
            "label; it is kept all the same, marked for the chamber."
        ),
        "efn_hint_digits": "An EFN has 15 digits. Please check; it is kept all the same, marked.",
        "efn_hint_prefix": (
            "An EFN starts with 80276. Please check; it is kept all the same, marked."
        ),
    },
}

VOTER_PAGE = Catalog("voter page", TEXTS)


def pick_lang(requested: str | None, default: str) -> str:
    """``requested`` if it is a known language, else the conference's language."""
    if requested in LANGUAGES:
        return requested
    return default if default in LANGUAGES else "de"


def texts(lang: str) -> Mapping[str, str]:
    return VOTER_PAGE.table(pick_lang(lang, "de"))


def clock(moment: datetime) -> str:
    """Wall-clock time on the server's machine (the moderator's laptop): ``14:03:12``."""
    return time.strftime("%H:%M:%S", time.localtime(moment.timestamp()))


def session_when(lang: str, date: date, starts_at: str, ends_at: str) -> str:
    """ "Mi., 18.11.2026, 16:00–17:30 Uhr" / "Wed, 18 Nov 2026, 16:00–17:30"."""
    t = texts(lang)
    weekday = t["weekdays"].split("|")[date.weekday()]
    if t["months"]:
        day = f"{weekday}, {date.day} {t['months'].split('|')[date.month - 1]} {date.year}"
    else:
        day = f"{weekday}, {date.day:02d}.{date.month:02d}.{date.year}"
    times = "–".join(x for x in (starts_at, ends_at) if x)
    return f"{day}, {times}{t['clock_suffix']}" if times else day


def error_body(message: Message) -> dict[str, object]:
    """A JSON error: ``detail`` says both languages (one line for any API client),
    ``messages`` each language by itself, for a client that shows one (the remote console)."""
    return {"detail": str(message), "messages": dict(message.texts)}
