"""*Live → The round's server*: publish this conference to the round's standing server,
fetch its results home, delete it there, all with the organiser's credential.

The round's server and the organiser token are set in
:class:`~app.ui.live.round_dialog.RoundServerDialog`. Publishing makes a new
conference there; the moderator token that comes back once is kept in the credential
store as well (as *Connect to a voting server…* keeps it), and the console then attaches
to the server with it. Every call runs in a worker with a progress dialog that can be
cancelled (:class:`~app.ui.live.background.BackgroundTask`); each action says how it ended
with ``finished``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from app.remote.client import Connection, RemoteError
from app.remote.organiser import PublishedConference, ServedConference
from app.remote.round import fetch_home, find_on_server, publish_new
from app.remote.transfer import Outgoing, PublishPlan, outgoing
from app.services.conferences import get_conference
from app.services.fetch_home import FetchOutcome
from app.ui.i18n import translate
from app.ui.live import connect_dialog
from app.ui.live.background import BackgroundTask, Cancelled
from app.ui.live.remote_actions import PublishDialog, fetched_text
from app.ui.live.round_dialog import (
    RoundServer,
    RoundServerDialog,
    published_id,
    remembered,
    set_published_id,
)
from app.ui.messages import confirm, error_text, inform, show_error

if TYPE_CHECKING:
    from app.ui.workspace import Workspace


def ask_round_server(parent: QWidget | None) -> RoundServer | None:
    """The dialog; the server set there (None: cancelled)."""
    dialog = RoundServerDialog(parent)
    return dialog.server if dialog.exec() else None


def _known_server(parent: QWidget | None) -> RoundServer | None:
    """The round's server with a token, asked for first when there is none yet."""
    known = remembered()
    if known is not None and known.token:
        return known
    return ask_round_server(parent)


class RoundPublishDialog(PublishDialog):
    """What goes out, as for any server; here it becomes a new conference of the round."""

    def preview_text(self, plan: PublishPlan) -> str:
        goes = super().preview_text(plan).split("\n", 1)[0]
        host = str(plan.server.get("host", ""))
        new = self.tr(
            "A new conference on %1, the round's server; its moderator token is kept in "
            "this computer's credential store."
        ).replace("%1", host)
        return f"{goes}\n{new}"


class _Action(QObject):
    """What the three actions share: the workspace, the server, one call at a time."""

    def __init__(self, workspace: Workspace, server: RoundServer, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._workspace, self._parent, self.server = workspace, parent, server
        self.client = server.client()
        self.task: BackgroundTask | None = None  # the call on its way
        with workspace.db.read() as session:
            self.slug = get_conference(session, workspace.conference_id).slug

    def run(
        self, label: str, work: Callable[[threading.Event], object], done: Callable[[Any], None]
    ) -> None:
        """``work(stop)`` in the background; ``done`` hears its value."""
        self.task = task = BackgroundTask(self._parent, label, work, abandoned=self.client.close)
        task.done.connect(done)
        task.failed.connect(self.on_failed)
        task.cancelled.connect(self.on_cancelled)

    def title(self) -> str:
        raise NotImplementedError

    def end(self, outcome: object) -> None:
        raise NotImplementedError

    @Slot(object)
    def on_failed(self, error: BaseException) -> None:
        self.client.close()
        show_error(self._parent, self.title(), error_text(error))
        self.end(None)

    @Slot()
    def on_cancelled(self) -> None:
        """The abandoned call closes the client when it ends."""
        inform(self._parent, self.title(), self.tr("Cancelled: nothing was changed here."))
        self.end(None)

    def _find(self) -> ServedConference:
        ws = self._workspace
        return find_on_server(self.client, ws.db, ws.conference_id, published_id(self.slug))


class RoundPublisher(_Action):
    """Publish as a new conference of the round, then attach the console to it. Signals
    ``finished(PublishedConference or None)``."""

    finished = Signal(object)
    dialog: RoundPublishDialog | None = None

    def title(self) -> str:
        return self.tr("Publish to the round's server")

    def end(self, outcome: object) -> None:
        self.finished.emit(outcome)

    def start(self) -> None:
        ws = self._workspace
        self.run(
            self.tr("Preparing the preview …"),
            lambda _stop: outgoing(ws.db, ws.conference_id),
            self.on_prepared,
        )

    @Slot(object)
    def on_prepared(self, planned: Outgoing) -> None:
        plan = PublishPlan(planned, {"host": self.server.host})
        self.dialog = dialog = RoundPublishDialog(self._workspace, plan, self._parent)
        dialog.setWindowTitle(self.title())
        dialog.accepted.connect(self.on_dialog_accepted)
        dialog.rejected.connect(self.on_dialog_rejected)
        dialog.open()

    @Slot()
    def on_dialog_accepted(self) -> None:
        assert self.dialog is not None
        plan, client = self.dialog.plan, self.client
        self.dialog.deleteLater()

        def work(stop: threading.Event) -> PublishedConference:
            if stop.is_set():
                raise Cancelled
            return publish_new(client, plan.outgoing)

        label = self.tr("Publishing to %1 …").replace("%1", self.server.host)
        self.run(label, work, self.on_published)

    @Slot()
    def on_dialog_rejected(self) -> None:
        self.client.close()
        self.end(None)

    @Slot(object)
    def on_published(self, published: PublishedConference) -> None:
        self.client.close()
        set_published_id(self.slug, published.id)
        connection = Connection(self.server.address, published.moderator_token, self.server.ca_file)
        kept = connect_dialog.remember(self.slug, connection)
        text = self.tr("Published on %1 as “%2”; the console now follows it there.")
        text = text.replace("%1", self.server.host).replace("%2", published.slug)
        if not kept:
            text += "\n" + self.tr(
                "No credential store: note the moderator token now, it is shown only once: %1"
            ).replace("%1", published.moderator_token)
        inform(self._parent, self.title(), text)
        self._workspace.connect_remote(connection)
        self.end(published)


class RoundFetcher(_Action):
    """Fetch the results home through the organiser API. Signals ``finished(FetchOutcome
    or None)``."""

    finished = Signal(object)

    def title(self) -> str:
        return self.tr("Fetch results from the round's server")

    def end(self, outcome: object) -> None:
        self.finished.emit(outcome)

    def start(self) -> None:
        ws = self._workspace

        def work(stop: threading.Event) -> FetchOutcome:
            served = self._find()
            if stop.is_set():
                raise Cancelled
            return fetch_home(self.client, ws.db, ws.conference_id, served)

        label = self.tr("Fetching the results from %1 …").replace("%1", self.server.host)
        self.run(label, work, self.on_fetched)

    @Slot(object)
    def on_fetched(self, outcome: FetchOutcome) -> None:
        self.client.close()
        inform(self._parent, self.title(), fetched_text(outcome))
        self.end(outcome)


class RoundDeleter(_Action):
    """Delete the conference from the round's server (asked first). Signals
    ``finished(bool)``: deleted or not."""

    finished = Signal(bool)

    def title(self) -> str:
        return self.tr("Delete from the round's server")

    def end(self, outcome: object) -> None:
        self.finished.emit(bool(outcome))

    def start(self) -> bool:
        """Ask, then delete in the background; False when not confirmed."""
        text = self.tr(
            "Delete “%1” from %2 with every ballot, name and link? Its links and its "
            "moderator token stop working at once. Fetch the results home first."
        )
        text = text.replace("%1", self.slug).replace("%2", self.server.host)
        if not confirm(self._parent, self.title(), text, self.tr("Delete")):
            self.client.close()
            return False

        def work(stop: threading.Event) -> bool:
            served = self._find()
            if stop.is_set():
                raise Cancelled
            self.client.delete(served.id)
            return True

        label = self.tr("Deleting from %1 …").replace("%1", self.server.host)
        self.run(label, work, self.on_deleted)
        return True

    @Slot(object)
    def on_deleted(self, _done: object) -> None:
        self.client.close()
        set_published_id(self.slug, None)
        inform(
            self._parent,
            self.title(),
            self.tr("Deleted from %1.").replace("%1", self.server.host),
        )
        self.end(True)


def _started(kind: type[_Action], workspace: Workspace, parent: QWidget | None) -> _Action | None:
    server = _known_server(parent)
    if server is None:
        return None
    try:
        return kind(workspace, server, parent or workspace)
    except RemoteError as exc:  # an address or CA file that cannot be used
        show_error(parent, translate("RoundServerDialog", "The round's server"), error_text(exc))
        return None


def publish_to_round(workspace: Workspace, parent: QWidget | None = None) -> RoundPublisher | None:
    """Preview, confirm, publish as a new conference; returns at once."""
    action = _started(RoundPublisher, workspace, parent)
    if isinstance(action, RoundPublisher):
        action.start()
        return action
    return None


def fetch_from_round(workspace: Workspace, parent: QWidget | None = None) -> RoundFetcher | None:
    """Bring the results home from the round's server; returns at once."""
    action = _started(RoundFetcher, workspace, parent)
    if isinstance(action, RoundFetcher):
        action.start()
        return action
    return None


def delete_from_round(workspace: Workspace, parent: QWidget | None = None) -> RoundDeleter | None:
    """Ask, then delete the conference from the round's server; returns at once."""
    action = _started(RoundDeleter, workspace, parent)
    if isinstance(action, RoundDeleter) and action.start():
        return action
    return None
