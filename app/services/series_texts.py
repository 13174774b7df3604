"""What the series says outside the Qt UI (trend lines, plan states, calendar, yearly
report's words shared with the command line) and its refusals: key → (German, English)."""

from __future__ import annotations

import datetime as dt

from app.texts import Catalog

_MONTHS = (
    ("Januar", "January"),
    ("Februar", "February"),
    ("März", "March"),
    ("April", "April"),
    ("Mai", "May"),
    ("Juni", "June"),
    ("Juli", "July"),
    ("August", "August"),
    ("September", "September"),
    ("Oktober", "October"),
    ("November", "November"),
    ("Dezember", "December"),
)

#: key → (German, English)
_TEXTS: dict[str, tuple[str, str]] = {
    **{f"month_{n}": pair for n, pair in enumerate(_MONTHS, start=1)},
    # --- asked before: "Juni 2026: 15 % empfehlen HCQ + Trametinib; heute: 8 %" ------------
    "trend": ("{when}: {then}; {label}: {now} %", "{when}: {then}; {label}: {now} %"),
    "today": ("heute", "today"),
    "trend_then": ("{when}: {then}", "{when}: {then}"),
    "share_phrase": ("{percent} % {phrase}", "{percent} % {phrase}"),
    "asked_before": ("Zuvor gefragt", "Asked before"),
    "asked_before_in": ("„{topic}“, Frage {number}", "“{topic}”, question {number}"),
    "not_asked": ("nicht gestellt", "not asked"),
    "agreeing": ("Zustimmung", "agreeing"),
    # --- the plan ----------------------------------------------------------------------
    "status_planned": ("geplant", "planned"),
    "status_prepared": ("vorbereitet", "prepared"),
    "status_held": ("stattgefunden", "held"),
    "status_published": ("veröffentlicht", "published"),
    "calendar_name": ("MTB-Runde: Sitzungsplan", "MTB round: session plan"),
    "calendar_fellows": ("Fellows: {names}", "Fellows: {names}"),
    "calendar_summary": ("MTB-Runde: {topic}", "MTB round: {topic}"),
    # --- refusals (raised by the series services) --------------------------------------
    "plan_entry_not_found": (
        "Planeintrag {entry_id} nicht gefunden",
        "plan entry {entry_id} not found",
    ),
    "plan_entry_ref": (
        "Kein Planeintrag „{ref}“: Nummer (wie „series plan“ sie zeigt) oder Datum JJJJ-MM-TT",
        "no plan entry “{ref}”: its number (as “series plan” shows it) or its date YYYY-MM-DD",
    ),
    "plan_entry_ambiguous": (
        "Am {ref} stehen mehrere Sitzungen im Plan: bitte die Nummer angeben",
        "several sessions are planned on {ref}: please give the number",
    ),
    "plan_has_conference": (
        "Für den Planeintrag vom {date} gibt es schon die Konferenz „{slug}“",
        "the plan entry of {date} already has its conference “{slug}”",
    ),
    "plan_end_before_start": (
        "Das Ende ({ends}) liegt vor dem Beginn ({starts})",
        "the end ({ends}) is before the start ({starts})",
    ),
    "plan_too_many_fellows": (
        "Höchstens {limit} Fellows je Sitzung",
        "at most {limit} fellows per session",
    ),
    "link_same_conference": (
        "Eine Frage kann nicht mit einer Frage derselben Konferenz verknüpft werden",
        "a question cannot be linked to a question of its own conference",
    ),
    "link_not_earlier": (
        "Die verknüpfte Frage muss aus einer früheren Sitzung stammen (vor dem {date})",
        "the linked question must come from an earlier session (before {date})",
    ),
    "link_not_asked": (
        "Die verknüpfte Frage wurde nie gestellt: sie hat kein Ergebnis",
        "the linked question was never asked: it has no result",
    ),
    "year_invalid": (
        "Jahr {year}: erwartet wird eine Jahreszahl wie 2026",
        "year {year}: expected a year such as 2026",
    ),
}

SERIES = Catalog.of_pairs("series texts", _TEXTS)

#: the message ``key`` in every language, its ``{placeholders}`` filled with ``values``
say = SERIES.message
text = SERIES.text


def month_year(date: dt.date, lang: str) -> str:
    """ "Juni 2026" / "June 2026"."""
    return f"{text(lang, f'month_{date.month}')} {date.year}"
