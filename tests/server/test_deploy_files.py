"""The shipped deployment files, tried for real: nginx (as Debian 12 ships it) and Caddy
accept them, proxy to a standing Votum, and no log they write holds a site's link, while
Votum is down or up; the systemd unit's commands run the round's server as documented.

nginx and Caddy run as this user on free ports, with the shipped files changed only where
a test must (ports, certificate and log paths). ``.ci/run`` installs both.
"""

from __future__ import annotations

import re
import shutil
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import trustme

from app.db import Database
from tests.server.helpers import make_conference, serving_round, tokens

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "docs" / "deploy"
SECRET = "SeCrEtLiNk" + "x" * 33  # a link's token as the sites have them: 43 characters


@pytest.fixture
def backend() -> str:
    """The proxies' behaviour does not depend on the database: SQLite only."""
    return "sqlite"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for_port(port: int, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise AssertionError(f"nothing listens on port {port}")


class Ports:
    """The three ports a proxy test uses: plain HTTP, HTTPS, and Votum behind them."""

    def __init__(self) -> None:
        self.http, self.https, self.votum = _free_port(), _free_port(), _free_port()


@pytest.fixture
def certificate(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A throwaway CA and a certificate for 127.0.0.1: (CA, chain, key)."""
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    ca_file, chain, key = tmp_path / "ca.pem", tmp_path / "chain.pem", tmp_path / "key.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    cert.private_key_pem.write_to_path(str(key))
    chain.write_bytes(b"".join(blob.bytes() for blob in cert.cert_chain_pems))
    return ca_file, chain, key


def _logs(folder: Path) -> str:
    return "\n".join(p.read_text(errors="replace") for p in sorted(folder.rglob("*.log")))


def _requests_with_links(ports: Ports, ca_file: Path, link: str) -> list[int]:
    """What a site does: its link over HTTPS (page, state, live stream), and over plain
    HTTP (redirected)."""
    statuses = []
    with httpx.Client(verify=ssl.create_default_context(cafile=str(ca_file)), timeout=10) as https:
        base = f"https://127.0.0.1:{ports.https}"
        statuses.append(https.get(f"{base}/v/{link}").status_code)
        statuses.append(https.get(f"{base}/api/v/{link}/state").status_code)
        statuses.append(https.post(f"{base}/v/{link}", data={"question_id": "1"}).status_code)
    plain = httpx.get(f"http://127.0.0.1:{ports.http}/v/{link}", timeout=10)
    statuses.append(plain.status_code)
    return statuses


# --- nginx -----------------------------------------------------------------------------


nginx = pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is not installed")


def _nginx_site(tmp_path: Path, ports: Ports, chain: Path, key: Path) -> Path:
    """The shipped file with the ports, certificate and log folder of this test; and the
    main configuration Debian's would be, around it."""
    logs = tmp_path / "logs"
    logs.mkdir()
    site = (DEPLOY / "nginx.conf").read_text()
    for shipped, here in [
        ("listen 80;", f"listen 127.0.0.1:{ports.http};"),
        ("listen [::]:80;", ""),
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{ports.https} ssl http2;"),
        ("listen [::]:443 ssl http2;", ""),
        ("/etc/ssl/votum/fullchain.pem", str(chain)),
        ("/etc/ssl/votum/privkey.pem", str(key)),
        ("/var/log/nginx/", f"{logs}/"),
        ("127.0.0.1:8765", f"127.0.0.1:{ports.votum}"),
    ]:
        assert shipped in site, shipped
        site = site.replace(shipped, here)
    (tmp_path / "votum.conf").write_text(site)
    temp = tmp_path / "temp"
    temp.mkdir()
    main = tmp_path / "nginx.conf"
    main.write_text(
        f"pid {tmp_path}/nginx.pid;\n"
        f"error_log {logs}/main-error.log;\n"  # Debian's default level: error
        "events {}\n"
        "http {\n"
        f"  client_body_temp_path {temp}/body; proxy_temp_path {temp}/proxy;\n"
        f"  fastcgi_temp_path {temp}/fastcgi; uwsgi_temp_path {temp}/uwsgi;\n"
        f"  scgi_temp_path {temp}/scgi;\n"
        f"  access_log {logs}/access.log;\n"  # Debian's default access log
        f"  include {tmp_path}/votum.conf;\n"
        "}\n"
    )
    return main


@nginx
def test_nginx_accepts_the_shipped_configuration(
    tmp_path: Path, certificate: tuple[Path, Path, Path]
) -> None:
    _ca, chain, key = certificate
    config = _nginx_site(tmp_path, Ports(), chain, key)
    result = subprocess.run(
        ["nginx", "-t", "-c", str(config), "-p", str(tmp_path), "-e", str(tmp_path / "t.log")],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr
    assert "http2 on" not in (DEPLOY / "nginx.conf").read_text()  # 1.22 refuses it


@pytest.fixture
def nginx_running(
    tmp_path: Path, certificate: tuple[Path, Path, Path]
) -> Iterator[tuple[Ports, Path]]:
    _ca, chain, key = certificate
    ports = Ports()
    config = _nginx_site(tmp_path, ports, chain, key)
    base = ["nginx", "-c", str(config), "-p", str(tmp_path), "-e", str(tmp_path / "logs/e.log")]
    subprocess.run([*base, "-g", "daemon on;"], check=True, timeout=30)
    try:
        _wait_for_port(ports.https)
        yield ports, tmp_path / "logs"
    finally:
        subprocess.run([*base, "-s", "quit"], timeout=30)
        deadline = time.monotonic() + 10
        while (tmp_path / "nginx.pid").exists() and time.monotonic() < deadline:
            time.sleep(0.05)


@nginx
def test_no_log_nginx_writes_holds_a_link_whether_votum_is_down_or_up(
    nginx_running: tuple[Ports, Path],
    certificate: tuple[Path, Path, Path],
    db: Database,
) -> None:
    ports, logs = nginx_running
    ca_file = certificate[0]
    assert _requests_with_links(ports, ca_file, SECRET) == [502, 502, 502, 301]
    with db.write() as session:
        conf_id = make_conference(session, 2, prefix="N")
    link = tokens(db, conf_id)["N001"]
    with serving_round(db, port=ports.votum):
        assert _requests_with_links(ports, ca_file, SECRET) == [403, 403, 403, 301]
        assert _requests_with_links(ports, ca_file, link)[:2] == [200, 200]
        with httpx.Client(
            verify=ssl.create_default_context(cafile=str(ca_file)), timeout=10
        ) as https:  # a live stream flows
            url = f"https://127.0.0.1:{ports.https}/v/{link}/events"
            with https.stream("GET", url) as stream:
                assert next(stream.iter_lines()).startswith("retry:")
    time.sleep(0.5)  # nginx writes its access log line after the answer
    written = _logs(logs)
    assert re.search(r" GET 502 ", written) and re.search(r" GET 200 ", written)
    assert SECRET not in written and link not in written
    assert link[:12] not in written and SECRET[:12] not in written


# --- Caddy -----------------------------------------------------------------------------


caddy = pytest.mark.skipif(shutil.which("caddy") is None, reason="Caddy is not installed")


def _caddyfile(tmp_path: Path, ports: Ports, chain: Path, key: Path) -> Path:
    """The shipped Caddyfile with this test's ports, certificate and log file."""
    text = (DEPLOY / "Caddyfile").read_text()
    logs = tmp_path / "logs"
    logs.mkdir()
    for shipped, here in [
        (
            "\tlog default {\n",
            f"\thttp_port {ports.http}\n\thttps_port {ports.https}\n\tadmin off\n"
            f"\tstorage file_system {tmp_path}/caddy\n"
            f"\tlog default {{\n\t\toutput file {logs}/caddy.log\n",
        ),
        (
            "abstimmung.example-klinikum.de {\n",
            f"127.0.0.1 {{\n\ttls {chain} {key}\n",
        ),
        ("127.0.0.1:8765", f"127.0.0.1:{ports.votum}"),
    ]:
        assert shipped in text, shipped
        text = text.replace(shipped, here)
    path = tmp_path / "Caddyfile"
    path.write_text(text)
    return path


def _caddy_env(tmp_path: Path) -> dict[str, str]:
    return {"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}


@caddy
def test_caddy_accepts_the_shipped_configuration(
    tmp_path: Path, certificate: tuple[Path, Path, Path]
) -> None:
    _ca, chain, key = certificate
    path = _caddyfile(tmp_path, Ports(), chain, key)
    result = subprocess.run(
        ["caddy", "validate", "--config", str(path), "--adapter", "caddyfile"],
        capture_output=True,
        text=True,
        timeout=60,
        env=_caddy_env(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert "Valid configuration" in result.stdout + result.stderr


@caddy
def test_no_log_caddy_writes_holds_a_link_whether_votum_is_down_or_up(
    tmp_path: Path, certificate: tuple[Path, Path, Path], db: Database
) -> None:
    ca_file, chain, key = certificate
    ports = Ports()
    path = _caddyfile(tmp_path, ports, chain, key)
    output = tmp_path / "logs" / "caddy-output.log"
    with output.open("w") as sink:
        proc = subprocess.Popen(
            ["caddy", "run", "--config", str(path), "--adapter", "caddyfile"],
            stdout=sink,
            stderr=subprocess.STDOUT,
            env=_caddy_env(tmp_path),
        )
    try:
        _wait_for_port(ports.https)
        down = _requests_with_links(ports, ca_file, SECRET)
        assert down[:3] == [502, 502, 502] and down[3] in (301, 308)
        with db.write() as session:
            conf_id = make_conference(session, 2, prefix="C")
        link = tokens(db, conf_id)["C001"]
        with serving_round(db, port=ports.votum):
            assert _requests_with_links(ports, ca_file, link)[:2] == [200, 200]
    finally:
        proc.terminate()
        proc.wait(20)
    written = _logs(tmp_path / "logs")
    assert "dial tcp" not in written or SECRET not in written
    assert SECRET not in written and link not in written


# --- the systemd unit ------------------------------------------------------------------


def _unit_command(key: str, env: dict[str, str]) -> list[str]:
    """The unit's ``ExecStart``/``ExecStartPre`` as systemd runs it: lines joined, each
    ``${VAR}`` from the environment file, this checkout's Python and main.py."""
    unit = (DEPLOY / "votum.service").read_text().replace("\\\n", " ")
    line = next(line for line in unit.splitlines() if line.startswith(f"{key}="))
    words = line.removeprefix(f"{key}=").split()
    words = [re.sub(r"\$\{(\w+)\}", lambda m: env[m.group(1)], w) for w in words]
    assert words[:2] == ["/opt/votum/venv/bin/python", "/opt/votum/main.py"]
    return [sys.executable, str(ROOT / "main.py"), *words[2:]]


def _environment_file(db_url: str, port: int) -> dict[str, str]:
    """The shipped votum.env with this test's database and port."""
    env: dict[str, str] = {}
    for line in (DEPLOY / "votum.env").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, value = line.partition("=")
            env[name] = value
    assert env["VOTUM_DB"].startswith("postgresql://")  # the documented path
    env.update(VOTUM_DB=db_url, VOTUM_PORT=str(port))
    return env


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="the unit is for Linux servers")
def test_the_units_check_and_start_serve_the_round_from_postgresql_with_workers(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    server = request.getfixturevalue("postgres")
    db_url = server.new_database()
    request.addfinalizer(lambda: server.drop(db_url))
    port = _free_port()
    env = {**_environment_file(db_url, port), "PATH": "/usr/bin:/bin"}
    helper = {**env, "VOTUM_ENV_FILE": str(tmp_path / "votum.env"), "VOTUM_HOME": str(ROOT)}
    (tmp_path / "votum.env").write_text("".join(f"{k}={v}\n" for k, v in env.items()))
    helper.update(VOTUM_USER=_whoami(), VOTUM_PYTHON=sys.executable)
    admin = [str(DEPLOY / "votum-admin")]
    token = subprocess.run(
        [*admin, "organiser", "token", "--rotate"],
        env=helper, capture_output=True, text=True, timeout=120, check=True,
    ).stdout  # fmt: skip
    assert re.search(r"organiser token: \S{43}", token)
    check = subprocess.run(
        _unit_command("ExecStartPre", env), env=env, capture_output=True, text=True, timeout=120
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert "organiser token: issued" in check.stdout
    proc = subprocess.Popen(
        _unit_command("ExecStart", env), env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert first.startswith("Votum voting server for the round: 0 conferences (2 workers)")
        _wait_for_port(port, 60)
        answer = httpx.get(f"http://127.0.0.1:{port}/", timeout=10)
        assert answer.status_code == 200
    finally:
        proc.terminate()
        proc.wait(30)
        if proc.stdout is not None:
            proc.stdout.close()
    broken = subprocess.run(  # the check says every problem, each in one line
        _unit_command("ExecStartPre", {**env, "WORKERS": "2"}),
        env={**env, "VOTUM_DB": "sqlite:////nonexistent/votum.sqlite3", "WORKERS": "2"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert broken.returncode == 1
    problems = broken.stderr.strip().splitlines()
    assert len(problems) == 2  # workers need PostgreSQL; the database folder is missing
    assert all(line.startswith("votum: check: ") for line in problems)


def _whoami() -> str:
    import getpass

    return getpass.getuser()
