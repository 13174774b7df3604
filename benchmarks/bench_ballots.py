"""Ballot throughput and latency of the voting server, against a bare endpoint on the same server.

Run: ``python benchmarks/bench_ballots.py [--sites 300] [--rounds 15]``. The server runs in a
child process (as in the desktop app: uvicorn in a thread, SQLite WAL, synchronous=FULL);
this process is the load generator. PostgreSQL: ``--db postgresql://postgres@HOST:PORT/postgres``
(a superuser's URL: a fresh database is created on that server and dropped after) or
``--pg-cluster`` (a throwaway cluster of its own, with PostgreSQL's durable defaults);
``--workers N`` serves from N processes as ``serve --workers N`` does (PostgreSQL only).
Phases: a burst (every site casts at once) and a
session's real pace (40 sites spread over 10 s), each for the real ballot endpoint and for
a bare endpoint (same request body, no database) mounted only in this benchmark's app.

The server serves as the round's standing server does (``serve`` without a conference:
every conference, each found by its links), unless ``--fixed`` (``serve CONFERENCE``). Then
each round adds a two-conference burst: as many sites again, half in conference A and half
in B, all at once through the one server; and another conference's pages while a burst
runs: sites of B read their state page while all of A votes, against the same reads with
nothing else going on.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import gc
import multiprocessing as mp
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fastapi import FastAPI  # noqa: E402

from app.server.schemas import BallotIn  # noqa: E402


def build_conference(url: str, n_sites: int, slug: str = "bench", prefix: str = "B") -> None:
    from app.db import Database
    from app.models import QuestionKind
    from app.services import agenda, conferences, lifecycle
    from app.services.package_schema import PackageCase, PackageOption, PackageQuestion

    db = Database.open(url)
    with db.write() as session:
        conf_id = conferences.create_conference(
            session, f"Benchmark {slug}", dt.date(2026, 11, 18), slug=slug
        )
        ids = [
            conferences.save_site(
                session,
                conferences.SiteData(name=f"Standort {prefix}{i:03d}", code=f"{prefix}{i:03d}"),
            )
            for i in range(n_sites)
        ]
        conferences.invite_sites(session, conf_id, ids)
        options = [PackageOption(label="Ja"), PackageOption(label="Keine Empfehlung")]
        question = PackageQuestion(
            text="HCQ + Trametinib?", kind=QuestionKind.SINGLE, options=options
        )
        agenda.add_case(session, conf_id, PackageCase(title="Fall", questions=[question]))
        lifecycle.open_question(session, agenda.ordered_question_ids(session, conf_id)[0])
    db.dispose()


def fresh_postgresql(admin_url: str) -> tuple[str, str]:
    """A new database on the server of ``admin_url``, and how the server is set up."""
    import os

    import psycopg
    from sqlalchemy.engine import make_url

    admin = make_url(admin_url).set(drivername="postgresql+psycopg")
    name = f"votum_bench_{os.getpid()}"
    libpq = admin.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(libpq, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
        settings: dict[str, str] = dict(
            conn.execute(
                "SELECT name, setting FROM pg_settings WHERE name IN "
                "('server_version', 'synchronous_commit', 'fsync')"
            ).fetchall()
        )
    where = (
        f"PostgreSQL {settings['server_version']} "
        f"synchronous_commit={settings['synchronous_commit']} fsync={settings['fsync']}"
    )
    return admin.set(database=name).render_as_string(hide_password=False), where


def drop_postgresql(admin_url: str, url: str) -> None:
    import psycopg
    from sqlalchemy.engine import make_url

    libpq = make_url(admin_url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(libpq, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {make_url(url).database} WITH (FORCE)")


def add_bare(app: FastAPI) -> None:
    """The bare endpoint: the same request body, validated the same way, no database."""

    @app.post("/bench/bare/{token}")
    async def bare(token: str, ballot: BallotIn) -> dict[str, int]:
        return {"question_id": ballot.question_id, "revision": 0}


def serve(url: str, conn: mp.connection.Connection, workers: int = 1, fixed: bool = False) -> None:
    """Child process: the real server plus ``POST /bench/bare/{token}``; answers "cpu" with
    its CPU seconds so far (all threads; with workers: theirs too), "stop" with the
    writer's counts. It serves every conference (the standing server) unless ``fixed``."""
    from app.db import Database
    from app.server.runner import VotingServer, tune_garbage_collector
    from app.services.conferences import find_conference

    db = Database.open(url)
    with db.read() as session:
        conf_id = find_conference(session, "bench").id if fixed else None
    if workers > 1:
        db.dispose()
        serve_workers(url, conf_id, conn, workers)
        return
    server = VotingServer(db, conf_id, host="127.0.0.1", port=0, configure=add_bare)
    server.start()
    tune_garbage_collector()  # as ``python main.py serve`` and the desktop app do
    conn.send(server.port)
    while conn.recv() == "cpu":
        conn.send(time.process_time())
    writer = server.conferences.writer
    conn.send((writer.groups, writer.jobs))
    server.stop()
    db.dispose()


def serve_workers(
    url: str, conf_id: int | None, conn: mp.connection.Connection, workers: int
) -> None:
    """As ``serve --workers N``: this process supervises, the workers serve (Linux: their
    CPU time is read from /proc)."""
    import os
    import signal
    import threading

    from app.server.runner import bind_socket
    from app.server.workers import WorkerSettings, run_workers

    sock = bind_socket("127.0.0.1", 0)
    sock.listen(2048)
    conn.send(sock.getsockname()[1])
    ticks = os.sysconf("SC_CLK_TCK")

    seen: dict[int, float] = {}  # a worker replaced by uvicorn keeps its last reading

    def cpu() -> float:
        for child in mp.active_children():
            try:
                fields = Path(f"/proc/{child.pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            seen[child.pid or 0] = (int(fields[11]) + int(fields[12])) / ticks
        return time.process_time() + sum(seen.values())

    def answer() -> None:
        while conn.recv() == "cpu":
            conn.send(cpu())
        conn.send((0, 0))  # the writers' counts stay in their processes
        os.kill(os.getpid(), signal.SIGINT)

    threading.Thread(target=answer, daemon=True).start()
    settings = WorkerSettings(url, conf_id, configure="bench_ballots:add_bare")
    run_workers(settings, sock, workers)


@dataclass
class Phase:
    name: str
    latencies: list[float]
    seconds: float
    ok: int
    failed: int
    server_cpu: float  # CPU seconds the server process spent during the phase
    client_cpu: float  # … and the load generator (this process)

    @property
    def cpu_per_request(self) -> float:
        """Server CPU per request in microseconds: steadier than throughput on a busy box."""
        return self._per_request(self.server_cpu)

    @property
    def client_cpu_per_request(self) -> float:
        return self._per_request(self.client_cpu)

    def _per_request(self, seconds: float) -> float:
        n = self.ok + self.failed
        return seconds / n * 1e6 if n else float("nan")

    @property
    def throughput(self) -> float:
        return self.ok / self.seconds if self.seconds else 0.0

    def pct(self, q: float) -> float:
        data = sorted(self.latencies)
        if not data:
            return float("nan")
        return data[min(len(data) - 1, round(q / 100 * (len(data) - 1)))] * 1000

    def line(self) -> str:
        return (
            f"{self.name:<22} n={self.ok + self.failed:<4} ok={self.ok:<4} "
            f"p50={self.pct(50):6.1f} ms  p95={self.pct(95):6.1f} ms  p99={self.pct(99):6.1f} ms  "
            f"{self.throughput:7.1f} req/s  CPU/req: server {self.cpu_per_request:4.0f} µs, "
            f"load generator {self.client_cpu_per_request:4.0f} µs"
        )


@dataclass(frozen=True)
class Conf:
    """A conference of the run: its sites' links, its open question and the options."""

    tokens: list[str]
    question: int
    options: list[int]

    def body(self, i: int, r: int) -> dict:
        return {"question_id": self.question, "option_ids": [self.options[(i + r) % 2]]}


#: the other conference's pages read during a burst: readers × reads, this far apart
READERS, READS, READ_GAP = 20, 5, 0.02


def server_cpu(conn: mp.connection.Connection) -> float:
    conn.send("cpu")
    return conn.recv()


async def run_phase(
    conn, clients, name: str, jobs: list[tuple[str, dict, float]], acked: list
) -> Phase:
    """``jobs``: (path, body, start offset in seconds), job i sent by site client i;
    records the 200 answers in ``acked``."""
    latencies: list[float] = []
    failed = 0
    # The load generator collects its garbage between phases, not in the middle of one:
    # a full collection here would be charged to whichever endpoint it happened to hit.
    gc.collect()
    gc.disable()
    cpu = server_cpu(conn)
    start = time.perf_counter()
    own = time.process_time()

    async def one(client, path: str, body: dict, offset: float) -> None:
        nonlocal failed
        if offset:
            await asyncio.sleep(offset)
        t0 = time.perf_counter()
        response = await client.post(path, json=body)
        latencies.append(time.perf_counter() - t0)
        if response.status_code == 200:
            acked.append(response.json())
        else:
            failed += 1

    try:
        await asyncio.gather(*(one(clients[i], *job) for i, job in enumerate(jobs)))
    finally:
        gc.enable()
    seconds = time.perf_counter() - start
    own = time.process_time() - own
    cpu = server_cpu(conn) - cpu
    return Phase(name, latencies, seconds, len(latencies) - failed, failed, cpu, own)


async def read_phase(conn, readers, name: str, paths: list[str], clients, burst) -> Phase:
    """Each reader reads its state page :data:`READS` times, :data:`READ_GAP` apart, while
    ``burst`` ((path, body) per client, all at once: another conference's ballots) runs;
    the latencies are the reads'."""
    latencies: list[float] = []
    failed = 0
    gc.collect()
    gc.disable()
    cpu = server_cpu(conn)
    start = time.perf_counter()
    own = time.process_time()

    async def read(client, path: str) -> None:
        nonlocal failed
        for _ in range(READS):
            t0 = time.perf_counter()
            response = await client.get(path)
            latencies.append(time.perf_counter() - t0)
            failed += response.status_code != 200
            await asyncio.sleep(READ_GAP)

    async def vote(client, path: str, body: dict) -> None:
        await client.post(path, json=body)

    try:
        await asyncio.gather(
            *(read(client, path) for client, path in zip(readers, paths, strict=True)),
            *(vote(client, *job) for client, job in zip(clients, burst, strict=False)),
        )
    finally:
        gc.enable()
    seconds = time.perf_counter() - start
    own = time.process_time() - own
    cpu = server_cpu(conn) - cpu
    return Phase(name, latencies, seconds, len(latencies) - failed, failed, cpu, own)


async def load(
    conn,
    port: int,
    tokens: list[str],
    question_id: int,
    option_ids: list[int],
    rounds: int,
    moderator: str | None = None,
    other: Conf | None = None,
    pace: tuple[int, float] = (40, 10.0),
):
    import ssl

    import httpx

    # One client (one keep-alive connection) per site, as with real browsers; built before
    # the clock starts, sharing one SSL context (building one costs ~28 ms).
    context = ssl.create_default_context()
    clients = [
        httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=60, verify=context)
        for _ in tokens + (other.tokens if other else [])
    ]
    watcher, events = None, [0]
    if moderator is not None:  # the moderator's event stream stays open, read throughout
        watcher = asyncio.create_task(_watch(port, moderator, events))
    try:
        acked: list[dict] = []
        bare_acked: list[dict] = []

        def body(i: int, r: int) -> dict:
            return {"question_id": question_id, "option_ids": [option_ids[(i + r) % 2]]}

        # warm up: open the connections, fill caches (not measured)
        await run_phase(
            conn, clients, "warm-up", [(f"/bench/bare/{t}", body(0, 0), 0) for t in tokens], []
        )
        results: dict[str, list[Phase]] = {"burst": [], "bare burst": []}
        if other is not None:  # its sites' connections too
            await run_phase(
                conn,
                clients,
                "warm-up",
                [(f"/bench/bare/{t}", body(0, 0), 0) for t in tokens + other.tokens],
                [],
            )
            for key in ("two conferences", "reads quiet", "reads in burst", "own reads in burst"):
                results[key] = []
        mine = Conf(tokens, question_id, option_ids)
        for r in range(rounds):
            results["bare burst"].append(
                await run_phase(
                    conn,
                    clients,
                    "bare burst",
                    [(f"/bench/bare/{t}", body(i, r), 0) for i, t in enumerate(tokens)],
                    bare_acked,
                )
            )
            results["burst"].append(
                await run_phase(
                    conn,
                    clients,
                    "ballot burst",
                    [(f"/api/v/{t}/ballot", body(i, r), 0) for i, t in enumerate(tokens)],
                    acked,
                )
            )
            if other is not None:
                await two_conferences(conn, clients, mine, other, r, results, acked)
        rng = random.Random(7)
        n_paced, seconds = pace
        offsets = [rng.uniform(0, seconds) for _ in tokens[:n_paced]]

        def paced(path: str) -> list[tuple[str, dict, float]]:
            return [
                (path.format(t), body(i, 9), o)
                for i, (t, o) in enumerate(zip(tokens[:n_paced], offsets, strict=True))
            ]

        label = f"pace {n_paced}/{seconds:g} s"
        real_pace = await run_phase(
            conn, clients, f"ballot {label}", paced("/api/v/{}/ballot"), acked
        )
        bare_pace = await run_phase(
            conn, clients, f"bare {label}", paced("/bench/bare/{}"), bare_acked
        )
    finally:
        for client in clients:
            await client.aclose()
        if watcher is not None:
            if watcher.done():
                watcher.result()  # its failure, if it failed
            watcher.cancel()
            print(f"moderator stream: {events[0]} events read", file=sys.stderr)
    return results, real_pace, bare_pace, acked


async def two_conferences(
    conn, clients, mine: Conf, other: Conf, r: int, results: dict[str, list[Phase]], acked
) -> None:
    """This round's two-conference burst (every site of both at once, taken in turn), and
    the other conference's pages: read alone, then while all of this one votes."""
    jobs = []
    for i in range(max(len(mine.tokens), len(other.tokens))):
        for conf in (mine, other):
            if i < len(conf.tokens):
                jobs.append((f"/api/v/{conf.tokens[i]}/ballot", conf.body(i, r + 1), 0))
    results["two conferences"].append(
        await run_phase(conn, clients, "two-conference burst", jobs, acked)
    )
    readers = clients[len(mine.tokens) :][:READERS]
    paths = [f"/api/v/{t}/state" for t in other.tokens[:READERS]]
    results["reads quiet"].append(
        await read_phase(conn, readers, "B's pages, quiet", paths, [], [])
    )
    # the usual latency: A's own pages while A votes (read through B's idle clients); the
    # two kinds of read take turns going first, so neither gets the quieter moment
    own = [f"/api/v/{t}/state" for t in mine.tokens[-READERS:]]
    kinds = [
        ("reads in burst", "B's pages in A's burst", paths),
        ("own reads in burst", "A's pages in A's burst", own),
    ]
    for n, (key, name, read) in enumerate(kinds if r % 2 == 0 else kinds[::-1]):
        burst = [(f"/api/v/{t}/ballot", mine.body(i, r + n)) for i, t in enumerate(mine.tokens)]
        results[key].append(await read_phase(conn, readers, name, read, clients, burst))


async def _watch(port: int, token: str, events: list[int]) -> None:
    """Hold the moderator's event stream open and read every event (as a console would)."""
    import httpx

    headers = {"Authorization": f"Bearer {token}"}
    async with (
        httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=None) as http,
        http.stream("GET", "/api/moderator/events", headers=headers) as stream,
    ):
        stream.raise_for_status()
        async for line in stream.aiter_lines():
            events[0] += line.startswith("event: ")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=300)
    parser.add_argument(
        "--rounds", type=int, default=15, help="bursts per endpoint (medians are reported)"
    )
    parser.add_argument(
        "--db", metavar="URL", help="a PostgreSQL superuser's URL (default: an SQLite file)"
    )
    parser.add_argument(
        "--pg-cluster", action="store_true", help="start a throwaway PostgreSQL cluster"
    )
    parser.add_argument("--workers", type=int, default=1, help="server processes (PostgreSQL)")
    parser.add_argument(
        "--fixed",
        action="store_true",
        help="serve the one conference as serve CONFERENCE does (no two-conference phases)",
    )
    parser.add_argument(
        "--moderator-stream",
        action="store_true",
        help="keep the moderator's event stream open during the run",
    )
    parser.add_argument(
        "--quick", action="store_true", help="tiny sizes, seconds (checks the script runs)"
    )
    args = parser.parse_args()
    if args.quick:
        args.sites, args.rounds = 20, 1
    cluster = None
    if args.pg_cluster:
        from tests.pgcluster import Cluster, find_bin_dir

        bin_dir = find_bin_dir()
        if bin_dir is None:
            parser.error("--pg-cluster: PostgreSQL is not installed")
        cluster = Cluster(bin_dir, durable=True)
        args.db = cluster.start()
    if args.workers > 1 and not args.db:
        parser.error("--workers needs PostgreSQL (--db or --pg-cluster)")
    try:
        return run(args)
    finally:
        if cluster is not None:
            cluster.stop()


def run(args: argparse.Namespace) -> int:
    from app.db import Database
    from app.services.agenda import agenda
    from app.services.ballots import ballot_history
    from app.services.conferences import find_conference, invitations, moderator_token

    if args.db:
        url, where = fresh_postgresql(args.db)
    else:
        folder = Path(tempfile.mkdtemp(prefix="votum-bench-"))
        url = f"sqlite:///{(folder / 'bench.sqlite3').as_posix()}"
        where = "SQLite WAL synchronous=FULL"
    build_conference(url, args.sites)
    if not args.fixed:
        build_conference(url, args.sites, slug="bench-2", prefix="C")
    db = Database.open(url)
    other = None
    with db.read() as session:
        conf_id = find_conference(session, "bench").id
        tokens = [i.token for i in invitations(session, conf_id) if i.token]
        question = agenda(session, conf_id)[0].questions[0]
        token = moderator_token(session, conf_id) if args.moderator_stream else None
        if not args.fixed:
            second = find_conference(session, "bench-2").id
            asked = agenda(session, second)[0].questions[0]
            other = Conf(
                [i.token for i in invitations(session, second) if i.token],
                asked.id,
                [o.id for o in asked.options],
            )
    option_ids = [o.id for o in question.options]

    ctx = mp.get_context("spawn")
    parent, child = ctx.Pipe()
    proc = ctx.Process(
        target=serve, args=(url, child, args.workers, args.fixed), daemon=args.workers == 1
    )
    # (a daemonic process may not start the workers)
    proc.start()
    port = parent.recv()
    try:
        results, pace, bare_pace, acked = asyncio.run(
            load(
                parent,
                port,
                tokens,
                question.id,
                option_ids,
                args.rounds,
                token,
                other,
                pace=(5, 1.0) if args.quick else (40, 10.0),
            )
        )
    finally:
        parent.send("stop")
        groups, jobs = parent.recv()
        proc.join(30)

    with db.read() as session:
        asked = [question.id] + ([other.question] if other else [])
        history = {(q, h.site_id, h.revision) for q in asked for h in ballot_history(session, q)}
    lost = sum(1 for a in acked if (a["question_id"], a["site_id"], a["revision"]) not in history)
    db.dispose()
    if args.db:
        drop_postgresql(args.db, url)

    def median(phases: list[Phase]) -> Phase:
        return sorted(phases, key=lambda p: p.throughput)[len(phases) // 2]

    burst, bare = median(results["burst"]), median(results["bare burst"])
    print(
        f"Votum ballot benchmark · {dt.date.today().isoformat()} · {args.sites} sites · "
        f"median of {args.rounds} bursts · server in a child process "
        f"({args.workers} worker{'s' if args.workers > 1 else ''}, "
        f"{'one conference' if args.fixed else 'the standing server'}), {where}"
        + (", moderator stream open" if args.moderator_stream else "")
    )
    for phase in (burst, bare, pace, bare_pace):
        print("  " + phase.line())
    paired = sorted(
        b.throughput / a.throughput
        for a, b in zip(results["bare burst"], results["burst"], strict=True)
    )
    quartiles = statistics.quantiles(paired, n=4) if len(paired) > 1 else paired * 3
    print(
        f"  burst ratio ballot/bare: {burst.throughput / bare.throughput:.2f} (medians); "
        f"per round (bare burst, then ballot burst): median {statistics.median(paired):.2f}, "
        f"quartiles {quartiles[0]:.2f}–{quartiles[2]:.2f}"
    )
    print(
        f"  all bursts, req/s: ballot {', '.join(f'{p.throughput:.0f}' for p in results['burst'])}"
    )
    print(
        f"                     bare   "
        f"{', '.join(f'{p.throughput:.0f}' for p in results['bare burst'])}"
    )
    cpu_ballot = statistics.median(p.cpu_per_request for p in results["burst"])
    cpu_bare = statistics.median(p.cpu_per_request for p in results["bare burst"])
    print(
        f"  server CPU per request in bursts (median): ballot {cpu_ballot:.0f} µs, "
        f"bare {cpu_bare:.0f} µs (ratio {cpu_bare / cpu_ballot:.2f})"
    )
    if other is not None:
        two = median(results["two conferences"])
        print("  " + two.line())
        print(
            f"  two-conference burst / one-conference burst: "
            f"{two.throughput / burst.throughput:.2f} (medians)"
        )
        for key, name in (
            ("reads quiet", "B's state page, quiet"),
            ("reads in burst", "B's state page in A's burst"),
            ("own reads in burst", "A's state page in A's burst"),
        ):
            data = [x for p in results[key] for x in p.latencies]
            merged = Phase(name, data, 1, len(data), 0, 0, 0)
            print(
                f"  {name:<28} ({len(data)} reads): p50 {merged.pct(50):6.1f} ms"
                f"  p95 {merged.pct(95):6.1f} ms  p99 {merged.pct(99):6.1f} ms"
            )
    print(
        f"  acknowledged ballots: {len(acked)}, lost: {lost}; "
        f"writer: {jobs} jobs in {groups} commits ({jobs / max(groups, 1):.1f} per commit)"
    )
    return 1 if lost else 0


if __name__ == "__main__":
    sys.exit(main())
