"""The catalogs of fixed texts outside Qt: every key in both languages, same placeholders."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import app
from app.models import QuestionKind
from app.services.presets import QUESTION_KINDS, kind_label
from app.texts import CATALOGS, Catalog, bilingual, one_language, placeholders


def _import_everything_outside_qt() -> None:
    """Catalogs register when their module is imported: import every module outside app.ui."""
    for module in pkgutil.walk_packages(app.__path__, "app."):
        if not module.name.startswith(("app.ui", "app.migrations")):
            importlib.import_module(module.name)


def test_every_catalog_says_every_key_in_both_languages() -> None:
    _import_everything_outside_qt()
    assert {"voter page", "protocol and exports", "charts", "question kinds"} <= set(CATALOGS)
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


def test_bilingual_messages_split_into_their_languages() -> None:
    message = bilingual("Frage nicht offen", "question not open")
    assert message == "Frage nicht offen / question not open"
    assert one_language(message, "de") == "Frage nicht offen"
    assert one_language(message, "en") == "question not open"
    assert one_language("plain", "en") == "plain"


def test_every_question_kind_has_its_name() -> None:
    assert set(QUESTION_KINDS.table("de")) == {kind.value for kind in QuestionKind}
    assert kind_label(QuestionKind.YES_NO, "en") == "Yes / no"
    assert kind_label("evidence", "de") == "MTB-Evidenzlevel"
