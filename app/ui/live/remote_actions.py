"""The Live menu's remote entries: connect to a voting server, publish, fetch results.

Every call to the server, and every build of a whole conference file, runs in a worker
(:class:`~app.ui.live.background.BackgroundTask`): the window stays usable, a progress
dialog offers Cancel, nothing here waits for the network. Publishing and fetching are
small state machines (:class:`Publisher`, :class:`Fetcher`) that say how they ended with
``finished``.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app.remote.client import Connection, ModeratorClient, RemoteError
from app.remote.transfer import (
    Outgoing,
    PublishPlan,
    adopt_results,
    outgoing,
    plan_publish,
    publish,
)
from app.services.conference_export import Publish
from app.services.conferences import get_conference
from app.services.fetch_home import FetchOutcome
from app.ui.i18n import translate
from app.ui.live.background import BackgroundTask, Cancelled
from app.ui.live.connect_dialog import ConnectDialog
from app.ui.messages import error_text, inform, show_error
from app.ui.widgets import ok_cancel_buttons

if TYPE_CHECKING:
    from app.ui.workspace import Workspace


def ask_connect(workspace: Workspace) -> bool:
    """The connect dialog; on OK the workspace's console follows the remote server."""
    with workspace.db.read() as session:
        slug = get_conference(session, workspace.conference_id).slug
    dialog = ConnectDialog(slug, workspace)
    if not dialog.exec() or dialog.connection is None:
        return False
    workspace.connect_remote(dialog.connection)
    return True


def _connection(workspace: Workspace) -> Connection | None:
    session = workspace.session
    return session.connection if session is not None else None


class PublishDialog(QDialog):
    """What goes out (only what the sites need, unless more is chosen) and what the server
    already has; OK publishes. Choosing more prepares the file again in the background."""

    def __init__(self, workspace: Workspace, plan: PublishPlan, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Publish conference"))
        self._workspace, self.plan = workspace, plan
        self._task: BackgroundTask | None = None  # preparing the file of the latest choice
        self.images = QCheckBox(self.tr("images"))
        self.text = QCheckBox(self.tr("case texts"))
        self.summary = QCheckBox(self.tr("full summaries"))
        self.preview = QLabel()
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview)
        for box in (self.images, self.text, self.summary):
            box.toggled.connect(self.on_choice_toggled)
            layout.addWidget(box)
        buttons = ok_cancel_buttons(self)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout.addWidget(buttons)
        self.preview.setText(self.preview_text(plan))

    def preview_text(self, plan: PublishPlan) -> str:
        out = plan.outgoing
        extras = [
            name
            for name, chosen in (
                (self.tr("images"), out.publish.images),
                (self.tr("case texts"), out.publish.text),
                (self.tr("full summaries"), out.publish.summary),
            )
            if chosen
        ]
        goes = (
            self.tr("Goes out: %1 cases, %2 questions, %3 sites")
            .replace("%1", str(out.cases))
            .replace("%2", str(out.questions))
            .replace("%3", str(out.sites))
            + " — "
            + (", ".join(extras) if extras else self.tr("only what the sites need"))
        )
        has = (
            self.tr("The server has “%4”: %1 cases, %2 sites, %3 ballots")
            .replace("%1", str(plan.server.get("cases", 0)))
            .replace("%2", str(plan.server.get("invited_sites", 0)))
            .replace("%3", str(plan.server_ballots))
            .replace("%4", str(plan.server.get("topic", "")))  # last: never read for %n
        )
        return f"{goes}\n{has}"

    @Slot()
    def on_choice_toggled(self) -> None:
        """Prepare the file with what is now chosen (OK waits for it)."""
        chosen = Publish(
            images=self.images.isChecked(),
            text=self.text.isChecked(),
            summary=self.summary.isChecked(),
        )
        ws = self._workspace
        self.ok.setEnabled(False)
        self.preview.setText(self.tr("Preparing the preview …"))
        self._task = BackgroundTask(
            self,
            self.tr("Preparing the preview …"),
            lambda _stop: outgoing(ws.db, ws.conference_id, chosen),
        )
        self._task.done.connect(self.on_prepared)
        self._task.failed.connect(self.on_prepared)

    @Slot(object)
    def on_prepared(self, out: Outgoing | BaseException) -> None:
        """The file for a choice is ready (or could not be made); a later choice wins."""
        if self.sender() is not self._task:
            return
        if isinstance(out, BaseException):
            self.preview.setText(error_text(out))
            return
        self.plan = PublishPlan(out, self.plan.server)
        self.preview.setText(self.preview_text(self.plan))
        self.ok.setEnabled(True)


class Publisher(QObject):
    """Publish: ask the server what it holds, preview, upload; each call in the
    background. Signals ``finished(bool)``: published or not."""

    finished = Signal(bool)

    def __init__(
        self, workspace: Workspace, connection: Connection, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self._workspace, self._parent = workspace, parent
        self._connection = connection
        self.client = ModeratorClient(connection)
        self.dialog: PublishDialog | None = None
        self.task: BackgroundTask | None = None  # the call on its way

    def title(self) -> str:
        return self.tr("Publish conference")

    def start(self) -> None:
        ws, client = self._workspace, self.client
        label = self.tr("Asking %1 what it holds …").replace("%1", self._connection.host)
        self.task = task = BackgroundTask(
            self._parent,
            label,
            lambda _stop: plan_publish(client, ws.db, ws.conference_id),
            abandoned=client.close,
        )
        task.done.connect(self.on_planned)
        task.failed.connect(self.on_failed)
        task.cancelled.connect(self.on_cancelled)

    def _close(self) -> None:
        self.client.close()

    @Slot(object)
    def on_planned(self, plan: PublishPlan) -> None:
        dialog = PublishDialog(self._workspace, plan, self._parent)
        if not plan.allowed:
            already = self.tr("The server's conference already has ballots; it is not overwritten.")
            self._close()
            show_error(self._parent, self.title(), f"{dialog.preview_text(plan)}\n\n{already}")
            dialog.deleteLater()
            self.finished.emit(False)
            return
        self.dialog = dialog
        dialog.accepted.connect(self.on_dialog_accepted)
        dialog.rejected.connect(self.on_dialog_rejected)
        dialog.open()

    @Slot()
    def on_dialog_accepted(self) -> None:
        assert self.dialog is not None
        plan, client = self.dialog.plan, self.client
        self.dialog.deleteLater()
        label = self.tr("Publishing to %1 …").replace("%1", self._connection.host)
        self.task = task = BackgroundTask(
            self._parent, label, lambda _stop: publish(client, plan), abandoned=client.close
        )
        task.done.connect(self.on_published)
        task.failed.connect(self.on_failed)
        task.cancelled.connect(self.on_upload_cancelled)

    @Slot(object)
    def on_published(self, _summary: object) -> None:
        self._close()
        session = self._workspace.session
        if session is not None:
            session.reload()
        inform(
            self._parent,
            self.title(),
            self.tr("Published on %1.").replace("%1", self._connection.host),
        )
        self.finished.emit(True)

    @Slot(object)
    def on_failed(self, error: BaseException) -> None:
        self._close()
        show_error(self._parent, self.title(), error_text(error))
        self.finished.emit(False)

    @Slot()
    def on_cancelled(self) -> None:
        """Cancelled while asking: the abandoned call closes the client when it ends."""
        self.finished.emit(False)

    @Slot()
    def on_dialog_rejected(self) -> None:
        self._close()
        self.finished.emit(False)

    @Slot()
    def on_upload_cancelled(self) -> None:
        inform(
            self._parent,
            self.title(),
            self.tr(
                "Cancelled. The server may have received the conference already: "
                "“Publish conference…” shows what it holds."
            ),
        )
        self.finished.emit(False)


def fetched_text(outcome: FetchOutcome) -> str:
    """What fetching results home brought, for any server it came from."""
    server = outcome.origin.server
    if not outcome.changed:
        return translate("Fetcher", "Nothing new on %1.").replace("%1", server)
    return (
        translate("Fetcher", "%1 ballots fetched from %2.")
        .replace("%1", str(outcome.origin.ballots))
        .replace("%2", server)
    )


class Fetcher(QObject):
    """Fetch the results home: the file in the background, then into the local database
    unless cancelled first. Signals ``finished(FetchOutcome or None)``."""

    finished = Signal(object)

    def __init__(
        self, workspace: Workspace, connection: Connection, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self._workspace, self._parent = workspace, parent
        self._connection = connection
        self.client = ModeratorClient(connection)
        self.task: BackgroundTask | None = None  # the call on its way

    def title(self) -> str:
        return self.tr("Fetch results")

    def start(self) -> None:
        ws, client = self._workspace, self.client

        def work(stop: threading.Event) -> FetchOutcome:
            file = client.fetch_file()
            if stop.is_set():
                raise Cancelled
            return adopt_results(client, ws.db, ws.conference_id, file)

        label = self.tr("Fetching the results from %1 …").replace("%1", self._connection.host)
        self.task = task = BackgroundTask(self._parent, label, work, abandoned=client.close)
        task.done.connect(self.on_fetched)
        task.failed.connect(self.on_failed)
        task.cancelled.connect(self.on_cancelled)

    @Slot(object)
    def on_fetched(self, outcome: FetchOutcome) -> None:
        self.client.close()
        inform(self._parent, self.title(), fetched_text(outcome))
        self.finished.emit(outcome)

    @Slot(object)
    def on_failed(self, error: BaseException) -> None:
        self.client.close()
        show_error(self._parent, self.title(), error_text(error))
        self.finished.emit(None)

    @Slot()
    def on_cancelled(self) -> None:
        """The abandoned call closes the client when it ends."""
        inform(self._parent, self.title(), self.tr("Cancelled: nothing was changed here."))
        self.finished.emit(None)


def publish_conference(workspace: Workspace, parent: QWidget | None = None) -> Publisher | None:
    """Preview (with what more to send), confirm, upload; refused when the server already
    has ballots. Returns at once; the :class:`Publisher` says how it ended."""
    connection = _connection(workspace)
    if connection is None:
        return None
    try:
        publisher = Publisher(workspace, connection, parent or workspace)
    except RemoteError as exc:  # a CA file that cannot be used
        show_error(parent, translate("Publisher", "Publish conference"), error_text(exc))
        return None
    publisher.start()
    return publisher


def fetch(workspace: Workspace, parent: QWidget | None = None) -> Fetcher | None:
    """Bring the server's results into the local database (twice changes nothing).
    Returns at once; the :class:`Fetcher` says how it ended."""
    connection = _connection(workspace)
    if connection is None:
        return None
    try:
        fetcher = Fetcher(workspace, connection, parent or workspace)
    except RemoteError as exc:  # a CA file that cannot be used
        show_error(parent, translate("Fetcher", "Fetch results"), error_text(exc))
        return None
    fetcher.start()
    return fetcher
