"""The German catalogue is complete and loads; English is the source language."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtCore import QCoreApplication

from app.ui.i18n import I18N_DIR, current_language, install_language


def test_every_message_has_a_finished_german_translation() -> None:
    tree = ET.parse(I18N_DIR / "votum_de.ts")
    unfinished = [
        f"{context.findtext('name')}: {message.findtext('source')}"
        for context in tree.getroot().iter("context")
        for message in context.iter("message")
        if (t := message.find("translation")) is None
        or t.get("type") in ("unfinished", "obsolete", "vanished")
        or not (t.text or "").strip()
    ]
    assert unfinished == []
    assert (I18N_DIR / "votum_de.qm").stat().st_mtime >= (
        I18N_DIR / "votum_de.ts"
    ).stat().st_mtime - 5


def test_switching_language() -> None:
    assert install_language("de")
    assert current_language() == "de"
    assert QCoreApplication.translate("CountPanel", "%1 of %2 sites have voted") == (
        "%1 von %2 Standorten haben abgestimmt"
    )
    assert QCoreApplication.translate("LiveActions", "&Show result") == "&Ergebnis zeigen"
    install_language("en")
    assert QCoreApplication.translate("LiveActions", "&Show result") == "&Show result"
