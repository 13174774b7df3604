"""The package format's validation errors, said in the UI language."""

from __future__ import annotations

import pytest
from pydantic_core import ErrorDetails

from app.ui.i18n import install_language
from app.ui.validation import reason


def _error(kind: str, value: object, msg: str = "", **ctx: object) -> ErrorDetails:
    return {"type": kind, "loc": ("field",), "msg": msg, "input": value, "ctx": ctx}


@pytest.mark.parametrize(
    ("error", "de", "en"),
    [
        (
            _error("string_too_long", "x" * 41, max_length=40),
            "Höchstens 40 Zeichen",
            "At most 40 characters",
        ),
        (
            _error("too_long", "x" * 41, max_length=40),
            "Höchstens 40 Zeichen",
            "At most 40 characters",
        ),
        (
            _error("too_long", [1] * 21, max_length=20),
            "Höchstens 20 Einträge",
            "At most 20 entries",
        ),
        (_error("string_too_short", "", min_length=1), "Darf nicht leer sein", "Must not be empty"),
        (_error("too_short", "", min_length=1), "Darf nicht leer sein", "Must not be empty"),
        (_error("less_than_equal", 120.5, le=100.0), "Höchstens 100", "At most 100"),
        (_error("greater_than_equal", -1, ge=0), "Mindestens 0", "At least 0"),
        (
            _error("value_error", None, "Value error, option labels must be different"),
            "Die Optionen müssen verschieden sein",
            "The options must be different",
        ),
        (
            _error(
                "value_error", None, "Value error, a single question needs at least two options"
            ),
            "Mindestens zwei Optionen angeben",
            "Give at least two options",
        ),
    ],
)
def test_reason_speaks_the_ui_language(error: ErrorDetails, de: str, en: str) -> None:
    install_language("de")
    assert reason(error) == de
    install_language("en")
    assert reason(error) == en


def test_a_rule_not_said_here_is_said_in_the_ui_language_not_in_english() -> None:
    install_language("de")
    assert reason(_error("value_error", None, "Value error, something new")) == "Ungültiger Wert"
    assert reason(_error("string_pattern_mismatch", None, "String should match")) == (
        "Hat nicht die erwartete Form"
    )
