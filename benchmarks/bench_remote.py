"""The live console attached to a hosted voting server, beside the local console in the
same run: ballot → count shown, the GUI event loop's lag under a burst, and what the remote
console transfers per ballot.

Remote: a real ``python main.py serve`` subprocess over HTTPS (a trustme test CA) serves a
conference of ``--sites`` invited sites and ``--questions`` questions; the console follows
it through :class:`RemoteSession` (event stream + live endpoint). Local: the desktop's own
server in this process (:class:`LiveSession`), the sites voting over HTTP. Offscreen Qt.
Each run, for each console in turn, on a question of its own:

1. Real pace: ``--pace`` sites vote over 10 s, each from its own client; each ballot is
   timed from the server's acknowledgement (the HTTP answer) to the console showing it
   (``LiveConsole.displayed``): p50 / p99 / max. The remote console's client counts what it
   sent and received meanwhile (HTTP lines, headers and bodies; TLS framing not counted):
   ``bytes per ballot`` and ``requests per ballot``.
2. Burst: the other sites vote at once; meanwhile a 10 ms timer in the GUI thread measures
   how late it fires (event-loop lag): p50 / p99 / max.

``--runs N`` alternates remote and local N times and prints the medians and their ratio.
``python benchmarks/bench_remote.py [--runs 5] [--quick]``
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import ssl
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import trustme  # noqa: E402
from PySide6.QtCore import QCoreApplication, QElapsedTimer, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.db import Database  # noqa: E402
from app.models import QuestionKind  # noqa: E402
from app.remote.client import tls_context  # noqa: E402
from app.services import agenda  # noqa: E402
from app.services.moderator_actions import CLOSE, NEXT, OPEN  # noqa: E402
from app.services.package_schema import PackageCase, PackageOption, PackageQuestion  # noqa: E402
from app.ui.live.console import LiveConsole  # noqa: E402
from app.ui.live.remote_session import RemoteSession  # noqa: E402
from app.ui.live.session import LiveSession  # noqa: E402
from app.ui.live.source import LiveSource  # noqa: E402
from benchmarks.load import percentile  # noqa: E402
from tests.remote.hosting import Hosted  # noqa: E402
from tests.server.helpers import make_conference, tokens  # noqa: E402

PACE_SECONDS = 10.0


def spread(values: list[float]) -> str:
    return (
        f"p50 {statistics.median(values):.0f} / p99 {percentile(values, 99):.0f} / "
        f"max {max(values):.0f}"
    )


def wait(app: QCoreApplication, done: Callable[[], bool], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("benchmark step did not finish")
        app.processEvents()
        time.sleep(0.002)


def build(url: str, sites: int, questions: int) -> tuple[int, dict[str, str]]:
    """The conference (slug "demo": the first question open) and its sites' tokens."""
    database = Database.open(url)
    with database.write() as session:
        conf_id = make_conference(session, sites, prefix="Demo")  # three questions
        for number in range(max(0, questions - 3) // 3):
            agenda.add_case(
                session,
                conf_id,
                PackageCase(
                    title=f"Fall {number + 2}",
                    questions=[
                        PackageQuestion(
                            text=f"Empfehlen Sie Therapie {number}.{i}?",
                            kind=QuestionKind.SINGLE,
                            options=[PackageOption(label="Ja"), PackageOption(label="Nein")],
                        )
                        for i in range(3)
                    ],
                ),
            )
    site_tokens = tokens(database, conf_id)
    database.dispose()
    return conf_id, site_tokens


@dataclass
class Measured:
    latencies: list[float]
    lags: list[float]
    bytes_per_ballot: float = 0.0
    requests_per_ballot: float = 0.0


class Bench:
    """One console and the server it follows."""

    def __init__(
        self,
        app: QCoreApplication,
        session: LiveSource,
        base_url: str,
        verify: ssl.SSLContext | bool,
        site_tokens: dict[str, str],
        traffic: Callable[[], tuple[int, int, int]] | None,
    ) -> None:
        self.app, self.session, self.base_url, self.verify = app, session, base_url, verify
        self.site_tokens, self.traffic = site_tokens, traffic
        self.console = LiveConsole(session)
        self.console.resize(1280, 720)
        self.console.show()
        self.shown: list[tuple[float, int, int]] = []  # (time, question, voted) when shown
        self.console.displayed.connect(self.on_displayed)
        wait(app, lambda: self.question() is not None)

    def on_displayed(self, _serial: int) -> None:
        snapshot = self.console.snapshot
        status = snapshot.status if snapshot else None
        if status is not None:
            self.shown.append((time.perf_counter(), status.question.id, status.n_voted))

    def question(self) -> int | None:
        snapshot = self.console.snapshot
        return snapshot.question.id if snapshot and snapshot.question else None

    def is_open(self) -> bool:
        snapshot = self.console.snapshot
        return snapshot is not None and snapshot.question is not None and snapshot.question.is_open

    def next_question(self) -> int:
        """Close the open question, move on and open the next one (the console's actions)."""
        snapshot = self.console.snapshot
        assert snapshot is not None and snapshot.question is not None
        old = snapshot.question
        if old.is_open:
            self.session.act(CLOSE(question_id=old.id))
            wait(self.app, lambda: not self.is_open())
        self.session.act(NEXT())
        wait(self.app, lambda: self.question() not in (None, old.id))
        new = self.question()
        assert new is not None
        self.session.act(OPEN(question_id=new))
        wait(self.app, self.is_open)
        return new

    def run(self, pace: int) -> Measured:
        question = self.next_question()
        snapshot = self.console.snapshot
        assert snapshot is not None and snapshot.question is not None
        option = snapshot.question.options[0].id
        codes = sorted(self.site_tokens)
        acks: list[float] = []
        before = self.traffic() if self.traffic else (0, 0, 0)

        def paced() -> None:
            start = time.perf_counter()
            for i, code in enumerate(codes[:pace]):
                time.sleep(max(0.0, start + i * PACE_SECONDS / pace - time.perf_counter()))
                with httpx.Client(base_url=self.base_url, verify=self.verify, timeout=10) as http:
                    answer = http.post(
                        f"/api/v/{self.site_tokens[code]}/ballot",
                        json={"question_id": question, "option_ids": [option]},
                    )
                    acks.append(time.perf_counter())
                    assert answer.status_code == 200, answer.text

        def voted(n: int) -> bool:
            return any(q == question and v >= n for _t, q, v in self.shown[-3:])

        thread = threading.Thread(target=paced)
        thread.start()
        wait(self.app, lambda: not thread.is_alive() and voted(pace), 120)
        self.app.processEvents()
        time.sleep(0.3)  # what the last ballots still bring in
        self.app.processEvents()
        after = self.traffic() if self.traffic else (0, 0, 0)
        latencies = []
        for n, acked in enumerate(acks, start=1):
            seen = next(t for t, q, v in self.shown if q == question and v >= n and t >= acked - 1)
            latencies.append(max(0.0, seen - acked) * 1000)
        lags = self.burst(question, option, codes[pace:])
        return Measured(
            latencies,
            lags,
            (after[1] - before[1] + after[2] - before[2]) / pace,
            (after[0] - before[0]) / pace,
        )

    def burst(self, question: int, option: int, codes: list[str]) -> list[float]:
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

        async def many() -> None:
            async with httpx.AsyncClient(
                base_url=self.base_url,
                verify=self.verify,
                timeout=60,
                limits=httpx.Limits(max_connections=400),
            ) as http:
                answers = await asyncio.gather(
                    *(
                        http.post(
                            f"/api/v/{self.site_tokens[code]}/ballot",
                            json={"question_id": question, "option_ids": [option]},
                        )
                        for code in codes
                    )
                )
            assert all(a.status_code == 200 for a in answers), [a.text for a in answers[:3]]

        burster = threading.Thread(target=lambda: asyncio.run(many()))
        burster.start()
        total = len(self.site_tokens)
        wait(
            self.app,
            lambda: (
                not burster.is_alive()
                and any(q == question and v >= total for _t, q, v in self.shown[-3:])
            ),
            180,
        )
        timer.stop()
        return lags


def main() -> None:
    parser = argparse.ArgumentParser(
        description=" ".join((__doc__ or "").split("\n\n")[0].split()),
        epilog="Prints 'bytes per ballot: N' and 'requests per ballot: N' (the remote console).",
    )
    parser.add_argument("--runs", type=int, default=1, help="alternate remote/local N times")
    parser.add_argument("--sites", type=int, default=300, help="invited sites (default 300)")
    parser.add_argument("--pace", type=int, default=40, help="sites at the real pace (40)")
    parser.add_argument("--questions", type=int, default=100, help="questions (default 100)")
    parser.add_argument("--quick", action="store_true", help="tiny sizes: a smoke test")
    args = parser.parse_args()
    if args.quick:
        args.sites, args.pace, args.questions, args.runs = 30, 5, 6, 1
        global PACE_SECONDS
        PACE_SECONDS = 1.0
    app = QApplication.instance() or QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp(prefix="votum-bench-remote-"))
    remote_url = f"sqlite:///{(folder / 'server.sqlite3').as_posix()}"
    local_url = f"sqlite:///{(folder / 'laptop.sqlite3').as_posix()}"
    _conf, remote_tokens = build(remote_url, args.sites, args.questions)
    local_id, local_tokens = build(local_url, args.sites, args.questions)
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1")
    certfile, keyfile, ca_file = folder / "s.pem", folder / "s.key", folder / "ca.pem"
    cert.private_key_pem.write_to_path(str(keyfile))
    cert.cert_chain_pems[0].write_to_path(str(certfile))
    ca.cert_pem.write_to_path(str(ca_file))
    hosted = Hosted(remote_url, certfile, keyfile, ca_file)
    remote_session = RemoteSession(hosted.connection())
    local_db = Database.open(local_url)
    local_session = LiveSession(local_db, local_id)
    local_session.start_server(host="127.0.0.1", port=0)
    try:
        wait(app, lambda: local_session.server_state.state == "running")
        remote = Bench(
            app, remote_session, hosted.url, tls_context(ca_file), remote_tokens,
            lambda: remote_session.traffic,
        )  # fmt: skip
        local_url_http = f"http://127.0.0.1:{local_session.server_state.port}"
        local = Bench(app, local_session, local_url_http, False, local_tokens, None)
        gc.freeze()  # as the workspace does once the console is built
        results: dict[str, list[Measured]] = {"remote": [], "local": []}
        for run in range(args.runs):
            for name, bench in (("remote", remote), ("local", local)):
                measured = bench.run(args.pace)
                results[name].append(measured)
                print(
                    f"run {run + 1} {name}: ballot acknowledged → shown, {args.pace} sites over "
                    f"{PACE_SECONDS:.0f} s: {spread(measured.latencies)} ms; GUI event-loop lag "
                    f"during a {args.sites - args.pace}-site burst: {spread(measured.lags)} ms"
                    + (
                        f"; {measured.bytes_per_ballot:.0f} bytes and "
                        f"{measured.requests_per_ballot:.2f} requests per ballot"
                        if name == "remote"
                        else ""
                    ),
                    flush=True,
                )
        summary(results, args)
    finally:
        remote_session.close()
        local_session.stop_server(wait=True)
        local_db.dispose()
        hosted.kill()


def summary(results: dict[str, list[Measured]], args: argparse.Namespace) -> None:
    def median_of(name: str, pick: Callable[[Measured], float]) -> float:
        return statistics.median(pick(m) for m in results[name])

    print(f"medians of {args.runs} run(s), {args.sites} sites, {args.questions} questions:")
    for label, pick in (
        ("ballot → shown p50", lambda m: statistics.median(m.latencies)),
        ("ballot → shown p99", lambda m: percentile(m.latencies, 99)),
        ("GUI lag p50", lambda m: statistics.median(m.lags)),
        ("GUI lag p99", lambda m: percentile(m.lags, 99)),
    ):
        r, lo = median_of("remote", pick), median_of("local", pick)
        ratio = f"{r / lo:.2f}" if lo else "–"
        print(f"  {label}: remote {r:.0f} ms, local {lo:.0f} ms, remote/local {ratio}")
    print(f"bytes per ballot: {median_of('remote', lambda m: m.bytes_per_ballot):.0f}")
    print(f"requests per ballot: {median_of('remote', lambda m: m.requests_per_ballot):.2f}")


if __name__ == "__main__":
    main()
