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
import multiprocessing as mp
import random
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.load import Phase, read_phase, run_phase, site_clients  # noqa: E402
from benchmarks.servers import (  # noqa: E402
    build_conference,
    drop_postgresql,
    fresh_postgresql,
    serve,
    sqlite_url,
)


@dataclass(frozen=True)
class Conf:
    """A conference of the run: its sites' links, its open question and the options."""

    tokens: list[str]
    question: int
    options: list[int]

    def body(self, i: int, r: int) -> dict:
        return {"question_id": self.question, "option_ids": [self.options[(i + r) % 2]]}


#: the other conference's pages are read during a burst by this many of its sites
READERS = 20


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
    clients = site_clients(port, len(tokens) + (len(other.tokens) if other else 0))
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
        url = sqlite_url()
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
