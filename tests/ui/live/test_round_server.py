"""*Live → The round's server*: publish the conference to the round's standing server with
the organiser's credential (the console then attaches with the moderator token that came
back), fetch its results home, delete it there; no step needs a shell on the server."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.db import Database
from app.remote.organiser import OrganiserClient
from app.services.conference_import import count_ballots
from app.services.conferences import get_conference
from app.ui import settings
from app.ui.i18n import install_language
from app.ui.live import connect_dialog, round_dialog, round_server
from app.ui.live.remote_session import RemoteSession
from app.ui.mainwindow import MainWindow
from tests.server.helpers import Round, serving_round
from tests.ui.conftest import RecordingPrompter
from tests.ui.live.test_connect_dialog import MemoryKeyring, store

pytestmark = pytest.mark.slow
__all__ = ["store"]  # the in-memory credential store


@pytest.fixture
def standing(new_db_url: Callable[[], str], db_url: str) -> Iterator[Round]:
    """The round's server: its own database, an organiser token, nothing published yet."""
    server_db = Database.open(new_db_url())
    try:
        with serving_round(server_db) as running:
            yield running
    finally:
        server_db.dispose()


@pytest.fixture(autouse=True)
def no_modal_question(monkeypatch: pytest.MonkeyPatch) -> None:
    """The server dialog would wait for a click that never comes: asked unexpectedly, the
    test fails at once (a test that expects the question replaces this)."""

    def asked(_parent: object) -> None:
        pytest.fail("the round's server was asked for although one is configured")

    monkeypatch.setattr(round_server, "ask_round_server", asked)


@pytest.fixture
def configured(standing: Round, store: MemoryKeyring) -> round_dialog.RoundServer:
    server = round_dialog.RoundServer(standing.url, standing.organiser_token)
    assert round_dialog.remember(server)
    return server


def _slug(db: Database, conference_id: int) -> str:
    with db.read() as session:
        return get_conference(session, conference_id).slug


def test_the_organiser_token_is_kept_only_in_the_credential_store(
    qtbot: QtBot, store: MemoryKeyring, tmp_path: Path
) -> None:
    dialog = round_dialog.RoundServerDialog()
    qtbot.addWidget(dialog)
    dialog.address.setText("abstimmung.klinikum.de")
    dialog.accept()
    assert dialog.error.text() == "Enter the organiser token."
    dialog.token.setText("organiser-7c1d9e2f4a6b8c0d1e2f3a4b")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    known = round_dialog.remembered()
    assert known == round_dialog.RoundServer(
        "https://abstimmung.klinikum.de", "organiser-7c1d9e2f4a6b8c0d1e2f3a4b"
    )
    written = Path(settings.settings().fileName()).read_text()
    assert "abstimmung.klinikum.de" in written and "organiser-7c1d" not in written
    assert store.passwords[(round_dialog.KEYRING_SERVICE, known.address)] == known.token


def test_publishing_makes_a_new_conference_and_the_console_follows_it_with_its_token(
    qtbot: QtBot,
    db_url: str,
    db: Database,
    demo_id: int,
    standing: Round,
    configured: round_dialog.RoundServer,
    prompter: RecordingPrompter,
) -> None:
    window = MainWindow(db_url, demo_id, offer_demo=False, auto_start_server=False, warm=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    workspace = window.pages.workspace
    assert workspace is not None
    window.menus.fill_live_menu(window)
    submenu = next(a.menu() for a in window.live_menu.actions() if a.menu() is not None)
    assert [a.text() for a in submenu.actions()] == [
        "Server and organiser token…",
        "Publish as a new conference…",
        "Fetch results",
        "Delete from the server…",
    ]
    publisher = round_server.publish_to_round(workspace, window)
    assert publisher is not None
    qtbot.waitUntil(lambda: publisher.dialog is not None, timeout=20_000)
    dialog = publisher.dialog
    assert dialog is not None
    assert "only what the sites need" in dialog.preview.text()
    assert f"A new conference on 127.0.0.1:{standing.server.port}" in dialog.preview.text()
    with qtbot.waitSignal(publisher.finished, timeout=20_000) as finished:
        dialog.accept()
    published = finished.args[0]
    assert published is not None and published.slug == "demo"
    slug = _slug(db, demo_id)
    assert round_dialog.published_id(slug) == published.id
    kept = connect_dialog.remembered(slug)
    assert kept is not None and kept.token == published.moderator_token
    assert prompter.infos[-1][1].startswith(f"Published on 127.0.0.1:{standing.server.port}")
    session = workspace.session
    assert isinstance(session, RemoteSession)  # the console follows the round's server
    try:
        assert session.connection.token == published.moderator_token
        console = workspace.console
        assert console is not None
        qtbot.waitUntil(
            lambda: console.server_label.text() == f"Connected to 127.0.0.1:{standing.server.port}",
            timeout=20_000,
        )
    finally:
        session.close()


def test_results_come_home_and_the_conference_is_deleted_with_the_organiser_token(
    qtbot: QtBot,
    db: Database,
    demo_id: int,
    standing: Round,
    configured: round_dialog.RoundServer,
    prompter: RecordingPrompter,
) -> None:
    from types import SimpleNamespace

    from app.remote.transfer import outgoing

    planned = outgoing(db, demo_id)
    with OrganiserClient(standing.url, standing.organiser_token) as client:
        published = client.publish(planned.file)
    round_dialog.set_published_id(_slug(db, demo_id), published.id)
    moderator = {"Authorization": f"Bearer {published.moderator_token}"}
    link = planned.file.invitations[0].token
    with httpx.Client(base_url=standing.url, timeout=10) as http:
        question = http.get("/api/moderator/agenda", headers=moderator).json()[0]["questions"][0]
        http.post(f"/api/moderator/questions/{question['id']}/open", headers=moderator)
        option = question["options"][0]["id"]
        body = {"question_id": question["id"], "option_ids": [option]}
        assert http.post(f"/api/v/{link}/ballot", json=body).status_code == 200
    workspace = SimpleNamespace(db=db, conference_id=demo_id)  # what the actions use of it
    parent = QWidget()
    qtbot.addWidget(parent)
    install_language("de")
    try:
        fetcher = round_server.fetch_from_round(workspace, parent)  # type: ignore[arg-type]
        assert fetcher is not None
        with qtbot.waitSignal(fetcher.finished, timeout=20_000) as fetched:
            pass
        outcome = fetched.args[0]
        assert outcome is not None and outcome.changed
        assert prompter.infos[-1] == (
            "Ergebnisse vom Server der Runde holen",
            f"1 Stimmen von {standing.url} geholt.",
        )
        with db.read() as session:  # the local conference now holds the server's results
            assert count_ballots(session, demo_id) == 1
        deleter = round_server.delete_from_round(workspace, parent)  # type: ignore[arg-type]
        assert deleter is not None
        with qtbot.waitSignal(deleter.finished, timeout=20_000) as deleted:
            pass
    finally:
        install_language("en")
    assert deleted.args == [True]
    assert prompter.confirmations[-1][0] == "Vom Server der Runde löschen"
    assert "Vorher die Ergebnisse holen" in prompter.confirmations[-1][1]
    assert round_dialog.published_id(_slug(db, demo_id)) is None
    with OrganiserClient(standing.url, standing.organiser_token) as client:
        assert client.conferences() == []
    with httpx.Client(base_url=standing.url, timeout=10) as http:
        assert http.get(f"/api/v/{link}/state").status_code == 403


def test_without_a_server_the_dialog_asks_first_and_cancel_does_nothing(
    qtbot: QtBot, db: Database, demo_id: int, store: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    from types import SimpleNamespace

    asked: list[bool] = []
    monkeypatch.setattr(round_server, "ask_round_server", lambda _p: asked.append(True))
    workspace = SimpleNamespace(db=db, conference_id=demo_id)
    assert round_server.publish_to_round(workspace, None) is None  # type: ignore[arg-type]
    assert asked == [True]
