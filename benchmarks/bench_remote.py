"""The console attached to a hosted voting server: ballot → count on screen, and the GUI
event loop's lag under a burst.

A real ``python main.py serve`` subprocess over HTTPS (a trustme test CA) serves a
conference of 300 invited sites; the desktop console follows it through a
:class:`RemoteSession` (moderator event stream + mirror), offscreen Qt.

1. Real pace: 40 sites vote over 10 s (one ballot every 250 ms, each from its own HTTPS
   client); each ballot is timed from the server's acknowledgement (the HTTP answer) to the
   console's count showing it (``LiveConsole.displayed``). p50 / p99 / max.
2. Burst: the other 260 sites vote at once (concurrent HTTPS clients); meanwhile a 10 ms
   timer in the GUI thread measures how late it fires (event-loop lag): p50 / p99 / max.

``python benchmarks/bench_remote.py [--quick]`` (``--quick``: 5 sites at a pace over 1 s,
20 in all; seconds, to check the script still runs)
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import trustme  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.db import Database  # noqa: E402
from app.remote.client import tls_context  # noqa: E402
from app.ui.live.console import LiveConsole  # noqa: E402
from app.ui.live.remote_session import RemoteSession  # noqa: E402
from tests.remote.hosting import Hosted  # noqa: E402
from tests.server.helpers import make_conference, tokens  # noqa: E402

PACE_SITES, PACE_SECONDS, SITES = 40, 10.0, 300


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def wait(app: QApplication, done: object, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not done():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise TimeoutError("benchmark step did not finish")
        app.processEvents()
        time.sleep(0.002)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0].replace("\n", " "))
    parser.add_argument(
        "--quick", action="store_true", help="5 + 15 sites, 1 s pace (checks the script runs)"
    )
    args = parser.parse_args()
    if args.quick:
        run(pace_sites=5, pace_seconds=1.0, sites=20)
    else:
        run(PACE_SITES, PACE_SECONDS, SITES)


def run(pace_sites: int, pace_seconds: float, sites: int) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="votum-bench-remote-"))
    url = f"sqlite:///{(folder / 'server.sqlite3').as_posix()}"
    database = Database.open(url)
    with database.write() as session:
        conf_id = make_conference(session, sites, prefix="Demo")  # slug "demo", question open
    site_tokens = tokens(database, conf_id)
    database.dispose()
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1")
    certfile, keyfile, ca_file = folder / "s.pem", folder / "s.key", folder / "ca.pem"
    cert.private_key_pem.write_to_path(str(keyfile))
    cert.cert_chain_pems[0].write_to_path(str(certfile))
    ca.cert_pem.write_to_path(str(ca_file))
    hosted = Hosted(url, certfile, keyfile, ca_file)
    session = RemoteSession(hosted.connection(), mirror_dir=folder)
    console = LiveConsole(session)
    console.resize(1280, 720)
    console.show()
    gc.freeze()  # as the workspace does once the console is built
    shown: list[tuple[float, int]] = []  # (time, n_voted) whenever the console displayed

    def on_displayed(_serial: int) -> None:
        status = console.snapshot.status if console.snapshot else None
        shown.append((time.perf_counter(), status.n_voted if status else 0))

    console.displayed.connect(on_displayed)
    try:
        wait(app, lambda: console.snapshot is not None and console.snapshot.question is not None)
        question = console.snapshot.question  # type: ignore[union-attr]
        remote_q = session.ids.questions[question.id]
        option = session.ids.options[question.options[0].id]
        codes = sorted(site_tokens)
        verify = tls_context(ca_file)
        acks: list[float] = []

        def pace() -> None:
            start = time.perf_counter()
            for i, code in enumerate(codes[:pace_sites]):
                time.sleep(max(0.0, start + i * pace_seconds / pace_sites - time.perf_counter()))
                with httpx.Client(base_url=hosted.url, verify=verify, timeout=10) as http:
                    answer = http.post(
                        f"/api/v/{site_tokens[code]}/ballot",
                        json={"question_id": remote_q, "option_ids": [option]},
                    )
                    acks.append(time.perf_counter())
                    assert answer.status_code == 200, answer.text

        thread = threading.Thread(target=pace)
        thread.start()
        wait(app, lambda: not thread.is_alive() and shown and shown[-1][1] >= pace_sites, 60)
        latencies = []
        for n, acked in enumerate(acks, start=1):
            seen = next(t for t, voted in shown if voted >= n and t >= acked - 1)
            latencies.append(max(0.0, seen - acked) * 1000)

        if os.environ.get("BENCH_VERBOSE"):
            print("latencies", [round(x) for x in latencies])
        lags: list[float] = []
        clock = QElapsedTimer()
        clock.start()
        last = [clock.elapsed()]

        def tick() -> None:
            now = clock.elapsed()
            lags.append(max(0, now - last[0] - 10))
            last[0] = now

        timer = QTimer(interval=10)
        timer.timeout.connect(tick)
        timer.start()

        async def burst() -> None:
            async with httpx.AsyncClient(
                base_url=hosted.url,
                verify=verify,
                timeout=60,
                limits=httpx.Limits(max_connections=400),
            ) as http:
                answers = await asyncio.gather(
                    *(
                        http.post(
                            f"/api/v/{site_tokens[code]}/ballot",
                            json={"question_id": remote_q, "option_ids": [option]},
                        )
                        for code in codes[pace_sites:]
                    )
                )
            assert all(a.status_code == 200 for a in answers)

        burster = threading.Thread(target=lambda: asyncio.run(burst()))
        burster.start()
        wait(app, lambda: not burster.is_alive() and shown[-1][1] >= sites, 120)
        timer.stop()
        print(
            f"ballot acknowledged → count shown, {pace_sites} sites over {pace_seconds:.0f} s: "
            f"p50 {statistics.median(latencies):.0f} / p99 {pct(latencies, 99):.0f} / "
            f"max {max(latencies):.0f} ms"
        )
        print(
            f"GUI event-loop lag during a {sites - pace_sites}-site burst ({len(lags)} ticks): "
            f"p50 {statistics.median(lags):.0f} / p99 {pct(lags, 99):.0f} / "
            f"max {max(lags):.0f} ms"
        )
    finally:
        session.close()
        hosted.kill()


if __name__ == "__main__":
    main()
