"""The moderator's live console: agenda, current question, count, chart, controls, notes."""

# The screen and its refresh from one snapshot; the left column is live/console_side.py,
# the steps' slots live/console_steps.py, the next step app.services.steps, the actions
# live/actions.py, each panel its own module.

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.models import QuestionState
from app.services.quick import case_line_of
from app.services.steps import Position, Step, available_steps, position, primary_step
from app.ui.i18n import current_language
from app.ui.live.actions import (
    ActionButton,
    ButtonRow,
    LiveActions,
    make_actions,
    shortcut_text,
)
from app.ui.live.call_totals import CallTotalsNote
from app.ui.live.chart import ResultChart
from app.ui.live.console_side import ConsoleSide, big, plain
from app.ui.live.console_steps import ConsoleSteps
from app.ui.live.count_panel import CountPanel
from app.ui.live.countdown import Countdown
from app.ui.live.notes_panel import NotesPanel
from app.ui.live.notices import StorageAlarm
from app.ui.live.quick_form import QuickQuestionForm
from app.ui.live.session import LiveSnapshot, ServerState
from app.ui.live.source import ConnectionState, ConnectionStrip, LiveSource
from app.ui.live.trend import TrendLine
from app.ui.messages import show_error
from app.ui.theme import muted_color

# The chart's least height: readable with two rounds, small enough that the window fits
# 1366×768 at 125 % (tests/ui/live/test_scaling.py).
CHART_MIN_HEIGHT = 130


class LiveConsole(ConsoleSteps):
    """Follows a :class:`LiveSource` (local or remote); every step is an action with a
    shortcut.

    Signals ``displayed(int)`` with the snapshot serial once a refresh is on screen and
    ``presenterRequested()`` for F5.
    """

    displayed = Signal(int)
    presenterRequested = Signal()

    def __init__(self, session: LiveSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.remote_host = session.remote_host
        self.online = True
        self.snapshot: LiveSnapshot | None = None
        self._held = False  # the session was marked as held (the action is done)
        self.actions_ = make_actions(self)
        self.addActions(self.actions_.all())
        self._build()
        self._connect()
        session.refreshed.connect(self.on_session_refreshed)
        session.serverChanged.connect(self.on_session_server_changed)
        session.failed.connect(self.on_session_failed)
        session.checkedInByBallot.connect(self.on_session_checked_in_by_ballot)
        session.storageAlarm.connect(self.storage_alarm.show_problem)
        session.serverChanged.connect(self.storage_alarm.on_server_changed)
        session.connectionChanged.connect(self.on_session_connection_changed)
        self.on_session_connection_changed(session.connection_state)
        self.on_session_server_changed(session.server_state)
        first = session.snapshot or session.refresh()  # a remote one may still be on its way
        if first is not None:
            self.on_session_refreshed(first)
        else:
            self._update_actions()

    @property
    def live_actions(self) -> LiveActions:
        return self.actions_

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.side = ConsoleSide(self.actions_, self.session.server_state.port, self.remote_host)
        self.side.tree.activated.connect(self.on_tree_activated)
        # the side's parts by their old names (the console's tests and its steps use them)
        self.agenda_model, self.tree = self.side.agenda_model, self.side.tree
        self.attendance_label = self.side.attendance_label
        self.check_in_note = self.side.check_in_note
        self.server_label, self.port = self.side.server_label, self.side.port

        self.case_label = plain(QLabel())
        self.case_label.setWordWrap(True)
        self.case_label.setStyleSheet(f"color: {muted_color().name()}")
        self.question_label = big(plain(QLabel()), 1.3)
        self.question_label.setWordWrap(True)
        self.question_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state_label = big(plain(QLabel()), 1.0)
        self.trend = TrendLine()  # asked before: the earlier result, quieter than today's
        self.trend.setStyleSheet(f"color: {muted_color().name()}")
        self.count = CountPanel()
        self.chart = ResultChart()
        self.chart.setMinimumHeight(CHART_MIN_HEIGHT)
        self.chart_caption = plain(QLabel())
        self.chart_caption.setStyleSheet(f"color: {muted_color().name()}")
        self.call_totals = CallTotalsNote()
        self.countdown = Countdown()
        self.countdown.expired.connect(self.on_countdown_expired)

        self.primary = QPushButton()
        self.primary.setDefault(True)
        self.primary.setMinimumHeight(40)
        big(self.primary, 1.15)
        self.primary.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.primary.clicked.connect(self.on_primary_clicked)
        self.primary.setMinimumWidth(self._primary_width())
        self.secondary: list[ActionButton] = []
        steps = QHBoxLayout()
        steps.addWidget(self.primary, 1)
        steps.addSpacing(8)
        steps.addWidget(self.countdown)
        self.more_row = ButtonRow()
        more = self.more_row.row
        for act in (
            self.actions_.previous,
            self.actions_.next,
            None,
            self.actions_.quick,
            self.actions_.ballot,
            self.actions_.reveal,
        ):
            if act is None:
                more.addStretch(1)
                continue
            button = ActionButton(act)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            self.secondary.append(button)
            more.addWidget(button)
        self.more_menu = QMenu(self)
        a = self.actions_
        self.more_menu.addActions([a.hide, a.reopen, a.repeat, a.skip])
        self.more_button = QToolButton()
        self.more_button.setText(self.tr("More"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.more_button.setMenu(self.more_menu)
        self.more_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        more.addWidget(self.more_button)
        self.notes = NotesPanel(self.session.save_note)
        self.notes.setMinimumHeight(70)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        pulse = QWidget()
        pulse_layout = QVBoxLayout(pulse)
        pulse_layout.setContentsMargins(0, 0, 0, 0)
        pulse_layout.setSpacing(4)
        pulse_layout.addWidget(self.count, 0)
        pulse_layout.addWidget(self.chart_caption)
        pulse_layout.addWidget(self.chart, 1)
        pulse_layout.addWidget(self.call_totals, 0)
        self.body = QSplitter(Qt.Orientation.Vertical)
        self.body.setChildrenCollapsible(False)
        self.body.addWidget(pulse)
        self.body.addWidget(self.notes)
        self.body.setStretchFactor(0, 1)
        self.body.setSizes([500, 110])
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.setSpacing(4)
        self.quick_form = QuickQuestionForm()
        self.quick_form.hide()
        self.quick_form.asked.connect(self.on_quick_form_asked)
        self.quick_form.cancelled.connect(self.on_quick_form_cancelled)
        right_layout.addWidget(self.quick_form)
        header = QHBoxLayout()
        header.addWidget(self.case_label, 1)
        header.addWidget(self.state_label, 0, Qt.AlignmentFlag.AlignTop)
        right_layout.addLayout(header)
        right_layout.addWidget(self.question_label)
        right_layout.addWidget(self.trend)
        right_layout.addLayout(steps)
        right_layout.addWidget(self.more_row)
        right_layout.addWidget(line)
        right_layout.addWidget(self.body, 1)

        self.splitter = QSplitter()
        self.splitter.addWidget(self.side)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes([280, 1000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        self.storage_alarm = StorageAlarm()
        layout.addWidget(self.storage_alarm)
        self.connection_strip = ConnectionStrip()
        layout.addWidget(self.connection_strip)
        layout.addWidget(self.splitter)

    def _primary_text(self, step: Step | None) -> str:
        """The primary button's text: the step and its shortcut (the end of the agenda)."""
        if step is None:
            return self.tr("End of the agenda")
        action = self._step_actions()[step]
        return f"{action.text().replace('&', '').rstrip('…')}   {shortcut_text(action)}"

    def _primary_width(self) -> int:
        """Wide enough for the longest text the primary button can show (never clipped)."""
        metrics = self.primary.fontMetrics()
        texts = [self._primary_text(s) for s in (Step.OPEN, Step.CLOSE, Step.REVEAL, Step.NEXT)]
        texts.append(self._primary_text(None))
        return max(metrics.horizontalAdvance(t) for t in texts) + 40

    def _step_actions(self) -> dict[Step, QAction]:
        a = self.actions_
        return {
            Step.OPEN: a.open,
            Step.CLOSE: a.close,
            Step.REVEAL: a.reveal,
            Step.HIDE: a.hide,
            Step.NEXT: a.next,
            Step.PREVIOUS: a.previous,
            Step.REOPEN: a.reopen,
            Step.REPEAT: a.repeat,
            Step.BALLOT: a.ballot,
            Step.SKIP: a.skip,
        }

    def _connect(self) -> None:
        a = self.actions_
        a.open.triggered.connect(self.open_question)
        a.close.triggered.connect(self.close_question)
        a.reveal.triggered.connect(self.reveal)
        a.hide.triggered.connect(self.hide_results)
        a.next.triggered.connect(self.next_question)
        a.previous.triggered.connect(self.previous_question)
        a.reopen.triggered.connect(self.reopen)
        a.repeat.triggered.connect(self.repeat)
        a.skip.triggered.connect(self.skip_question)
        a.quick.triggered.connect(self.quick_question)
        a.ballot.triggered.connect(self.enter_ballot)
        a.attendance.triggered.connect(self.check_in)
        a.checkin.triggered.connect(self.toggle_checkin)
        a.held.triggered.connect(self.mark_held)
        a.links.triggered.connect(self.show_links)
        a.presenter.triggered.connect(self.presenterRequested)
        a.server.triggered.connect(self.toggle_server)

    # --- showing a snapshot -------------------------------------------------------

    @Slot(object)
    def on_session_refreshed(self, snapshot: LiveSnapshot) -> None:
        previous, self.snapshot = self.snapshot, snapshot
        question, case = snapshot.question, snapshot.case
        anew = previous is None or previous.cases is not snapshot.cases
        self.side.show_agenda(snapshot, anew=anew)
        lang = current_language()
        if case is not None and question is not None:
            word = self.tr("CASE %1").replace("%1", str(case.number))
            about = case.headline(lang)
            if case.free_discussion:  # the one line as typed, under the block's name
                about = " · ".join(
                    p for p in (self.tr("FREE DISCUSSION"), case_line_of(case.title)) if p
                )
            self.case_label.setText(f"{word} · {about}")
            number = self.tr("Question %1").replace("%1", question.number)
            if question.round > 1:
                number += " " + self.tr("(round %1)").replace("%1", str(question.round))
            self.question_label.setText(f"{number}   {question.text}")
        else:
            self.case_label.setText(snapshot.conference.topic)
            self.question_label.setText(
                self.tr("No current question. Press “Next question” to begin.")
            )
        self.state_label.setText(self._state_text())
        self.side.show_attendance(snapshot)
        self._held = snapshot.conference.held_at is not None
        self.count.show_status(snapshot.status)
        if question is not None and question.revealed:
            self.chart_caption.setText(self.tr("Result — visible to the sites"))
        else:
            self.chart_caption.setText(self.tr("Live result — only you see it until “Show result”"))
        self.chart.show_result(snapshot.result, snapshot.round_one, lang)
        self.trend.show_earlier(snapshot.earlier, snapshot.result, lang)
        repeated = snapshot.round_one is not None or (question is not None and question.round > 1)
        self.call_totals.show_calls(snapshot.calls, lang, rounds=repeated)
        self.countdown.set_question(question)
        self.notes.show_item(
            case.id if case else None, question.id if question else None, snapshot.notes
        )
        self._update_actions()
        self.displayed.emit(snapshot.serial)

    def _state_text(self) -> str:
        question = self.snapshot.question if self.snapshot else None
        if question is None:
            return ""
        if question.state is QuestionState.OPEN:
            text = self.tr("● VOTING OPEN")
        elif question.state is QuestionState.CLOSED:
            text = self.tr("✔ CLOSED")
        elif question.skip_reason is not None:
            text = self.tr("↷ SKIPPED")
        else:
            text = self.tr("○ NOT YET OPENED")
        if question.revealed:
            text += "  ·  " + self.tr("result shown")
        return text

    def _position(self) -> Position:
        snapshot = self.snapshot
        if snapshot is None:
            return Position(None)
        return position(snapshot.cases, snapshot.question)

    def _update_actions(self) -> None:
        pos = self._position()
        allowed = available_steps(pos)
        for step, action in self._step_actions().items():
            action.setEnabled(step in allowed)
        a = self.actions_
        online_only = (a.attendance, a.quick, a.checkin, a.held)
        if not self.online:  # the server is unreachable: only the notes work
            for action in (*self._step_actions().values(), *online_only):
                action.setEnabled(False)
        else:
            for action in online_only:
                action.setEnabled(True)
            a.held.setEnabled(not self._held)
        question = self.snapshot.question if self.snapshot else None
        self.quick_form.blocked = (
            self.tr("Question %1 is still open; close it first.").replace("%1", question.number)
            if question is not None and question.is_open
            else ""
        )
        primary = primary_step(pos)
        self.primary.setEnabled(primary is not None and self.online)
        if self.snapshot is None:  # a hosted server's state is on its way
            self.primary.setText(self.tr("Waiting for the voting server …"))
        else:
            self.primary.setText(self._primary_text(primary))
        primary_action = None if primary is None else self._step_actions()[primary]
        for button in self.secondary:  # one button per step: the primary one if it is
            button.setVisible(button.bound_action is not primary_action)
        self.more_row.updateGeometry()
        self.more_row.fit()

    def primary_action(self) -> QAction | None:
        """The action of the one obvious next step (:func:`app.services.steps.primary_step`)."""
        step = primary_step(self._position())
        return None if step is None else self._step_actions()[step]

    @Slot(object)
    def on_session_connection_changed(self, state: ConnectionState) -> None:
        self.online = state.online
        self.connection_strip.on_connection_changed(state)
        if self.remote_host is not None:
            self.on_session_server_changed(self.session.server_state)
        self._update_actions()

    @Slot(object)
    def on_session_server_changed(self, state: ServerState) -> None:
        problem = self.session.connection_state.problem is not None
        self.side.show_server(state, problem=problem)

    @Slot(str, str)
    @Slot(int)
    def on_session_checked_in_by_ballot(self, site_id: int) -> None:
        snapshot = self.session.snapshot
        sites = snapshot.invitations if snapshot else ()
        name = next((i.site.name for i in sites if i.site.id == site_id), None)
        if name is not None:
            self.check_in_note.add(name)

    def on_session_failed(self, title: str, message: str) -> None:
        show_error(self, title.replace("&", ""), message)

    @Slot()
    def on_primary_clicked(self) -> None:
        action = self.primary_action()
        if action is not None and action.isEnabled():
            action.trigger()
