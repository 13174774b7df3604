"""The poll import dialog: a small import driven through its own widgets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db import Database
from app.models import Ballot, Site
from app.services.poll_rules import remembered_rules
from app.ui.poll_import import PollImportDialog
from app.ui.poll_preview import SHOWN_ROWS
from tests.services.poll_helpers import FILES, load_blank_demo, long_report


def row_of(table: QTableWidget, column: int, start: str) -> int:
    for index in range(table.rowCount()):
        item = table.item(index, column)
        if item is not None and item.text().startswith(start):
            return index
    raise AssertionError(f"no row starting with {start!r}")


def choose(box: QComboBox, text_start: str) -> None:
    for index in range(box.count()):
        if box.itemText(index).startswith(text_start):
            box.setCurrentIndex(index)
            return
    raise AssertionError(f"no entry {text_start!r}")


def test_a_moderator_maps_confirms_resolves_and_imports(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    conf = load_blank_demo(db, tmp_path)
    dialog = PollImportDialog(db, conf)
    qtbot.addWidget(dialog)
    dialog.load_file(FILES / "zoom_2021.csv")
    assert not dialog.import_button.isEnabled()
    assert "3 participants match no site" in dialog.summary.text()
    assert "1 earlier submissions replaced" in dialog.summary.text()
    assert dialog.summary.textFormat() is Qt.TextFormat.PlainText

    domains = dialog.tabs.domain_table
    charite = domains.cellWidget(row_of(domains, 0, "charite.de"), 1)
    assert isinstance(charite, QComboBox) and charite.currentText() == "—"
    choose(charite, "Charité")
    qtbot.waitUntil(lambda: "2 participants match no site" in dialog.summary.text())
    people = dialog.tabs.people
    schaefer = people.cellWidget(row_of(people, 0, "Dr. Björn Schäfer"), 2)
    assert isinstance(schaefer, QComboBox)
    assert dialog.tabs.people.item(row_of(people, 0, "Dr. Björn Schäfer"), 1).text() == (
        "ambiguous: LMU, TUM"
    )
    choose(schaefer, "LMU")
    qtbot.waitUntil(lambda: "1 participants match no site" in dialog.summary.text())

    questions = dialog.tabs.questions
    confirm = questions.cellWidget(row_of(questions, 0, "Welche Optionen"), 3)
    assert isinstance(confirm, QCheckBox) and confirm.isEnabled()
    confirm.setChecked(True)
    qtbot.waitUntil(lambda: dialog.tabs.conflicts.rowCount() == 1)
    assert dialog.tabs.tabText(2) == "Conflicts (1)"
    assert not dialog.import_button.isEnabled()
    blocker = dialog.blockers.toPlainText()  # said whole in the UI language, no German half
    assert re.fullmatch(r"conflict: .+ \(\w+\), question [\d.]+ — different answers", blocker)

    resolution = dialog.tabs.conflicts.cellWidget(0, 2)
    assert isinstance(resolution, QComboBox)
    choose(resolution, "Count the site as abstaining")
    qtbot.waitUntil(dialog.import_button.isEnabled)
    assert dialog.blockers.toPlainText() == ""
    assert dialog.tabs.ballots.rowCount() == 7

    with qtbot.waitSignal(dialog.imported) as imported:
        dialog.import_button.click()
    assert imported.args == [7]
    with db.read() as session:
        sources = set(session.scalars(select(Ballot.source)))
        codes = {s.code: s.id for s in session.scalars(select(Site))}
        rules = remembered_rules(session)
    assert sources == {"poll"}
    assert rules.participants == {"bjoern.schaefer@example.com": codes["LMU"]}
    assert rules.domains == {"charite.de": codes["B"]}


def test_a_broken_file_shows_its_line_and_cannot_be_imported(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    conf = load_blank_demo(db, tmp_path)
    broken = tmp_path / "broken.csv"
    broken.write_bytes(b"#,User Name,User Email,Submitted Date/Time,\n1,A,a@x.de,,Frage?\n")
    dialog = PollImportDialog(db, conf)
    qtbot.addWidget(dialog)
    dialog.load_file(broken)
    assert "line 2: question without answer" in dialog.error.text()
    assert not dialog.import_button.isEnabled()


def test_the_file_menu_opens_the_dialog_for_the_open_conference(
    qtbot: QtBot,
    db: Database,
    db_url: str,
    demo_id: int,
    prompter: object,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QApplication

    from app.ui.mainwindow import MainWindow

    opened: list[int] = []
    monkeypatch.setattr(
        PollImportDialog, "exec", lambda self: opened.append(self.conference_id) or 0
    )
    window = MainWindow(db_url, demo_id, auto_start_server=False, warm=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    assert window.menus.poll_action.isEnabled()
    window.menus.poll_action.trigger()
    assert opened == [demo_id]
    window.set_language("de")
    QApplication.processEvents()
    assert window.menus.poll_action.text() == "Umfrage&bericht importieren …"
    window.set_language("en")
    window.show_library()
    assert not window.menus.poll_action.isEnabled()


def test_an_import_refreshes_the_live_console_too(
    qtbot: QtBot,
    db: Database,
    db_url: str,
    demo_id: int,
    prompter: object,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.services import conferences
    from app.ui.mainwindow import MainWindow

    def import_and_close(dialog: PollImportDialog) -> int:
        """Stands in for a moderator's import: writes to the database, then says so."""
        with db.write() as session:
            for invitation in conferences.invitations(session, dialog.conference_id):
                if not invitation.present:
                    conferences.set_attendance(
                        session, dialog.conference_id, invitation.site.id, present=True
                    )
        dialog.imported.emit(3)
        return 1

    monkeypatch.setattr(PollImportDialog, "exec", import_and_close)
    window = MainWindow(db_url, demo_id, auto_start_server=False, warm=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    assert window.workspace is not None
    window.workspace.show_live()
    console = window.workspace.console
    assert console is not None and console.snapshot is not None
    n_sites = len(console.snapshot.invitations)
    assert console.snapshot.n_present < n_sites
    window.menus.poll_action.trigger()
    qtbot.waitUntil(lambda: console.snapshot.n_present == n_sites)
    assert console.attendance_label.text().startswith(f"{n_sites}/{n_sites}")


def test_a_report_of_thousands_of_lines_is_summarised_in_the_dialog(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    conf = load_blank_demo(db, tmp_path)
    report = tmp_path / "lang.csv"
    report.write_bytes(long_report(3_000))
    dialog = PollImportDialog(db, conf)
    qtbot.addWidget(dialog)
    dialog.load_file(report)
    assert dialog.preview is not None and len(dialog.preview.plan.participants) == 3_000
    assert dialog.tabs.people.rowCount() == SHOWN_ROWS
    assert dialog.tabs.domain_table.rowCount() == SHOWN_ROWS
    assert "the first 200 of 3000 participants are shown" in dialog.summary.text()
    assert "3000 participants match no site" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()


def test_a_report_over_the_size_limit_is_refused_in_the_dialog(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    conf = load_blank_demo(db, tmp_path)
    report = tmp_path / "riesig.csv"
    with report.open("wb") as out:
        out.write(long_report(10))
        out.truncate(20 * 1024 * 1024)
    dialog = PollImportDialog(db, conf)
    qtbot.addWidget(dialog)
    dialog.load_file(report)
    assert dialog.preview is None and not dialog.import_button.isEnabled()
    assert "riesig.csv" in dialog.error.text() and "10 MB" in dialog.error.text()
    assert dialog.tabs.people.rowCount() == 0
