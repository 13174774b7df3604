"""Characters the embedded font lacks (emoji) become a visible stand-in, never an empty box.

The protocol and the charts use DejaVu Sans, which has no emoji. A character it cannot
draw is written as its Unicode name in brackets (``🧬`` → ``[dna double helix]``), so the
reader sees that something stood there and what; joiners, variation selectors, skin-tone
modifiers and tag characters that only shape such a character are left out with it.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

#: Invisible parts of emoji sequences: they vanish with the emoji they shape.
_SHAPING = frozenset(
    [
        0x200C,
        0x200D,
        0x20E3,
        0xFE0E,
        0xFE0F,
        0xE0001,
        *range(0x1F3FB, 0x1F400),
        *range(0xE0020, 0xE0080),
    ]
)


@cache
def covered() -> frozenset[int]:
    """The code points DejaVu Sans (the font of protocol and charts) can draw."""
    import matplotlib
    from matplotlib.ft2font import FT2Font

    path = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    return frozenset(FT2Font(str(path)).get_charmap())


def printable(text: str) -> str:
    """``text`` with every character the font lacks replaced by its bracketed name."""
    font = covered()
    if all(ord(ch) in font or ch in "\n\t" for ch in text):
        return text
    out: list[str] = []
    for ch in text:
        point = ord(ch)
        if point in font or ch in "\n\t":
            out.append(ch)
        elif point not in _SHAPING:
            out.append(f"[{unicodedata.name(ch, f'U+{point:04X}').lower()}]")
    return "".join(out)
