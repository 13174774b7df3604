"""The totals an anonymous call poll gave for the current question, shown apart from the
sites' chart: no site stands behind them, so they are neither in its bars nor in its
consensus class (as in the protocol)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from app.services.call_polls import CallTally
from app.ui.i18n import catalogue


def call_totals_text(
    calls: Sequence[tuple[int, CallTally]], lang: str, *, rounds: bool = False
) -> tuple[str, list[str]]:
    """The note's heading and one line per round the call counted, in ``lang`` (the
    console's is the UI's, the presenter's the round's): the one wording of both."""
    words = catalogue(lang)
    title = words.translate(
        "CallTotalsNote",
        "Counted by the video call (anonymous poll): no sites, so not in the chart and "
        "without a consensus class",
    )
    lines = []
    for round_, tally in calls:
        counts = ", ".join(f"{c.label_in(lang)} {c.count} ({c.percent} %)" for c in tally.options)
        numbers = (
            words.translate("CallTotalsNote", "valid answers: %1 · abstentions: %2")
            .replace("%1", str(tally.n_valid))
            .replace("%2", str(tally.n_abstain))
        )
        prefix = (
            words.translate("CallTotalsNote", "Round %1: ").replace("%1", str(round_))
            if rounds
            else ""
        )
        lines.append(f"{prefix}{counts} · {numbers}")
    return title, lines


def _plain(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class CallTotalsNote(QFrame):
    """Hidden while the question has no call totals; else a framed note under the chart:
    a bold ``title`` ("Counted by the video call …"), then in ``counts`` per round the
    counts, valid answers and abstentions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = _plain(QLabel())
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.counts = _plain(QLabel())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.counts)
        self.hide()

    def show_calls(
        self, calls: Sequence[tuple[int, CallTally]], lang: str, *, rounds: bool = False
    ) -> None:
        """``calls``: (round, totals) of the rounds on screen that the call counted;
        ``rounds``: the question is repeated, so each line names its round."""
        if not calls:
            self.title.setText("")
            self.counts.setText("")
            self.hide()
            return
        title, lines = call_totals_text(calls, lang, rounds=rounds)
        self.title.setText(title)
        self.counts.setText("\n".join(lines))
        self.show()
