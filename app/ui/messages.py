"""Message boxes in one place: errors from the services, confirmations before slips.

Tests replace :data:`prompter` to answer confirmations and to collect error messages.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


class Prompter:
    """Shows modal message boxes; a test double records instead."""

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent
        )
        box.setTextInteractionFlags(box.textInteractionFlags())
        box.exec()

    def confirm(self, parent: QWidget | None, title: str, text: str, action: str) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
        )
        yes = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is yes

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)


prompter = Prompter()


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    prompter.error(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str, action: str) -> bool:
    return prompter.confirm(parent, title, text, action)


def inform(parent: QWidget | None, title: str, text: str) -> None:
    prompter.info(parent, title, text)
