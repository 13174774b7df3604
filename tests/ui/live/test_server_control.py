"""The voting server's life cycle in the app: a stop that comes while the server is still
starting leaves no server behind (port closed, threads gone), and the next start works."""

from __future__ import annotations

import socket
import threading

from app.ui.live.session import LiveSession


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _port_closed(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) != 0


def _server_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("votum-") and t.is_alive()]


def test_stop_with_wait_right_after_start_leaves_nothing_running(qtbot, db, demo_id) -> None:  # type: ignore[no-untyped-def]
    """Closing a conference (or the app) while the server is starting."""
    assert _server_threads() == []
    session = LiveSession(db, demo_id)
    port = _free_port()
    session.start_server(host="127.0.0.1", port=port)
    assert session.server_state.state == "starting"
    session.stop_server(wait=True)
    assert session.server_state.state == "stopped"
    assert session.server is None
    assert _port_closed(port)
    assert _server_threads() == []
    # a late report of the cancelled start changes nothing
    qtbot.wait(50)
    assert session.server_state.state == "stopped"


def test_stop_while_starting_then_start_again_on_the_same_port(qtbot, db, demo_id) -> None:  # type: ignore[no-untyped-def]
    session = LiveSession(db, demo_id)
    port = _free_port()
    states: list[str] = []
    session.serverChanged.connect(lambda state: states.append(state.state))
    session.start_server(host="127.0.0.1", port=port)
    session.stop_server()  # the console's button, while starting
    qtbot.waitUntil(lambda: session.server_state.state == "stopped", timeout=20_000)
    assert states[0] == "starting" and "running" not in states
    assert _port_closed(port)
    qtbot.waitUntil(lambda: _server_threads() == [], timeout=5000)

    session.start_server(host="127.0.0.1", port=port)  # not "port in use"
    qtbot.waitUntil(lambda: session.server_state.state in ("running", "failed"), timeout=20_000)
    assert session.server_state.state == "running", session.server_state.error
    assert not _port_closed(port)
    session.stop_server(wait=True)
    assert _port_closed(port)
    assert _server_threads() == []


def test_a_running_server_stops_on_close(qtbot, db, demo_id) -> None:  # type: ignore[no-untyped-def]
    session = LiveSession(db, demo_id)
    session.start_server(host="127.0.0.1", port=0)
    qtbot.waitUntil(lambda: session.server_state.state == "running", timeout=20_000)
    port = session.server_state.port
    assert port and not _port_closed(port)
    session.stop_server(wait=True)
    assert session.server_state.state == "stopped"
    assert _port_closed(port)
    assert _server_threads() == []


def test_closing_the_app_while_the_server_starts_leaves_none_running(
    qtbot, db_url, demo_id, prompter, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from app.ui import settings
    from app.ui.mainwindow import MainWindow

    monkeypatch.setenv("VOTUM_HOST", "127.0.0.1")
    port = _free_port()
    settings.set_server_port(port)
    window = MainWindow(db_url, demo_id, auto_start_server=True, warm=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    window.show_live()
    session = window.workspace.session
    assert session is not None and session.server_state.state == "starting"
    window.close()  # the app quits while the server is still starting
    assert session.server_state.state == "stopped"
    assert _port_closed(port)
    assert _server_threads() == []


def test_a_port_in_use_is_said_in_the_ui_language(qtbot, db, demo_id) -> None:  # type: ignore[no-untyped-def]
    session = LiveSession(db, demo_id)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = int(busy.getsockname()[1])
        session.start_server(host="127.0.0.1", port=port)
        qtbot.waitUntil(lambda: session.server_state.state == "failed", timeout=20_000)
    assert session.server_state.error == f"port {port} is in use"  # English UI: no German half
    session.stop_server(wait=True)
