"""The presenter view: a separate window for screen sharing — large, high contrast, calm.

It never shows notes, missing-site names or tokens. Texts follow the language of the
round (the conference's), since everyone in the call reads them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor, QKeySequence, QPalette, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.models import QuestionState
from app.services.views import CaseInfo
from app.ui import settings
from app.ui.live.call_totals import CallTotalsNote
from app.ui.live.chart import ChartStyle, ResultChart
from app.ui.live.session import LiveSnapshot, ServerState
from app.ui.live.source import LiveSource
from app.ui.qr import qr_pixmap

TEXTS = {
    "de": {
        "case": "Fall {n}",
        "question": "Frage {n}",
        "round": "Runde {r}",
        "voted": "{n} von {N} Standorten haben abgestimmt",
        "open": "Abstimmung läuft",
        "closed": "Abstimmung geschlossen",
        "draft": "Gleich geht es los",
        "skipped": "Frage übersprungen",
        "waiting": "Warten auf die nächste Frage …",
        "join": "Abstimmen mit dem Link Ihres Standorts",
        "abstain": "Enthaltung",
        "lines": "{n} Vortherapielinien",
        "line": "1 Vortherapielinie",
        "free": "Antwort in eigenen Worten (Freitext)",
    },
    "en": {
        "case": "Case {n}",
        "question": "Question {n}",
        "round": "round {r}",
        "voted": "{n} of {N} sites have voted",
        "open": "Voting open",
        "closed": "Voting closed",
        "draft": "Starting shortly",
        "skipped": "Question skipped",
        "waiting": "Waiting for the next question …",
        "join": "Vote with your site's link",
        "abstain": "Abstain",
        "lines": "{n} prior lines",
        "line": "1 prior line",
        "free": "Answer in your own words (free text)",
    },
}
FG, BG, MUTED, ACCENT = "#111111", "#ffffff", "#4a4a4a", "#0b5cad"
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class PresenterWindow(QWidget):
    """Follows the session's snapshots. F11 toggles full screen; Esc leaves it.

    Signals ``closed()`` when the window is closed."""

    closed = Signal()

    def __init__(self, session: LiveSource, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("Votum")
        self.setObjectName("presenter")
        self.setStyleSheet(
            f"#presenter {{ background: {BG}; }} QLabel {{ color: {FG}; background: {BG}; }}"
        )
        self.setAutoFillBackground(True)
        self.session = session
        self.snapshot: LiveSnapshot | None = None
        self._fonts_key: tuple[object, ...] | None = None
        self._qr_key: tuple[str, int] | None = None
        self.case_label = _plain(QLabel())
        self.head_label = _plain(QLabel())  # "Frage 1.1 (Runde 2)"
        self.question_label = _plain(QLabel())
        self.question_label.setWordWrap(True)
        self.case_label.setWordWrap(True)
        self.summary_label = _plain(QLabel())
        self.summary_label.setWordWrap(True)
        self.options_label = QWidget()  # the options, lettered A, B, C …
        self.options_grid = QGridLayout(self.options_label)
        self.options_grid.setContentsMargins(0, 0, 0, 0)
        self.options_grid.setColumnStretch(1, 3)
        self.options_grid.setColumnStretch(2, 2)
        self._option_rows: list[tuple[str, str, str, bool]] = []
        self.chart = ResultChart(large=True)
        self.chart.placeholder.setText("")
        palette = self.chart.palette()
        palette.setColor(QPalette.ColorRole.Base, QColor(BG))
        palette.setColor(QPalette.ColorRole.Text, QColor(FG))
        palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(MUTED))
        self.chart.setPalette(palette)
        # an anonymous call poll's totals: after the reveal only, apart from the sites' chart
        self.call_totals = CallTotalsNote()
        self.call_totals.setObjectName("callTotals")
        self.call_totals.setStyleSheet(f"#callTotals {{ border: 2px solid {MUTED}; }}")
        self.call_totals.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.count_label = _plain(QLabel())
        self.state_label = _plain(QLabel())
        self.join_label = _plain(QLabel())
        self.join_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.join_label.setWordWrap(True)
        self.address_label = _plain(QLabel())
        self.address_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body = QGridLayout()
        body.addWidget(self.options_label, 0, 0, Qt.AlignmentFlag.AlignTop)
        body.addWidget(self.chart, 0, 0)
        footer = QHBoxLayout()
        status = QVBoxLayout()
        status.addWidget(self.count_label)
        status.addWidget(self.state_label)
        footer.addLayout(status, 1)
        join = QVBoxLayout()
        join.addStretch(1)
        join.addWidget(self.join_label)
        join.addWidget(self.address_label)
        join.addStretch(1)
        footer.addLayout(join, 1)
        footer.addWidget(self.qr)
        self._layout = layout = QVBoxLayout(self)
        layout.addWidget(self.case_label)
        layout.addWidget(self.summary_label)
        question = QVBoxLayout()
        question.setSpacing(2)
        question.addWidget(self.head_label)
        question.addWidget(self.question_label)
        layout.addLayout(question)
        layout.addLayout(body, 1)
        layout.addWidget(self.call_totals)
        layout.addLayout(footer)
        QShortcut(QKeySequence(Qt.Key.Key_F11), self, self.toggle_full_screen)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.showNormal)
        geometry, _ = settings.window_state("presenter")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 720)
        self._apply_fonts()
        session.refreshed.connect(self.on_session_refreshed)
        session.serverChanged.connect(self.on_session_server_changed)
        self.on_session_server_changed(session.server_state)
        first = session.snapshot or session.refresh()  # a remote one may be on its way
        if first is not None:
            self.on_session_refreshed(first)

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def ensure_chart(self) -> None:
        self.chart.ensure_canvas()

    # --- sizes: type scales with the window (question ≥ 28 pt at 1080 px) ------------------

    def _scale(self) -> float:
        return max(0.45, self.height() / 1080)

    def _revealed(self) -> bool:
        snapshot = self.snapshot
        question = snapshot.question if snapshot else None
        return bool(snapshot and question and question.revealed and snapshot.result is not None)

    def _apply_fonts(self, *, force: bool = False) -> None:
        """Type by window height; after the reveal the result takes the room: the
        question is smaller, the findings and the join code step aside. Done only when
        the size or the reveal changed (not per ballot)."""
        scale = self._scale()
        revealed = self._revealed()
        room = min(1.0, self.height() / 720)  # below 720 px the margins give way to the text
        key = (scale, room, revealed, self.options_grid.count())
        if key == self._fonts_key and not force:
            return
        self._fonts_key = key
        self._layout.setContentsMargins(*(round(m * room) for m in (48, 32, 48, 28)))
        self._layout.setSpacing(round(18 * room))
        question_pt = 26 if revealed else 34
        for label, points, bold, color in (
            (self.case_label, 22, False, MUTED),
            (self.summary_label, 17, False, MUTED),
            (self.head_label, question_pt, True, ACCENT),
            (self.question_label, question_pt, True, FG),
            (self.count_label, 26, True, FG),
            (self.state_label, 20, False, MUTED),
            (self.join_label, 18, False, MUTED),
            (self.address_label, 18, True, FG),
            (self.call_totals.title, 18, True, MUTED),
            (self.call_totals.counts, 26, True, FG),
        ):
            font = label.font()
            font.setPointSizeF(points * scale)
            font.setBold(bold)
            label.setFont(font)
            label.setStyleSheet(f"color: {color};")
        for label in self.options_label.findChildren(QLabel):
            font = label.font()
            font.setPointSizeF(26 * scale)
            font.setBold(label.property("letter") is True)
            label.setFont(font)
        self.chart.set_style(ChartStyle.presenter(scale))
        self.qr.setFixedSize(int(170 * scale), int(170 * scale))
        self._show_qr()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_fonts()

    def closeEvent(self, event: QCloseEvent) -> None:
        settings.save_window_state("presenter", self.saveGeometry())
        self.closed.emit()
        super().closeEvent(event)

    # --- content ---------------------------------------------------------------------------

    def _t(self, key: str, **values: object) -> str:
        lang = self.snapshot.conference.language if self.snapshot else "de"
        return TEXTS.get(lang, TEXTS["de"])[key].format(**values)

    def on_session_refreshed(self, snapshot: LiveSnapshot) -> None:
        self.snapshot = snapshot
        question, case = snapshot.question, snapshot.case
        lang = snapshot.conference.language
        if question is None or case is None:
            for label in (self.summary_label, self.case_label, self.count_label):
                label.setVisible(True)
            self.case_label.setText(snapshot.conference.topic)
            self.summary_label.setText("")
            self.head_label.setText("")
            self.question_label.setText(self._t("waiting"))
            self._show_options(None)
            self.count_label.setText("")
            self.state_label.setText("")
            self.chart.hide()
            self.call_totals.show_calls((), lang)
            self.options_label.show()
            return
        self.case_label.setText(f"{self._t('case', n=case.number)} · {case.headline(lang)}")
        self.summary_label.setText(self._summary(case))
        head = self._t("question", n=question.number)
        if question.round > 1:
            head += f" ({self._t('round', r=question.round)})"
        self.head_label.setText(head)
        self.question_label.setText(question.text)
        revealed = self._revealed()
        for label in (self.summary_label, self.case_label, self.count_label):
            label.setVisible(not revealed)  # the chart's own lines say it after the reveal
        if revealed:
            self.options_label.hide()
            self.chart.show()
            self.chart.show_result(snapshot.result, snapshot.round_one, lang)
            repeated = snapshot.round_one is not None or question.round > 1
            self.call_totals.show_calls(snapshot.calls, lang, rounds=repeated)
        else:
            self.call_totals.show_calls((), lang)  # never a result before "Show result"
            self.chart.hide()
            self.options_label.show()
            self._show_options(snapshot)
        self._apply_fonts()
        status = snapshot.status
        if status is not None and question.state is not QuestionState.DRAFT:
            self.count_label.setText(self._t("voted", n=status.n_voted, N=status.n_expected))
        else:
            self.count_label.setText("")
        skipped = question.state is QuestionState.DRAFT and question.skip_reason is not None
        self.state_label.setText(self._t("skipped" if skipped else question.state.value))

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

    def _show_options(self, snapshot: LiveSnapshot | None) -> None:
        """One row per option: its letter, its label and (muted) its explanation; abstain
        and the free-text hint are muted labels."""
        rows: list[tuple[str, str, str, bool]] = []
        question = snapshot.question if snapshot else None
        if snapshot is not None and question is not None:
            lang = snapshot.conference.language
            if not question.options:
                rows.append(("", self._t("free"), "", True))
            for letter, option in zip(LETTERS, question.options, strict=False):
                explanation = option.explanation(lang)
                rows.append(
                    (
                        letter,
                        option.label_in(lang),
                        f"— {explanation}" if explanation else "",
                        False,
                    )
                )
            if question.allow_abstain and question.options:
                rows.append((LETTERS[len(rows)], self._t("abstain"), "", True))
        if rows == self._option_rows:
            return
        self._option_rows = rows
        while self.options_grid.count():
            item = self.options_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for row, (letter, text, explanation, muted) in enumerate(rows):
            cells = ((letter, ACCENT), (text, MUTED if muted else FG), (explanation, MUTED))
            for column, (cell, color) in enumerate(cells):
                if column == 2 and not explanation:
                    continue  # the label takes the row
                label = _plain(QLabel(cell))
                label.setWordWrap(column > 0)
                label.setStyleSheet(f"color: {color};")
                label.setProperty("letter", column == 0)
                label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                span = 2 if column == 1 and not explanation else 1
                self.options_grid.addWidget(label, row, column, 1, span)
        self._apply_fonts(force=True)

    def on_session_server_changed(self, state: ServerState) -> None:
        self._server = state
        if state.state == "running" and state.urls:
            self.join_label.setText(self._t("join"))
            self.address_label.setText(state.urls[0].removeprefix("http://"))
        else:
            self.join_label.setText("")
            self.address_label.setText("")
        self._show_qr()

    def _show_qr(self) -> None:
        """The join code while sites may still vote; after the reveal the result has the room."""
        state = getattr(self, "_server", None)
        visible = state is not None and state.state == "running" and bool(state.urls)
        visible = visible and not self._revealed()
        self.join_label.setVisible(visible)
        self.address_label.setVisible(visible)
        if not visible or state is None:
            self._qr_key = None
            self.qr.clear()
            self.qr.setVisible(False)
            return
        self.qr.setVisible(True)
        key = (state.urls[0], self.qr.width())
        if key != self._qr_key:  # making the code costs ~30 ms: once per address and size
            self._qr_key = key
            self.qr.setPixmap(qr_pixmap(state.urls[0], self.qr.width()))


def _plain(label: QLabel) -> QLabel:
    """Texts typed by people (questions, options, findings) show as typed, never as markup."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
