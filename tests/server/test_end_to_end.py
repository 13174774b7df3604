"""A whole session end to end as a hosted round runs it: ``serve --workers 2`` on PostgreSQL
over HTTPS (a throwaway CA's certificate), the laptop's conference file uploaded, two sites
voting in Chromium (JavaScript on, and off: the plain form), the others through the JSON
API, the moderator through the API, the results fetched home and the protocol written
there; every number equals that of the same votes cast on a single ``serve`` on SQLite."""

from __future__ import annotations

import base64
import hashlib
import re
import signal
import ssl
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import trustme
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from app.cli import main
from app.db import Database
from app.server.schemas import ResultOut
from app.services.agenda import agenda
from app.services.conference_export import Publish, build_conference_file
from app.services.conference_schema import ConferenceFile
from app.services.conferences import find_conference
from app.services.demo import load_demo
from app.services.results import question_result
from tests.server.test_browser import ARGS, CHROMIUM
from tests.server.test_commands import Serve
from tests.server.test_workers import _listeners

pytestmark = [
    pytest.mark.slow,
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed"),
]

QUESTIONS = 3  # moderated in agenda order (free-text questions are passed over)
JS_SITE, FORM_SITE = 0, 1  # by position among the sorted site codes

Vote = Callable[[str, str, dict[str, Any], dict[str, Any]], None]  # site, token, question, option


@pytest.fixture
def backend() -> str:
    """The hosted server runs on PostgreSQL (the SQLite reference makes its own file)."""
    return "postgresql"


def _numbers(result: dict[str, Any]) -> tuple[object, ...]:
    """What a protocol reports of a question: tally per option, consensus class, sentence."""
    tally = result["tally"]
    return (
        result["question"]["number"],
        result["question"]["round"],
        [(o["label"], o["count"], o["percent"]) for o in tally["options"]],
        tally["n_valid"],
        tally["n_abstain"],
        tally["consensus"],
        result["sentence_de"],
    )


def _spki_hash(certfile: Path) -> str:
    """Base64 SHA-256 of the leaf certificate's public key, as Chromium's
    ``--ignore-certificate-errors-spki-list`` takes it."""
    leaf = x509.load_pem_x509_certificate(certfile.read_bytes())
    spki = leaf.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return base64.b64encode(hashlib.sha256(spki).digest()).decode()


def _run_session(
    http: httpx.Client, auth: dict[str, str], links: dict[str, str], vote: Vote | None
) -> list[tuple[object, ...]]:
    """Moderate ``QUESTIONS`` questions of the uploaded conference; ``vote`` casts the
    browser sites' ballots (without it every site votes through the API). The served numbers."""
    cases = http.get("/api/moderator/agenda", headers=auth).json()
    by_id = {q["id"]: q for case in cases for q in case["questions"]}
    codes = sorted(links)
    served: list[tuple[object, ...]] = []
    while len(served) < QUESTIONS:
        moved = http.post("/api/moderator/next", headers=auth)
        assert moved.status_code == 200, moved.text
        question = by_id[moved.json()["current_question_id"]]
        if question["kind"] == "free_text":
            continue
        base = f"/api/moderator/questions/{question['id']}"
        assert http.post(f"{base}/open", headers=auth).is_success
        expected = 0
        for index, code in enumerate(codes):
            if index % 5 == 4:
                continue  # some sites stay away
            expected += 1
            options = question["options"]
            option = options[(index + len(served)) % len(options)]
            if vote is not None and index in (JS_SITE, FORM_SITE):
                vote(code, links[code], question, option)
                continue
            answer = http.post(
                f"/api/v/{links[code]}/ballot",
                json={"question_id": question["id"], "option_ids": [option["id"]]},
            )
            assert answer.status_code == 200, (code, answer.text)
        deadline = time.monotonic() + 15
        while (voted := http.get("/api/moderator/state", headers=auth).json())["live"][
            "n_voted"
        ] < expected:
            assert time.monotonic() < deadline, voted["live"]
        assert http.post(f"{base}/close", headers=auth).is_success
        assert http.post(f"{base}/reveal", headers=auth).is_success
        result = http.get(f"{base}/results", headers=auth)
        served.append(_numbers(result.json()))
    return served


def _new_conference(db_url: str) -> None:
    made = ["--db", db_url, "conference", "new", "Gehostet", "--date", "2026-12-03"]
    assert main([*made, "--slug", "demo"]) == 0


@pytest.fixture
def published(tmp_path: Path) -> ConferenceFile:
    """The laptop's demo conference as a conference file (what the sites need only)."""
    laptop = Database.open(f"sqlite:///{tmp_path / 'laptop.sqlite3'}")
    with laptop.write() as session:
        file = build_conference_file(session, load_demo(session), publish=Publish())
    laptop.dispose()
    return file


@pytest.fixture
def chromium(certificate: tuple[Path, Path]) -> Iterator[Any]:
    """Chromium trusting exactly the test server's key (and no other bad certificate)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    trust = f"--ignore-certificate-errors-spki-list={_spki_hash(certificate[0])}"
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=[*ARGS, trust])
        yield browser
        browser.close()


def test_hosted_session_on_two_workers_over_https_counts_as_on_sqlite(
    tmp_path: Path,
    new_db_url: Callable[[], str],
    ca: trustme.CA,
    certificate: tuple[Path, Path],
    published: ConferenceFile,
    chromium: Any,
) -> None:
    from playwright.sync_api import expect

    links = {i.site: i.token for i in published.invitations if i.token}
    body = published.model_dump(mode="json")
    verified = ssl.create_default_context()
    ca.configure_trust(verified)
    certfile, keyfile = certificate

    hosted_url = new_db_url()
    _new_conference(hosted_url)
    hosted = Database.open(hosted_url)
    serve = Serve(
        hosted_url, "--host", "127.0.0.1", "--port", "0", "--workers", "2",
        "--certfile", str(certfile), "--keyfile", str(keyfile),
    )  # fmt: skip
    js_page = form = None
    try:
        port = int(serve.wait_for(r"listening on https://127\.0\.0\.1:(\d+)").group(1))
        token = serve.wait_for(r"moderator token: (\S+)").group(1)
        deadline = time.monotonic() + 60
        while _listeners(hosted) < 2:  # both workers serve
            assert time.monotonic() < deadline, "the workers never listened"
        url = f"https://127.0.0.1:{port}"
        auth = {"Authorization": f"Bearer {token}"}
        js_page = chromium.new_page()
        form = chromium.new_context(java_script_enabled=False)
        form_page = form.new_page()
        errors: list[str] = []
        js_page.on("pageerror", lambda exc: errors.append(str(exc)))

        def vote(code: str, link: str, question: dict[str, Any], option: dict[str, Any]) -> None:
            if code == sorted(links)[JS_SITE]:
                panel = js_page.locator("#panel")
                expect(panel).to_have_attribute("data-question", str(question["id"]))
                js_page.locator(f"#c-{option['id']}").check()
                js_page.get_by_role("button", name="Stimme abgeben").click()
                expect(js_page.locator("#stored")).to_contain_text(f"„{option['label']}“")
            else:
                form_page.goto(f"{url}/v/{link}")
                form_page.locator(f"#c-{option['id']}").check()
                form_page.get_by_role("button", name="Stimme abgeben").click()
                expect(form_page).to_have_url(re.compile(rf"/stored\?q={question['id']}&rev=1"))

        with httpx.Client(base_url=url, verify=verified, timeout=15) as http:
            assert http.put("/api/moderator/conference", json=body, headers=auth).is_success
            js_page.goto(f"{url}/v/{links[sorted(links)[JS_SITE]]}")
            expect(js_page.locator("h1")).not_to_be_empty()
            hosted_numbers = _run_session(http, auth, links, vote)
            home_file = tmp_path / "home.votum-conference.json"
            home_file.write_bytes(http.get("/api/moderator/conference/file", headers=auth).content)
        assert errors == []
    finally:
        if form is not None:
            form.close()
        if js_page is not None:
            js_page.close()
        serve.proc.send_signal(signal.SIGINT)  # the parent stops its workers
        try:
            serve.proc.wait(30)
        finally:
            serve.close()
        hosted.dispose()

    home_url = f"sqlite:///{(tmp_path / 'home.sqlite3').as_posix()}"
    assert main(["--db", home_url, "conference", "import", str(home_file)]) == 0
    home = Database.open(home_url)
    with home.read() as session:
        conf = find_conference(session, "demo")
        local = [
            _numbers(ResultOut.of(question_result(session, q.id), "de").model_dump(mode="json"))
            for case in agenda(session, conf.id)
            for q in case.questions
            if q.state == "closed"
        ]
    home.dispose()
    protocol = tmp_path / "protocol.pdf"
    assert main(["--db", home_url, "report", "demo", "-o", str(protocol)]) == 0
    assert protocol.read_bytes().startswith(b"%PDF")

    reference_url = f"sqlite:///{(tmp_path / 'reference.sqlite3').as_posix()}"
    _new_conference(reference_url)
    single = Serve(reference_url, "--host", "127.0.0.1", "--port", "0")
    try:
        port = int(single.wait_for(r"listening on http://127\.0\.0\.1:(\d+)").group(1))
        token = single.wait_for(r"moderator token: (\S+)").group(1)
        auth = {"Authorization": f"Bearer {token}"}
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=15) as http:
            assert http.put("/api/moderator/conference", json=body, headers=auth).is_success
            reference = _run_session(http, auth, links, None)
    finally:
        single.close()

    assert hosted_numbers == reference
    assert local == reference
    assert all(numbers[3] for numbers in reference)  # ballots were counted in each
