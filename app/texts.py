"""One way to say a fixed text outside the Qt UI: catalogs of keys, each in German and English.

The Qt UI keeps Qt Linguist (``tr()``, ``resources/i18n``). Everything else that speaks to a
person (the voter page, the protocol and the exports, the charts) keeps its words in a
:class:`Catalog`: one table per area, every key in every language of
:data:`app.config.LANGUAGES`, the same ``{placeholders}`` in each. A plain typed table, not
gettext: the texts are few (a few hundred), both languages are always loaded, the areas
are read by code that picks the language per request or per document, and a table lets a
test name the key that is missing in a language.

A service's error does not know who reads it, so it carries a :class:`Message`: its
catalog entry filled in once per language. The front end picks the language it shows (the
voter page the site's, the desktop the UI's, the API sends both); ``str()`` says both,
``"deutsch / english"``, for a log or a command line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from string import Formatter
from types import MappingProxyType

from app.config import LANGUAGES

#: every catalog by name, in the order the modules defining them were imported
CATALOGS: dict[str, Catalog] = {}


class Catalog:
    """An area's fixed texts: ``table[lang][key]``; registered in :data:`CATALOGS`."""

    def __init__(self, name: str, table: Mapping[str, Mapping[str, str]]) -> None:
        self.name = name
        self._table = table
        CATALOGS[name] = self

    @classmethod
    def of_pairs(cls, name: str, texts: Mapping[str, tuple[str, str]]) -> Catalog:
        """A catalog written as ``key: (German, English)``, a pair per key, so that both
        languages of a message stand side by side for whoever edits them."""
        return cls(
            name,
            {
                lang: {key: pair[i] for key, pair in texts.items()}
                for i, lang in enumerate(LANGUAGES)
            },
        )

    def table(self, lang: str) -> Mapping[str, str]:
        """All texts in ``lang`` (the other language's if ``lang`` is unknown: German)."""
        return self._table[lang if lang in LANGUAGES else LANGUAGES[0]]

    def text(self, lang: str, key: str, **values: object) -> str:
        """The text ``key`` in ``lang``, its placeholders filled with ``values``."""
        template = self.table(lang)[key]
        return template.format(**values) if values else template

    def message(self, key: str, **values: object) -> Message:
        """The text ``key`` in every language, filled with ``values``; a value that is a
        :class:`Message` itself is put in in the same language."""
        return Message(
            {lang: self.text(lang, key, **_in_language(values, lang)) for lang in LANGUAGES}
        )

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


@dataclass(frozen=True)
class Message:
    """One thing to say, in every language of :data:`app.config.LANGUAGES`."""

    texts: Mapping[str, str]

    def __post_init__(self) -> None:
        missing = [lang for lang in LANGUAGES if not isinstance(self.texts.get(lang), str)]
        if missing:
            raise ValueError(f"message without a text in {', '.join(missing)}")
        object.__setattr__(self, "texts", MappingProxyType(dict(self.texts)))

    @classmethod
    def plain(cls, text: str) -> Message:
        """A text that is the same in every language (a name, a library's own words)."""
        return cls({lang: text for lang in LANGUAGES})

    @classmethod
    def split(cls, text: str) -> Message:
        """A text written as ``"deutsch / english"`` (see :func:`one_language`)."""
        return cls({lang: one_language(text, lang) for lang in LANGUAGES})

    def in_language(self, lang: str) -> str:
        """The text in ``lang`` (German for a language Votum does not speak)."""
        return self.texts.get(lang, self.texts[LANGUAGES[0]])

    def __str__(self) -> str:
        """Both languages, ``"deutsch / english"`` (once if they are the same); a text of
        several lines gives each language its own block of lines."""
        texts = dict.fromkeys(self.texts[lang] for lang in LANGUAGES)
        return ("\n" if any("\n" in text for text in texts) else " / ").join(texts)


def _in_language(values: Mapping[str, object], lang: str) -> dict[str, object]:
    return {
        name: value.in_language(lang) if isinstance(value, Message) else value
        for name, value in values.items()
    }


def placeholders(template: str) -> set[str]:
    """The names of a text's ``{placeholders}``."""
    return {name for _, name, _, _ in Formatter().parse(template) if name}


def one_language(message: str, lang: str) -> str:
    """The part in ``lang`` of a text someone else wrote as ``"deutsch / english"`` (an
    answer without ``messages``); a text without such a separator as it is. The halves
    part at the first " / " outside quotation marks: a quoted "A / B" is never cut."""
    split = _separator(message)
    if split < 0:
        return message
    return message[:split] if lang == LANGUAGES[0] else message[split + len(" / ") :]


#: opening quotation mark → its closing one (German, English and typewriter quotes)
_QUOTES = {"„": "“", "“": "”", '"': '"', "«": "»", "»": "«"}


def _separator(message: str) -> int:
    """Where the first " / " outside quotation marks starts; -1 if there is none."""
    closing: str | None = None
    for index, char in enumerate(message):
        if closing is not None:
            if char == closing:
                closing = None
        elif char in _QUOTES:
            closing = _QUOTES[char]
        elif message.startswith(" / ", index):
            return index
    return -1
