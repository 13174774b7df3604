"""pydantic's validation errors said in each language: one catalog keyed by the error's type.

pydantic writes its messages in English ("Input should be less than or equal to 1000000").
Whatever a user can send or bring (an API request, a conference file, a case package, a
site registry) is refused with the same sentences here, filled in from the error's
``ctx`` (``less_than_equal`` with ``le``) and placed at the field's path. Our own
validators raise a ``ValueError`` carrying a :class:`~app.texts.Message`: it is said as it
is. A type not in the catalog gets a generic sentence in each language, never pydantic's
English inside the German text.

The Qt editor says the same errors through Qt Linguist (:mod:`app.ui.validation`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pydantic_core import ErrorDetails

from app.config import LANGUAGES
from app.texts import Catalog, Message, decimal_mark

#: key → (German, English); a key is pydantic's error type (a few have a variant)
_TEXTS: dict[str, tuple[str, str]] = {
    # --- what is there, what is not -------------------------------------------------------
    "missing": ("Angabe fehlt", "field required"),
    "extra_forbidden": ("unbekanntes Feld, nicht erlaubt", "unknown field, not allowed"),
    "none_required": ("muss leer sein (null)", "must be empty (null)"),
    # --- the wrong kind of value ----------------------------------------------------------
    "string_type": ("muss ein Text sein", "must be a text"),
    "int_type": ("muss eine ganze Zahl sein", "must be a whole number"),
    "float_type": ("muss eine Zahl sein", "must be a number"),
    "bool_type": ("muss true oder false sein", "must be true or false"),
    "dict_type": ("muss ein JSON-Objekt sein", "must be a JSON object"),
    "list_type": ("muss eine Liste sein", "must be a list"),
    "date_type": ("muss ein Datum sein (JJJJ-MM-TT)", "must be a date (YYYY-MM-DD)"),
    "datetime_type": (
        "muss Datum und Uhrzeit sein (ISO 8601)",
        "must be a date and time (ISO 8601)",
    ),
    "time_type": ("muss eine Uhrzeit sein (HH:MM)", "must be a time (HH:MM)"),
    "int_from_float": ("muss eine ganze Zahl sein", "must be a whole number"),
    "int_parsing_size": ("Zahl zu groß", "number too large"),
    "finite_number": ("muss eine endliche Zahl sein", "must be a finite number"),
    # --- bounds ----------------------------------------------------------------------------
    "greater_than": ("muss größer als {gt} sein", "must be greater than {gt}"),
    "greater_than_equal": ("muss mindestens {ge} sein", "must be at least {ge}"),
    "less_than": ("muss kleiner als {lt} sein", "must be less than {lt}"),
    "less_than_equal": ("darf höchstens {le} sein", "must be at most {le}"),
    "multiple_of": (
        "muss ein Vielfaches von {multiple_of} sein",
        "must be a multiple of {multiple_of}",
    ),
    "string_too_short.one": (
        "muss mindestens {n} Zeichen lang sein",
        "must have at least {n} character",
    ),
    "string_too_short.other": (
        "muss mindestens {n} Zeichen lang sein",
        "must have at least {n} characters",
    ),
    "string_empty": ("darf nicht leer sein", "must not be empty"),
    "string_too_long.one": (
        "darf höchstens {n} Zeichen lang sein",
        "must have at most {n} character",
    ),
    "string_too_long.other": (
        "darf höchstens {n} Zeichen lang sein",
        "must have at most {n} characters",
    ),
    "too_short.one": ("braucht mindestens {n} Eintrag", "needs at least {n} entry"),
    "too_short.other": ("braucht mindestens {n} Einträge", "needs at least {n} entries"),
    "too_long.one": ("darf höchstens {n} Eintrag haben", "may have at most {n} entry"),
    "too_long.other": ("darf höchstens {n} Einträge haben", "may have at most {n} entries"),
    "string_pattern_mismatch": ("hat nicht die erwartete Form", "does not have the expected form"),
    # --- one of a set ---------------------------------------------------------------------
    "enum": ("muss einer dieser Werte sein: {expected}", "must be one of {expected}"),
    "or": ("oder", "or"),
    "union_tag_invalid": (
        "{discriminator} {tag} unbekannt; erlaubt: {expected_tags}",
        "unknown {discriminator} {tag}; allowed: {expected_tags}",
    ),
    "union_tag_not_found": ("{discriminator} fehlt", "{discriminator} missing"),
    # --- text that is not what it says ------------------------------------------------
    "json_invalid": ("kein gültiges JSON", "not valid JSON"),
    "json_invalid_at": (
        "kein gültiges JSON (Zeile {line}, Spalte {column})",
        "not valid JSON (line {line}, column {column})",
    ),
    "date_parsing": ("kein Datum (JJJJ-MM-TT)", "not a date (YYYY-MM-DD)"),
    "datetime_parsing": (
        "kein Zeitpunkt (ISO 8601, z. B. 2026-11-18T15:00:00+01:00)",
        "not a date and time (ISO 8601, e.g. 2026-11-18T15:00:00+01:00)",
    ),
    "time_parsing": ("keine Uhrzeit (HH:MM)", "not a time (HH:MM)"),
    "url_parsing": ("keine gültige Adresse (URL)", "not a valid address (URL)"),
    "uuid_parsing": ("keine gültige UUID", "not a valid UUID"),
    # --- anything else -------------------------------------------------------------------
    "invalid_value": ("ungültiger Wert", "invalid value"),
    # --- a problem at its place ------------------------------------------------------------
    "at": ("{where}: {problem}", "{where}: {problem}"),
}

MESSAGES = Catalog.of_pairs("validation messages", _TEXTS)

#: types that say the same as another key
_SAME_AS = {
    "int_parsing": "int_type",
    "float_parsing": "float_type",
    "bool_parsing": "bool_type",
    "string_sub_type": "string_type",
    "string_unicode": "string_type",
    "model_type": "dict_type",
    "model_attributes_type": "dict_type",
    "dataclass_type": "dict_type",
    "mapping_type": "dict_type",
    "tuple_type": "list_type",
    "set_type": "list_type",
    "frozen_set_type": "list_type",
    "iterable_type": "list_type",
    "literal_error": "enum",
    "date_from_datetime_parsing": "date_parsing",
    "date_from_datetime_inexact": "date_parsing",
    "datetime_from_date_parsing": "datetime_parsing",
    "datetime_object_invalid": "datetime_parsing",
    "url_type": "url_parsing",
    "url_syntax_violation": "url_parsing",
    "uuid_type": "uuid_parsing",
    "json_type": "json_invalid",
}
#: where pydantic says the position of a JSON syntax error
_JSON_AT = re.compile(r"line (\d+) column (\d+)")


def problem_of(error: ErrorDetails) -> Message:
    """What one pydantic error says, in each language (without its place)."""
    ctx = error.get("ctx") or {}
    reason = ctx.get("error")
    if isinstance(reason, ValueError) and reason.args and isinstance(reason.args[0], Message):
        return reason.args[0]  # our own rule, said in its catalog
    kind = _SAME_AS.get(error["type"], error["type"])
    given = error.get("input")
    if kind in ("string_too_short", "too_short", "string_too_long", "too_long"):
        if kind.startswith("too_") and isinstance(given, str):
            kind = f"string_{kind}"  # a text measured after a cleaning validator
        limit = ctx.get("min_length" if kind.endswith("short") else "max_length")
        if not isinstance(limit, int):
            return MESSAGES.message("invalid_value")
        if kind == "string_too_short" and limit == 1:
            return MESSAGES.message("string_empty")
        return MESSAGES.plural_message(kind, limit)
    if kind == "enum":
        return Message(
            {lang: MESSAGES.text(lang, kind, expected=_choices(ctx, lang)) for lang in LANGUAGES}
        )
    if kind == "json_invalid":
        found = _JSON_AT.search(str(reason or ""))
        if found:
            return MESSAGES.message("json_invalid_at", line=found[1], column=found[2])
    if kind not in _TEXTS:
        return MESSAGES.message("invalid_value")
    return Message(
        {
            lang: MESSAGES.text(lang, kind, **{k: _value(v, lang) for k, v in ctx.items()})
            for lang in LANGUAGES
        }
    )


def path_of(location: Sequence[int | str], root: str = "") -> str:
    """A field's place as a JSON path: ``choices[0].label``, or with ``root="$"``
    ``$.choices[0].label``."""
    out = root
    for part in location:
        out += f"[{part}]" if isinstance(part, int) else f".{part}" if out else str(part)
    return out


def problems(errors: Sequence[ErrorDetails], limit: int = 5) -> Message:
    """The first ``limit`` errors of a request in one line, each ``"field: problem"``, in
    each language (FastAPI's ``body`` in front of a field's place is left out)."""
    said = []
    for error in errors[:limit]:
        location = tuple(error.get("loc", ()))
        where = path_of(location[1:] if location[:1] == ("body",) else location)
        if error["type"] == "json_invalid":
            where = ""  # FastAPI gives the character's offset, which reads like a list index
        problem = problem_of(error)
        said.append(MESSAGES.message("at", where=where, problem=problem) if where else problem)
    return Message({lang: "; ".join(p.in_language(lang) for p in said) for lang in LANGUAGES})


def _value(value: object, lang: str) -> object:
    """A number of ``ctx`` as the language writes it (``0,5``); other values as they are."""
    if isinstance(value, float):
        return f"{value:.15g}".replace(".", decimal_mark(lang))  # 1000000, not 1e+06
    return value


def _choices(ctx: dict[str, object], lang: str) -> str:
    """pydantic's ``'a', 'b' or 'c'`` with the language's word for "or"."""
    expected = str(ctx.get("expected", ""))
    head, sep, last = expected.rpartition(" or ")
    return f"{head} {MESSAGES.text(lang, 'or')} {last}" if sep else expected
