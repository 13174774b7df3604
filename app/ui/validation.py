"""The package format's validation errors as one short reason in the UI language.

pydantic writes its messages in English ("String should have at most 200 characters");
the editor shows them beside the field, so each kind of error is said here through Qt
Linguist, and the package format's own rules (``app/services/package_schema.py``) by their
message; anything else in the UI language from :mod:`app.services.validation`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pydantic_core import ErrorDetails

from app.services.validation import problem_of
from app.ui.i18n import current_language, translate


def _limit(error: ErrorDetails, key: str) -> str:
    ctx = error.get("ctx") or {}
    value = ctx.get(key, "")
    return f"{value:g}" if isinstance(value, float) else str(value)


def _too_long(error: ErrorDetails) -> str:
    if isinstance(error.get("input"), str):
        text = translate("Validation", "At most %1 characters")
    else:
        text = translate("Validation", "At most %1 entries")
    return text.replace("%1", _limit(error, "max_length"))


def _too_short(error: ErrorDetails) -> str:
    if isinstance(error.get("input"), str):
        return translate("Validation", "Must not be empty")
    return translate("Validation", "At least %1 entries").replace("%1", _limit(error, "min_length"))


#: pydantic error type → the reason (``ctx`` fills in the limit).
_BY_TYPE: dict[str, Callable[[ErrorDetails], str]] = {
    "string_too_long": lambda e: _too_long(e),
    "string_too_short": lambda e: _too_short(e),
    "missing": lambda e: translate("Validation", "Must not be empty"),
    # A text checked after a cleaning validator reports its length as too_long / too_short.
    "too_long": lambda e: _too_long(e),
    "too_short": lambda e: _too_short(e),
    "greater_than_equal": lambda e: translate("Validation", "At least %1").replace(
        "%1", _limit(e, "ge")
    ),
    "less_than_equal": lambda e: translate("Validation", "At most %1").replace(
        "%1", _limit(e, "le")
    ),
    "int_parsing": lambda e: translate("Validation", "Must be a whole number"),
    "int_type": lambda e: translate("Validation", "Must be a whole number"),
    "float_parsing": lambda e: translate("Validation", "Must be a number"),
    "float_type": lambda e: translate("Validation", "Must be a number"),
    "enum": lambda e: translate("Validation", "Not one of the allowed values"),
    "literal_error": lambda e: translate("Validation", "Not one of the allowed values"),
}

#: The package format's own rules (``raise ValueError(...)`` in package_schema), by message.
_BY_MESSAGE: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (
        re.compile(r"a \w+ question needs at least two options"),
        lambda m: translate("Validation", "Give at least two options"),
    ),
    (
        re.compile(r"option labels must be different"),
        lambda m: translate("Validation", "The options must be different"),
    ),
    (
        re.compile(r"a free-text question has no options"),
        lambda m: translate("Validation", "A free-text question has no options"),
    ),
    (
        re.compile(r"not an ICD-10 code"),
        lambda m: translate("Validation", "Not an ICD-10 code (e.g. C25.0)"),
    ),
    (
        re.compile(r"alteration (.*) is not in HGVS shape", re.DOTALL),
        lambda m: translate(
            "Validation",
            "%1 is not in HGVS shape (e.g. p.G12D, p.(Gly12Asp), c.35G>A, exon 19 deletion)",
        ).replace("%1", m.group(1)),
    ),
    (
        re.compile(r"data is not valid base64"),
        lambda m: translate("Validation", "The image data is damaged"),
    ),
)


def reason(error: ErrorDetails) -> str:
    """One validation error as the editor shows it, in the UI language."""
    kind = error.get("type", "")
    if kind in _BY_TYPE:
        return _BY_TYPE[kind](error)
    message = str(error.get("msg", "")).removeprefix("Value error, ")
    for pattern, say in _BY_MESSAGE:
        found = pattern.search(message)
        if found:
            return say(found)
    # the format's own rules, and pydantic's not said here: the services' catalog
    said = problem_of(error).in_language(current_language())
    return said[:1].upper() + said[1:]
