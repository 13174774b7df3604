"""The link test's cost: a site's page view with its visit written at most every 5 minutes
(as built) against a visit written on every view, during a burst of page loads.

Run: ``python benchmarks/bench_visits.py [--sites 300] [--rounds 3] [--quick]``. One
voting server (uvicorn in a thread, SQLite WAL, synchronous=FULL, as in the desktop app)
serves a conference of ``--sites`` invited sites; every site loads its page at once,
``--rounds`` times, and the variants take turns (alternating which goes first).
Reported: the median and 95th percentile of the page views' latency and the database
writes their visits caused.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from app.db import Database  # noqa: E402
from app.server.runner import VotingServer  # noqa: E402
from app.server.visits import VisitLog  # noqa: E402
from app.services import conferences  # noqa: E402


def build(db: Database, n_sites: int) -> tuple[int, list[str]]:
    with db.write() as session:
        conf = conferences.create_conference(session, "Linktest", dt.date(2026, 11, 18))
        ids = [
            conferences.save_site(session, conferences.SiteData(f"Standort {i:03d}", f"V{i:03d}"))
            for i in range(n_sites)
        ]
        conferences.invite_sites(session, conf, ids)
    with db.read() as session:
        tokens = [i.token for i in conferences.invitations(session, conf) if i.token]
    return conf, tokens


async def burst(url: str, tokens: list[str]) -> list[float]:
    """Every site loads its page at once; each view's latency in milliseconds."""
    limits = httpx.Limits(max_connections=len(tokens), max_keepalive_connections=len(tokens))
    async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits) as http:

        async def one(token: str) -> float:
            start = time.perf_counter()
            answer = await http.get(f"/v/{token}")
            assert answer.status_code == 200, answer.status_code
            return (time.perf_counter() - start) * 1000

        return list(await asyncio.gather(*(one(t) for t in tokens)))


class CountingLog(VisitLog):
    """A visit log that counts the writes it lets through."""

    def __init__(self, every: float | None = None) -> None:
        super().__init__() if every is None else super().__init__(every)
        self.writes = 0

    def due(self, site_id: int, now: float | None = None) -> bool:
        due = super().due(site_id, now)
        self.writes += due
        return due


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="40 sites, 2 rounds")
    args = parser.parse_args()
    n_sites, rounds = (40, 2) if args.quick else (args.sites, args.rounds)
    folder = Path(tempfile.mkdtemp())
    db = Database.open(f"sqlite:///{(folder / 'visits.sqlite3').as_posix()}")
    conf, tokens = build(db, n_sites)
    server = VotingServer(db, conf, host="127.0.0.1", port=0)
    server.start()
    variants = {"every 5 min (as built)": CountingLog(), "every view": CountingLog(0.0)}
    times: dict[str, list[float]] = {name: [] for name in variants}
    try:
        url = f"http://127.0.0.1:{server.port}"
        server.ctx.visits = variants["every 5 min (as built)"]
        asyncio.run(burst(url, tokens))  # warm-up: the first visit of every site is written
        variants["every 5 min (as built)"].writes = 0
        for turn in range(rounds):  # the variants take turns, first one, then the other
            order = list(variants.items())
            for name, log in order if turn % 2 == 0 else reversed(order):
                server.ctx.visits = log
                times[name] += asyncio.run(burst(url, tokens))
    finally:
        server.stop()
        db.dispose()
    print(f"{n_sites} sites, {rounds} rounds, {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC")
    for name, values in times.items():
        values.sort()
        p95 = values[int(0.95 * (len(values) - 1))]
        print(
            f"{name:24} median {statistics.median(values):7.1f} ms   p95 {p95:7.1f} ms"
            f"   views {len(values)}   visits written {variants[name].writes}"
        )


if __name__ == "__main__":
    main()
