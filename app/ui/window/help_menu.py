"""The Help menu's windows: the keyboard shortcuts, the log file and the about box."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.ui.i18n import translate
from app.ui.messages import inform, show_error


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(keys, name) of each action with a shortcut, each name once, keys as the platform
    writes them in the UI language."""
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    for action in actions:
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        name = action.text().replace("&", "")
        if keys and name not in seen:
            seen.add(name)
            rows.append((keys, name))
    return rows


class ShortcutsDialog(QDialog):
    """A two-column table: the keys and what they do."""

    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table = QTableWidget(len(rows), 2)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        for row, (keys, name) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(name))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 520)


def show_about(parent: QWidget | None) -> None:
    inform(
        parent,
        translate("MainWindow", "About Votum"),
        translate(
            "MainWindow", "Votum %1 — live voting for the joint sessions of molecular tumor boards."
        ).replace("%1", __version__),
    )


def open_log(parent: QWidget | None) -> None:
    """Show the log file in the system's viewer (its folder while there is none yet); a
    system without a viewer is told where the file is."""
    from app.logs import log_file
    from app.ui.application import open_log_file

    if not open_log_file():
        show_error(
            parent,
            translate("MainWindow", "Open log file"),
            translate("MainWindow", "No program could open the log file. It is here:\n%1").replace(
                "%1", str(log_file())
            ),
        )
