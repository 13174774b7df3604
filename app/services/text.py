"""One cleaning rule for every text that enters Votum: NFC, no control characters, a limit.

Every stored text passes :func:`clean` (through :func:`clean_field` in the services and the
package types of :mod:`app.services.package_schema`):

- line endings become ``\\n`` (CR LF, CR, NEL, U+2028, U+2029); a field *with lines*
  keeps line breaks and tabs, a one-line field turns them into spaces;
- every other control character (C0, DEL, C1) and every lone surrogate is removed: they
  crash writers (XLSX refuses ESC and NUL, UTF-8 refuses surrogates) or hide text;
- every invisible format character (Unicode category Cf) is removed, the bidirectional
  embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) first of all: they
  show a name reversed on the voter page and in the PDF. The implicit marks LRM and RLM
  (U+200E, U+200F) and ALM (U+061C) go as well: they cannot be seen, so two names that
  look the same would differ, and Votum's German and English texts never need them
  (the bidi algorithm still orders right-to-left letters by itself). Kept are only the
  zero-width joiner and non-joiner (U+200D, U+200C), which emoji sequences and some
  scripts need to look right;
- the result is NFC and stripped of surrounding white space, and no longer than the
  field's limit (the size of its database column).
"""

from __future__ import annotations

import re
import unicodedata

from app.services.errors import InvalidInput
from app.services.messages import say
from app.texts import Message

#: Format characters that stay: they join emoji sequences and letters of some scripts.
KEEP_FORMAT = frozenset({"\u200c", "\u200d"})
_LINE_ENDINGS = {"\r": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n"}
_WITH_LINES = str.maketrans(_LINE_ENDINGS)
_ONE_LINE = str.maketrans(dict.fromkeys([*_LINE_ENDINGS, "\n", "\t"], " "))
_ASCII_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def _removed(ch: str) -> bool:
    if ch in "\n\t":
        return False
    category = unicodedata.category(ch)
    return category in ("Cc", "Cs") or (category == "Cf" and ch not in KEEP_FORMAT)


def clean(text: str, *, lines: bool = False) -> str:
    """``text`` by the rule above (no length check); ``lines``: the field may hold lines."""
    text = text.replace("\r\n", "\n").translate(_WITH_LINES if lines else _ONE_LINE)
    if text.isascii():
        text = _ASCII_CONTROL.sub("", text)
    else:
        text = "".join(ch for ch in text if not _removed(ch))
        text = unicodedata.normalize("NFC", text)
    return text.strip()


def clean_field(
    text: str | None,
    field: Message,
    *,
    limit: int,
    lines: bool = False,
    required: bool = False,
) -> str:
    """:func:`clean`, then the field's rules: not empty if ``required``, at most ``limit``
    characters; :class:`InvalidInput` naming ``field`` (its name in every language, e.g.
    ``say("field_code")``) otherwise."""
    cleaned = clean(text or "", lines=lines)
    if required and not cleaned:
        raise InvalidInput(say("field_empty", field=field))
    if len(cleaned) > limit:
        raise InvalidInput(say("field_too_long", field=field, limit=limit))
    return cleaned


#: A cell starting with one of these is a formula to Excel and LibreOffice (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: str) -> str:
    """A CSV cell that a spreadsheet shows as typed and never runs: a leading ``'``
    before anything that would start a formula."""
    return "'" + value if value.startswith(FORMULA_START) else value
