"""One way to say a fixed text outside the Qt UI: catalogs of keys, each in German and English.

The Qt UI keeps Qt Linguist (``tr()``, ``resources/i18n``). Everything else that speaks to a
person (the voter page, the protocol and the exports, the charts) keeps its words in a
:class:`Catalog`: one table per area, every key in every language of
:data:`app.config.LANGUAGES`, the same ``{placeholders}`` in each. A plain typed table, not
gettext: the texts are few (a few hundred), both languages are always loaded, the areas
are read by code that picks the language per request or per document, and a table lets a
test name the key that is missing in a language.

Messages of the services that reach a caller whose language they do not know (an
exception's text) say both languages in one string, ``"deutsch / english"``
(:func:`bilingual`); the voter page and the CLI pick their half with :func:`one_language`.
"""

from __future__ import annotations

from collections.abc import Mapping
from string import Formatter

from app.config import LANGUAGES

#: every catalog by name, in the order the modules defining them were imported
CATALOGS: dict[str, Catalog] = {}


class Catalog:
    """An area's fixed texts: ``table[lang][key]``; registered in :data:`CATALOGS`."""

    def __init__(self, name: str, table: Mapping[str, Mapping[str, str]]) -> None:
        self.name = name
        self._table = table
        CATALOGS[name] = self

    def table(self, lang: str) -> Mapping[str, str]:
        """All texts in ``lang`` (the other language's if ``lang`` is unknown: German)."""
        return self._table[lang if lang in LANGUAGES else LANGUAGES[0]]

    def text(self, lang: str, key: str, **values: object) -> str:
        """The text ``key`` in ``lang``, its placeholders filled with ``values``."""
        template = self.table(lang)[key]
        return template.format(**values) if values else template

    def problems(self) -> list[str]:
        """What is missing or differs between the languages (empty when complete)."""
        found: list[str] = []
        keys = {key for lang in LANGUAGES for key in self._table.get(lang, {})}
        for key in sorted(keys):
            fields: dict[str, list[str]] = {}
            for lang in LANGUAGES:
                template = self._table.get(lang, {}).get(key)
                if template is None:
                    found.append(f"{self.name}: {key!r} has no {lang} text")
                    continue
                fields[lang] = sorted(placeholders(template))
            if len({tuple(names) for names in fields.values()}) > 1:
                found.append(f"{self.name}: {key!r} has different placeholders {fields}")
        return found


def placeholders(template: str) -> set[str]:
    """The names of a text's ``{placeholders}``."""
    return {name for _, name, _, _ in Formatter().parse(template) if name}


def bilingual(german: str, english: str) -> str:
    """A message for a caller whose language is not known: ``"deutsch / english"``."""
    return f"{german} / {english}"


def one_language(message: str, lang: str) -> str:
    """The part of a :func:`bilingual` message in ``lang`` (a plain message as it is)."""
    if " / " not in message:
        return message
    german, _, english = message.partition(" / ")
    return german if lang == "de" else english
