"""The Qt side of the server's notifier: signals emitted in the server thread are queued
onto the GUI thread, where the receivers live."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.services.ballots import BallotReceipt
from app.services.events import StateChange


class QtNotifier(QObject):
    """Implements :class:`app.services.events.Notifier`. Create it in the GUI thread.

    Signals: ``ballotStored(BallotReceipt)`` and ``stateChanged(StateChange)``.
    """

    ballotStored = Signal(object)
    stateChanged = Signal(object)

    def ballot_stored(self, receipt: BallotReceipt) -> None:
        self.ballotStored.emit(receipt)

    def state_changed(self, change: StateChange) -> None:
        self.stateChanged.emit(change)
