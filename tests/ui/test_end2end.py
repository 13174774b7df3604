"""The real program: ``python main.py demo`` opens the live console and starts the voting
server, which then answers a site (a subprocess, offscreen, settings in tmp_path)."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from app.db import Database
from app.services import conferences
from app.services.demo import load_demo

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="settings are isolated via XDG_CONFIG_HOME")
def test_main_demo_starts_the_live_console_and_the_server(tmp_path: Path) -> None:
    url = f"sqlite:///{(tmp_path / 'e2e.sqlite3').as_posix()}"
    db = Database.open(url)
    with db.write() as s:
        conf_id = load_demo(s)
    with db.read() as s:
        token = conferences.invitations(s, conf_id)[0].token
    db.dispose()
    port = _free_port()
    config = tmp_path / "config" / "Votum"
    config.mkdir(parents=True)
    (config / "Votum.conf").write_text(f"[live]\nport={port}\n", "utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
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
        deadline = time.monotonic() + 30
        reply = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                reply = httpx.get(f"http://127.0.0.1:{port}/api/v/{token}/state", timeout=2)
                break
            except httpx.TransportError:
                # wait a moment, but notice at once if the program died
                with contextlib.suppress(subprocess.TimeoutExpired):
                    proc.wait(0.2)
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        assert reply is not None and reply.status_code == 200, "the server did not come up"
        assert reply.json()  # the site's view of the current question
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stderr:
            proc.stderr.close()
