"""The Live menu's remote entries: connect to a voting server, publish, fetch results.

The network calls run in a worker thread while the GUI's event loop keeps turning.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer, Slot
from PySide6.QtWidgets import QCheckBox, QDialog, QLabel, QVBoxLayout, QWidget

from app.remote.client import Connection, ModeratorClient, RemoteError
from app.remote.transfer import PublishPlan, fetch_results, outgoing, plan_publish, publish
from app.services.conference_export import Publish
from app.services.conferences import get_conference
from app.services.fetch_home import FetchOutcome
from app.ui.i18n import translate
from app.ui.live.connect_dialog import ConnectDialog
from app.ui.messages import error_text, inform, show_error
from app.ui.widgets import ok_cancel_buttons

if TYPE_CHECKING:
    from app.ui.workspace import Workspace

T = TypeVar("T")


def off_the_gui_thread(work: Callable[[], T]) -> T:
    """Run ``work`` in a thread; the event loop keeps turning until it is done."""
    values: list[T] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            values.append(work())
        except BaseException as exc:  # handed back to the caller below
            errors.append(exc)

    thread = threading.Thread(target=run, name="votum-remote-call", daemon=True)
    thread.start()
    loop = QEventLoop()
    timer = QTimer(interval=20)
    timer.timeout.connect(lambda: None if thread.is_alive() else loop.quit())
    timer.start()
    loop.exec()
    timer.stop()
    thread.join()
    if errors:
        raise errors[0]
    return values[0]


def _t(text: str) -> str:
    return translate("RemoteActions", text)


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


def publish_preview(plan: PublishPlan) -> str:
    out = plan.outgoing
    extras = [
        name
        for name, chosen in (
            (_t("images"), out.publish.images),
            (_t("case texts"), out.publish.text),
            (_t("full summaries"), out.publish.summary),
        )
        if chosen
    ]
    goes = (
        _t("Goes out: %1 cases, %2 questions, %3 sites")
        .replace("%1", str(out.cases))
        .replace("%2", str(out.questions))
        .replace("%3", str(out.sites))
        + " — "
        + (", ".join(extras) if extras else _t("only what the sites need"))
    )
    has = (
        _t("The server has: “%1”, %2 cases, %3 sites, %4 ballots")
        .replace("%1", str(plan.server.get("topic", "")))
        .replace("%2", str(plan.server.get("cases", 0)))
        .replace("%3", str(plan.server.get("invited_sites", 0)))
        .replace("%4", str(plan.server_ballots))
    )
    return f"{goes}\n{has}"


class PublishDialog(QDialog):
    """What goes out (only what the sites need, unless more is chosen) and what the server
    already has; OK publishes."""

    def __init__(self, workspace: Workspace, plan: PublishPlan, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Publish conference"))
        self._workspace, self.plan = workspace, plan
        self.images = QCheckBox(_t("images"))
        self.text = QCheckBox(_t("case texts"))
        self.summary = QCheckBox(_t("full summaries"))
        self.preview = QLabel()
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview)
        for box in (self.images, self.text, self.summary):
            box.toggled.connect(self.on_choice_toggled)
            layout.addWidget(box)
        layout.addWidget(ok_cancel_buttons(self))
        self.on_choice_toggled()

    @Slot()
    def on_choice_toggled(self) -> None:
        chosen = Publish(
            images=self.images.isChecked(),
            text=self.text.isChecked(),
            summary=self.summary.isChecked(),
        )
        ws = self._workspace
        self.plan = PublishPlan(outgoing(ws.db, ws.conference_id, chosen), self.plan.server)
        self.preview.setText(publish_preview(self.plan))


def publish_conference(workspace: Workspace, parent: QWidget | None = None) -> bool:
    """Preview (with what more to send), confirm, upload; refused when the server
    already has ballots."""
    connection = _connection(workspace)
    title = _t("Publish conference")
    if connection is None:
        return False
    try:
        with ModeratorClient(connection) as client:
            plan = off_the_gui_thread(
                lambda: plan_publish(client, workspace.db, workspace.conference_id)
            )
            if not plan.allowed:
                show_error(
                    parent,
                    title,
                    publish_preview(plan)
                    + "\n\n"
                    + _t("The server's conference already has ballots; it is not overwritten."),
                )
                return False
            dialog = PublishDialog(workspace, plan, parent)
            if not dialog.exec():
                return False
            chosen = dialog.plan
            off_the_gui_thread(lambda: publish(client, chosen))
    except RemoteError as exc:
        show_error(parent, title, error_text(exc))
        return False
    if workspace.session is not None:
        workspace.session.reload()
    return True


def fetch(workspace: Workspace, parent: QWidget | None = None) -> FetchOutcome | None:
    """Bring the server's results into the local database (twice changes nothing)."""
    connection = _connection(workspace)
    title = _t("Fetch results")
    if connection is None:
        return None
    try:
        with ModeratorClient(connection) as client:
            outcome = off_the_gui_thread(
                lambda: fetch_results(client, workspace.db, workspace.conference_id)
            )
    except RemoteError as exc:
        show_error(parent, title, error_text(exc))
        return None
    if outcome.changed:
        text = (
            _t("%1 ballots fetched from %2.")
            .replace("%1", str(outcome.origin.ballots))
            .replace("%2", outcome.origin.server)
        )
    else:
        text = _t("Nothing new on %1.").replace("%1", outcome.origin.server)
    inform(parent, title, text)
    return outcome
