"""One way to say a fixed text outside the Qt UI: catalogs of keys, each in German and English.

The Qt UI keeps Qt Linguist (``tr()``, ``resources/i18n``). Everything else that speaks to a
person (the voter page, the protocol and the exports, the charts) keeps its words in a
:class:`Catalog`: one table per area, every key in every language of
:data:`app.config.LANGUAGES`, the same ``{placeholders}`` in each. A plain typed table, not
gettext: the texts are few (a few hundred), both languages are always loaded, the areas
are read by code that picks the language per request or per document, and a table lets a
test name the key that is missing in a language.

A text that depends on a number has two keys, ``key.one`` and ``key.other`` (German and
English both say the singular for exactly one: :data:`PLURAL_RULES`), and is said with
:meth:`Catalog.plural`. How a language writes quotation marks, decimals and its language
tag is the :data:`FORMATS` catalog's (:func:`quote`, :func:`decimal_mark`). A pair written
by the data itself (a preset's German and English label) is picked with :func:`in_language`.

A service's error does not know who reads it, so it carries a :class:`Message`: its
catalog entry filled in once per language. The front end picks the language it shows (the
voter page the site's, the desktop the UI's, the API sends both); ``str()`` says both,
``"deutsch / english"``, for a log or a command line.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from string import Formatter
from types import MappingProxyType

from app.config import LANGUAGES

#: every catalog by name, in the order the modules defining them were imported
CATALOGS: dict[str, Catalog] = {}

#: Which plural form a number takes, per language: "one" or "other".
PLURAL_RULES: dict[str, Callable[[int], str]] = {
    "de": lambda n: "one" if n == 1 else "other",
    "en": lambda n: "one" if n == 1 else "other",
}
PLURAL_FORMS = ("one", "other")


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

    def plural(self, lang: str, key: str, n: int, **values: object) -> str:
        """The text ``key`` for the number ``n`` (``key.one`` or ``key.other`` as the
        language's rule says), with ``{n}`` and ``values`` filled in."""
        lang = lang if lang in LANGUAGES else LANGUAGES[0]
        return self.text(lang, f"{key}.{PLURAL_RULES[lang](n)}", n=n, **values)

    def plural_message(self, key: str, n: int, **values: object) -> Message:
        """:meth:`plural` in every language (a refusal that counts something)."""
        return Message({lang: self.plural(lang, key, n, **values) for lang in LANGUAGES})

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
        for key in sorted(keys):
            stem, _, form = key.rpartition(".")
            if form in PLURAL_FORMS and stem:
                found += [
                    f"{self.name}: {key!r} has no {stem}.{other}"
                    for other in PLURAL_FORMS
                    if f"{stem}.{other}" not in keys
                ]
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


def in_language(pair: tuple[str, str], lang: str) -> str:
    """The part of a ``(German, English)`` pair in ``lang`` (German for another language):
    for texts the data brings in both languages, such as a preset's labels."""
    return pair[LANGUAGES.index(lang) if lang in LANGUAGES else 0]


#: How each language writes what is not a word: quotation marks, the decimal mark, its tag.
FORMATS = Catalog.of_pairs(
    "formats",
    {
        "quote": ("„{text}“", "“{text}”"),
        "decimal_mark": (",", "."),
        "language_tag": ("de-DE", "en-GB"),
        # a date as the language writes it in a document: the style's key, then each style
        "date_style": ("date_numeric", "date_spelled"),
        "date_numeric": ("{day:02d}.{month:02d}.{year}", "{day:02d}.{month:02d}.{year}"),
        "date_spelled": ("{day}. {month_name} {year}", "{day} {month_name} {year}"),
        # a date that stays on one line of a table: 18.11.2026; 18 Nov 2026
        "date_short_style": ("date_numeric", "date_abbreviated"),
        "date_abbreviated": ("{day}. {month_name:.3}. {year}", "{day} {month_name:.3} {year}"),
        "month_1": ("Januar", "January"),
        "month_2": ("Februar", "February"),
        "month_3": ("März", "March"),
        "month_4": ("April", "April"),
        "month_5": ("Mai", "May"),
        "month_6": ("Juni", "June"),
        "month_7": ("Juli", "July"),
        "month_8": ("August", "August"),
        "month_9": ("September", "September"),
        "month_10": ("Oktober", "October"),
        "month_11": ("November", "November"),
        "month_12": ("Dezember", "December"),
    },
)


def quote(text: str, lang: str) -> str:
    """``text`` in the language's quotation marks: „so“ or “so”."""
    return FORMATS.text(lang, "quote", text=text)


def date_text(day: date, lang: str) -> str:
    """A day as the language writes it in a document: 18.11.2026; 18 November 2026."""
    style = FORMATS.text(lang, "date_style")
    month = FORMATS.text(lang, f"month_{day.month}")
    return FORMATS.text(lang, style, day=day.day, month=day.month, month_name=month, year=day.year)


def short_date_text(day: date, lang: str) -> str:
    """A day that stays on one line of a table: 18.11.2026; 18 Nov 2026."""
    style = FORMATS.text(lang, "date_short_style")
    month = FORMATS.text(lang, f"month_{day.month}")
    return FORMATS.text(lang, style, day=day.day, month=day.month, month_name=month, year=day.year)


def decimal_mark(lang: str) -> str:
    return FORMATS.text(lang, "decimal_mark")


def with_decimal_mark(number: str, lang: str) -> str:
    """A number written with "." as Python writes it, in the language's decimal mark."""
    return number.replace(".", decimal_mark(lang))
