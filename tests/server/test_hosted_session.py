"""A whole session on a hosted server over HTTPS: an empty conference made there, the
laptop's conference published into it, sites voting with the laptop's links, the
moderator through the API, the results fetched home give the same numbers."""

from __future__ import annotations

import ssl
from pathlib import Path
from typing import Any

import httpx
import pytest
import trustme

from app.cli import main
from app.db import Database
from app.server.schemas import ResultOut
from app.services.agenda import agenda
from app.services.conference_export import Publish, build_conference_file
from app.services.conferences import find_conference
from app.services.demo import load_demo
from app.services.results import question_result
from tests.server.test_commands import Serve

pytestmark = pytest.mark.slow


def _numbers(result: dict[str, Any]) -> tuple[object, ...]:
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


def test_publish_vote_fetch_home_over_https(
    tmp_path: Path,
    ca: trustme.CA,
    certificate: tuple[Path, Path],
) -> None:
    laptop = Database.open(f"sqlite:///{tmp_path / 'laptop.sqlite3'}")
    with laptop.write() as session:
        published = build_conference_file(session, load_demo(session), publish=Publish())
    laptop.dispose()
    links = {i.site: i.token for i in published.invitations}

    server_db = f"sqlite:///{(tmp_path / 'server.sqlite3').as_posix()}"
    made = ["--db", server_db, "conference", "new", "Gehostet", "--date", "2026-12-03"]
    assert main([*made, "--slug", "demo"]) == 0
    certfile, keyfile = certificate
    serve = Serve(
        server_db, "--host", "127.0.0.1", "--port", "0",
        "--certfile", str(certfile), "--keyfile", str(keyfile),
    )  # fmt: skip
    try:
        port = int(serve.wait_for(r"listening on https://127\.0\.0\.1:(\d+)").group(1))
        token = serve.wait_for(r"moderator token: (\S+)").group(1)
        verified = ssl.create_default_context()
        ca.configure_trust(verified)
        auth = {"Authorization": f"Bearer {token}"}
        with httpx.Client(
            base_url=f"https://127.0.0.1:{port}", verify=verified, timeout=10
        ) as http:
            body = published.model_dump(mode="json")
            assert http.put("/api/moderator/conference", json=body, headers=auth).is_success
            cases = http.get("/api/moderator/agenda", headers=auth).json()
            questions = [q for case in cases for q in case["questions"]][:3]
            for number, question in enumerate(questions):
                base = f"/api/moderator/questions/{question['id']}"
                assert http.post(f"{base}/open", headers=auth).is_success
                for index, (code, link) in enumerate(sorted(links.items())):
                    if question["kind"] == "free_text" or index % 5 == 4:
                        continue  # some sites stay away
                    options = question["options"]
                    choice = options[(index + number) % len(options)]["id"]
                    answer = http.post(
                        f"/api/v/{link}/ballot",
                        json={"question_id": question["id"], "option_ids": [choice]},
                    )
                    assert answer.status_code == 200, (code, answer.text)
                assert http.post(f"{base}/close", headers=auth).is_success
                assert http.post(f"{base}/reveal", headers=auth).is_success
            served = [
                _numbers(
                    http.get(f"/api/moderator/questions/{q['id']}/results", headers=auth).json()
                )
                for q in questions
            ]
            home_file = tmp_path / "home.votum-conference.json"
            fetched = http.get("/api/moderator/conference/file", headers=auth)
            home_file.write_bytes(fetched.content)
    finally:
        serve.close()

    home_url = f"sqlite:///{(tmp_path / 'home.sqlite3').as_posix()}"
    assert main(["--db", home_url, "conference", "import", str(home_file)]) == 0
    home = Database.open(home_url)
    with home.read() as session:
        conf = find_conference(session, "demo")
        ids = [q.id for case in agenda(session, conf.id) for q in case.questions][:3]
        local = [
            _numbers(ResultOut.of(question_result(session, i), "de").model_dump(mode="json"))
            for i in ids
        ]
    home.dispose()
    assert local == served
    assert any(count for numbers in served for _label, count, _p in numbers[2])  # type: ignore[attr-defined]
    assert main(["--db", home_url, "report", "demo", "-o", str(tmp_path / "p.pdf")]) == 0
