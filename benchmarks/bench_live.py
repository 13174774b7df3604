"""Desktop app benchmarks: ballot-to-console latency and cold start.

1. Latency: a real voting server thread on 127.0.0.1; a client thread POSTs 200 ballots one
   after another; each is timed from the moment the server's notifier reports it committed
   (server thread) to the moment the live console has shown the new count and the chart has
   been redrawn (the canvas's draw event). p50 / p99 / max.
2. Cold start: time from spawning ``python`` to the main window painted, Votum against a
   bare PySide6 QMainWindow, interleaved subprocesses, median of several runs.

``python benchmarks/bench_live.py [--ballots 200] [--runs 7]`` (offscreen Qt).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: Both children print "shown" at the window's first paint event and then quit.
PAINTED = """
from PySide6.QtCore import QEvent, QObject, QTimer
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("shown", flush=True)
            QTimer.singleShot(0, app.quit)
            obj.removeEventFilter(self)
        return False
painted = Painted()
window.installEventFilter(painted)
window.show()
app.exec()
"""

BARE = (
    """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 800)
"""
    + PAINTED
)

VOTUM = (
    """
import sys
from app.ui.application import create_application
app = create_application(sys.argv)
from app.ui.mainwindow import MainWindow
window = MainWindow(sys.argv[1], offer_demo=False, warm=False)
"""
    + PAINTED
)


class TimingNotifier:
    """Wraps the Qt notifier: notes when each ballot was committed (server thread)."""

    def __init__(self, inner: object) -> None:
        self.inner = inner
        self.committed: list[float] = []

    def ballot_stored(self, receipt: object) -> None:
        self.committed.append(time.perf_counter())
        self.inner.ballot_stored(receipt)  # type: ignore[attr-defined]

    def state_changed(self, change: object) -> None:
        self.inner.state_changed(change)  # type: ignore[attr-defined]


def latency(n_ballots: int) -> tuple[list[float], list[float]]:
    import httpx
    from PySide6.QtCore import QEventLoop, QTimer

    from app.db import Database
    from app.server.runner import VotingServer
    from app.services import conferences
    from app.services.demo import load_demo
    from app.ui.application import create_application
    from app.ui.i18n import install_language
    from app.ui.live.console import LiveConsole
    from app.ui.live.session import LiveSession
    from app.ui.workspace import Workspace

    app = create_application(["bench"])
    install_language("de")
    tmp = Path(tempfile.mkdtemp(prefix="votum-bench-"))
    db = Database.open(f"sqlite:///{(tmp / 'bench.sqlite3').as_posix()}")
    with db.write() as s:
        conf_id = load_demo(s)
    workspace = Workspace(db, conf_id, auto_start_server=False)  # the app's own path
    workspace.resize(1400, 900)
    workspace.show()
    workspace.show_live()
    console = workspace.console
    session = workspace.session
    assert isinstance(console, LiveConsole) and isinstance(session, LiveSession)
    timing = TimingNotifier(session.notifier)
    server = VotingServer(db, conf_id, host="127.0.0.1", port=0, notifier=timing)
    server.start()
    session.on_notifier_server_started(server)
    console.open_question()
    question = console.snapshot.question
    assert question is not None and question.is_open
    with db.read() as s:
        tokens = [i.token for i in conferences.invitations(s, conf_id) if i.token]
    options = [o.id for o in question.options]
    base = server.base_urls()[0]

    shown: list[float] = []
    cpu: list[float] = []  # GUI-thread CPU time from refresh start to chart drawn
    refresh_cpu: list[float] = [0.0]
    drawn = threading.Event()
    original_refresh = session.refresh

    def timed_refresh():  # type: ignore[no-untyped-def]
        refresh_cpu[0] = time.thread_time()
        return original_refresh()

    session._timer.timeout.disconnect()
    session._timer.timeout.connect(timed_refresh)

    def on_drawn() -> None:
        shown.append(time.perf_counter())
        cpu.append((time.thread_time() - refresh_cpu[0]) * 1000)
        drawn.set()

    console.chart.drawn.connect(on_drawn)
    errors: list[str] = []
    done = threading.Event()

    def client() -> None:
        with httpx.Client(timeout=10) as http:
            for i in range(n_ballots):
                drawn.clear()
                token = tokens[i % len(tokens)]
                option = options[(i // len(tokens)) % len(options)]
                reply = http.post(
                    f"{base}/api/v/{token}/ballot",
                    json={"question_id": question.id, "option_ids": [option]},
                )
                if reply.status_code != 200:
                    errors.append(reply.text)
                    break
                if not drawn.wait(5):
                    errors.append(f"ballot {i}: console not redrawn within 5 s")
                    break
        done.set()

    loop = QEventLoop()
    poll = QTimer(interval=20)
    poll.timeout.connect(lambda: loop.quit() if done.is_set() else None)
    poll.start()
    threading.Thread(target=client, daemon=True).start()
    loop.exec()
    server.stop()
    db.dispose()
    if errors:
        raise SystemExit("; ".join(errors))
    lat = []
    for committed in timing.committed:
        after = [t for t in shown if t >= committed]
        lat.append((after[0] - committed) * 1000)
    app.processEvents()
    return lat, cpu[1:]


def cold_start(runs: int) -> tuple[list[float], list[float]]:
    tmp = Path(tempfile.mkdtemp(prefix="votum-cold-"))
    url = f"sqlite:///{(tmp / 'cold.sqlite3').as_posix()}"
    from app.db import Database
    from app.services.demo import load_demo

    db = Database.open(url)
    with db.write() as s:
        load_demo(s)
    db.dispose()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}

    def once(code: str, *args: str) -> float:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, env=env, cwd=ROOT
        )
        assert proc.stdout is not None
        line = proc.stdout.readline()
        elapsed = (time.perf_counter() - start) * 1000
        proc.kill()
        proc.wait()
        if b"shown" not in line:
            raise SystemExit("the window was not shown")
        return elapsed

    once(BARE)
    once(VOTUM, url)  # warm the file cache
    bare, votum = [], []
    for _ in range(runs):
        bare.append(once(BARE))
        votum.append(once(VOTUM, url))
    return bare, votum


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ballots", type=int, default=200)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if hasattr(os, "getloadavg"):
        print(f"load average before: {os.getloadavg()[0]:.2f} ({os.cpu_count()} CPUs)")
    lat, cpu = latency(args.ballots)
    print(
        f"ballot → console (count + chart redrawn), {len(lat)} ballots: "
        f"p50 {percentile(lat, 50):.1f} ms, p99 {percentile(lat, 99):.1f} ms, "
        f"max {max(lat):.1f} ms"
    )
    print(
        f"GUI-thread CPU per update (read + count + chart): p50 {percentile(cpu, 50):.1f} ms, "
        f"p99 {percentile(cpu, 99):.1f} ms"
    )
    bare, votum = cold_start(args.runs)
    b, v = statistics.median(bare), statistics.median(votum)
    print(
        f"cold start to window shown, median of {args.runs}: bare PySide6 {b:.0f} ms, "
        f"Votum {v:.0f} ms, ratio {v / b:.2f}"
    )


if __name__ == "__main__":
    main()
