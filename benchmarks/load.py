"""The load generator's measuring parts: one HTTP client per site, timed phases of
requests with the CPU the server and the load generator spent, and percentiles."""

from __future__ import annotations

import asyncio
import gc
import multiprocessing as mp
import ssl
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import httpx

#: a reader of :func:`read_phase` reads its page this often, this far apart (seconds)
READS, READ_GAP = 5, 0.02


def percentile(values: list[float], p: float) -> float:
    """The value at ``p`` per cent of the sorted values (the nearest rank, no interpolation)."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))]


def spread(values: list[float]) -> str:
    """Milliseconds as the reports print them: ``p50 … ms, p99 … ms, max … ms``."""
    return (
        f"p50 {percentile(values, 50):.1f} ms, p99 {percentile(values, 99):.1f} ms, "
        f"max {max(values):.1f} ms"
    )


def site_clients(port: int, n: int) -> list[httpx.AsyncClient]:
    """One client (one keep-alive connection) per site, as with real browsers; build them
    before the clock starts: they share one SSL context (building one costs ~28 ms)."""
    context = ssl.create_default_context()
    return [
        httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=60, verify=context)
        for _ in range(n)
    ]


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
        """The ``q``-th percentile of the latencies in milliseconds (NaN: none)."""
        return percentile(self.latencies, q) * 1000 if self.latencies else float("nan")

    def line(self) -> str:
        return (
            f"{self.name:<22} n={self.ok + self.failed:<4} ok={self.ok:<4} "
            f"p50={self.pct(50):6.1f} ms  p95={self.pct(95):6.1f} ms  p99={self.pct(99):6.1f} ms  "
            f"{self.throughput:7.1f} req/s  CPU/req: server {self.cpu_per_request:4.0f} µs, "
            f"load generator {self.client_cpu_per_request:4.0f} µs"
        )


def server_cpu(conn: mp.connection.Connection) -> float:
    conn.send("cpu")
    return conn.recv()


@dataclass
class Tally:
    """What a phase's requests recorded: each one's latency in seconds, how many failed."""

    latencies: list[float] = field(default_factory=list)
    failed: int = 0


async def measured(
    conn: mp.connection.Connection,
    name: str,
    tally: Tally,
    requests: Callable[[], Awaitable[object]],
) -> Phase:
    """Run ``requests()`` (which records into ``tally``) as one phase: its wall time and the
    CPU time the server and this process spent meanwhile."""
    # The load generator collects its garbage between phases, not in the middle of one:
    # a full collection here would be charged to whichever endpoint it happened to hit.
    gc.collect()
    gc.disable()
    cpu = server_cpu(conn)
    start = time.perf_counter()
    own = time.process_time()
    try:
        await requests()
    finally:
        gc.enable()
    seconds = time.perf_counter() - start
    own = time.process_time() - own
    cpu = server_cpu(conn) - cpu
    ok = len(tally.latencies) - tally.failed
    return Phase(name, tally.latencies, seconds, ok, tally.failed, cpu, own)


async def run_phase(
    conn, clients, name: str, jobs: list[tuple[str, dict, float]], acked: list
) -> Phase:
    """``jobs``: (path, body, start offset in seconds), job i sent by site client i;
    records the 200 answers in ``acked``."""
    tally = Tally()

    async def one(client, path: str, body: dict, offset: float) -> None:
        if offset:
            await asyncio.sleep(offset)
        t0 = time.perf_counter()
        response = await client.post(path, json=body)
        tally.latencies.append(time.perf_counter() - t0)
        if response.status_code == 200:
            acked.append(response.json())
        else:
            tally.failed += 1

    return await measured(
        conn,
        name,
        tally,
        lambda: asyncio.gather(*(one(clients[i], *job) for i, job in enumerate(jobs))),
    )


async def read_phase(conn, readers, name: str, paths: list[str], clients, burst) -> Phase:
    """Each reader reads its state page :data:`READS` times, :data:`READ_GAP` apart, while
    ``burst`` ((path, body) per client, all at once: another conference's ballots) runs;
    the latencies are the reads'."""
    tally = Tally()

    async def read(client, path: str) -> None:
        for _ in range(READS):
            t0 = time.perf_counter()
            response = await client.get(path)
            tally.latencies.append(time.perf_counter() - t0)
            tally.failed += response.status_code != 200
            await asyncio.sleep(READ_GAP)

    async def vote(client, path: str, body: dict) -> None:
        await client.post(path, json=body)

    return await measured(
        conn,
        name,
        tally,
        lambda: asyncio.gather(
            *(read(client, path) for client, path in zip(readers, paths, strict=True)),
            *(vote(client, *job) for client, job in zip(clients, burst, strict=False)),
        ),
    )
