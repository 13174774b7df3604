"""``serve`` and ``links`` as the user runs them: real subprocesses, real files, SIGKILL."""

from __future__ import annotations

import asyncio
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from app.cli import main
from app.db import Database
from app.services.agenda import get_question
from app.services.ballots import ballot_history
from app.services.conferences import invitations
from tests.server.helpers import current_question, make_conference, site_ids, tokens

ROOT = Path(__file__).resolve().parents[2]


class Serve:
    """``python main.py serve`` as a subprocess whose output is read line by line."""

    def __init__(self, db_url: str, *extra: str, conference: str | None = "demo") -> None:
        """``conference=None``: the standing server of the round."""
        served = [] if conference is None else [conference]
        self.proc = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "--db", db_url, "serve", *served, *extra],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            cwd=ROOT,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))

    def close(self) -> int:
        """Kill the process if it still runs; its exit code."""
        if self.proc.poll() is None:
            self.proc.kill()
        code = self.proc.wait(15)
        assert self.proc.stdout is not None
        self.proc.stdout.close()
        return code

    def wait_for(self, pattern: str, timeout: float = 30) -> re.Match[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                if self.proc.poll() is not None and self.lines.empty():
                    break
                continue
            self.seen.append(line)
            match = re.search(pattern, line)
            if match:
                return match
        raise AssertionError(f"no line matching {pattern!r}; got {self.seen}")


def test_serve_prints_addresses_and_token_and_stops_on_ctrl_c(db_url: str, demo_open: int) -> None:
    serve = Serve(db_url, "--host", "127.0.0.1", "--port", "0")
    port = int(serve.wait_for(r"listening on http://127\.0\.0\.1:(\d+)").group(1))
    token = serve.wait_for(r"moderator token: (\S+)").group(1)
    serve.wait_for(r"18 of 18 invited sites have a link")
    response = httpx.get(
        f"http://127.0.0.1:{port}/api/moderator/state",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.json()["slug"] == "demo"
    if sys.platform == "win32":  # pragma: no cover - Ctrl+C cannot be sent this way there
        serve.close()
        return
    serve.proc.send_signal(signal.SIGINT)
    assert serve.proc.wait(15) == 0
    serve.wait_for("stopping")
    serve.close()


def test_busy_port_is_one_clear_line(db_url: str, demo_id: int) -> None:
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen()
        port = blocker.getsockname()[1]
        result = subprocess.run(
            [
                sys.executable,
                str(ROOT / "main.py"),
                "--db",
                db_url,
                "serve",
                "demo",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=ROOT,
        )
    assert result.returncode == 1
    assert result.stderr.strip() == f"votum: port {port} is in use"


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is a POSIX signal")
def test_acknowledged_ballots_survive_sigkill_in_a_300_site_burst(
    db_url: str, db: Database
) -> None:
    with db.write() as session:
        conf_id = make_conference(session, 300, prefix="K")
    question = current_question(db, conf_id)
    with db.read() as session:
        options = [o.id for o in get_question(session, question).options][:2]
    site_tokens = list(tokens(db, conf_id).values())
    serve = Serve(db_url, "--host", "127.0.0.1", "--port", "0", conference="k")
    port = int(serve.wait_for(r"listening on http://127\.0\.0\.1:(\d+)").group(1))
    acked: list[tuple[int, int, tuple[int, ...]]] = []
    killed_after = 400

    async def site(http: httpx.AsyncClient, token: str, number: int) -> None:
        for ballot in range(4):
            chosen = (options[(number + ballot) % 2],)
            try:
                response = await http.post(
                    f"/api/v/{token}/ballot",
                    json={"question_id": question, "option_ids": list(chosen)},
                )
            except httpx.TransportError:
                return  # the server is gone
            if response.status_code == 200:
                body = response.json()
                acked.append((body["site_id"], body["revision"], tuple(body["option_ids"])))
                if len(acked) >= killed_after and serve.proc.poll() is None:
                    serve.proc.kill()  # SIGKILL in the middle of the burst

    async def burst() -> None:
        limits = httpx.Limits(max_connections=300, max_keepalive_connections=300)
        async with httpx.AsyncClient(
            base_url=f"http://127.0.0.1:{port}", timeout=30, limits=limits
        ) as http:
            await asyncio.gather(*(site(http, t, n) for n, t in enumerate(site_tokens)))

    asyncio.run(burst())
    assert serve.close() == -signal.SIGKILL
    assert len(acked) >= killed_after

    restarted = Serve(db_url, "--host", "127.0.0.1", "--port", "0", conference="k")
    port = int(restarted.wait_for(r"listening on http://127\.0\.0\.1:(\d+)").group(1))
    state = httpx.get(f"http://127.0.0.1:{port}/api/v/{site_tokens[0]}/state").json()
    assert state["phase"] == "open"
    restarted.close()

    fresh = Database.open(db_url)
    with fresh.read() as session:
        history = {(h.site_id, h.revision, h.option_ids) for h in ballot_history(session, question)}
    fresh.dispose()
    missing = [a for a in acked if a not in history]
    assert missing == []


def test_links_csv_pdf_png_reissue_revoke(
    db_url: str, db: Database, demo_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pypdf import PdfReader

    pdf, png = tmp_path / "links.pdf", tmp_path / "links.png"
    base = "http://192.168.1.20:8765"
    code = main(
        ["--db", db_url, "links", "demo", "--base-url", base, "--pdf", str(pdf), "--png", str(png)]
    )
    assert code == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "site,code,link"
    assert len(lines) == 19
    before = tokens(db, demo_id)
    assert f"Universitätsklinikum Dresden,DD,{base}/v/{before['DD']}" in lines
    reader = PdfReader(pdf)
    assert len(reader.pages) == 18
    first = reader.pages[0]
    assert "Ihr persönlicher Abstimmungslink" in first.extract_text()
    fonts = first["/Resources"]["/Font"].get_object()
    assert any("DejaVuSans" in str(f.get_object()["/BaseFont"]) for f in fonts.values())
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    assert (
        main(
            [
                "--db",
                db_url,
                "links",
                "demo",
                "--base-url",
                base,
                "--revoke",
                "DD",
                "--reissue",
                "hd",
            ]
        )
        == 0
    )
    rows = {line.split(",")[1]: line for line in capsys.readouterr().out.splitlines()[1:]}
    after = tokens(db, demo_id)
    assert "DD" not in after and rows["DD"].endswith(",DD,")
    assert after["HD"] != before["HD"] and rows["HD"].endswith(after["HD"])
    assert main(["--db", db_url, "links", "demo", "--reissue", "NOPE"]) == 1
    assert "'NOPE' is not invited" in capsys.readouterr().err
    with db.read() as session:
        assert len(invitations(session, demo_id)) == 18
    assert site_ids(db, demo_id)["DD"]
