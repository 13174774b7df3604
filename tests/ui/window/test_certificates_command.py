"""The desktop's certificates command (File ▸ Export attendance certificates): a folder
inside the one chosen, a PDF per named participant of the demo and one with all of them,
each carrying its participant's name and EFN (issue 21)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from app.reports.certificates import participants
from app.ui.mainwindow import MainWindow
from tests.reports.pdftools import page_texts


def _window(qtbot, db_url: str, conference_id: int) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(
        db_url, conference_id, offer_demo=False, auto_start_server=False, warm=False
    )
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    return window


def _action(window: MainWindow, text: str) -> QAction:
    found = [a for a in window.findChildren(QAction) if a.text().replace("&", "") == text]
    assert len(found) == 1, text
    return found[0]


def test_the_certificates_command_writes_the_demo_s_certificates_into_a_folder(  # type: ignore[no-untyped-def]
    qtbot, db, db_url: str, demo_id: int, tmp_path: Path, prompter, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    chosen = tmp_path / "ausgabe"
    chosen.mkdir()

    def choose(parent, title):  # type: ignore[no-untyped-def]
        asked.append(title)
        return str(chosen)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(choose))
    window = _window(qtbot, db_url, demo_id)
    _action(window, "Export attendance certificates (PDF)…").trigger()

    assert prompter.errors == []
    assert asked == ["Export attendance certificates"]
    folder = chosen / "demo-teilnahmebescheinigungen"  # the demo speaks German
    assert prompter.infos == [("Export attendance certificates", f"Saved: {folder}")]
    _conf, people = participants(db, demo_id)
    assert len(people) >= 2 and any(p.efn for p in people)
    files = sorted(folder.iterdir())
    combined = folder / "alle-Teilnahmebescheinigungen-demo.pdf"
    assert combined in files and len(files) == len(people) + 1
    singles = sorted(set(files) - {combined})
    for number, (person, path) in enumerate(zip(people, singles, strict=True), start=1):
        assert path.name.startswith(f"{number:03d}-{person.site_code}-"), path.name
        [page] = page_texts(path)
        assert "Teilnahmebescheinigung" in page and person.name in page and person.site in page
        efn = person.efn or "keine angegeben"  # a certificate without an EFN says so
        assert f"Fortbildungsnummer (EFN) {efn}" in page
    everyone = page_texts(combined)
    assert len(everyone) == len(people)
    for person, page in zip(people, everyone, strict=True):
        assert person.name in page and person.site in page


def test_the_certificates_command_says_why_when_nobody_is_named(  # type: ignore[no-untyped-def]
    qtbot, db, db_url: str, demo_id: int, tmp_path: Path, prompter, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services.conferences import invitations, set_attendance

    with db.write() as session:
        for inv in invitations(session, demo_id):
            set_attendance(session, demo_id, inv.site.id, present=False)
    chosen = tmp_path / "ausgabe"
    chosen.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda parent, title: str(chosen))
    )
    window = _window(qtbot, db_url, demo_id)
    _action(window, "Export attendance certificates (PDF)…").trigger()
    assert prompter.infos == [] and len(prompter.errors) == 1
    assert "demo" in prompter.errors[0][1]
    assert list(chosen.iterdir()) == []  # no folder, no file
