"""A remote problem reaches the desktop in the UI language only: the connection strip's
reason and a refused action's message box (the client's error says both languages)."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from app.remote.client import Connection, Refused
from app.texts import Message
from app.ui.i18n import install_language
from app.ui.live.console import LiveConsole
from app.ui.live.remote_session import RemoteSession
from app.ui.live.source import Problem
from app.ui.messages import error_text


@pytest.fixture
def unreachable(qtbot: QtBot) -> Iterator[tuple[RemoteSession, LiveConsole, int]]:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    session = RemoteSession(Connection(f"http://127.0.0.1:{port}", "t" * 40), retry_seconds=60)
    console = LiveConsole(session)
    qtbot.addWidget(console)
    try:
        yield session, console, port
    finally:
        session.close()


def test_an_unreachable_server_is_named_in_english_only(
    qtbot: QtBot, unreachable: tuple[RemoteSession, LiveConsole, int]
) -> None:
    session, console, port = unreachable
    qtbot.waitUntil(lambda: session.connection_state.problem is Problem.UNREACHABLE, timeout=10_000)
    reason = session.connection_state.message
    assert reason.startswith(f"server unreachable: 127.0.0.1:{port} (")
    assert "nicht erreichbar" not in reason and " / " not in reason
    assert console.connection_strip.toolTip() == reason


def test_a_refusal_is_said_in_the_ui_language() -> None:
    refused = Refused(409, Message({"de": "Frage ist geschlossen", "en": "question is closed"}))
    assert str(refused) == "Frage ist geschlossen / question is closed"  # a log says both
    install_language("de")
    assert error_text(refused) == "Frage ist geschlossen"
    install_language("en")
    assert error_text(refused) == "question is closed"
