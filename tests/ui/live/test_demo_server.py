"""``python main.py demo`` opens the live console without a voting server: nothing listens
on any interface (no firewall prompt on Windows) until the moderator starts the live
session by opening a question, the Live tab, the presenter view or the server button; a
server the moderator stopped is not started again behind their back."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.ui import settings
from app.ui.application import show_console_on_start
from app.ui.mainwindow import MainWindow
from tests.ui.live.test_server_control import _free_port, _port_closed


@pytest.fixture
def port(monkeypatch: pytest.MonkeyPatch) -> int:
    """The server the app would start listens on a free port of 127.0.0.1 in tests."""
    monkeypatch.setenv("VOTUM_HOST", "127.0.0.1")
    free = _free_port()
    settings.set_server_port(free)
    return free


@pytest.fixture
def window(qtbot, db_url, demo_id, prompter) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    window = MainWindow(db_url, demo_id, auto_start_server=True, warm=False)
    qtbot.addWidget(window)
    window.ready.connect(lambda: show_console_on_start(window))
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    yield window
    if window.workspace is not None and window.workspace.session is not None:
        window.workspace.session.stop_server(wait=True)


def _state(window: MainWindow) -> str:
    assert window.workspace is not None and window.workspace.session is not None
    return window.workspace.session.server_state.state


def test_the_demo_shows_its_console_with_no_server_listening(qtbot, window, port) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.workspace.console is not None, timeout=5000)
    assert window.workspace.tabs.currentIndex() == 1  # the live console is on screen
    qtbot.wait(300)
    assert _state(window) == "stopped"
    assert _port_closed(port)
    window.set_language("de")  # the pages are rebuilt: that starts nothing either
    qtbot.wait(300)
    assert window.workspace.console is not None and _state(window) == "stopped"


def test_opening_the_first_question_starts_the_server(qtbot, window, port) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.workspace.console is not None, timeout=5000)
    console = window.workspace.console
    console.on_primary_clicked()  # "Open voting"
    assert _state(window) in ("starting", "running")
    qtbot.waitUntil(lambda: _state(window) == "running", timeout=20_000)
    assert not _port_closed(port)
    assert console.snapshot.question is not None


def test_the_live_tab_chosen_by_the_moderator_starts_the_server(qtbot, window, port) -> None:  # type: ignore[no-untyped-def]
    workspace = window.workspace
    workspace.show_preparation()
    workspace.tabs.setCurrentIndex(1)  # the moderator clicks "Live"
    assert _state(window) == "starting"
    qtbot.waitUntil(lambda: _state(window) == "running", timeout=20_000)


def test_a_server_the_moderator_stopped_stays_stopped(qtbot, window, port) -> None:  # type: ignore[no-untyped-def]
    workspace = window.workspace
    qtbot.waitUntil(lambda: workspace.console is not None, timeout=5000)
    console = workspace.console
    console.toggle_server()  # start
    qtbot.waitUntil(lambda: _state(window) == "running", timeout=20_000)
    console.toggle_server()  # stop (confirmed)
    qtbot.waitUntil(lambda: _state(window) == "stopped", timeout=20_000)
    console.on_primary_clicked()  # open a question: no start behind the moderator's back
    workspace.show_preparation()
    workspace.tabs.setCurrentIndex(1)
    assert _state(window) == "stopped"
