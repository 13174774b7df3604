"""A service's refusal reaches an API client in both languages apart, and a voter page in one."""

from __future__ import annotations

import httpx

from app.db import Database
from tests.server.helpers import Served, current_question, tokens


def test_the_api_sends_a_life_cycle_refusal_in_each_language_apart(
    served: Served, client: httpx.Client, db: Database
) -> None:
    question = current_question(db, served.conf_id)
    refused = client.post(f"/api/moderator/questions/{question}/open", headers=served.moderator)
    assert refused.status_code == 409
    assert refused.json() == {
        "detail": "Die Frage ist schon offen / the question is already open",
        "messages": {"de": "Die Frage ist schon offen", "en": "the question is already open"},
    }
    skipped = client.post(
        f"/api/moderator/questions/{question}/skip", json={"reason": "x"}, headers=served.moderator
    )
    assert skipped.status_code == 409
    assert skipped.json()["messages"] == {
        "de": "Nur eine noch nie geöffnete Frage kann übersprungen werden",
        "en": "only a question that was never opened can be skipped",
    }


def test_the_voter_page_refuses_an_unknown_link_in_english_alone(client: httpx.Client) -> None:
    page = client.get("/v/" + "x" * 43, params={"lang": "en"})
    assert page.status_code == 403
    assert "invalid or revoked link" in page.text
    assert "Ungültig" not in page.text and " / invalid" not in page.text
    german = client.get("/v/" + "y" * 43, params={"lang": "de"})
    assert "Ungültiger oder widerrufener Link" in german.text
    assert "revoked" not in german.text


def test_a_rule_of_our_own_in_a_request_body_is_said_in_each_language_apart(
    served: Served, client: httpx.Client
) -> None:
    """A field our own validator refuses (a VNR of five digits) inside a JSON body: each
    language whole, not pydantic's "Value error, deutsch / english" in both."""
    from app import __version__

    body = {
        "format": "votum-conference",
        "version": 1,
        "votum_version": __version__,
        "conference": {"topic": "T", "date": "2026-12-03", "cme": {"vnr": "12345"}},
    }
    refused = client.put("/api/moderator/conference", json=body, headers=served.moderator)
    assert refused.status_code == 422
    messages = refused.json()["messages"]
    assert "19 Ziffern" in messages["de"] and "digits" not in messages["de"]
    assert "19 digits" in messages["en"] and "Ziffern" not in messages["en"]
    assert "Value error" not in messages["en"]


def test_a_malformed_ballot_is_refused_with_no_english_in_the_german_half(
    served: Served, client: httpx.Client, db: Database
) -> None:
    """Missing field, unknown field, wrong type and broken JSON: pydantic's English stays
    out of the German text, and each field is named by its path."""
    token = next(iter(tokens(db, served.conf_id).values()))
    site = {"Authorization": f"Bearer {token}"}
    refused = client.post("/api/site/ballot", json={"choices": [1]}, headers=site)
    assert refused.status_code == 422
    messages = refused.json()["messages"]
    assert messages["de"] == (
        "Ungültige Anfrage: question_id: Angabe fehlt; choices: unbekanntes Feld, nicht erlaubt"
    )
    assert messages["en"] == (
        "invalid request: question_id: field required; choices: unknown field, not allowed"
    )
    body = {"question_id": 1, "option_ids": ["x"]}
    wrong = client.post("/api/site/ballot", json=body, headers=site)
    assert wrong.json()["messages"]["de"].endswith("option_ids[0]: muss eine ganze Zahl sein")
    broken = client.post(
        "/api/site/ballot",
        content=b'{"question_id": ',
        headers={**site, "Content-Type": "application/json"},
    )
    assert broken.status_code == 422
    assert "kein gültiges JSON" in broken.json()["messages"]["de"]
    for answer in (refused, wrong, broken):
        german = answer.json()["messages"]["de"]
        assert not [w for w in ("Input should", "Field required", "JSON decode") if w in german]
