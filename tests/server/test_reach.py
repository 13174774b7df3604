"""Reaching the sites: HTTPS with the server's own certificate, HSTS only over HTTPS,
a reverse proxy's forwarded addresses believed only from the proxies named."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import trustme
from fastapi import FastAPI, Request

from app.cli import main
from app.db import Database
from app.server.runner import VotingServer
from tests.server.helpers import current_question, tokens
from tests.server.test_commands import Serve

pytestmark = pytest.mark.slow


def test_serve_over_https_votes_through_a_verified_connection(
    db_url: str, demo_open: int, db: Database, ca: trustme.CA, certificate: tuple[Path, Path]
) -> None:
    certfile, keyfile = certificate
    base = "https://abstimmung.example-klinikum.de"
    serve = Serve(
        db_url,
        "--host",
        "127.0.0.1",
        "--port",
        "0",
        "--certfile",
        str(certfile),
        "--keyfile",
        str(keyfile),
        "--base-url",
        base + "/",
    )
    try:
        port = int(serve.wait_for(r"listening on https://127\.0\.0\.1:(\d+)").group(1))
        serve.wait_for(rf"links demo --base-url {base}$")
        site_token = tokens(db, demo_open)["DD"]
        question = current_question(db, demo_open)
        verified = ssl.create_default_context()
        ca.configure_trust(verified)
        with httpx.Client(
            base_url=f"https://127.0.0.1:{port}", verify=verified, timeout=10
        ) as http:
            page = http.get(f"/v/{site_token}")
            assert page.status_code == 200
            assert page.headers["strict-transport-security"] == "max-age=31536000"
            state = http.get(f"/api/v/{site_token}/state").json()
            option = state["question"]["options"][0]["id"]
            cast = http.post(
                f"/api/v/{site_token}/ballot",
                json={"question_id": question, "option_ids": [option]},
            )
            assert cast.status_code == 200, cast.text
        with pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
            httpx.get(f"https://127.0.0.1:{port}/", timeout=10)  # an unknown CA is refused
        try:
            plain = httpx.get(f"http://127.0.0.1:{port}/v/{site_token}", timeout=10)
        except httpx.HTTPError:
            pass  # the TLS port hangs up on plain HTTP
        else:
            assert plain.status_code != 200 and site_token not in plain.text
    finally:
        serve.close()


def test_serve_refuses_half_a_certificate_or_an_untrusted_proxy_setup(
    db_url: str, demo_open: int, certificate: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    certfile, _keyfile = certificate
    assert main(["--db", db_url, "serve", "demo", "--certfile", str(certfile)]) == 1
    assert "--certfile and --keyfile go together" in capsys.readouterr().err
    assert main(["--db", db_url, "serve", "demo", "--proxy-headers"]) == 1
    assert "--forwarded-allow-ips" in capsys.readouterr().err
    bad = ["--db", db_url, "serve", "demo", "--proxy-headers", "--forwarded-allow-ips", "proxy"]
    assert main(bad) == 1
    assert "not an IP address" in capsys.readouterr().err


def _who(app: FastAPI) -> None:
    @app.get("/test/who")
    def who(request: Request) -> dict[str, str]:
        return {
            "client": request.client.host if request.client else "",
            "scheme": request.url.scheme,
        }


@pytest.fixture
def behind(db: Database, demo_open: int, request: pytest.FixtureRequest) -> Iterator[httpx.Client]:
    server = VotingServer(
        db, demo_open, host="127.0.0.1", port=0, configure=_who, trusted_proxies=request.param
    )
    server.start()
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{server.port}", timeout=10) as http:
            yield http
    finally:
        server.stop()


FORWARDED = {"X-Forwarded-For": "203.0.113.7", "X-Forwarded-Proto": "https"}


@pytest.mark.parametrize("behind", [("127.0.0.1",)], indirect=True)
def test_a_trusted_proxy_names_the_real_client_and_scheme(behind: httpx.Client) -> None:
    seen = behind.get("/test/who", headers=FORWARDED)
    assert seen.json() == {"client": "203.0.113.7", "scheme": "https"}
    assert seen.headers["strict-transport-security"] == "max-age=31536000"
    # the rate limit for wrong tokens counts per real client, not per proxy
    for _ in range(30):
        behind.get("/api/v/wrong-token-wrong-token-wrong/state", headers=FORWARDED)
    assert behind.get("/api/v/wrong-token/state", headers=FORWARDED).status_code == 429
    other = {"X-Forwarded-For": "198.51.100.9"}
    assert behind.get("/api/v/wrong-token/state", headers=other).status_code == 403


@pytest.mark.parametrize("behind", [(), ("127.0.0.2",)], indirect=True)
def test_forwarded_headers_from_anyone_else_are_ignored(behind: httpx.Client) -> None:
    seen = behind.get("/test/who", headers=FORWARDED)
    assert seen.json() == {"client": "127.0.0.1", "scheme": "http"}
    assert "strict-transport-security" not in seen.headers
