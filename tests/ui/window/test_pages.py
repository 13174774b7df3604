"""The window's pages: a database that cannot be opened is named in the UI language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QUndoGroup

from app.ui.i18n import install_language
from app.ui.window.pages import Pages


def test_a_damaged_database_is_named_in_the_ui_language_only(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not an sqlite file at all" * 100)
    pages = Pages(QUndoGroup(), auto_start_server=False)
    qtbot.addWidget(pages)
    install_language("en")
    assert not pages.open_database(f"sqlite:///{junk.as_posix()}")
    text = pages.loading.text()
    assert text.startswith(f"The database cannot be opened:\nthe database file {junk} cannot")
    assert "it is damaged" in text and f"(data folder: {tmp_path})" in text
    assert "Datenbankdatei" not in text and " / " not in text
