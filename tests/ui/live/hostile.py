"""Texts a user may type that Qt would read as markup if a widget let it (rich text)."""

from __future__ import annotations

#: Each must show exactly as typed: not huge, not red, not bold, not vanished.
HOSTILE = (
    "<font size=90 color=red>GROSS</font>",
    "<script>alert(1)</script> Skript",
    "<b>fett</b> &amp; <i>kursiv</i>",
    '<img src="x.png"> Bild',
    "<h1 style='color:#ff0000'>Titel</h1>",
)
