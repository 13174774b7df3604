"""A hosted voting server for the remote tests: ``python main.py serve`` over HTTPS with a
test CA (trustme), its own SQLite file, stoppable and restartable on the same port."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import trustme

from app.db import Database
from app.remote.client import Connection, ModeratorClient
from app.services.demo import load_demo
from tests.server.test_commands import Serve


@pytest.fixture(scope="session")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def ca_file(ca: trustme.CA, tmp_path: Path) -> Path:
    path = tmp_path / "hospital-ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return path


class Hosted:
    """The voting server as a subprocess (kill it, start it again on the same port)."""

    def __init__(self, db_url: str, certfile: Path, keyfile: Path, ca_file: Path) -> None:
        self.db_url, self.certfile, self.keyfile, self.ca_file = db_url, certfile, keyfile, ca_file
        self.port = 0
        self.token = ""
        self.serve: Serve | None = None
        self.start()

    def start(self) -> None:
        serve = Serve(
            self.db_url,
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--certfile",
            str(self.certfile),
            "--keyfile",
            str(self.keyfile),
        )
        self.serve = serve
        self.port = int(serve.wait_for(r"listening on https://127\.0\.0\.1:(\d+)").group(1))
        self.token = serve.wait_for(r"moderator token: (\S+)").group(1)

    def kill(self) -> None:
        if self.serve is not None:
            self.serve.close()
            self.serve = None

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def connection(self, *, ca: bool = True) -> Connection:
        return Connection(self.url, self.token, self.ca_file if ca else None)

    def client(self, **kwargs: object) -> ModeratorClient:
        return ModeratorClient(self.connection(), **kwargs)  # type: ignore[arg-type]


@pytest.fixture
def server_db_url(new_db_url: Callable[[], str]) -> str:
    """The hosted server's own database, with the demo conference ("demo") in it."""
    url = new_db_url()  # on this test's backend: SQLite, then PostgreSQL
    database = Database.open(url)
    with database.write() as session:
        load_demo(session)
    database.dispose()
    return url


def host(db_url: str, ca: trustme.CA, ca_file: Path, folder: Path) -> Hosted:
    """``serve`` on ``db_url`` over HTTPS with a certificate of the test CA."""
    cert = ca.issue_cert("127.0.0.1", "localhost")
    certfile, keyfile = folder / "server.pem", folder / "server.key"
    cert.private_key_pem.write_to_path(str(keyfile))
    with certfile.open("wb") as stream:
        for blob in cert.cert_chain_pems:
            stream.write(blob.bytes())
    return Hosted(db_url, certfile, keyfile, ca_file)


@pytest.fixture
def hosted(server_db_url: str, ca: trustme.CA, ca_file: Path, tmp_path: Path) -> Iterator[Hosted]:
    server = host(server_db_url, ca, ca_file, tmp_path)
    try:
        yield server
    finally:
        server.kill()
