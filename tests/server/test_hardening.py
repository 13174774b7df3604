"""Findings of the security review, each against a real server: budgets, huge ids, headers
on every answer, the plain form's errors and long comments, an honest confirmation."""

from __future__ import annotations

import secrets
from collections.abc import Iterator

import httpx
import pytest
from fastapi import FastAPI

from app.db import Database
from app.models import BallotSource
from app.server.runner import VotingServer
from app.server.security import RateLimiter
from app.services.ballots import current_ballots
from tests.server.helpers import Served, serving, snapshot, tokens

HUGE = "99999999999999999999"
LARGEST = 2**31 - 1  # the largest id an INTEGER column holds on PostgreSQL


def _options(client: httpx.Client, token: str) -> tuple[int, list[int]]:
    question = client.get(f"/api/v/{token}/state").json()["question"]
    return question["id"], [o["id"] for o in question["options"]]


def _has_security_headers(response: httpx.Response) -> None:
    headers = response.headers
    assert "frame-ancestors 'none'" in headers["content-security-policy"], response.url
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["cache-control"] == "no-store"
    assert headers["referrer-policy"] == "no-referrer"


def _stored_comment(served: Served, question: int, code: str) -> str:
    with served.db.read() as session:
        (ballot,) = [b for b in current_ballots(session, question) if b.site_code == code]
    return ballot.comment


# L4 — budgets


def test_budgets_count_ballots_per_site_not_reads_nor_made_up_tokens(
    db: Database, small_conf: int
) -> None:
    codes = tokens(db, small_conf)
    with (
        serving(db, small_conf, rate_limiter=RateLimiter(rate=0.01, burst=5)) as running,
        httpx.Client(base_url=running.url, timeout=10) as http,
    ):
        question, (yes, _no) = _options(http, codes["T000"])
        ballot = {"question_id": question, "option_ids": [yes]}
        # several tabs of one site polling: not charged to its ballots
        reads = [http.get(f"/api/v/{codes['T000']}/state").status_code for _ in range(20)]
        reads += [http.get(f"/v/{codes['T000']}/panel").status_code for _ in range(5)]
        assert reads == [200] * 25
        cast = [http.post(f"/api/v/{codes['T000']}/ballot", json=ballot) for _ in range(7)]
        assert [r.status_code for r in cast] == [200] * 5 + [429] * 2
        assert "too many requests" in cast[-1].json()["detail"]
        assert cast[-1].json()["messages"] == {  # each language by itself, for a client
            "de": "Zu viele Anfragen; bitte kurz warten",
            "en": "too many requests; please wait a moment",
        }
        assert http.post(f"/api/v/{codes['T001']}/ballot", json=ballot).status_code == 200

        # made-up tokens share one budget per client address ...
        running.server.ctx.limits.unknown = RateLimiter(rate=0.01, burst=10)
        forged = [
            http.post(f"/api/v/{secrets.token_urlsafe(32)}/ballot", json=ballot).status_code
            for _ in range(12)
        ]
        assert forged == [403] * 10 + [429] * 2
        wrong_moderator = http.post(
            "/api/moderator/next", headers={"Authorization": "Bearer made-up"}
        )
        assert wrong_moderator.status_code == 429
        page = http.get(f"/v/{secrets.token_urlsafe(32)}")
        assert page.status_code == 429
        # ... and leave the real sites alone
        assert http.get(f"/api/v/{codes['T002']}/state").status_code == 200
        assert http.get(f"/v/{codes['T002']}").status_code == 200
        assert http.post(f"/api/v/{codes['T002']}/ballot", json=ballot).status_code == 200
        assert http.get("/api/moderator/state", headers=running.moderator).status_code == 200


# L2 — ids beyond SQLite's integers


def test_huge_ids_are_refused_with_422_not_a_crash(served: Served, client: httpx.Client) -> None:
    token = tokens(served.db, served.conf_id)["DD"]
    question, options = _options(client, token)
    mod = served.moderator
    before = snapshot(served.db)
    refused = [
        client.get(f"/v/{token}/stored?q={HUGE}"),
        client.get(f"/v/{token}/stored?q={question}&rev={HUGE}"),
        client.get(f"/v/{token}/stored?q={LARGEST + 1}"),
        client.post(f"/api/v/{token}/ballot", json={"question_id": LARGEST + 1, "abstain": True}),
        client.post(f"/api/moderator/questions/{HUGE}/close", headers=mod),
        client.get(f"/api/moderator/questions/{HUGE}/results", headers=mod),
        client.post(
            f"/api/moderator/questions/{HUGE}/ballots",
            headers=mod,
            json={"site_code": "DD", "option_ids": [options[0]]},
        ),
        client.post(
            f"/api/moderator/questions/{question}/ballots",
            headers=mod,
            json={"site_code": "DD", "option_ids": [int(HUGE)]},
        ),
        client.post(f"/api/v/{token}/ballot", json={"question_id": int(HUGE), "abstain": True}),
        client.post(
            f"/api/v/{token}/ballot", json={"question_id": question, "option_ids": [int(HUGE)]}
        ),
        client.post(f"/v/{token}", data={"question_id": HUGE, "choice": "abstain"}),
    ]
    for response in refused:
        assert response.status_code == 422, (response.url, response.text)
        _has_security_headers(response)
    assert refused[-1].headers["content-type"].startswith("text/html")
    # the largest id every backend holds is simply not found
    assert client.get(f"/v/{token}/stored?q={LARGEST}").status_code == 303
    largest = client.post(f"/api/moderator/questions/{LARGEST}/close", headers=mod)
    assert largest.status_code == 404
    assert snapshot(served.db) == before


# L3 — security headers on every answer


@pytest.fixture
def crashing(db: Database, demo_open: int) -> Iterator[str]:
    def add_bug(app: FastAPI) -> None:
        @app.get("/bug")
        def bug() -> None:
            raise RuntimeError("secret internals /home/moderator/votum.sqlite3")

    server = VotingServer(db, demo_open, host="127.0.0.1", port=0, configure=add_bug)
    server.start()
    try:
        yield f"http://127.0.0.1:{server.port}"
    finally:
        server.stop()


def test_errors_of_every_layer_have_the_security_headers(crashing: str, db: Database) -> None:
    token = next(iter(tokens(db, 1).values()))
    with httpx.Client(base_url=crashing, timeout=10) as http:
        bug = http.get("/bug")
        assert bug.status_code == 500
        assert "secret" not in bug.text and "Traceback" not in bug.text
        assert "internal server error" in bug.text
        _has_security_headers(bug)
        declared = http.post(f"/api/v/{token}/ballot", json={"comment": "x" * 70_000})
        assert declared.status_code == 413
        _has_security_headers(declared)

        def chunks() -> Iterator[bytes]:
            for _ in range(100):
                yield b"x" * 1024

        streamed = http.post(
            f"/api/v/{token}/ballot",
            content=chunks(),
            headers={"Content-Type": "application/json"},
        )
        assert streamed.status_code == 413
        _has_security_headers(streamed)
        assert http.get("/api/nothing-here").status_code == 404
        _has_security_headers(http.get("/api/nothing-here"))
        # the server still serves after the bug
        assert http.get(f"/api/v/{token}/state").status_code == 200


# M2 — the plain form: long comments with line breaks, errors as pages


def test_plain_form_stores_a_long_comment_with_line_breaks(
    served: Served, client: httpx.Client
) -> None:
    token = tokens(served.db, served.conf_id)["DD"]
    question, _ = _options(client, token)
    lines = ["x" * 99] * 20  # 1999 characters in the textarea, 2018 as the browser sends them
    response = client.post(
        f"/v/{token}",
        data={"question_id": str(question), "choice": "abstain", "comment": "\r\n".join(lines)},
    )
    assert response.status_code == 303, response.text
    assert _stored_comment(served, question, "DD") == "\n".join(lines)


def test_plain_form_refusals_are_pages_that_keep_the_input(
    served: Served, client: httpx.Client
) -> None:
    token = tokens(served.db, served.conf_id)["DD"]
    question, (yes, _no) = _options(client, token)
    before = snapshot(served.db)
    comment = "Zeile eins\r\nZeile <zwei>"

    nothing = client.post(f"/v/{token}", data={"question_id": str(question), "comment": comment})
    bad_choice = client.post(
        f"/v/{token}?lang=en",
        data={"question_id": str(question), "choice": ["x" * 13, str(yes)], "comment": comment},
    )
    too_long = client.post(
        f"/v/{token}",
        data={"question_id": str(question), "choice": str(yes), "comment": "y" * 2001},
    )
    oversized = client.post(
        f"/v/{token}?lang=en",
        content=b"question_id=1&comment=" + b"z" * 70_000,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    cases = [
        (nothing, 422, "Bitte eine Option wählen"),
        (bad_choice, 422, "invalid choice"),
        (too_long, 422, "Kommentar zu lang (höchstens 2000 Zeichen)"),
        (oversized, 413, "request body too large"),
    ]
    for response, status, message in cases:
        assert response.status_code == status, response.text
        assert response.headers["content-type"].startswith("text/html")
        _has_security_headers(response)
        assert message in response.text
        assert '<form class="ballot"' in response.text
    assert "Die Stimme wurde nicht gespeichert" in nothing.text
    assert "Your vote was not stored" in bad_choice.text
    assert "Ungültige Auswahl" not in bad_choice.text  # English page: no German half
    assert "Anfrage zu groß" not in oversized.text
    for kept in (nothing, bad_choice):
        assert ">Zeile eins\nZeile &lt;zwei&gt;</textarea>" in kept.text
    assert f'value="{yes}" checked' in bad_choice.text
    assert f'value="{yes}" checked' in too_long.text
    assert snapshot(served.db) == before
    api = client.post(f"/api/v/{token}/ballot", json={"question_id": question})
    assert api.status_code == 422 and "detail" in api.json()  # the JSON API stays JSON


def test_plain_form_over_the_ballot_budget_gets_a_page(db: Database, small_conf: int) -> None:
    token = tokens(db, small_conf)["T000"]
    with (
        serving(db, small_conf, rate_limiter=RateLimiter(rate=0.01, burst=1)) as running,
        httpx.Client(base_url=running.url, timeout=10) as http,
    ):
        question, (yes, _no) = _options(http, token)
        form = {"question_id": str(question), "choice": str(yes), "comment": "zweiter Versuch"}
        assert http.post(f"/v/{token}", data=form).status_code == 303
        again = http.post(f"/v/{token}", data=form)
        assert again.status_code == 429
        assert again.headers["content-type"].startswith("text/html")
        _has_security_headers(again)
        assert "Zu viele Anfragen; bitte kurz warten" in again.text
        assert ">zweiter Versuch</textarea>" in again.text


# L5 — the no-script confirmation tells what is stored now, and by whom


def test_confirmation_says_when_the_moderator_replaced_the_ballot(
    served: Served, client: httpx.Client
) -> None:
    token = tokens(served.db, served.conf_id)["DD"]
    question, (yes, no) = _options(client, token)
    sent = client.post(f"/v/{token}", data={"question_id": str(question), "choice": str(no)})
    assert sent.status_code == 303
    location = sent.headers["location"]
    assert location == f"/v/{token}/stored?q={question}&rev=1&lang=de"
    mine = client.get(location).text
    assert "✔ Stimme gespeichert" in mine and "ersetzt" not in mine

    entered = client.post(
        f"/api/moderator/questions/{question}/ballots",
        headers=served.moderator,
        json={"site_code": "DD", "option_ids": [yes]},
    )
    assert entered.status_code == 200, entered.text
    later = client.get(location).text
    assert "Stimme gespeichert" not in later
    assert "Ihre Stimme wurde inzwischen ersetzt" in later
    assert "„Ja, Empfehlung HCQ + Trametinib“" in later
    assert "(eingetragen durch die Moderation)" in later
    english = client.get(location.replace("lang=de", "lang=en")).text
    assert "Your vote has since been replaced" in english
    assert "(entered by the moderator)" in english
    # without a receipt (an old bookmark) the moderator's ballot is still marked
    bare = client.get(f"/v/{token}/stored?q={question}").text
    assert "(eingetragen durch die Moderation)" in bare
    with served.db.read() as session:
        (ballot,) = [b for b in current_ballots(session, question) if b.site_code == "DD"]
    assert ballot.source is BallotSource.MODERATOR
