"""The presenter view: a separate window for screen sharing — large, high contrast, calm.

A video call shows it in a small tile, about a third of 1920×1080, so its type fills the
window: the question and its options as large as they fit (measured, see
:mod:`app.ui.presenter_fit`), the case line still readable at 640×360, the countdown large
while a vote runs, and after the reveal the result with percentages and consensus class at
least as large as the question. It never shows notes, missing-site names or tokens. Texts
follow the language of the round (the conference's), since everyone in the call reads them.

The window places its labels itself (no layout): one plan per size and content, worked out
only when one of them changed, never per ballot.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QKeySequence,
    QPalette,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from app.models import QuestionState
from app.services.quick import block_title, case_line_of
from app.services.views import CaseInfo
from app.ui import settings
from app.ui.live.call_totals import CallTotalsNote
from app.ui.live.chart import ResultChart
from app.ui.live.countdown import Countdown, seconds_left
from app.ui.live.session import LiveSnapshot, ServerState
from app.ui.live.source import LiveSource
from app.ui.live.trend import trend_text
from app.ui.presenter_fit import OptionRow, plain, sized
from app.ui.presenter_layout import PresenterLayout
from app.ui.presenter_texts import presenter_text
from app.ui.qr import qr_pixmap

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass(frozen=True)
class Colours:
    """High contrast on the shared screen, light or dark as the app is."""

    fg: str
    bg: str
    muted: str
    accent: str
    alert: str


LIGHT = Colours("#111111", "#ffffff", "#474747", "#0b5cad", "#b42318")
DARK = Colours("#f3f3f3", "#121417", "#b9bec5", "#7db7ff", "#ff8a80")


def _colours() -> Colours:
    app = QApplication.instance()
    return DARK if app is not None and bool(app.property("votumDark")) else LIGHT


class PresenterWindow(QWidget):
    """Follows the session's snapshots. F11 toggles full screen; Esc leaves it.

    Signals ``closed()`` when the window is closed."""

    closed = Signal()

    def __init__(self, session: LiveSource, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("Votum")
        self.setObjectName("presenter")
        self.colours = _colours()
        self.setAutoFillBackground(True)
        self.session = session
        self.snapshot: LiveSnapshot | None = None
        self._server: ServerState | None = None
        self._clock: Countdown | None = None
        self._plan_key: tuple[object, ...] | None = None
        self._qr_key: tuple[str, int] | None = None
        self.case_label = self._label()
        self.summary_label = self._label()
        self.head_label = self._label()  # "Frage 1.1 (Runde 2)"
        self.question_label = self._label()
        self.options_label = QWidget(self)  # the options, lettered A, B, C …
        self.option_rows: list[OptionRow] = []
        self.option_cells: list[tuple[QLabel, QLabel, QLabel]] = []
        self.chart = ResultChart(self, large=True)
        self.chart.placeholder.setText("")
        self.chart.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no focus ring in the call
        # an anonymous call poll's totals: after the reveal only, apart from the sites' chart
        self.call_totals = CallTotalsNote(self)
        self.call_totals.setObjectName("callTotals")
        #: lines under the result (empty today; e.g. an earlier result of the series)
        self.result_note = self._label()
        self.count_label = self._label()
        self.state_label = self._label()
        self.countdown_label = self._label()
        self.countdown_label.setWordWrap(False)
        self.join_label = self._label()
        self.address_label = self._label()
        for label in (self.join_label, self.address_label):
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.qr = QLabel(self)
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._tick = QTimer(self, interval=250)
        self._tick.timeout.connect(self.on_tick_timeout)
        self._apply_colours()
        QShortcut(QKeySequence(Qt.Key.Key_F11), self, self.toggle_full_screen)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.showNormal)
        geometry, _ = settings.window_state("presenter")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 720)
        session.refreshed.connect(self.on_session_refreshed)
        session.serverChanged.connect(self.on_session_server_changed)
        self.on_session_server_changed(session.server_state)
        first = session.snapshot or session.refresh()  # a remote one may be on its way
        if first is not None:
            self.on_session_refreshed(first)

    def _label(self) -> QLabel:
        return plain(QLabel(self))

    def _apply_colours(self) -> None:
        c = self.colours
        self.setStyleSheet(
            f"#presenter {{ background: {c.bg}; }} QLabel {{ color: {c.fg}; background: {c.bg}; }}"
            f" #callTotals {{ border: 2px solid {c.muted}; background: {c.bg}; }}"
        )
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(c.bg))
        self.setPalette(palette)
        chart = self.chart.palette()
        chart.setColor(QPalette.ColorRole.Base, QColor(c.bg))
        chart.setColor(QPalette.ColorRole.Text, QColor(c.fg))
        chart.setColor(QPalette.ColorRole.PlaceholderText, QColor(c.muted))
        self.chart.setPalette(chart)

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def ensure_chart(self) -> None:
        self.chart.ensure_canvas()

    def follow_countdown(self, countdown: Countdown) -> None:
        """Show the console's countdown, the moderator's ±15 s included."""
        self._clock = countdown
        countdown.adjusted.connect(self.on_tick_timeout)

    # --- content ---------------------------------------------------------------------------

    def _lang(self) -> str:
        return self.snapshot.conference.language if self.snapshot else "de"

    def _t(self, key: str, **values: object) -> str:
        return presenter_text(self._lang(), key, **values)

    def revealed(self) -> bool:
        snapshot = self.snapshot
        question = snapshot.question if snapshot else None
        return bool(snapshot and question and question.revealed and snapshot.result is not None)

    @Slot(object)
    def on_session_refreshed(self, snapshot: LiveSnapshot) -> None:
        self.snapshot = snapshot
        question, case = snapshot.question, snapshot.case
        lang = snapshot.conference.language
        revealed = self.revealed()
        if question is None or case is None:
            self.case_label.setText(snapshot.conference.topic)
            self.summary_label.setText("")
            self.head_label.setText("")
            self.question_label.setText(self._t("waiting"))
            self.option_rows = []
            self.count_label.setText("")
            self.state_label.setText("")
            self.call_totals.show_calls((), lang)
            self.result_note.setText("")
        else:
            self.case_label.setText(self._case_line(case))
            self.summary_label.setText("" if case.free_discussion else self._summary(case))
            head = self._t("question", n=question.number)
            if question.round > 1:
                head += f" ({self._t('round', r=question.round)})"
            self.head_label.setText(head)
            self.question_label.setText(question.text)
            self.option_rows = self._options(snapshot)
            status = snapshot.status
            voted = status is not None and question.state is not QuestionState.DRAFT
            self.count_label.setText(
                self._t("voted", n=status.n_voted, N=status.n_expected) if voted and status else ""
            )
            skipped = question.state is QuestionState.DRAFT and question.skip_reason is not None
            self.state_label.setText(self._t("skipped" if skipped else question.state.value))
            if revealed:
                self.chart.show_result(snapshot.result, snapshot.round_one, lang)
                repeated = snapshot.round_one is not None or question.round > 1
                self.call_totals.show_calls(snapshot.calls, lang, rounds=repeated)
            else:
                self.call_totals.show_calls((), lang)  # never a result before "Show result"
            self.result_note.setText("\n".join(self.result_lines(snapshot)) if revealed else "")
        running = question is not None and question.is_open and question.duration_seconds
        if running:
            self._tick.start()
        else:
            self._tick.stop()
        self._show_countdown()
        self._show_join()
        self._place()

    def result_lines(self, snapshot: LiveSnapshot) -> list[str]:
        """More lines under the revealed result, quieter than it: a question asked before in
        the series shows the earlier result beside today's (in the round's language)."""
        if snapshot.earlier is None:
            return []
        return [trend_text(snapshot.earlier, snapshot.result, snapshot.conference.language)]

    def _case_line(self, case: CaseInfo) -> str:
        if case.free_discussion:  # the line as typed, under the block's name
            line = case_line_of(case.title)
            return " · ".join(p for p in (block_title(self._lang()), line) if p)
        return f"{self._t('case', n=case.number)} · {case.headline(self._lang())}"

    def _summary(self, case: CaseInfo) -> str:
        """Histology, stage, ECOG, prior lines and the further findings, on one line."""
        parts = [case.histology, case.stage]
        if case.ecog is not None:
            parts.append(f"ECOG {case.ecog}")
        if case.prior_therapy_lines:
            n = case.prior_therapy_lines
            parts.append(self._t("line") if n == 1 else self._t("lines", n=n))
        more = [f"{f.gene} {f.alteration}".strip() for f in case.findings[1:5]]
        if more:
            parts.append(", ".join(more))
        return " · ".join(p for p in parts if p)

    def _options(self, snapshot: LiveSnapshot) -> list[OptionRow]:
        """One row per option: its letter, its label and (quieter) its explanation; abstain
        and the free-text hint are quiet rows."""
        question = snapshot.question
        if question is None:
            return []
        lang = snapshot.conference.language
        if not question.options:
            return [OptionRow("", self._t("free"), muted=True)]
        rows = [
            OptionRow(letter, option.label_in(lang), option.explanation(lang))
            for letter, option in zip(LETTERS, question.options, strict=False)
        ]
        if question.allow_abstain:
            rows.append(OptionRow(LETTERS[len(rows)], self._t("abstain"), muted=True))
        return rows

    # --- the countdown -------------------------------------------------------------------

    def _seconds_left(self) -> int | None:
        question = self.snapshot.question if self.snapshot else None
        if question is None or not question.is_open:
            return None
        extra = self._clock.extra_for(question.id) if self._clock is not None else 0
        return seconds_left(question, extra)

    def _show_countdown(self) -> None:
        left = self._seconds_left()
        if left is None:
            self.countdown_label.setText("")
            return
        shown = max(0, left)
        self.countdown_label.setText(f"{shown // 60}:{shown % 60:02d}")
        colour = self.colours.alert if shown <= 10 else self.colours.fg
        self.countdown_label.setStyleSheet(f"color: {colour};")

    @Slot()
    def on_tick_timeout(self) -> None:
        had = len(self.countdown_label.text())
        self._show_countdown()
        if had != len(self.countdown_label.text()):  # shown, gone, or 10:00 → 9:59
            self._place()

    # --- the server's address ------------------------------------------------------------

    @Slot(object)
    def on_session_server_changed(self, state: ServerState) -> None:
        self._server = state
        self._show_join()
        self._place()

    def _show_join(self) -> None:
        """How sites join, in the round's language (known once the first snapshot is in)."""
        state = self._server
        if state is not None and state.state == "running" and state.urls:
            self.join_label.setText(self._t("join"))
            self.address_label.setText(state.urls[0].removeprefix("http://"))
        else:
            self.join_label.setText("")
            self.address_label.setText("")

    def join_visible(self) -> bool:
        """The join code while sites may still vote; after the reveal the result has the room."""
        state = self._server
        running = state is not None and state.state == "running" and bool(state.urls)
        return running and not self.revealed()

    def show_qr(self, size: int) -> None:
        state = self._server
        if state is None or not state.urls or size <= 0:
            self._qr_key = None
            self.qr.clear()
            return
        key = (state.urls[0], size)
        if key != self._qr_key:  # making the code costs ~30 ms: once per address and size
            self._qr_key = key
            self.qr.setPixmap(qr_pixmap(state.urls[0], size))

    # --- placing: type by the window's size --------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def closeEvent(self, event: QCloseEvent) -> None:
        settings.save_window_state("presenter", self.saveGeometry())
        self.closed.emit()
        super().closeEvent(event)

    def set_type(self, label: QLabel, px: float, bold: bool, colour: str) -> QFont:
        font = sized(self.font(), px, bold)
        label.setFont(font)
        if label is not self.countdown_label:
            label.setStyleSheet(f"color: {colour};")
        return font

    def put(self, label: QLabel, x: float, y: float, width: float, height: float) -> None:
        label.setGeometry(QRect(round(x), round(y), max(1, round(width)), max(1, round(height))))
        label.show()

    def _place(self) -> None:
        """Work out the type sizes and places for this size and content (once per change)."""
        if not hasattr(self, "_tick"):
            return  # still being built
        key = (
            self.width(),
            self.height(),
            self.revealed(),
            self.case_label.text(),
            self.summary_label.text(),
            self.head_label.text(),
            self.question_label.text(),
            tuple(self.option_rows),
            bool(self.count_label.text()),
            len(self.countdown_label.text()),
            self.join_visible(),
            self.join_label.text(),
            self.address_label.text(),
            self.call_totals.counts.text(),
            self.result_note.text(),
        )
        if key == self._plan_key:
            return
        self._plan_key = key
        PresenterLayout(self).place()
