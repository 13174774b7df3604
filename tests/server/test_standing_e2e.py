"""The round's standing server end to end: ``serve`` with no conference, HTTPS, PostgreSQL,
two workers. Two conferences are published through the organiser API, sites vote in both
at once through both workers, both are fetched home, one is deleted, and the other goes
on. A rotated organiser token and a deleted conference fail at once on both workers.

Which worker holds a connection is read from Linux's /proc (see ``test_workers``).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import signal
import ssl
import sys
import time
from pathlib import Path

import pytest
import trustme
from sqlalchemy import func, select

from app.cli import main
from app.db import Database
from app.models import BallotChange, Conference, Invitation
from app.remote.client import Refused
from app.remote.organiser import OrganiserClient
from app.services.conference_export import Publish, build_conference_file
from app.services.conference_file import read_conference_file
from tests.server.helpers import make_conference
from tests.server.test_commands import Serve
from tests.server.test_workers import _children, _listeners, _next_state, _server_inode

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform != "linux", reason="which worker holds a connection: /proc"),
]

SITES = 12  # per conference

Connection = tuple[asyncio.StreamReader, asyncio.StreamWriter]


@pytest.fixture
def backend() -> str:
    """Several workers need PostgreSQL."""
    return "postgresql"


class Standing:
    """``serve --workers 2 --certfile … --keyfile …`` without a conference."""

    def __init__(
        self, db_url: str, db: Database, certfile: Path, keyfile: Path, ca: trustme.CA
    ) -> None:
        self.serve = Serve(
            db_url, "--host", "127.0.0.1", "--port", "0", "--workers", "2",
            "--certfile", str(certfile), "--keyfile", str(keyfile), conference=None,
        )  # fmt: skip
        self.serve.wait_for(r"Votum voting server for the round: 0 conferences \(2 workers\)")
        self.port = int(self.serve.wait_for(r"listening on https://127\.0\.0\.1:(\d+)").group(1))
        self.serve.wait_for(r"organiser token: issued")
        self.tls = ssl.create_default_context()
        ca.configure_trust(self.tls)
        deadline = time.monotonic() + 60
        while True:
            self.pids = [
                pid
                for pid in _children(self.serve.proc.pid)
                if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()
            ]
            if len(self.pids) == 2:
                break
            assert time.monotonic() < deadline, "two workers did not start"
            time.sleep(0.1)
        while _listeners(db) < 2:  # both apps started (each listens once, for every conference)
            assert time.monotonic() < deadline, "the workers never listened"
            time.sleep(0.1)

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def owner(self, client_port: int) -> int:
        import os

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

    async def on_both(self, most: int = 60) -> dict[int, list[Connection]]:
        """TLS connections until each worker holds at least two: worker pid → them."""
        held: dict[int, list[Connection]] = {}
        for _ in range(most):
            reader, writer = await asyncio.open_connection(
                "127.0.0.1", self.port, ssl=self.tls, server_hostname="127.0.0.1"
            )
            owner = await asyncio.to_thread(self.owner, writer.get_extra_info("sockname")[1])
            held.setdefault(owner, []).append((reader, writer))
            if len(held) == 2 and min(len(c) for c in held.values()) >= 2 and _ >= 11:
                return held
        raise AssertionError(f"connections did not reach both workers: {held.keys()}")

    def stop(self) -> None:
        self.serve.proc.send_signal(signal.SIGINT)
        try:
            self.serve.proc.wait(30)
        finally:
            self.serve.close()


async def _call(
    connection: Connection, method: str, path: str, body: object = None, token: str = ""
) -> tuple[int, bytes]:
    """One HTTP/1.1 request on a kept-alive connection: status and body."""
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


def _published_file(tmp_path: Path, prefix: str) -> Path:
    """A conference prepared on a laptop, written in its published form."""
    laptop = Database.open(f"sqlite:///{(tmp_path / f'{prefix}.sqlite3').as_posix()}")
    try:
        with laptop.write() as session:
            conf_id = make_conference(session, SITES, prefix=prefix, open_first=False)
            file = build_conference_file(session, conf_id, publish=Publish())
    finally:
        laptop.dispose()
    path = tmp_path / f"{prefix}.votum-conference.json"
    path.write_text(file.model_dump_json())
    return path


def _organiser_token(db_url: str, path: Path) -> str:
    assert main(["--db", db_url, "organiser", "token", "--rotate", "--token-file", str(path)]) == 0
    return path.read_text().strip()


class Pool:
    """Connections held by both workers, closed at the end."""

    def __init__(self, held: dict[int, list[Connection]]) -> None:
        self.held = held

    def on(self, worker: int) -> Connection:
        return self.held[worker][0]

    def all(self) -> list[tuple[Connection, int]]:
        return [(c, worker) for worker, cs in self.held.items() for c in cs]

    async def close(self) -> None:
        for connection, _worker in self.all():
            connection[1].close()
            with contextlib.suppress(OSError, ssl.SSLError):
                await connection[1].wait_closed()


Job = tuple[str, str, int, int]  # conference, link, question, option


def test_two_conferences_published_voted_fetched_and_one_deleted_on_one_standing_server(
    db_url: str,
    db: Database,
    tmp_path: Path,
    ca: trustme.CA,
    certificate: tuple[Path, Path],
) -> None:
    organiser = _organiser_token(db_url, tmp_path / "organiser-token")
    ca_file = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    files = {prefix: read_conference_file(_published_file(tmp_path, prefix)) for prefix in "AB"}
    links = {p: [i.token or "" for i in file.invitations] for p, file in files.items()}
    server = Standing(db_url, db, *certificate, ca)
    try:
        with OrganiserClient(server.url, organiser, ca_file) as client:
            published = {p: client.publish(file) for p, file in files.items()}
            assert {c.slug for c in client.conferences()} == {"a", "b"}
        moderators = {p: published[p].moderator_token for p in published}

        async def voting() -> tuple[dict[str, tuple[int, list[int]]], list[tuple[str, int, int]]]:
            pool = Pool(await server.on_both())
            try:
                first, second = sorted(pool.held)
                # a site page of A listens on the second worker
                stream = pool.held[second].pop()
                status, _ = await _call(stream, "GET", f"/v/{links['A'][0]}/events")
                assert status == 200 and await _next_state(stream[0]) == "waiting|open"
                # each moderator opens a question: A through the first worker, B the second
                questions: dict[str, tuple[int, list[int]]] = {}
                for prefix, worker in (("A", first), ("B", second)):
                    status, body = await _call(
                        pool.on(worker), "GET", "/api/moderator/agenda", token=moderators[prefix]
                    )
                    assert status == 200, body
                    question = json.loads(body)[0]["questions"][0]
                    questions[prefix] = (question["id"], [o["id"] for o in question["options"]])
                    path = f"/api/moderator/questions/{question['id']}/open"
                    status, body = await _call(
                        pool.on(worker), "POST", path, token=moderators[prefix]
                    )
                    assert status == 200, body
                opened = await asyncio.wait_for(_next_state(stream[0]), 10)
                assert opened.startswith(f"{questions['A'][0]}:open")
                stream[1].close()
                # every site of both conferences votes at once, spread over both workers
                jobs: list[Job] = [
                    (p, links[p][i], questions[p][0], questions[p][1][(i + (p == "B")) % 2])
                    for i in range(SITES)
                    for p in "AB"
                ]
                connections = pool.all()
                lanes = [jobs[n :: len(connections)] for n in range(len(connections))]

                async def lane(
                    connection: Connection, worker: int, work: list[Job]
                ) -> list[tuple[str, int, int]]:
                    done = []
                    for prefix, link, question, choice in work:
                        body = {"question_id": question, "option_ids": [choice]}
                        status, _ = await _call(connection, "POST", f"/api/v/{link}/ballot", body)
                        done.append((prefix, status, worker))
                    return done

                parts = await asyncio.gather(
                    *(lane(c, w, work) for (c, w), work in zip(connections, lanes, strict=True))
                )
                return questions, [answer for part in parts for answer in part]
            finally:
                await pool.close()

        questions, answers = asyncio.run(voting())
        assert [status for _p, status, _w in answers] == [200] * (2 * SITES)
        # both conferences' ballots went through both workers
        assert {(p, w) for p, _s, w in answers} == {(p, w) for p in "AB" for w in server.pids}

        with OrganiserClient(server.url, organiser, ca_file) as client:
            for prefix, conf in published.items():
                home = client.fetch(conf.id)
                assert home.results is not None and len(home.results.ballots) == SITES, prefix
            assert {c.slug: c.ballots for c in client.conferences()} == {"a": SITES, "b": SITES}

        # a rotated organiser token fails at once on both workers
        rotated = _organiser_token(db_url, tmp_path / "organiser-token-2")

        async def organiser_tokens() -> list[int]:
            pool = Pool(await server.on_both())
            try:
                return [
                    (await _call(pool.on(w), "GET", "/api/organiser/conferences", token=t))[0]
                    for w in sorted(pool.held)
                    for t in (organiser, rotated)
                ]
            finally:
                await pool.close()

        assert asyncio.run(organiser_tokens()) == [403, 200, 403, 200]

        # A is deleted: its links and its moderator token fail at once on both workers
        with OrganiserClient(server.url, rotated, ca_file) as client:
            client.delete(published["A"].id)
            with pytest.raises(Refused) as again:
                client.delete(published["A"].id)
            assert again.value.status == 404

        async def after_delete() -> list[tuple[str, int]]:
            pool = Pool(await server.on_both())
            question_b, options_b = questions["B"]
            said = []
            try:
                for n, worker in enumerate(sorted(pool.held)):
                    c = pool.on(worker)
                    a_site = await _call(c, "GET", f"/api/v/{links['A'][1]}/state")
                    a_mod = await _call(c, "GET", "/api/moderator/state", token=moderators["A"])
                    ballot = {"question_id": question_b, "option_ids": [options_b[1 - n]]}
                    b_site = await _call(c, "POST", f"/api/v/{links['B'][1]}/ballot", ballot)
                    b_mod = await _call(c, "GET", "/api/moderator/state", token=moderators["B"])
                    said += [
                        ("A site", a_site[0]),
                        ("A moderator", a_mod[0]),
                        ("B site", b_site[0]),
                        ("B moderator", b_mod[0]),
                    ]
            finally:
                await pool.close()
            return said

        expected = [("A site", 403), ("A moderator", 403), ("B site", 200), ("B moderator", 200)]
        assert asyncio.run(after_delete()) == expected * 2
    finally:
        server.stop()
    with db.read() as session:
        assert session.scalars(select(Conference.slug)).all() == ["b"]
        gone = select(func.count(Invitation.id)).where(
            Invitation.conference_id == published["A"].id
        )
        assert session.scalar(gone) == 0
        # B's ballots and the two changes made after A was deleted; none of A's is left
        assert session.scalar(select(func.count(BallotChange.id))) == SITES + 2
