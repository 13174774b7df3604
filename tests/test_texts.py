"""The catalogs of fixed texts outside Qt: every key in both languages, same placeholders."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import app
from app.models import QuestionKind
from app.services.errors import InvalidInput
from app.services.messages import say
from app.services.presets import QUESTION_KINDS, kind_label
from app.texts import CATALOGS, Catalog, Message, one_language, placeholders


def _import_everything_outside_qt() -> None:
    """Catalogs register when their module is imported: import every module outside app.ui."""
    for module in pkgutil.walk_packages(app.__path__, "app."):
        if not module.name.startswith(("app.ui", "app.migrations")):
            importlib.import_module(module.name)


def test_every_catalog_says_every_key_in_both_languages() -> None:
    _import_everything_outside_qt()
    assert {
        "voter page",
        "protocol and exports",
        "charts",
        "question kinds",
        "service messages",
        "file messages",
        "database messages",
        "server messages",
        "remote messages",
        "command messages",
        "link sheets",
    } <= set(CATALOGS)
    assert [problem for c in CATALOGS.values() for problem in c.problems()] == []


def test_a_missing_or_different_text_is_named() -> None:
    catalog = Catalog(
        "test: incomplete",
        {
            "de": {"only_de": "nur deutsch", "count": "{n} von {N}"},
            "en": {"count": "{n} of {total}"},
        },
    )
    try:
        assert catalog.problems() == [
            "test: incomplete: 'count' has different placeholders "
            "{'de': ['N', 'n'], 'en': ['n', 'total']}",
            "test: incomplete: 'only_de' has no en text",
        ]
        assert placeholders("{n} von {N}") == {"n", "N"}
    finally:
        del CATALOGS["test: incomplete"]


@pytest.mark.parametrize(
    ("lang", "expected"), [("de", "3 von 5"), ("en", "3 of 5"), ("fr", "3 von 5")]
)
def test_text_is_picked_and_filled(lang: str, expected: str) -> None:
    catalog = Catalog("test: filled", {"de": {"k": "{n} von {N}"}, "en": {"k": "{n} of {N}"}})
    try:
        assert catalog.text(lang, "k", n=3, N=5) == expected
    finally:
        del CATALOGS["test: filled"]


def test_a_text_written_in_both_languages_splits_into_its_halves() -> None:
    message = "Frage nicht offen / question not open"
    assert one_language(message, "de") == "Frage nicht offen"
    assert one_language(message, "en") == "question not open"
    assert one_language("plain", "en") == "plain"
    assert Message.split(message).in_language("en") == "question not open"


def test_a_message_is_said_in_each_language_and_both_for_a_log() -> None:
    catalog = Catalog(
        "test: message",
        {
            "de": {"row": "Zeile {n}: {problem}", "why": "Option „{label}“ fehlt"},
            "en": {"row": "row {n}: {problem}", "why": "option “{label}” missing"},
        },
    )
    try:
        inner = catalog.message("why", label="Ja / Nein")
        outer = catalog.message("row", n=3, problem=inner)  # a message inside a message
        assert outer.in_language("de") == "Zeile 3: Option „Ja / Nein“ fehlt"
        assert outer.in_language("en") == "row 3: option “Ja / Nein” missing"
        assert outer.in_language("fr") == outer.in_language("de")
        assert str(inner) == "Option „Ja / Nein“ fehlt / option “Ja / Nein” missing"
        assert str(Message.plain("CSV")) == "CSV"  # the same in both: said once
        with pytest.raises(ValueError, match="without a text in en"):
            Message({"de": "nur deutsch"})
    finally:
        del CATALOGS["test: message"]


def test_a_message_of_several_lines_keeps_each_language_in_its_own_block() -> None:
    message = Message({"de": "a.json: eins\na.json: zwei", "en": "a.json: one\na.json: two"})
    assert str(message) == "a.json: eins\na.json: zwei\na.json: one\na.json: two"
    assert " / " not in str(message)


def test_a_service_error_carries_its_message_in_every_language() -> None:
    error = InvalidInput(say("option_exclusive", label="Keine Empfehlung"))
    assert error.in_language("de") == (
        "„Keine Empfehlung“ kann nicht mit anderen Optionen kombiniert werden"
    )
    assert error.in_language("en") == '"Keine Empfehlung" cannot be combined with other options'
    assert str(error) == f"{error.in_language('de')} / {error.in_language('en')}"


def test_every_question_kind_has_its_name() -> None:
    assert set(QUESTION_KINDS.table("de")) == {kind.value for kind in QuestionKind}
    assert kind_label(QuestionKind.YES_NO, "en") == "Yes / no"
    assert kind_label("evidence", "de") == "MTB-Evidenzlevel"


def test_a_quoted_name_with_a_slash_is_never_cut_in_two() -> None:
    message = "Standort „A / B“ (AB) gibt es schon / site “A / B” (AB) already exists"
    assert one_language(message, "de") == "Standort „A / B“ (AB) gibt es schon"
    assert one_language(message, "en") == "site “A / B” (AB) already exists"
    typewriter = 'Option "Ja / Nein" fehlt / option "Ja / Nein" missing'
    assert one_language(typewriter, "en") == 'option "Ja / Nein" missing'
    assert one_language("„Kein Evidenzlevel / keine Empfehlung“", "en") == (
        "„Kein Evidenzlevel / keine Empfehlung“"  # nothing outside the quotes to split
    )
