"""Message boxes in one place: errors from the services, confirmations before slips.

Every box shows its text as plain text (it often quotes a user's text). Tests replace
:data:`prompter` to answer confirmations and to collect error messages.
"""

from __future__ import annotations

import errno

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app.ui.i18n import current_language, translate
from app.ui.plain import plain_title


def message_box(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str
) -> QMessageBox:
    """A modal box that shows ``title`` and ``text`` literally."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(plain_title(title))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return box


def confirm_box(
    parent: QWidget | None, title: str, text: str, action: str, *, default_action: bool = False
) -> tuple[QMessageBox, object]:
    """The confirmation box and its action button; the action is the default button with
    ``default_action`` (see :func:`confirm`), else Cancel."""
    box = message_box(parent, QMessageBox.Icon.Question, title, text)
    yes = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(yes if default_action else cancel)
    box.setEscapeButton(cancel)
    return box, yes


class Prompter:
    """Shows modal message boxes; a test double records instead."""

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        box = message_box(parent, QMessageBox.Icon.Warning, title, text)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()

    def confirm(
        self,
        parent: QWidget | None,
        title: str,
        text: str,
        action: str,
        *,
        default_action: bool = False,
    ) -> bool:
        box, yes = confirm_box(parent, title, text, action, default_action=default_action)
        box.exec()
        return box.clickedButton() is yes

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        box = message_box(parent, QMessageBox.Icon.Information, title, text)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()


prompter = Prompter()


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    prompter.error(parent, title, text)


def confirm(
    parent: QWidget | None,
    title: str,
    text: str,
    action: str,
    *,
    destroys: bool = False,
    default_action: bool | None = None,
) -> bool:
    """Ask before ``action``. Enter chooses the action the user asked for, unless it
    ``destroys`` something that cannot be had back (then Enter cancels);
    ``default_action`` decides it outright."""
    default = not destroys if default_action is None else default_action
    return prompter.confirm(parent, title, text, action, default_action=default)


def inform(parent: QWidget | None, title: str, text: str) -> None:
    prompter.info(parent, title, text)


def error_text(exc: BaseException) -> str:
    """What went wrong, in the UI language: a service's error says its message in it, a
    file system error is said in the UI language; any other text as it is."""
    if isinstance(exc, OSError):
        return os_error_text(exc)
    from app.texts import Message  # the catalogs load with the first error, not at start-up

    message = getattr(exc, "message", None)
    return message.in_language(current_language()) if isinstance(message, Message) else str(exc)


def os_error_text(exc: OSError) -> str:
    """A file system error in the UI language (``str(exc)`` is the system's English)."""
    name = str(exc.filename) if exc.filename is not None else ""
    texts = {
        errno.ENOENT: translate("Messages", "File or folder not found: %1"),
        errno.EACCES: translate("Messages", "No permission to access %1"),
        errno.EPERM: translate("Messages", "No permission to access %1"),
        errno.ENOSPC: translate("Messages", "The disk is full; %1 was not written"),
        errno.EROFS: translate("Messages", "%1 is on a read-only disk"),
        errno.EISDIR: translate("Messages", "%1 is a folder, not a file"),
        errno.ENOTDIR: translate("Messages", "A folder in %1 is a file"),
    }
    text = texts.get(exc.errno or 0)
    if text is None:
        text = translate("Messages", "%1 cannot be read or written (error %2)").replace(
            "%2", str(exc.errno or "?")
        )
    return text.replace("%1", name or "?")
