"""A throwaway PostgreSQL cluster (initdb + pg_ctl) for the tests and the benchmark.

No system service is touched: the data and socket folders live in a temporary folder, the
server listens on 127.0.0.1 only, on a free port, and is stopped (``pg_ctl -m fast``) and
deleted at the end. PostgreSQL refuses to run as root; as root, both commands run as the
``postgres`` user (``runuser``), which then owns the folders.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

BIN_ENV_VAR = "VOTUM_PG_BIN"

#: Tests check Votum's rules, not the disk: a test cluster need not flush (the benchmark
#: keeps PostgreSQL's durable defaults by passing ``durable=True``).
FAST_SETTINGS = ("fsync=off", "full_page_writes=off")


def find_bin_dir() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl`` ($VOTUM_PG_BIN, PATH, Debian's layout)."""
    candidates: list[Path] = []
    if os.environ.get(BIN_ENV_VAR):
        candidates.append(Path(os.environ[BIN_ENV_VAR]))
    on_path = shutil.which("pg_ctl")
    if on_path:
        candidates.append(Path(on_path).parent)
    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
    for folder in candidates:
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class ClusterError(RuntimeError):
    """The throwaway cluster could not be started; the message says why."""


class Cluster:
    """One throwaway cluster; :meth:`start` returns an SQLAlchemy URL of its superuser."""

    def __init__(self, bin_dir: Path, *, durable: bool = False) -> None:
        self.bin_dir = bin_dir
        self.durable = durable
        self.root = Path(tempfile.mkdtemp(prefix="votum-pg-"))
        self.data = self.root / "data"
        self.sockets = self.root / "sockets"
        self.port = 0
        self._as_postgres = sys.platform != "win32" and os.geteuid() == 0

    def _run(self, *args: str) -> None:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise ClusterError(f"{args[0]} failed: {(done.stderr or done.stdout).strip()}")

    def start(self) -> str:
        self.data.mkdir()
        self.sockets.mkdir()
        if self._as_postgres:
            self.root.chmod(0o755)
            for folder in (self.data, self.sockets):
                shutil.chown(folder, "postgres", "postgres")
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                  "--locale=C", "--no-sync")  # fmt: skip
        self.port = free_port()
        settings = [
            "listen_addresses=127.0.0.1",
            f"port={self.port}",
            f"unix_socket_directories={self.sockets}",
            "max_connections=300",
            *(() if self.durable else FAST_SETTINGS),
        ]
        options = " ".join(f"-c {s}" for s in settings)
        log = self.root / "server.log"
        if self._as_postgres:
            log.touch()
            shutil.chown(log, "postgres", "postgres")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(log), "-o", options, "-w", "start")
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            with contextlib.suppress(ClusterError, subprocess.TimeoutExpired):
                self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)
