"""The voting server a benchmark loads: the benchmark conference, a throwaway database (an
SQLite file or a fresh PostgreSQL database), the bare yardstick endpoint, and the server in
a child process (``bench_ballots.py``) as the desktop app and ``serve`` run it."""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import tempfile
import time
from pathlib import Path

from fastapi import FastAPI

from app.server.schemas import BallotIn


def sqlite_url(prefix: str = "votum-bench-", name: str = "bench") -> str:
    """A new SQLite database file in a temporary folder of its own."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    return f"sqlite:///{(folder / f'{name}.sqlite3').as_posix()}"


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
    settings = WorkerSettings(url, conf_id, configure="benchmarks.servers:add_bare")
    run_workers(settings, sock, workers)
