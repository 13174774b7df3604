"""The moderator's steps in the live console: what each asks before the session does it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import QInputDialog, QPushButton, QSpinBox, QWidget

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
from app.services.steps import neighbour
from app.ui import settings
from app.ui.live.attendance import AttendanceDialog
from app.ui.live.ballot_dialog import BallotDialog
from app.ui.live.links import LinksDialog
from app.ui.live.quick_form import QuickQuestionForm
from app.ui.live.session import LiveSnapshot
from app.ui.live.source import LiveSource
from app.ui.messages import confirm, show_error
from app.ui.models.agenda_model import ItemRole

# Closing with this share of the sites (or three) still missing asks first.
MANY_MISSING_SHARE = 0.2


class ConsoleSteps(QWidget):
    """The step slots of :class:`app.ui.live.console.LiveConsole`, which builds the
    widgets named here. Each slot confirms where a step needs it (sites still missing, a
    result shown before the close) and hands one moderator action to the session.

    Signals ``questionOpening()`` when the moderator opens a question (the live session
    starts).
    """

    questionOpening = Signal()

    session: LiveSource
    snapshot: LiveSnapshot | None
    quick_form: QuickQuestionForm
    primary: QPushButton
    port: QSpinBox

    def _question_id(self) -> int | None:
        question = self.snapshot.question if self.snapshot else None
        return question.id if question else None

    def _neighbour(self, step: int) -> int | None:
        if self.snapshot is None:
            return None
        return neighbour(self.snapshot.cases, self.snapshot.question, step)

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
