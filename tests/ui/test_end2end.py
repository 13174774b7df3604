"""The real program: ``python main.py demo`` opens the live console with the voting server
stopped, so a first look at the demo opens no port (on Windows: no firewall prompt); the
server starts when the moderator opens a question (tests/ui/live/test_demo_server.py).
A subprocess, offscreen, settings and log in tmp_path."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.db import Database
from app.services.demo import load_demo

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="settings are isolated via XDG_*_HOME")
def test_main_demo_shows_the_console_with_no_server_listening(tmp_path: Path) -> None:
    url = f"sqlite:///{(tmp_path / 'e2e.sqlite3').as_posix()}"
    db = Database.open(url)
    with db.write() as s:
        load_demo(s)
    db.dispose()
    port = _free_port()
    config = tmp_path / "config" / "Votum"
    config.mkdir(parents=True)
    (config / "Votum.conf").write_text(f"[live]\nport={port}\n", "utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "VOTUM_HOST": "127.0.0.1",
        "PYTHONPATH": str(ROOT),
    }
    proc = subprocess.Popen(
        [sys.executable, "main.py", "--db", url, "demo"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        logs = tmp_path / "state"
        deadline = time.monotonic() + 30
        started = False
        while time.monotonic() < deadline and proc.poll() is None and not started:
            started = any("Votum started" in p.read_text("utf-8") for p in logs.rglob("*.log"))
            time.sleep(0.2)
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        assert started, "the app did not come up"
        time.sleep(2)  # the console is on screen by now; a server would be starting
        assert proc.poll() is None
        assert not _listening(port)
        text = " ".join(p.read_text("utf-8") for p in logs.rglob("*.log"))
        assert "voting server running" not in text
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stderr:
            proc.stderr.close()
