"""The live session's actions with their shortcuts (shown on buttons and in the menu)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLayout,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

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

    def set_compact(self, compact: bool) -> None:
        """Tell the shortcut in the tooltip only (``compact``), or on the button too."""
        if compact != self._compact:
            self._compact = compact
            self._sync()

    def width_for(self, compact: bool) -> int:
        """The width the button needs with its shortcut on it or (``compact``) without."""
        text = self._action.text().replace("&", "").rstrip("…").rstrip()
        keys = shortcut_text(self._action)
        shown = f"{text}  {keys}" if keys and not compact else text
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = shown
        metrics = self.fontMetrics()
        content = QSize(metrics.horizontalAdvance(shown), metrics.height())
        size = self.style().sizeFromContents(
            QStyle.ContentsType.CT_PushButton, option, content, self
        )
        return max(size.width(), self.minimumWidth())

    def _sync(self) -> None:
        text = self._action.text().replace("&", "").rstrip("…").rstrip()
        keys = shortcut_text(self._action)
        self.setText(f"{text}  {keys}" if keys and not self._compact else text)
        tip = self._action.statusTip() or text
        self.setToolTip(f"{tip} ({keys})" if keys and self._compact else tip)
        self.setEnabled(self._action.isEnabled())


class ButtonRow(QWidget):
    """A row of action buttons that shows each shortcut on its button while the row is
    wide enough, and in the tooltips only when it is not (a laptop at 125 % scaling): the
    row asks no more width than its buttons need without their shortcuts."""

    SPACING = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(self.SPACING)
        self.row.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.compact = False

    def _buttons(self) -> list[ActionButton]:
        return [b for b in self.findChildren(ActionButton) if not b.isHidden()]

    def _others(self) -> int:
        """The width of what is not an action button (the "More" menu), with spacing."""
        items = [self.row.itemAt(i) for i in range(self.row.count())]
        widgets = [item.widget() for item in items if item is not None]
        shown = [w for w in widgets if w is not None and not w.isHidden()]
        rest = sum(w.sizeHint().width() for w in shown if not isinstance(w, ActionButton))
        return rest + self.SPACING * max(0, len(shown) - 1)

    def needed(self, compact: bool) -> int:
        return self._others() + sum(b.width_for(compact) for b in self._buttons())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.needed(True), super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        return QSize(self.needed(False), super().sizeHint().height())

    def fit(self) -> None:
        """Shortcuts on the buttons if they fit at the row's width, else in tooltips."""
        compact = self.width() < self.needed(False)
        if compact != self.compact:
            self.compact = compact
            for button in self.findChildren(ActionButton):
                button.set_compact(compact)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()
