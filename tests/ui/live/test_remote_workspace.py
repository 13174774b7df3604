"""Live → Connect to a voting server…: the workspace's console follows the hosted server
(local server stopped), and Publish / Fetch results appear in the Live menu."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.db import Database
from app.remote.transfer import plan_publish, publish
from app.services.conference_export import build_conference_file
from app.services.conferences import create_conference
from app.services.fetch_home import fetched_from
from app.services.moderator_actions import CLOSE, OPEN
from app.ui.i18n import install_language
from app.ui.live import remote_actions
from app.ui.live.remote_session import RemoteSession
from app.ui.mainwindow import MainWindow
from tests.remote.hosting import Hosted, ca, ca_file, hosted
from tests.server.helpers import snapshot
from tests.ui.conftest import RecordingPrompter

pytestmark = pytest.mark.slow
__all__ = ["ca", "ca_file", "hosted"]  # the hosted server's fixtures


@pytest.fixture
def server_db_url(new_db_url: Callable[[], str]) -> str:
    url = new_db_url()  # on this test's backend: SQLite, then PostgreSQL
    database = Database.open(url)
    with database.write() as session:
        create_conference(session, "Noch leer", dt.date(2026, 11, 18), slug="demo")
    database.dispose()
    return url


def test_connecting_swaps_the_console_and_results_come_home_after_the_last_question(
    qtbot: QtBot,
    db_url: str,
    db: Database,
    demo_id: int,
    hosted: Hosted,
    prompter: RecordingPrompter,
) -> None:
    with hosted.client() as client:
        publish(client, plan_publish(client, db, demo_id))
    window = MainWindow(db_url, demo_id, offer_demo=False, auto_start_server=False, warm=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    workspace = window.pages.workspace
    assert workspace is not None
    workspace.show_live()
    console = workspace.connect_remote(hosted.connection())
    session = workspace.session
    assert isinstance(session, RemoteSession)
    try:
        qtbot.waitUntil(
            lambda: console.server_label.text() == f"Connected to 127.0.0.1:{hosted.port}",
            timeout=20_000,
        )
        assert workspace.console is console and console.session is session
        window.menus.fill_live_menu(window)
        entries = [a.text() for a in window.live_menu.actions()]
        assert {"Connect to a voting server…", "Publish conference…", "Fetch results"} <= set(
            entries
        )
        with hosted.client() as client:  # the last question done: results come home
            for case in client.agenda():
                for question in case["questions"]:
                    client.send(OPEN(question_id=question["id"]))
                    client.send(CLOSE(question_id=question["id"]))
        qtbot.waitUntil(
            lambda: (
                window.statusBar().currentMessage().startswith(f"Results fetched from {hosted.url}")
            ),
            timeout=20_000,
        )
        fetcher = remote_actions.fetch(workspace, window)
        assert fetcher is not None
        with qtbot.waitSignal(fetcher.finished, timeout=20_000) as fetched:
            pass
        outcome = fetched.args[0]
        assert outcome is not None and not outcome.changed  # twice changes nothing
        assert prompter.infos == [("Fetch results", f"Nothing new on {hosted.url}.")]
        with db.read() as read:
            origin = fetched_from(read, demo_id)
        assert origin is not None and origin.server == hosted.url
    finally:
        session.close()


def test_publish_sends_only_what_the_sites_need_unless_more_is_chosen(
    qtbot: QtBot, db: Database, demo_id: int, hosted: Hosted
) -> None:
    local = SimpleNamespace(db=db, conference_id=demo_id)  # what the dialog uses of a workspace
    with hosted.client() as client:
        plan = plan_publish(client, db, demo_id)
        dialog = remote_actions.PublishDialog(local, plan, None)  # type: ignore[arg-type]
        qtbot.addWidget(dialog)
        assert "only what the sites need" in dialog.preview.text()
        assert "The server has “Noch leer”: 0 cases" in dialog.preview.text()
        assert all(c.text == "" for c in dialog.plan.outgoing.file.cases)
        dialog.text.setChecked(True)  # the file is prepared again in the background
        assert not dialog.ok.isEnabled()
        qtbot.waitUntil(dialog.ok.isEnabled, timeout=10_000)
        assert "case texts" in dialog.preview.text()
        publish(client, dialog.plan)
        served = client.fetch_file()
    with db.read() as session:
        texts = [c.text for c in build_conference_file(session, demo_id).cases]
    assert [c.text for c in served.cases] == texts and any(texts)


def _workspace_of(db: Database, demo_id: int, hosted: Hosted) -> SimpleNamespace:
    """What publishing and fetching use of a workspace, attached to the hosted server."""
    reloads: list[bool] = []
    session = SimpleNamespace(connection=hosted.connection(), reload=lambda: reloads.append(True))
    return SimpleNamespace(db=db, conference_id=demo_id, session=session, reloads=reloads)


def test_publishing_runs_in_the_background_and_speaks_german(
    qtbot: QtBot, db: Database, demo_id: int, hosted: Hosted, prompter: RecordingPrompter
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    workspace = _workspace_of(db, demo_id, hosted)
    install_language("de")
    try:
        publisher = remote_actions.publish_conference(workspace, parent)  # type: ignore[arg-type]  # the parts it uses
        assert publisher is not None and publisher.dialog is None  # returned before any answer
        assert publisher.task is not None and publisher.task.running
        qtbot.waitUntil(lambda: publisher.dialog is not None, timeout=20_000)
        dialog = publisher.dialog
        assert dialog is not None and dialog.windowTitle() == "Konferenz veröffentlichen"
        assert dialog.preview.text().startswith("Geht hinaus: 3 Fälle, ")
        assert "nur, was die Standorte brauchen" in dialog.preview.text()
        assert (
            "Der Server hat „Noch leer“: 0 Fälle, 0 Standorte, 0 Stimmen" in dialog.preview.text()
        )
        assert [b.text() for b in (dialog.images, dialog.text, dialog.summary)] == [
            "Bilder",
            "Falltexte",
            "vollständige Zusammenfassungen",
        ]
        with qtbot.waitSignal(publisher.finished, timeout=20_000) as published:
            dialog.accept()
    finally:
        install_language("en")
    assert published.args == [True] and workspace.reloads == [True]
    assert prompter.infos == [
        ("Konferenz veröffentlichen", f"Auf 127.0.0.1:{hosted.port} veröffentlicht.")
    ]
    with hosted.client() as client:
        assert client.summary()["cases"] == 3


def test_a_cancelled_fetch_changes_nothing_here(
    qtbot: QtBot, db: Database, demo_id: int, hosted: Hosted, prompter: RecordingPrompter
) -> None:
    with hosted.client() as client:
        publish(client, plan_publish(client, db, demo_id))
    parent = QWidget()
    qtbot.addWidget(parent)
    before = snapshot(db)
    fetcher = remote_actions.fetch(_workspace_of(db, demo_id, hosted), parent)  # type: ignore[arg-type]  # the parts it uses
    assert fetcher is not None and fetcher.task is not None
    task = fetcher.task
    with qtbot.waitSignal(fetcher.finished, timeout=5_000) as finished:
        task.progress.findChild(QPushButton).click()  # the progress dialog's Cancel
    assert finished.args == [None]
    assert prompter.infos == [("Fetch results", "Cancelled: nothing was changed here.")]
    assert task.wait(20)  # the abandoned call ended …
    qtbot.wait(50)
    assert snapshot(db) == before  # … and wrote nothing
