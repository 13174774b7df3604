"""``serve --workers 2`` on PostgreSQL: one conference, two processes, the same guarantees.

Which worker accepted a connection is read from Linux's /proc (the socket's inode among the
worker's open files), so the tests know they really span both workers.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from app.cli import main
from app.db import Database
from app.services.ballots import ballot_history, current_ballots
from app.services.conferences import moderator_token
from app.services.results import question_tally
from app.services.voting import state_version
from tests.server.helpers import current_question, make_conference, tokens
from tests.server.test_commands import Serve

linux_only = pytest.mark.skipif(
    sys.platform != "linux", reason="which worker holds a connection is read from /proc"
)


@pytest.fixture
def backend() -> str:
    """Several workers need PostgreSQL: these tests run on it only."""
    return "postgresql"


def test_several_workers_on_sqlite_are_refused_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{(tmp_path / 'w.sqlite3').as_posix()}"
    assert main(["--db", url, "serve", "demo", "--workers", "2", "--port", "0"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "several worker processes need PostgreSQL" in err
    assert not (tmp_path / "w.sqlite3").exists()  # refused before anything was touched


class Workers:
    """``serve CONFERENCE --workers 2`` as a subprocess, with its worker processes' ids."""

    def __init__(self, db_url: str, db: Database, conference: str) -> None:
        self.serve = Serve(
            db_url, "--host", "127.0.0.1", "--port", "0", "--workers", "2", conference=conference
        )
        self.port = int(self.serve.wait_for(r"listening on http://127\.0\.0\.1:(\d+)").group(1))
        self.token = self.serve.wait_for(r"moderator token: (\S+)").group(1)
        self.serve.wait_for(r"(\d+) of \1 invited sites have a link")
        self.pids = self._workers(2)
        deadline = time.monotonic() + 60
        while _listeners(db) < 2:  # both apps started (else one worker takes every socket)
            assert time.monotonic() < deadline, "the workers never listened"

    def _workers(self, count: int) -> list[int]:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            found = [
                pid
                for pid in _children(self.serve.proc.pid)
                if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()
            ]
            if len(found) == count:
                return found
        raise AssertionError(f"{count} workers did not start")

    def owner(self, client_port: int) -> int:
        """The worker that accepted the connection from ``client_port``."""
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            inode = _server_inode(self.port, client_port)
            for pid in self.pids if inode else ():
                for fd in Path(f"/proc/{pid}/fd").iterdir():
                    try:
                        if os.readlink(fd) == f"socket:[{inode}]":
                            return pid
                    except OSError:
                        continue
        raise AssertionError(f"no worker holds the connection from port {client_port}")

    def stop(self) -> None:
        self.serve.proc.send_signal(signal.SIGINT)  # the parent stops its workers
        try:
            self.serve.proc.wait(30)
        finally:
            self.serve.close()


def _children(parent: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == parent:
                found.append(int(entry.name))
    return found


def _server_inode(server_port: int, client_port: int) -> str | None:
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local, remote = (int(f.split(":")[1], 16) for f in fields[1:3])
        if local == server_port and remote == client_port:
            return fields[9]
    return None


Connection = tuple[asyncio.StreamReader, asyncio.StreamWriter]


async def _connect_spread(workers: Workers, count: int) -> list[tuple[Connection, int]]:
    """``count`` open connections, each with the worker that holds it."""
    opened = []
    for _ in range(count):
        reader, writer = await asyncio.open_connection("127.0.0.1", workers.port)
        owner = await asyncio.to_thread(workers.owner, writer.get_extra_info("sockname")[1])
        opened.append(((reader, writer), owner))
    return opened


async def _request(
    connection: Connection, method: str, path: str, body: object = None, token: str = ""
) -> tuple[int, bytes]:
    """One HTTP/1.1 request on an open connection: status and body (or the headers only
    for a stream, whose events are then read from the connection)."""
    reader, writer = connection
    data = json.dumps(body).encode() if body is not None else b""
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", f"Content-Length: {len(data)}"]
    if body is not None:
        lines.append("Content-Type: application/json")
    if token:
        lines.append(f"Authorization: Bearer {token}")
    writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + data)
    await writer.drain()
    status = int((await reader.readline()).split()[1])
    length = None
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode().partition(":")
        if name.lower() == "content-length":
            length = int(value)
    return status, (await reader.readexactly(length)) if length is not None else b""


async def _next_state(reader: asyncio.StreamReader) -> str:
    while True:
        line = (await reader.readline()).decode().strip()
        if line.startswith("data: "):
            return line.removeprefix("data: ")


def _listeners(db: Database) -> int:
    with db.read() as session:
        return int(
            session.execute(
                text("SELECT count(*) FROM pg_stat_activity WHERE query = 'LISTEN votum_changes'")
            ).scalar_one()
        )


@linux_only
def test_a_moderator_action_through_one_worker_reaches_a_stream_on_the_other(
    db_url: str, db: Database, demo_open: int
) -> None:
    question = current_question(db, demo_open)
    site_token = next(iter(tokens(db, demo_open).values()))
    workers = Workers(db_url, db, "demo")
    try:

        async def scenario() -> tuple[str, str, float]:
            opened = await _connect_spread(workers, 40)
            on = {owner: connection for connection, owner in opened}
            assert len(on) == 2, "every connection went to the same worker"
            stream_worker, moderator_worker = sorted(on)
            stream = on[stream_worker]
            status, _ = await _request(stream, "GET", f"/v/{site_token}/events")
            assert status == 200
            before = await _next_state(stream[0])
            started = time.monotonic()
            status, body = await _request(
                on[moderator_worker],
                "POST",
                f"/api/moderator/questions/{question}/close",
                token=workers.token,
            )
            assert status == 200, body
            after = await asyncio.wait_for(_next_state(stream[0]), 10)
            latency = time.monotonic() - started
            for (_, writer), _owner in opened:
                writer.close()
            return before, after, latency

        before, after, latency = asyncio.run(scenario())
    finally:
        workers.stop()
    with db.read() as session:
        assert after == state_version(session, demo_open)
        assert moderator_token(session, demo_open) == workers.token
    assert before == f"{question}:open:0:0|open" and after == f"{question}:closed:0:0|open"
    # Without the announcement the other worker would read the state only on its fallback
    # poll, every 30 s while it listens.
    assert latency < 5, latency


@linux_only
def test_the_moderator_stream_on_one_worker_hears_ballots_stored_by_the_other(
    db_url: str, db: Database, demo_open: int
) -> None:
    """Site ballots are announced to no worker; the moderator's stream still hears every
    worker's ballots (its feed counts them while it is open)."""
    question = current_question(db, demo_open)
    site_token = tokens(db, demo_open)["DD"]
    with db.read() as session:
        from app.services.agenda import get_question

        option = get_question(session, question).options[0].id
    workers = Workers(db_url, db, "demo")
    try:

        async def scenario() -> tuple[dict[str, object], dict[str, object], float]:
            opened = await _connect_spread(workers, 40)
            on = {owner: connection for connection, owner in opened}
            assert len(on) == 2, "every connection went to the same worker"
            stream_worker, ballot_worker = sorted(on)
            stream = on[stream_worker]
            status, _ = await _request(stream, "GET", "/api/moderator/events", token=workers.token)
            assert status == 200
            before = json.loads(await _next_state(stream[0]))
            started = time.monotonic()
            body = {"question_id": question, "option_ids": [option]}
            status, answer = await _request(
                on[ballot_worker], "POST", f"/api/v/{site_token}/ballot", body
            )
            assert status == 200, answer
            after = json.loads(await asyncio.wait_for(_next_state(stream[0]), 5))
            latency = time.monotonic() - started
            for (_, writer), _owner in opened:
                writer.close()
            return before, after, latency

        before, after, latency = asyncio.run(scenario())
    finally:
        workers.stop()
    assert int(str(after["serial"])) > int(str(before["serial"]))
    assert after["version"] == before["version"]  # a ballot changes no page
    assert latency < 2, latency


@linux_only
def test_100_ballots_spread_over_two_workers_give_exactly_100(db_url: str, db: Database) -> None:
    with db.write() as session:
        conf_id = make_conference(session, 100, prefix="W")
    question = current_question(db, conf_id)
    with db.read() as session:
        from app.services.agenda import get_question

        yes, no = (o.id for o in get_question(session, question).options[:2])
    site_tokens = list(tokens(db, conf_id).values())
    workers = Workers(db_url, db, "w")
    try:

        async def burst() -> tuple[list[tuple[int, bytes]], set[int]]:
            opened = await _connect_spread(workers, 100)
            answers = await asyncio.gather(
                *(
                    _request(
                        connection,
                        "POST",
                        f"/api/v/{token}/ballot",
                        {"question_id": question, "option_ids": [yes if i % 4 else no]},
                    )
                    for i, ((connection, _owner), token) in enumerate(
                        zip(opened, site_tokens, strict=True)
                    )
                )
            )
            for (_, writer), _owner in opened:
                writer.close()
            return answers, {owner for _connection, owner in opened}

        answers, owners = asyncio.run(burst())
    finally:
        workers.stop()
    assert len(owners) == 2  # both workers took ballots
    assert [status for status, _ in answers] == [200] * 100
    assert len({json.loads(body)["site_id"] for _, body in answers}) == 100
    with db.read() as session:
        assert len(current_ballots(session, question)) == 100
        assert len(ballot_history(session, question)) == 100
        counted = question_tally(session, question)
    assert counted.n_valid == 100
    assert [o.count for o in counted.options[:2]] == [75, 25]


def test_site_ballots_are_not_announced_but_a_moderator_action_is(
    db_url: str, db: Database, demo_open: int
) -> None:
    """Every worker re-reads its pages' state on each announcement: site ballots, which
    change no page, must not cost that; the moderator's actions must."""
    import httpx
    import psycopg

    from app.server.fanout import said
    from tests.conftest import libpq
    from tests.server.helpers import serving

    question = current_question(db, demo_open)
    site_token = tokens(db, demo_open)["DD"]
    with db.read() as session:
        from app.services.agenda import get_question

        option = get_question(session, question).options[0].id
    with psycopg.connect(libpq(db_url), autocommit=True) as listener:
        listener.execute("LISTEN votum_changes")
        with serving(db, demo_open) as running, httpx.Client(base_url=running.url) as http:
            ballot = {"question_id": question, "option_ids": [option]}
            assert http.post(f"/api/v/{site_token}/ballot", json=ballot).status_code == 200
            closed = http.post(
                f"/api/moderator/questions/{question}/close", headers=running.moderator
            )
            assert closed.status_code == 200
        with psycopg.connect(libpq(db_url), autocommit=True) as other:
            other.execute("NOTIFY votum_changes, 'end'")  # delivered after both commits
        heard = []
        for note in listener.notifies(timeout=30):
            if note.payload == "end":
                break
            heard.append(note.payload)
    # the close only: its commit, and the feed's word to the other workers' feeds
    assert len(heard) == 2 and heard[0] == "", heard
    told = said(heard[1])
    assert told is not None
    assert (told[1].action, told[1].change, told[1].question_id) == ("close", "question", question)


@linux_only
@pytest.mark.slow
def test_a_worker_killed_in_a_burst_loses_no_acknowledged_ballot(db_url: str, db: Database) -> None:
    import httpx

    with db.write() as session:
        conf_id = make_conference(session, 300, prefix="X")
    question = current_question(db, conf_id)
    with db.read() as session:
        from app.services.agenda import get_question

        options = [o.id for o in get_question(session, question).options][:2]
    site_tokens = list(tokens(db, conf_id).values())
    workers = Workers(db_url, db, "x")
    acked: list[tuple[int, int, tuple[int, ...]]] = []
    killed = workers.pids[0]
    try:

        async def site(http: httpx.AsyncClient, token: str, number: int) -> None:
            for ballot in range(3):
                body = {"question_id": question, "option_ids": [options[(number + ballot) % 2]]}
                try:
                    response = await http.post(f"/api/v/{token}/ballot", json=body)
                except httpx.TransportError:
                    continue  # its worker is gone: the next ballot reaches the other
                if response.status_code == 200:
                    data = response.json()
                    acked.append((data["site_id"], data["revision"], tuple(data["option_ids"])))
                    if len(acked) == 300:
                        os.kill(killed, signal.SIGKILL)  # in the middle of the burst

        async def burst() -> int:
            limits = httpx.Limits(max_connections=300, max_keepalive_connections=0)
            base = f"http://127.0.0.1:{workers.port}"
            async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as http:
                await asyncio.gather(*(site(http, t, n) for n, t in enumerate(site_tokens)))
                body = {"question_id": question, "option_ids": [options[0]]}
                after = await http.post(f"/api/v/{site_tokens[0]}/ballot", json=body)
                return after.status_code

        after = asyncio.run(burst())
    finally:
        workers.stop()
    assert len(acked) > 300  # ballots went on being acknowledged after the kill
    assert after == 200  # the other worker (and uvicorn's replacement) went on serving
    with db.read() as session:
        history = {(h.site_id, h.revision, h.option_ids) for h in ballot_history(session, question)}
    assert [a for a in acked if a not in history] == []


@linux_only
def test_a_worker_that_dies_is_replaced_and_the_log_says_so(db_url: str, db: Database) -> None:
    import httpx

    with db.write() as session:
        conf_id = make_conference(session, 3, prefix="W")
    question = current_question(db, conf_id)
    workers = Workers(db_url, db, "w")
    try:
        killed = workers.pids[0]
        os.kill(killed, signal.SIGKILL)
        said = workers.serve.wait_for(r"worker process (\d+) died \((.+?)\); process (\d+) takes")
        assert (int(said.group(1)), said.group(2)) == (killed, "signal SIGKILL")
        assert "Arbeitsprozess" in said.string  # both languages, one line
        replacement = int(said.group(3))
        assert replacement in _children(workers.serve.proc.pid)
        site = next(iter(tokens(db, conf_id).values()))
        for _ in range(4):  # whichever worker takes the connection, the server answers
            answer = httpx.get(f"http://127.0.0.1:{workers.port}/api/v/{site}/state")
            assert answer.status_code == 200 and answer.json()["question"]["id"] == question
    finally:
        workers.stop()
