"""Desktop app benchmarks: ballot-to-console latency, GUI cost per update, a desktop-mode
burst, and cold start.

1. Latency and GUI cost: the app's own live session (console and presenter view shown, the
   voting server started by the app on 127.0.0.1); a client thread POSTs ballots one after
   another; each is timed from the server's notifier call after the commit (server thread)
   to the console's chart painted (GUI thread), and the GUI thread's CPU per update (read,
   count, chart, paint) is taken with ``time.thread_time``. At 40 and at 300 sites.
2. Desktop-mode burst: the same app process (console and presenter shown) serves a burst of
   every site voting at once, from a load generator in a child process; a bare endpoint
   (same body, no database) mounted on the same server is the yardstick. Reported: the
   ballot/bare burst ratio (medians) and the GUI event loop's lag during the bursts (a 5 ms
   timer: how late each tick came), p50 / p99 / max.
3. Cold start (``cold_start.py``): time from spawning ``python`` to the main window
   painted, Votum against a bare PySide6 QMainWindow, interleaved subprocesses, median of
   several runs. Votum twice: the window as the benchmark builds it (``create_application``
   + ``MainWindow``), and the real entry ``main.py`` (command line parsed first). The
   children keep their bytecode in a temporary cache, as an installed app has it: with
   ``PYTHONDONTWRITEBYTECODE`` (set on the development machine) every start compiled
   Votum's modules anew while PySide6's came compiled (``--compile`` measures that way, as
   before 2026-12-01). ``--against DIR`` cold-starts another checkout (the code before a
   change) in the same interleaved run.

``python benchmarks/bench_live.py [--ballots 200] [--rounds 7] [--runs 11] [--against DIR]
[--compile] [--quick]`` (offscreen Qt; ``--quick``: tiny sizes, one round and one cold
start each, to check the script still runs).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.cold_start import cold_start  # noqa: E402
from benchmarks.load import percentile, site_clients, spread  # noqa: E402
from benchmarks.servers import add_bare, build_conference, sqlite_url  # noqa: E402


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


def _wait(condition, timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    """Run the Qt event loop until ``condition()`` holds."""
    from PySide6.QtCore import QEventLoop, QTimer

    deadline = time.monotonic() + timeout
    loop = QEventLoop()
    poll = QTimer(interval=5)
    poll.timeout.connect(
        lambda: loop.quit() if condition() or time.monotonic() > deadline else None
    )
    poll.start()
    loop.exec()
    poll.stop()
    if not condition():
        raise SystemExit("timed out")


class DesktopSession:
    """The desktop app's live part on a benchmark conference of ``n_sites`` sites (question
    open): workspace, console and presenter view shown, the server started by the app."""

    def __init__(self, n_sites: int, *, bare: bool = False) -> None:
        from app.db import Database
        from app.services import agenda, conferences
        from app.services.conferences import find_conference
        from app.ui.application import create_application
        from app.ui.i18n import install_language
        from app.ui.workspace import Workspace

        self.app = create_application(["bench"])
        install_language("de")
        url = sqlite_url()
        build_conference(url, n_sites)
        self.db = Database.open(url)
        with self.db.read() as s:
            conf_id = find_conference(s, "bench").id
            self.tokens = [i.token for i in conferences.invitations(s, conf_id) if i.token]
            self.question = agenda.agenda(s, conf_id)[0].questions[0]
        if bare:  # the yardstick endpoint, mounted on the app's own server
            import app.server.runner as runner

            class WithBare(runner.VotingServer):
                def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
                    super().__init__(*args, configure=add_bare, **kwargs)

            runner.VotingServer = WithBare  # type: ignore[misc]
        self.workspace = Workspace(self.db, conf_id, auto_start_server=False)
        self.workspace.resize(1366, 768)
        self.workspace.show()
        self.workspace.show_live()
        self.console = self.workspace.console
        self.session = self.workspace.session
        self.presenter = self.workspace.ensure_presenter()
        self.presenter.resize(1280, 720)
        self.presenter.show()
        self.timing = TimingNotifier(self.session.notifier)
        self.session.control._notifier = self.timing
        self.session.start_server(host="127.0.0.1", port=0)
        _wait(lambda: self.session.server_state.state in ("running", "failed"))
        assert self.session.server_state.state == "running", self.session.server_state.error
        self.base = self.session.server_state.urls[0]
        self.port = self.session.server_state.port
        self.session.refresh()

    def close(self) -> None:
        self.workspace.shutdown()
        self.db.dispose()


def updates(n_sites: int, n_ballots: int, pace: float = 0.0) -> tuple[list[float], list[float]]:
    """Ballot → console painted (ms) and GUI-thread CPU per update (ms): one ballot after
    another (each waits for the redraw), or with ``pace`` every site once at a random
    moment within ``pace`` seconds (a session's real pace)."""
    import httpx

    desk = DesktopSession(n_sites)
    session, console, question = desk.session, desk.console, desk.question
    options = [o.id for o in question.options]
    shown: list[float] = []
    cpu: list[float] = []
    refresh_cpu = [0.0]
    drawn = threading.Event()
    # GUI-thread CPU from the read result's arrival (the read runs in the reader thread)
    # to the chart painted: count, chart, presenter, paint.
    session._readDone.disconnect(session.on_read_done)

    def timed_read_done(snapshot, generation) -> None:  # type: ignore[no-untyped-def]
        refresh_cpu[0] = time.thread_time()
        session.on_read_done(snapshot, generation)

    session._readDone.connect(timed_read_done)

    def on_drawn() -> None:
        shown.append(time.perf_counter())
        cpu.append((time.thread_time() - refresh_cpu[0]) * 1000)
        drawn.set()

    console.chart.drawn.connect(on_drawn)
    errors: list[str] = []
    done = threading.Event()

    def client() -> None:
        if pace:
            paced_client()
            return
        with httpx.Client(timeout=10) as http:
            for i in range(n_ballots):
                drawn.clear()
                token = desk.tokens[i % len(desk.tokens)]
                option = options[(i // len(desk.tokens) + i) % len(options)]
                reply = http.post(
                    f"{desk.base}/api/v/{token}/ballot",
                    json={"question_id": question.id, "option_ids": [option]},
                )
                if reply.status_code != 200:
                    errors.append(reply.text)
                    break
                if not drawn.wait(5):
                    errors.append(f"ballot {i}: console not redrawn within 5 s")
                    break
        done.set()

    def paced_client() -> None:
        rng = random.Random(7)
        offsets = sorted(rng.uniform(0, pace) for _ in desk.tokens)
        threads = []
        # One client, built before the clock starts: the sites are other machines, and
        # building a client (its SSL context, about 28 ms of CPU) inside this process would
        # take the interpreter from the GUI thread it measures.
        http = httpx.Client(timeout=10)
        start = time.monotonic()

        def post(i: int, token: str) -> None:
            reply = http.post(
                f"{desk.base}/api/v/{token}/ballot",
                json={"question_id": question.id, "option_ids": [options[i % 2]]},
            )
            if reply.status_code != 200:
                errors.append(reply.text)

        for i, (token, offset) in enumerate(zip(desk.tokens, offsets, strict=True)):
            time.sleep(max(0.0, start + offset - time.monotonic()))  # the pace, not a wait
            thread = threading.Thread(target=post, args=(i, token), daemon=True)
            thread.start()
            threads.append(thread)
        for thread in threads:
            thread.join(10)
        http.close()
        deadline = time.monotonic() + 5
        while len(shown) == 0 or shown[-1] < desk.timing.committed[-1]:
            if time.monotonic() > deadline:
                break
            time.sleep(0.01)
        done.set()

    threading.Thread(target=client, daemon=True).start()
    _wait(done.is_set, timeout=600)
    desk.close()
    if errors:
        raise SystemExit("; ".join(errors))
    lat = []
    for committed in desk.timing.committed:
        after = [t for t in shown if t >= committed]
        if after:
            lat.append((after[0] - committed) * 1000)
    return lat, cpu[1:]


def _load_generator(port: int, tokens: list[str], question_id: int, options: list[int],
                    rounds: int, conn) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    """Child process: ``rounds`` × (bare burst, ballot burst), each site once per burst;
    sends the list of (kind, seconds, failed) back."""
    import asyncio

    import httpx

    async def run() -> list[tuple[str, float, int]]:
        clients = site_clients(port, len(tokens))
        out: list[tuple[str, float, int]] = []

        async def burst(kind: str, path: str, r: int) -> None:
            async def one(i: int, client: httpx.AsyncClient, token: str) -> int:
                body = {"question_id": question_id, "option_ids": [options[(i + r) % 2]]}
                reply = await client.post(path.format(token), json=body)
                return int(reply.status_code != 200)

            start = time.perf_counter()
            failed = await asyncio.gather(
                *(one(i, c, t) for i, (c, t) in enumerate(zip(clients, tokens, strict=True)))
            )
            out.append((kind, time.perf_counter() - start, sum(failed)))

        try:
            await burst("warm-up", "/bench/bare/{}", 0)
            conn.send("go")
            for r in range(rounds):
                await burst("bare", "/bench/bare/{}", r)
                await burst("ballot", "/api/v/{}/ballot", r)
        finally:
            for client in clients:
                await client.aclose()
        return out

    conn.send(asyncio.run(run()))


def desktop_burst(n_sites: int, rounds: int) -> tuple[list[float], list[float], list[float], int]:
    """(ballot burst seconds, bare burst seconds, GUI event-loop lag in ms, failed)."""
    import multiprocessing as mp

    from PySide6.QtCore import QElapsedTimer, QTimer

    desk = DesktopSession(n_sites, bare=True)
    options = [o.id for o in desk.question.options]
    ctx = mp.get_context("spawn")
    parent, child = ctx.Pipe()
    proc = ctx.Process(
        target=_load_generator,
        args=(desk.port, desk.tokens, desk.question.id, options, rounds, child),
        daemon=True,
    )
    lags: list[float] = []
    measuring = [False]
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]
    tick = QTimer(interval=5)
    tick.setTimerType(tick.timerType().PreciseTimer)

    def on_tick() -> None:
        now = clock.nsecsElapsed()
        if measuring[0]:
            lags.append(max(0.0, (now - last[0]) / 1e6 - 5))
        last[0] = now

    tick.timeout.connect(on_tick)
    tick.start()
    proc.start()
    _wait(parent.poll, timeout=120)
    assert parent.recv() == "go"
    measuring[0] = True
    _wait(parent.poll, timeout=600)
    measuring[0] = False
    results = parent.recv()
    proc.join(30)
    tick.stop()
    desk.close()
    ballot = [sec for kind, sec, _ in results if kind == "ballot"]
    bare = [sec for kind, sec, _ in results if kind == "bare"]
    failed = sum(f for kind, _, f in results if kind != "warm-up")
    return ballot, bare, lags, failed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ballots", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=7, help="bursts per endpoint")
    parser.add_argument("--runs", type=int, default=11, help="cold starts per program")
    parser.add_argument("--skip", default="", help="comma-separated: pace,updates,burst,cold")
    parser.add_argument(
        "--against", type=Path, help="another checkout to cold-start in the same run (before)"
    )
    parser.add_argument(
        "--compile", action="store_true", help="cold starts without a bytecode cache"
    )
    parser.add_argument(
        "--quick", action="store_true", help="tiny sizes, one run each (checks the script runs)"
    )
    args = parser.parse_args()
    skip = set(args.skip.split(","))
    # (sites at a real pace, seconds), (sites, ballots) one after another, burst sites
    paced, pace_seconds, series, burst_sites = 40, 10.0, [(40, args.ballots)], 300
    series.append((300, max(60, args.ballots // 2)))
    if args.quick:
        args.rounds, args.runs = 1, 1
        paced, pace_seconds, series, burst_sites = 4, 1.0, [(4, 10), (20, 10)], 20
    print(f"Votum desktop benchmark · {dt.date.today().isoformat()}")
    if hasattr(os, "getloadavg"):
        print(f"load average before: {os.getloadavg()[0]:.2f} ({os.cpu_count()} CPUs)")
    if "pace" not in skip:
        lat, cpu = updates(paced, paced, pace=pace_seconds)
        print(
            f"{paced} sites at a real pace (each once within {pace_seconds:g} s): ballot → "
            f"console painted {spread(lat)}"
        )
    if "updates" not in skip:
        for n_sites, n_ballots in series:
            lat, cpu = updates(n_sites, n_ballots)
            print(
                f"{n_sites} sites, {len(lat)} ballots one after another: ballot → console "
                f"painted {spread(lat)}; GUI-thread CPU per update (count + chart + "
                f"presenter + paint) p50 {percentile(cpu, 50):.1f} ms, "
                f"p99 {percentile(cpu, 99):.1f} ms"
            )
    if "burst" not in skip:
        ballot, bare, lags, failed = desktop_burst(burst_sites, args.rounds)
        b, r = statistics.median(ballot), statistics.median(bare)
        print(
            f"desktop-mode burst, {burst_sites} sites, median of {args.rounds}: ballot burst "
            f"{b * 1000:.0f} "
            f"ms, bare burst {r * 1000:.0f} ms, ratio bare/ballot throughput {r / b:.2f} "
            f"(ballot bursts {', '.join(f'{x * 1000:.0f}' for x in ballot)} ms); failed {failed}"
        )
        print(f"GUI event-loop lag during the bursts ({len(lags)} ticks of 5 ms): {spread(lags)}")
    if "cold" not in skip:
        times = cold_start(args.runs, args.against, compile_each_start=args.compile)
        wall_ms = {name: statistics.median(w for w, _ in starts) for name, starts in times.items()}
        cpu_ms = {name: statistics.median(c for _, c in starts) for name, starts in times.items()}
        print(
            f"cold start to the window painted, median of {args.runs} (wall / CPU, the CPU "
            f"steadier on a busy machine): bare PySide6 {wall_ms['bare']:.0f} / "
            f"{cpu_ms['bare']:.0f} ms"
        )
        for name in times:
            if name != "bare":
                print(
                    f"  Votum {name}: {wall_ms[name]:.0f} / {cpu_ms[name]:.0f} ms, ratio "
                    f"{wall_ms[name] / wall_ms['bare']:.2f} / {cpu_ms[name] / cpu_ms['bare']:.2f}"
                )


if __name__ == "__main__":
    main()
    sys.stdout.flush()
    os._exit(0)  # skip the interpreter's teardown of Qt objects still owned by Python
