"""The moderator's live console: agenda, current question, count, chart, controls, notes."""

# Longer than 450 lines: one screen whose panels are laid out and refreshed together from
# one snapshot (33 short methods). What is not the screen already lives elsewhere: the next
# step in app.services.steps, the actions in live/actions.py, the server in
# live/server_control.py, each panel in its own module.

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.models import QuestionState
from app.services.moderator_actions import (
    BALLOT,
    CHECKIN_CLOSE,
    CHECKIN_OPEN,
    CLOSE,
    CURRENT,
    HELD,
    HIDE,
    NEXT,
    OPEN,
    REOPEN,
    REPEAT,
    REVEAL,
    SKIP,
    Action,
)
from app.services.quick import case_line_of
from app.services.steps import (
    Position,
    Step,
    available_steps,
    neighbour,
    position,
    primary_step,
)
from app.ui import settings
from app.ui.i18n import current_language
from app.ui.live.actions import (
    ActionButton,
    ButtonRow,
    LiveActions,
    make_actions,
    shortcut_text,
)
from app.ui.live.attendance import AttendanceDialog
from app.ui.live.ballot_dialog import BallotDialog
from app.ui.live.call_totals import CallTotalsNote
from app.ui.live.chart import ResultChart
from app.ui.live.count_panel import CountPanel
from app.ui.live.countdown import Countdown
from app.ui.live.links import LinksDialog
from app.ui.live.notes_panel import NotesPanel
from app.ui.live.notices import CheckInNote, StorageAlarm
from app.ui.live.quick_form import QuickQuestionForm
from app.ui.live.session import LiveSnapshot, ServerState
from app.ui.live.source import ConnectionState, ConnectionStrip, LiveSource
from app.ui.live.trend import TrendLine
from app.ui.messages import confirm, show_error
from app.ui.models.agenda_model import AgendaModel, ItemRole
from app.ui.theme import error_color, muted_color, ok_color

MANY_MISSING_SHARE = 0.2
# The chart's least height: readable with two rounds, small enough that the window fits
# 1366×768 at 125 % (tests/ui/live/test_scaling.py).
CHART_MIN_HEIGHT = 130
BigT = TypeVar("BigT", bound=QWidget)


def _plain(label: QLabel) -> QLabel:
    """User text is never read as markup (``<b>`` shows as typed)."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _big(label: BigT, factor: float, bold: bool = True) -> BigT:
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    label.setFont(font)
    return label


class LiveConsole(QWidget):
    """Follows a :class:`LiveSource` (local or remote); every step is an action with a
    shortcut.

    Signals ``displayed(int)`` with the snapshot serial once a refresh is on screen and
    ``presenterRequested()`` for F5.
    """

    displayed = Signal(int)
    presenterRequested = Signal()
    questionOpening = Signal()  # the moderator opens a question: the live session starts

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
        self.agenda_model = AgendaModel(self)
        self.agenda_model.set_language(current_language())
        self.tree = QTreeView()
        self.tree.setAccessibleName(self.tr("Agenda"))
        self.tree.setModel(self.agenda_model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.activated.connect(self.on_tree_activated)
        self.tree.setToolTip(self.tr("Enter or double-click: make this the current question"))

        self.attendance_label = _big(_plain(QLabel()), 1.1)
        self.attendance_label.setWordWrap(True)
        attendance_button = QPushButton(self.tr("Check-in…"))
        attendance_button.clicked.connect(self.actions_.attendance.trigger)
        self.server_label = _plain(QLabel())
        self.server_label.setWordWrap(True)
        self.server_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.server_button = QPushButton()
        self.server_button.clicked.connect(self.actions_.server.trigger)
        links_button = ActionButton(self.actions_.links, compact=True)
        presenter_button = ActionButton(self.actions_.presenter, compact=True)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self._caption(self.tr("AGENDA")))
        left_layout.addWidget(self.tree, 1)
        # the left column stacks its controls: narrow enough for 1366×768 at 125 %
        box = QGroupBox(self.tr("Attendance"))
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.attendance_label)
        box_layout.addWidget(attendance_button)
        left_layout.addWidget(box)
        self.check_in_note = CheckInNote()
        left_layout.addWidget(self.check_in_note)
        server_box = QGroupBox(self.tr("Voting server"))
        server_layout = QVBoxLayout(server_box)
        server_layout.addWidget(self.server_label)
        self.port = QSpinBox()
        self.port.setRange(1024, 65535)
        self.port.setValue(self.session.server_state.port or settings.server_port())
        self.port.setPrefix(self.tr("Port "))
        self.port.setAccessibleName(self.tr("Port of the voting server"))
        self.port.setToolTip(self.tr("Port of the voting server; change it if the port is in use"))
        server_layout.addWidget(self.port)
        server_layout.addWidget(self.server_button)
        server_layout.addWidget(links_button)
        server_layout.addWidget(presenter_button)
        left_layout.addWidget(server_box)

        self.case_label = _plain(QLabel())
        self.case_label.setWordWrap(True)
        self.case_label.setStyleSheet(f"color: {muted_color().name()}")
        self.question_label = _big(_plain(QLabel()), 1.3)
        self.question_label.setWordWrap(True)
        self.question_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state_label = _big(_plain(QLabel()), 1.0)
        self.trend = TrendLine()  # asked before: the earlier result, quieter than today's
        self.trend.setStyleSheet(f"color: {muted_color().name()}")
        self.count = CountPanel()
        self.chart = ResultChart()
        self.chart.setMinimumHeight(CHART_MIN_HEIGHT)
        self.chart_caption = _plain(QLabel())
        self.chart_caption.setStyleSheet(f"color: {muted_color().name()}")
        self.call_totals = CallTotalsNote()
        self.countdown = Countdown()
        self.countdown.expired.connect(self.on_countdown_expired)

        self.primary = QPushButton()
        self.primary.setDefault(True)
        self.primary.setMinimumHeight(40)
        _big(self.primary, 1.15)
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
        self.splitter.addWidget(left)
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
        if self.remote_host is not None:  # a hosted server: not ours to start or stop
            self.port.hide()
            self.server_button.hide()

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

    def _caption(self, text: str) -> QLabel:
        label = _plain(QLabel(text))
        font = label.font()
        font.setBold(True)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
        label.setFont(font)
        label.setStyleSheet(f"color: {muted_color().name()}")
        return label

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
        if previous is None or previous.cases is not snapshot.cases:
            self.agenda_model.update_agenda(
                list(snapshot.cases), snapshot.conference.current_question_id
            )
            self.tree.expandAll()
        if question is not None:
            current = self.agenda_model.index_of_question(question.id)
            if current.isValid() and self.tree.currentIndex() != current:
                self.tree.setCurrentIndex(current)
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
        present = snapshot.n_present
        people = sum(i.attendee_count for i in snapshot.invitations if i.present)
        conf = snapshot.conference
        checkin = self.tr("check-in open") if conf.checkin_open else self.tr("check-in closed")
        self.attendance_label.setText(
            f"{present}/{len(snapshot.invitations)}  ·  "
            + self.tr("%1 attendees").replace("%1", str(people))
            + f"\n{checkin}"
        )
        self.actions_.checkin.setText(
            self.tr("Reopen sites' check-&in")
            if not conf.checkin_open
            else self.tr("Close sites' check-&in")
        )
        self._held = conf.held_at is not None
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

    def _neighbour(self, step: int) -> int | None:
        if self.snapshot is None:
            return None
        return neighbour(self.snapshot.cases, self.snapshot.question, step)

    @Slot(object)
    def on_session_connection_changed(self, state: ConnectionState) -> None:
        self.online = state.online
        self.connection_strip.on_connection_changed(state)
        if self.remote_host is not None:
            self.on_session_server_changed(self.session.server_state)
        self._update_actions()

    @Slot(object)
    def on_session_server_changed(self, state: ServerState) -> None:
        if self.remote_host is not None:
            if state.state == "running":
                text = self.tr("Connected to %1").replace("%1", self.remote_host)
                self.server_label.setStyleSheet(f"color: {ok_color().name()};")
            elif self.session.connection_state.problem is not None:
                text = self.tr("Not connected to %1").replace("%1", self.remote_host)
                self.server_label.setStyleSheet(f"color: {error_color().name()};")
            else:
                text = self.tr("Connecting to %1 …").replace("%1", self.remote_host)
                self.server_label.setStyleSheet(f"color: {error_color().name()};")
            self.server_label.setText(text)
            self.actions_.links.setEnabled(True)
            self.actions_.server.setEnabled(False)
            return
        if state.state == "running":
            text = (
                self.tr("● Local server · port %1").replace("%1", str(state.port))
                + "\n"
                + "\n".join(state.urls)
            )
            self.server_label.setStyleSheet(f"color: {ok_color().name()};")
            self.actions_.server.setText(self.tr("Stop voting &server"))
        elif state.state in ("starting", "stopping"):
            starting = state.state == "starting"
            text = self.tr("Server starting …") if starting else self.tr("Server stopping …")
            self.server_label.setStyleSheet("")
            self.actions_.server.setText(self.tr("Stop voting &server"))
        elif state.state == "failed":
            text = self.tr("Server not running: %1").replace("%1", state.error)
            self.server_label.setStyleSheet(f"color: {error_color().name()};")
            self.actions_.server.setText(self.tr("Start voting &server"))
        else:
            text = self.tr("○ Server stopped")
            self.server_label.setStyleSheet("")
            self.actions_.server.setText(self.tr("Start voting &server"))
        self.server_label.setText(text)
        self.server_button.setText(self.actions_.server.text().replace("&", ""))
        self.actions_.links.setEnabled(state.state == "running")
        self.port.setEnabled(state.state in ("stopped", "failed"))
        if state.port:
            self.port.setValue(state.port)
        self.actions_.server.setEnabled(state.state != "stopping")  # a start can be stopped

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

    # --- steps ---------------------------------------------------------------------

    def _question_id(self) -> int | None:
        question = self.snapshot.question if self.snapshot else None
        return question.id if question else None

    @Slot()
    def on_primary_clicked(self) -> None:
        action = self.primary_action()
        if action is not None and action.isEnabled():
            action.trigger()

    @Slot()
    def open_question(self) -> None:
        if (qid := self._question_id()) is not None:
            self.questionOpening.emit()
            self.session.act(OPEN(question_id=qid))

    @Slot()
    def close_question(self, *, ask: bool = True) -> None:
        qid = self._question_id()
        status = self.snapshot.status if self.snapshot else None
        if qid is None:
            return
        if ask and status is not None and status.missing:
            many = (
                len(status.missing) >= 3
                or len(status.missing) / max(1, status.n_expected) >= MANY_MISSING_SHARE
            )
            if many:
                names = ", ".join(s.name for s in status.missing[:8])
                if len(status.missing) > 8:
                    names += ", …"
                text = (
                    self.tr("%1 of %2 sites have not voted yet:")
                    .replace("%1", str(len(status.missing)))
                    .replace("%2", str(status.n_expected))
                    + f"\n{names}\n\n"
                    + self.tr("Close the voting anyway?")
                )
                if not confirm(self, self.tr("Close voting"), text, self.tr("Close voting")):
                    return
        self.session.act(CLOSE(question_id=qid))

    @Slot()
    def reveal(self) -> None:
        question = self.snapshot.question if self.snapshot else None
        if question is None:
            return
        if question.is_open and not confirm(
            self,
            self.tr("Show result"),
            self.tr(
                "The voting is still open. Sites that have not voted yet will see the result. Show it anyway?"  # noqa: E501
            ),
            self.tr("Show result"),
            destroys=True,  # a result seen before voting cannot be unseen
        ):
            return
        self.session.act(REVEAL(question_id=question.id))

    @Slot()
    def hide_results(self) -> None:
        if (qid := self._question_id()) is not None:
            self.session.act(HIDE(question_id=qid))

    @Slot()
    def reopen(self) -> None:
        qid = self._question_id()
        if qid is not None and confirm(
            self,
            self.tr("Reopen voting"),
            self.tr(
                "Open the voting on this question again? The result is hidden until you show it again."  # noqa: E501
            ),
            self.tr("Reopen"),
        ):
            self.session.act(REOPEN(question_id=qid))

    @Slot()
    def repeat(self) -> None:
        qid = self._question_id()
        if qid is not None and confirm(
            self,
            self.tr("Repeat as round 2"),
            self.tr(
                "Create round 2 of this question? Round 1 keeps its votes; round 2 starts empty."
            ),
            self.tr("Create round 2"),
        ):
            self.session.act(REPEAT(question_id=qid))

    @Slot()
    def skip_question(self, reason: str | None = None) -> bool:
        """Skip the current question (never opened) with a reason, asked for here."""
        question = self.snapshot.question if self.snapshot else None
        if question is None:
            return False
        if reason is None:
            text, ok = QInputDialog.getText(
                self,
                self.tr("Skip question"),
                self.tr(
                    "Why is question %1 skipped? The protocol reports it as not asked, "
                    "with this reason."
                ).replace("%1", question.number),
                text=question.skip_reason or "",
            )
            if not ok:
                return False
            reason = text
        return self.session.act(SKIP(question_id=question.id, reason=reason))

    @Slot()
    def quick_question(self) -> None:
        """Open the quick-question form (the free discussion); Enter in it asks."""
        self.quick_form.start()

    @Slot(object)
    def on_quick_form_asked(self, asked: Action) -> None:
        if self.session.act(asked):
            self.quick_form.clear_question()
            self.quick_form.hide()
            self.primary.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def on_quick_form_cancelled(self) -> None:
        self.quick_form.hide()
        self.primary.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def next_question(self) -> None:
        self.session.act(NEXT())

    @Slot()
    def previous_question(self) -> None:
        target = self._neighbour(-1)
        if target is not None:
            self.session.act(CURRENT(question_id=target))

    @Slot(QModelIndex)
    def on_tree_activated(self, index: QModelIndex) -> None:
        kind, item_id = index.data(ItemRole)
        if kind != "question" or item_id == self._question_id():
            return
        question = self.snapshot.question if self.snapshot else None
        if question is not None and question.is_open:
            show_error(
                self,
                self.tr("Choose question"),
                self.tr("Question %1 is still open; close it first.").replace(
                    "%1", question.number
                ),
            )
            return
        self.session.act(CURRENT(question_id=item_id))

    @Slot(int)
    def on_countdown_expired(self, question_id: int) -> None:
        if question_id == self._question_id():
            self.close_question(ask=False)

    @Slot()
    def enter_ballot(self) -> None:
        snapshot = self.snapshot
        if snapshot is None or snapshot.question is None or snapshot.status is None:
            return
        dialog = BallotDialog(snapshot.question, snapshot.status, self)
        if dialog.exec():
            self.submit_ballot(dialog)

    def submit_ballot(self, dialog: BallotDialog) -> bool:
        site_id, ids, abstain, comment = dialog.choice()
        snapshot = self.snapshot
        question = snapshot.question if snapshot else None
        if site_id is None or question is None or snapshot is None:
            return False
        code = next(i.site.code for i in snapshot.invitations if i.site.id == site_id)
        return self.session.act(
            BALLOT(
                question_id=question.id,
                site_code=code,
                option_ids=list(ids),
                abstain=abstain,
                comment=comment,
            )
        )

    @Slot()
    def check_in(self) -> None:
        AttendanceDialog(self.session, self).exec()

    @Slot()
    def toggle_checkin(self) -> None:
        """Close the sites' own check-in, or reopen it."""
        if self.snapshot is not None:
            is_open = self.snapshot.conference.checkin_open
            self.session.act(CHECKIN_CLOSE() if is_open else CHECKIN_OPEN())

    @Slot()
    def mark_held(self) -> None:
        if confirm(
            self,
            self.tr("Mark session as held"),
            self.tr(
                "The session is recorded as held and the sites' check-in closes "
                "(you can reopen it). Mark it as held?"
            ),
            self.tr("Mark as held"),
        ):
            self.session.act(HELD())

    @Slot()
    def show_links(self) -> None:
        if self.snapshot is None:
            return
        LinksDialog(self.snapshot.invitations, self.session.server_state.urls, self).exec()

    @Slot()
    def toggle_server(self) -> None:
        if self.session.server_state.state in ("running", "starting"):
            if confirm(
                self,
                self.tr("Stop voting server"),
                self.tr("Sites can no longer vote while the server is stopped. Stop it?"),
                self.tr("Stop server"),
            ):
                self.session.stop_server()
        else:
            settings.set_server_port(self.port.value())
            self.session.start_server(port=self.port.value())
