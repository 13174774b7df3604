"""The presenter view: a separate window for screen sharing — large, high contrast, calm.

It never shows notes, missing-site names or tokens. Texts follow the language of the
round (the conference's), since everyone in the call reads them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.models import QuestionState
from app.services.views import CaseInfo
from app.ui import settings
from app.ui.live.chart import ResultChart
from app.ui.live.session import LiveSession, LiveSnapshot, ServerState
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

    def __init__(self, session: LiveSession, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("Votum")
        self.setObjectName("presenter")
        self.setStyleSheet(
            f"#presenter {{ background: {BG}; }} QLabel {{ color: {FG}; background: {BG}; }}"
        )
        self.setAutoFillBackground(True)
        self.session = session
        self.snapshot: LiveSnapshot | None = None
        self.case_label = QLabel()
        self.question_label = QLabel()
        self.question_label.setWordWrap(True)
        self.case_label.setWordWrap(True)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.options_label = QLabel()
        self.options_label.setWordWrap(True)
        self.options_label.setTextFormat(Qt.TextFormat.RichText)
        self.options_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.chart = ResultChart(large=True)
        self.chart.placeholder.setText("")
        self.count_label = QLabel()
        self.state_label = QLabel()
        self.join_label = QLabel()
        self.join_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.join_label.setWordWrap(True)
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body = QGridLayout()
        body.addWidget(self.options_label, 0, 0)
        body.addWidget(self.chart, 0, 0)
        footer = QHBoxLayout()
        status = QVBoxLayout()
        status.addWidget(self.count_label)
        status.addWidget(self.state_label)
        footer.addLayout(status, 1)
        footer.addWidget(self.join_label, 1)
        footer.addWidget(self.qr)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 28)
        layout.setSpacing(18)
        layout.addWidget(self.case_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.question_label)
        layout.addLayout(body, 1)
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
        self.on_session_refreshed(session.snapshot or session.refresh())

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def ensure_chart(self) -> None:
        self.chart.ensure_canvas()

    # --- sizes: type scales with the window (question ≥ 28 pt at 1080 px) ------------------

    def _scale(self) -> float:
        return max(0.45, self.height() / 1080)

    def _apply_fonts(self) -> None:
        scale = self._scale()
        for label, points, bold, color in (
            (self.case_label, 22, False, MUTED),
            (self.summary_label, 17, False, MUTED),
            (self.question_label, 34, True, FG),
            (self.options_label, 26, False, FG),
            (self.count_label, 26, True, FG),
            (self.state_label, 20, False, MUTED),
            (self.join_label, 18, False, MUTED),
        ):
            font = label.font()
            font.setPointSizeF(points * scale)
            font.setBold(bold)
            label.setFont(font)
            label.setStyleSheet(f"color: {color};")
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
            self.case_label.setText(snapshot.conference.topic)
            self.summary_label.setText("")
            self.question_label.setText(self._t("waiting"))
            self.options_label.setText("")
            self.count_label.setText("")
            self.state_label.setText("")
            self.chart.hide()
            self.options_label.show()
            return
        self.case_label.setText(f"{self._t('case', n=case.number)} · {case.headline(lang)}")
        self.summary_label.setText(self._summary(case))
        head = self._t("question", n=question.number)
        if question.round > 1:
            head += f" ({self._t('round', r=question.round)})"
        self.question_label.setText(
            f"<span style='color:{ACCENT}'>{head}</span><br>{_escape(question.text)}"
        )
        if question.revealed and snapshot.result is not None:
            self.options_label.hide()
            self.chart.show()
            self.chart.show_result(snapshot.result, snapshot.round_one, lang)
        else:
            self.chart.hide()
            self.options_label.show()
            self.options_label.setText(self._options_html(snapshot))
        status = snapshot.status
        if status is not None and question.state is not QuestionState.DRAFT:
            self.count_label.setText(self._t("voted", n=status.n_voted, N=status.n_expected))
        else:
            self.count_label.setText("")
        self.state_label.setText(self._t(question.state.value))

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

    def _options_html(self, snapshot: LiveSnapshot) -> str:
        question = snapshot.question
        assert question is not None
        lang = snapshot.conference.language
        if not question.options:
            return f"<span style='color:{MUTED}'>{self._t('free')}</span>"
        rows = []
        labels = [
            _escape(o.label)
            + (
                f" <span style='color:{MUTED}'>— {_escape(o.explanation(lang))}</span>"
                if o.explanation(lang)
                else ""
            )
            for o in question.options
        ]
        if question.allow_abstain and question.options:
            labels.append(f"<span style='color:{MUTED}'>{self._t('abstain')}</span>")
        for letter, label in zip(LETTERS, labels, strict=False):
            rows.append(
                f"<tr><td style='padding:4px 18px 4px 0; color:{ACCENT}; font-weight:bold'>"
                f"{letter}</td>"
                f"<td style='padding:4px 0'>{label}</td></tr>"
            )
        return "<table>" + "".join(rows) + "</table>"

    def on_session_server_changed(self, state: ServerState) -> None:
        self._server = state
        if state.state == "running" and state.urls:
            address = state.urls[0].removeprefix("http://")
            self.join_label.setText(f"{self._t('join')}<br><b style='color:{FG}'>{address}</b>")
        else:
            self.join_label.setText("")
        self._show_qr()

    def _show_qr(self) -> None:
        state = getattr(self, "_server", None)
        if state is None or state.state != "running" or not state.urls:
            self.qr.clear()
            self.qr.setVisible(False)
            return
        self.qr.setVisible(True)
        self.qr.setPixmap(qr_pixmap(state.urls[0], self.qr.width()))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
