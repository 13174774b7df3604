"""The notifier: how the voting server tells the desktop app what just happened.

The server calls these methods after a commit, from its own thread, with plain data only.
The Qt side implements the protocol with a QObject whose signals queue the calls onto the
GUI thread; headless ``serve`` uses :class:`NullNotifier`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from app.services.ballots import BallotReceipt


@dataclass(frozen=True)
class StateChange:
    """A question or conference state change: the moderator action (its name in
    :mod:`app.services.moderator_actions`), and what it changed (a
    :class:`~app.services.moderator_actions.Change`; "conference": anything)."""

    conference_id: int
    question_id: int | None
    action: str
    change: str = "conference"


class Notifier(Protocol):
    def ballot_stored(self, receipt: BallotReceipt) -> None:
        """A ballot was committed durably."""

    def state_changed(self, change: StateChange) -> None:
        """A question was opened, closed, revealed …, or attendance changed."""


class NullNotifier:
    """Tells nobody (headless server, tests)."""

    def ballot_stored(self, receipt: BallotReceipt) -> None:
        pass

    def state_changed(self, change: StateChange) -> None:
        pass
