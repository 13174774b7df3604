"""The German catalogue is complete and loads; English is the source language."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.ui.i18n import I18N_DIR, current_language, install_language
from tools import translations


def _texts(ts: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name", ""), message.findtext("source", ""))
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_the_catalogue_holds_every_text_the_ui_translates(tmp_path: Path) -> None:
    """lupdate over today's code adds nothing and drops nothing: a new tr() text must be
    in votum_de.ts (run tools/translations.py), and a text the code lost must leave it."""
    scratch = tmp_path / "votum_de.ts"
    shutil.copy(I18N_DIR / "votum_de.ts", scratch)
    subprocess.run(
        [str(translations.BIN / "lupdate"), "-no-obsolete", "-locations", "none",
         *translations.sources(), "-ts", str(scratch)],
        check=True, capture_output=True,
    )  # fmt: skip
    committed, current = _texts(I18N_DIR / "votum_de.ts"), _texts(scratch)
    assert sorted(current - committed) == []
    assert sorted(committed - current) == []


def test_every_message_has_a_finished_german_translation() -> None:
    assert translations.unfinished() == []


def test_the_compiled_catalogue_is_built_from_the_source(tmp_path: Path) -> None:
    """votum_de.qm is lrelease's output for votum_de.ts (compared by content: a merge or a
    checkout sets file times in any order)."""
    built = tmp_path / "votum_de.qm"
    subprocess.run(
        [str(translations.BIN / "lrelease"), str(I18N_DIR / "votum_de.ts"), "-qm", str(built)],
        check=True,
        capture_output=True,
    )
    assert built.read_bytes() == (I18N_DIR / "votum_de.qm").read_bytes()


def test_switching_language() -> None:
    assert install_language("de")
    assert current_language() == "de"
    assert QCoreApplication.translate("CountPanel", "%1 of %2 sites have voted") == (
        "%1 von %2 Standorten haben abgestimmt"
    )
    assert QCoreApplication.translate("LiveActions", "&Show result") == "&Ergebnis zeigen"
    install_language("en")
    assert QCoreApplication.translate("LiveActions", "&Show result") == "&Show result"
