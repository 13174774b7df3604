"""The live session's actions with their shortcuts (shown on buttons and in the menu)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton, QWidget

from app.ui.i18n import translate


@dataclass
class LiveActions:
    """One QAction per moderator step; the console enables them to fit the state."""

    open: QAction
    close: QAction
    reveal: QAction
    hide: QAction
    next: QAction
    previous: QAction
    reopen: QAction
    repeat: QAction
    skip: QAction
    quick: QAction
    ballot: QAction
    attendance: QAction
    checkin: QAction  # close (or reopen) the sites' own check-in
    held: QAction
    links: QAction
    presenter: QAction
    server: QAction

    def all(self) -> list[QAction]:
        return list(vars(self).values())


def make_actions(owner: QObject) -> LiveActions:
    def action(
        text: str, shortcut: str | QKeySequence.StandardKey | None, tip: str = ""
    ) -> QAction:
        act = QAction(text, owner)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if tip:
            act.setStatusTip(tip)
        return act

    return LiveActions(
        open=action(
            translate("LiveActions", "&Open voting"),
            "Ctrl+Shift+O",
            translate("LiveActions", "Open the question for voting"),
        ),
        close=action(
            translate("LiveActions", "&Close voting"),
            "Ctrl+Return",
            translate("LiveActions", "Close the question; later ballots are refused"),
        ),
        reveal=action(
            translate("LiveActions", "&Show result"),
            "Ctrl+R",
            translate("LiveActions", "Show the result to the sites and on the presenter view"),
        ),
        hide=action(translate("LiveActions", "&Hide result"), "Ctrl+H"),
        next=action(translate("LiveActions", "&Next question"), "Alt+Right"),
        previous=action(translate("LiveActions", "&Previous question"), "Alt+Left"),
        reopen=action(translate("LiveActions", "Re&open voting…"), "Ctrl+Shift+R"),
        repeat=action(translate("LiveActions", "Repeat as round &2…"), "Ctrl+2"),
        skip=action(
            translate("LiveActions", "S&kip question…"),
            "Ctrl+Shift+K",
            translate("LiveActions", "Skip a question that was not asked, with a reason"),
        ),
        quick=action(
            translate("LiveActions", "&Quick question…"),
            "Ctrl+Shift+F",
            translate("LiveActions", "Ask a question on the spot (free discussion) and open it"),
        ),
        ballot=action(translate("LiveActions", "&Enter vote for site…"), "Ctrl+B"),
        attendance=action(translate("LiveActions", "&Attendance check-in…"), "Ctrl+Shift+A"),
        checkin=action(
            translate("LiveActions", "Close sites' check-&in"),
            None,
            translate("LiveActions", "Sites can no longer change their participants"),
        ),
        held=action(
            translate("LiveActions", "&Mark session as held"),
            None,
            translate("LiveActions", "The session took place; the sites' check-in closes"),
        ),
        links=action(translate("LiveActions", "Voting &links and QR codes…"), "Ctrl+Shift+L"),
        presenter=action(translate("LiveActions", "Presenter &view"), "F5"),
        server=action(translate("LiveActions", "Start voting &server"), None),
    )


def shortcut_text(action: QAction) -> str:
    """The action's shortcut as the platform writes it ("Strg+Eingabe" in German)."""
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


class ActionButton(QPushButton):
    """A push button for an action: its text with the shortcut, enabled with the action.

    ``compact`` buttons (narrow side panels) tell the shortcut in their tooltip only."""

    def __init__(
        self, action: QAction, parent: QWidget | None = None, *, compact: bool = False
    ) -> None:
        super().__init__(parent)
        self._action = action
        self._compact = compact
        self.clicked.connect(action.trigger)
        action.changed.connect(self._sync)
        self._sync()

    @property
    def bound_action(self) -> QAction:
        return self._action

    def _sync(self) -> None:
        text = self._action.text().replace("&", "").rstrip("…").rstrip()
        keys = shortcut_text(self._action)
        self.setText(f"{text}  {keys}" if keys and not self._compact else text)
        tip = self._action.statusTip() or text
        self.setToolTip(f"{tip} ({keys})" if keys and self._compact else tip)
        self.setEnabled(self._action.isEnabled())
