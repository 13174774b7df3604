"""The quiet "asked before" line of the console and the presenter view: the earlier
asking's result beside today's ("Juni 2026: 60 % sprechen keine Empfehlung aus; heute:
81 %"). Never louder than today's result: normal weight, muted, one line that wraps."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from app.services.asked_before import EarlierAsking
from app.services.results import QuestionResult
from app.ui.i18n import catalogue
from app.ui.plain import plain_tooltip


def trend_text(earlier: EarlierAsking, result: QuestionResult | None, lang: str) -> str:
    """ "Zuvor gefragt · Juni 2026: …; heute: 81 %" in ``lang`` (the console's is the UI's,
    the presenter's the round's); today's share once today has a result."""
    today = result.tally if result is not None and result.asked else None
    prefix = catalogue(lang).translate("TrendLine", "Asked before")
    return f"{prefix} · {earlier.sentence(today, lang)}"


class TrendLine(QLabel):
    """Hidden while the question is asked for the first time. Plain text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setObjectName("trendLine")
        self.hide()

    def show_earlier(
        self, earlier: EarlierAsking | None, result: QuestionResult | None, lang: str
    ) -> None:
        if earlier is None:
            self.setText("")
            self.setToolTip("")
            self.hide()
            return
        self.setText(trend_text(earlier, result, lang))
        how = (
            self.tr("linked by hand")
            if earlier.by_hand
            else self.tr("linked by its text (the same question)")
        )
        where = (
            self.tr("“%1” of %2, question %3")
            .replace("%1", earlier.topic)
            .replace("%2", earlier.date.strftime("%d.%m.%Y"))
            .replace("%3", earlier.number)
        )
        self.setToolTip(plain_tooltip(f"{where} · {how}"))
        self.show()
