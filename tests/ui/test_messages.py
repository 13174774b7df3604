"""Message boxes: file system errors in the UI language, one message per failed action."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from app.ui import exports
from app.ui.editor.images_box import ImagesBox
from app.ui.i18n import install_language
from app.ui.messages import os_error_text


@pytest.mark.parametrize(
    ("code", "de", "en"),
    [
        (
            errno.ENOENT,
            "Datei oder Ordner nicht gefunden: /x/a.pdf",
            "File or folder not found: /x/a.pdf",
        ),
        (errno.EACCES, "Keine Berechtigung für /x/a.pdf", "No permission to access /x/a.pdf"),
        (
            errno.ENOSPC,
            "Der Datenträger ist voll; /x/a.pdf wurde nicht geschrieben",
            "The disk is full; /x/a.pdf was not written",
        ),
        (
            errno.EIO,
            f"/x/a.pdf lässt sich nicht lesen oder schreiben (Fehler {errno.EIO})",
            f"/x/a.pdf cannot be read or written (error {errno.EIO})",
        ),
    ],
)
def test_os_errors_speak_the_ui_language(code: int, de: str, en: str) -> None:
    error = OSError(code, "system text in English", "/x/a.pdf")
    install_language("de")
    assert os_error_text(error) == de
    install_language("en")
    assert os_error_text(error) == en


def test_an_export_into_a_missing_folder_says_so_in_german(tmp_path: Path, prompter) -> None:  # type: ignore[no-untyped-def]
    install_language("de")
    target = tmp_path / "fehlt" / "protokoll.pdf"

    def work() -> None:
        target.write_bytes(b"%PDF")

    assert not exports._run(None, "Protokoll exportieren", target, work)
    assert prompter.errors == [
        ("Protokoll exportieren", f"Datei oder Ordner nicht gefunden: {target}")
    ]


def test_an_unreadable_image_says_so_in_german(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    install_language("de")
    box = ImagesBox()
    qtbot.addWidget(box)
    assert not box.add_file(tmp_path / "fehlt.png")
    assert box.error.text() == f"Datei oder Ordner nicht gefunden: {tmp_path / 'fehlt.png'}"
