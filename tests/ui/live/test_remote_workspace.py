"""Live → Connect to a voting server…: the workspace's console follows the hosted server
(local server stopped), and Publish / Fetch results appear in the Live menu."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from types import SimpleNamespace

import pytest
from pytestqt.qtbot import QtBot

from app.db import Database
from app.remote.transfer import plan_publish, publish
from app.services.conference_export import build_conference_file
from app.services.conferences import create_conference
from app.services.fetch_home import fetched_from
from app.services.moderator_actions import CLOSE, OPEN
from app.ui.live import remote_actions
from app.ui.live.remote_session import RemoteSession
from app.ui.mainwindow import MainWindow
from tests.remote.hosting import Hosted, ca, ca_file, hosted
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
        outcome = remote_actions.fetch(workspace, window)
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
        assert "The server has: “Noch leer”, 0 cases" in dialog.preview.text()
        assert all(c.text == "" for c in dialog.plan.outgoing.file.cases)
        dialog.text.setChecked(True)
        assert "case texts" in dialog.preview.text()
        publish(client, dialog.plan)
        served = client.fetch_file()
    with db.read() as session:
        texts = [c.text for c in build_conference_file(session, demo_id).cases]
    assert [c.text for c in served.cases] == texts and any(texts)
