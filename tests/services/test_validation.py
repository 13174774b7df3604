"""pydantic's validation errors are said in each language by the one catalog, never in
pydantic's English (:mod:`app.services.validation`)."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any, Literal

import pytest
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from app.services.validation import MESSAGES, path_of, problem_of, problems

#: what pydantic itself writes; none of it may reach a German text
PYDANTIC_ENGLISH = (
    "Input should",
    "Field required",
    "Extra inputs",
    "String should",
    "List should",
    "Value error",
    "valid integer",
    "JSON decode",
    "not permitted",
)


class Kind(StrEnum):
    SINGLE = "single"
    MULTIPLE = "multiple"


class Option(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    label: Annotated[str, Field(min_length=1, max_length=5)]


class Probe(BaseModel):
    """One field for each rule a user can break (strict where a type is probed)."""

    model_config = ConfigDict(extra="forbid")
    question_id: Annotated[int, Field(strict=True)]
    share: Annotated[float, Field(ge=0.5, le=100)] = 50
    weight: Annotated[float, Field(le=1e6)] = 0
    revision: Annotated[int, Field(gt=0, lt=1_000_001)] = 1
    count: Annotated[int, Field(le=1_000_000)] = 0
    kind: Kind = Kind.SINGLE
    round: Literal[1, 2] = 1
    abstain: Annotated[bool, Field(strict=True)] = False
    day: dt.date | None = None
    options: Annotated[list[Option], Field(min_length=1, max_length=2)] = [Option(label="A")]


def _error(data: dict[str, Any]) -> Any:
    with pytest.raises(ValidationError) as caught:
        Probe.model_validate({"question_id": 1, **data})
    return caught.value.errors()[0]


#: what a user sends → (the field's path, German, English)
CASES: dict[str, tuple[dict[str, Any], str, str, str]] = {
    "missing": ({"_drop": True}, "question_id", "Angabe fehlt", "field required"),
    "extra": (
        {"choices": [1]},
        "choices",
        "unbekanntes Feld, nicht erlaubt",
        "unknown field, not allowed",
    ),
    "text for a number": (
        {"question_id": "7"},
        "question_id",
        "muss eine ganze Zahl sein",
        "must be a whole number",
    ),
    "number for a flag": (
        {"abstain": 1},
        "abstain",
        "muss true oder false sein",
        "must be true or false",
    ),
    "above the bound": (
        {"count": 2**70},
        "count",
        "darf höchstens 1000000 sein",
        "must be at most 1000000",
    ),
    "below the bound": (
        {"share": 0.25},
        "share",
        "muss mindestens 0,5 sein",
        "must be at least 0.5",
    ),
    "above a large bound": (
        {"weight": 2e6},
        "weight",
        "darf höchstens 1000000 sein",
        "must be at most 1000000",
    ),
    "not above zero": (
        {"revision": 0},
        "revision",
        "muss größer als 0 sein",
        "must be greater than 0",
    ),
    "not below": (
        {"revision": 1_000_001},
        "revision",
        "muss kleiner als 1000001 sein",
        "must be less than 1000001",
    ),
    "unknown enum": (
        {"kind": "ranking"},
        "kind",
        "muss einer dieser Werte sein: 'single' oder 'multiple'",
        "must be one of 'single' or 'multiple'",
    ),
    "unknown literal": (
        {"round": 3},
        "round",
        "muss einer dieser Werte sein: 1 oder 2",
        "must be one of 1 or 2",
    ),
    "text too long": (
        {"options": [{"label": "abcdefgh"}]},
        "options[0].label",
        "darf höchstens 5 Zeichen lang sein",
        "must have at most 5 characters",
    ),
    "empty text": (
        {"options": [{"label": ""}]},
        "options[0].label",
        "darf nicht leer sein",
        "must not be empty",
    ),
    "empty list": (
        {"options": []},
        "options",
        "braucht mindestens 1 Eintrag",
        "needs at least 1 entry",
    ),
    "list too long": (
        {"options": [{"label": "a"}] * 3},
        "options",
        "darf höchstens 2 Einträge haben",
        "may have at most 2 entries",
    ),
    "text for an object": (
        {"options": ["A"]},
        "options[0]",
        "muss ein JSON-Objekt sein",
        "must be a JSON object",
    ),
    "not a list": ({"options": "A"}, "options", "muss eine Liste sein", "must be a list"),
    "not a date": (
        {"day": "18.11.2026"},
        "day",
        "kein Datum (JJJJ-MM-TT)",
        "not a date (YYYY-MM-DD)",
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_each_validation_error_is_said_in_each_language(name: str) -> None:
    data, where, german, english = CASES[name]
    data = dict(data)
    dropped = data.pop("_drop", None)
    if dropped:
        with pytest.raises(ValidationError) as caught:
            Probe.model_validate({})
        error = caught.value.errors()[0]
    else:
        error = _error(data)
    said = problem_of(error)
    assert path_of(error["loc"]) == where
    assert said.in_language("de") == german
    assert said.in_language("en") == english


def test_an_unknown_error_type_falls_back_to_a_sentence_in_each_language() -> None:
    error: Any = {"type": "a_rule_of_pydantic_13", "loc": ("x",), "msg": "Input should be nice"}
    said = problem_of(error)
    assert said.in_language("de") == "ungültiger Wert"
    assert said.in_language("en") == "invalid value"


def test_invalid_json_names_its_line_and_column_in_each_language() -> None:
    with pytest.raises(ValidationError) as caught:
        Probe.model_validate_json('{"question_id": 1,\n "count": }')
    said = problem_of(caught.value.errors()[0])
    assert said.in_language("de") == "kein gültiges JSON (Zeile 2, Spalte 11)"
    assert said.in_language("en") == "not valid JSON (line 2, column 11)"


def test_a_request_s_problems_name_their_fields_in_one_line_without_the_body() -> None:
    with pytest.raises(ValidationError) as caught:
        Probe.model_validate({"choices": [1]})
    errors = [{**e, "loc": ("body", *e["loc"])} for e in caught.value.errors()]
    said = problems(errors)
    assert said.in_language("de") == (
        "question_id: Angabe fehlt; choices: unbekanntes Feld, nicht erlaubt"
    )
    assert (
        said.in_language("en") == "question_id: field required; choices: unknown field, not allowed"
    )


def test_no_german_text_of_the_catalog_is_pydantic_s_english() -> None:
    german = " ".join(MESSAGES.table("de").values())
    assert not [words for words in PYDANTIC_ENGLISH if words in german]
    assert MESSAGES.problems() == []


def test_a_requests_broken_json_is_said_without_the_characters_offset() -> None:
    errors: list[Any] = [
        {"type": "json_invalid", "loc": ("body", 5), "msg": "JSON decode error", "input": {},
         "ctx": {"error": "Expecting value"}}
    ]  # fmt: skip
    said = problems(errors)
    assert said.in_language("de") == "kein gültiges JSON"
    assert said.in_language("en") == "not valid JSON"
