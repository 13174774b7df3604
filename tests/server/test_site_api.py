"""A site's JSON API and voter page against a real server: state, ballots, refusals."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from app.db import Database
from app.models import BallotSource, QuestionState
from app.services.agenda import agenda
from app.services.audit import trail
from app.services.ballots import ballot_history, current_ballots
from app.services.conferences import SiteData, invitations, invite_sites, save_site, set_attendance
from app.services.lifecycle import open_question, set_current
from app.services.tokens import revoke_site_token
from tests.server.helpers import (
    Served,
    current_question,
    make_conference,
    serving,
    site_ids,
    snapshot,
    tokens,
)


def _question(client: httpx.Client, token: str) -> dict:
    state = client.get(f"/api/v/{token}/state").json()
    return state["question"]


def test_state_shows_site_question_and_no_results_before_reveal(
    served: Served, client: httpx.Client
) -> None:
    token = tokens(served.db, served.conf_id)["DD"]
    response = client.get(f"/api/v/{token}/state")
    assert response.status_code == 200
    state = response.json()
    assert state["site_name"] == "Universitätsklinikum Dresden"
    assert state["phase"] == "open"
    assert state["question"]["round"] == 2
    assert state["results"] is None
    by_header = client.get("/api/site/state", headers={"Authorization": f"Bearer {token}"})
    assert by_header.json() == state


def test_second_ballot_replaces_first_and_history_keeps_both(
    served: Served, client: httpx.Client
) -> None:
    token = tokens(served.db, served.conf_id)["DD"]
    question = _question(client, token)
    yes, no = (o["id"] for o in question["options"])
    first = client.post(
        f"/api/v/{token}/ballot", json={"question_id": question["id"], "option_ids": [yes]}
    )
    assert first.status_code == 200, first.text
    assert first.json()["revision"] == 1
    second = client.post(
        "/api/site/ballot",
        json={"question_id": question["id"], "option_ids": [no], "comment": "nach Diskussion"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert second.status_code == 200, second.text
    body = second.json()
    assert body["revision"] == 2 and body["option_labels"] == ["Keine Empfehlung"]
    assert body["message"].startswith("Gespeichert um ")
    with served.db.read() as session:
        ballots = [
            b for b in current_ballots(session, question["id"]) if b.site_id == body["site_id"]
        ]
        history = [
            h for h in ballot_history(session, question["id"]) if h.site_id == body["site_id"]
        ]
    assert [b.option_ids for b in ballots] == [(no,)]
    assert [h.option_ids for h in history] == [(yes,), (no,)]
    assert [r.revision for r in served.notifier.settled(2).receipts] == [1, 2]


def test_refusals_change_nothing(served: Served, client: httpx.Client, db: Database) -> None:
    codes = tokens(db, served.conf_id)
    token = codes["DD"]
    question = _question(client, token)
    options = [o["id"] for o in question["options"]]
    with db.write() as session:
        other_conf = make_conference(session, 2, prefix="X")
    foreign_token = tokens(db, other_conf)["X000"]
    with db.read() as session:
        closed_question = next(
            q.id for q in agenda(session, served.conf_id)[0].questions if q.state.value == "closed"
        )
    with db.write() as session:
        revoked = tokens(db, served.conf_id)["HD"]
        revoke_site_token(session, served.conf_id, site_ids(db, served.conf_id)["HD"])
    other_question_option = _option_of_other_question(db, served.conf_id, question["id"])
    ballot = {"question_id": question["id"], "option_ids": [options[0]]}
    before = snapshot(db)
    cases = [
        ("forged token", f"/api/v/{'A' * 43}/ballot", ballot, 403),
        ("truncated token", f"/api/v/{token[:-1]}/ballot", ballot, 403),
        ("other conference's token", f"/api/v/{foreign_token}/ballot", ballot, 403),
        ("revoked token", f"/api/v/{revoked}/ballot", ballot, 403),
        ("too long token", f"/api/v/{'A' * 65}/ballot", ballot, 422),
        (
            "closed question",
            f"/api/v/{token}/ballot",
            {**ballot, "question_id": closed_question},
            409,
        ),
        ("unknown question", f"/api/v/{token}/ballot", {**ballot, "question_id": 99999}, 409),
        (
            "option of another question",
            f"/api/v/{token}/ballot",
            {**ballot, "option_ids": [other_question_option]},
            422,
        ),
        (
            "two options for single choice",
            f"/api/v/{token}/ballot",
            {**ballot, "option_ids": options},
            422,
        ),
        ("abstain with an option", f"/api/v/{token}/ballot", {**ballot, "abstain": True}, 422),
        ("nothing chosen", f"/api/v/{token}/ballot", {**ballot, "option_ids": []}, 422),
        ("unknown field", f"/api/v/{token}/ballot", {**ballot, "site_id": 1}, 422),
        ("wrong type", f"/api/v/{token}/ballot", {**ballot, "option_ids": "1"}, 422),
        ("comment too long", f"/api/v/{token}/ballot", {**ballot, "comment": "x" * 2001}, 422),
    ]
    for label, url, body, status in cases:
        response = client.post(url, json=body)
        assert response.status_code == status, (label, response.text)
        detail = response.json()["detail"]
        assert isinstance(detail, str) and " / " in detail, (label, detail)
    malformed = client.post(
        f"/api/v/{token}/ballot", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert malformed.status_code == 422
    oversized = client.post(f"/api/v/{token}/ballot", json={**ballot, "comment": "x" * 70_000})
    assert oversized.status_code == 413
    assert "too large" in oversized.json()["detail"]

    def chunks():
        yield b'{"question_id": 1, "comment": "'
        for _ in range(100):
            yield b"x" * 1024
        yield b'"}'

    streamed = client.post(
        f"/api/v/{token}/ballot", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert streamed.status_code == 413
    no_bearer = client.post("/api/site/ballot", json=ballot)
    assert no_bearer.status_code == 401
    assert snapshot(db) == before
    assert served.notifier.receipts == []


def _option_of_other_question(db: Database, conf_id: int, question_id: int) -> int:
    with db.read() as session:
        for case in agenda(session, conf_id):
            for q in case.questions:
                if q.id != question_id and q.options:
                    return q.options[0].id
    raise AssertionError("no other question")


def test_site_of_other_conference_cannot_see_this_one(db: Database, small_conf: int) -> None:
    from tests.server.helpers import serving

    with db.write() as session:
        other = make_conference(session, 1, prefix="Y")
    with serving(db, small_conf) as running, httpx.Client(base_url=running.url) as http:
        foreign = tokens(db, other)["Y000"]
        assert http.get(f"/api/v/{foreign}/state").status_code == 403
        page = http.get(f"/v/{foreign}")
        assert page.status_code == 403
        assert "Dieser Link ist nicht gültig" in page.text
        mine = tokens(db, small_conf)["T001"]
        assert http.get(f"/api/v/{mine}/state").json()["site_name"] == "Standort T001"


def test_security_headers_and_static_files(served: Served, client: httpx.Client) -> None:
    token = tokens(served.db, served.conf_id)["DD"]
    page = client.get(f"/v/{token}")
    assert page.status_code == 200
    headers = page.headers
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["cache-control"] == "no-store"
    assert headers["x-content-type-options"] == "nosniff"
    csp = headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert "<script>" not in page.text.replace('<script src="/static/voter.js"></script>', "")
    assert client.get(f"/api/v/{token}/state").headers["cache-control"] == "no-store"
    assert client.get("/static/voter.js").status_code == 200
    for escape in (
        "/static/../app.py",
        "/static/%2e%2e/page.html",
        "/static/..%2fpage.html",
        "/static/%2e%2e%2f%2e%2e%2fpyproject.toml",
    ):
        response = client.get(escape)
        assert response.status_code == 404, escape
        assert "{%" not in response.text


def test_hostile_site_name_is_escaped(db: Database, demo_open: int) -> None:
    from tests.server.helpers import serving

    with db.write() as session:
        site = save_site(session, SiteData(name="<script>alert(1)</script>", code="XSS"))
        invite_sites(session, demo_open, [site])
    token = tokens(db, demo_open)["XSS"]
    with serving(db, demo_open) as running, httpx.Client(base_url=running.url) as http:
        page = http.get(f"/v/{token}")
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
        assert "<script>alert" not in page.text
        question = current_question(db, demo_open)
        stored = http.post(
            f"/v/{token}",
            data={
                "question_id": str(question),
                "choice": "abstain",
                "comment": '<img src=x onerror="alert(2)">',
            },
        )
        assert stored.status_code == 303
        confirmation = http.get(stored.headers["location"])
        assert "&lt;img src=x onerror=" in confirmation.text
        assert "<img" not in confirmation.text


def test_plain_form_post_redirect_get(served: Served, client: httpx.Client) -> None:
    token = tokens(served.db, served.conf_id)["DD"]
    question = _question(client, token)
    no = question["options"][1]["id"]
    response = client.post(f"/v/{token}", data={"question_id": question["id"], "choice": str(no)})
    assert response.status_code == 303
    confirmation = client.get(response.headers["location"])
    assert confirmation.status_code == 200
    assert "Stimme gespeichert" in confirmation.text
    assert "„Keine Empfehlung“" in confirmation.text
    assert f'href="/v/{token}?lang=de"' in confirmation.text
    unknown = client.get(f"/v/{token}/stored?q=99999")
    assert unknown.status_code == 303 and unknown.headers["location"] == f"/v/{token}?lang=de"
    empty = client.post(f"/v/{token}", data={"question_id": question["id"]})
    assert empty.status_code == 422
    assert "Bitte eine Option wählen" in empty.text
    english = client.get(f"/v/{token}?lang=en")
    assert "You are voting for" in english.text and "Stored at" in english.text
    with served.db.read() as session:
        (ballot,) = [b for b in current_ballots(session, question["id"]) if b.site_code == "DD"]
    assert ballot.option_ids == (no,) and ballot.source is BallotSource.SITE


def test_front_page_tells_visitors_to_use_their_sites_link(client: httpx.Client) -> None:
    """The presenter view's QR code leads to the bare address: it must not be a dead end."""
    german = client.get("/")
    english = client.get("/?lang=en")
    assert german.status_code == english.status_code == 200
    assert "persönlichen Link Ihres Standorts" in german.text
    assert "your site's personal link" in english.text.replace("&#39;", "'")
    assert "KRAS-mutiertes Pankreaskarzinom" in german.text
    assert german.headers["referrer-policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in german.headers["content-security-policy"]


def test_server_reads_a_reissued_moderator_token(served: Served, db: Database) -> None:
    from app.services.tokens import reissue_moderator_token

    old = served.server.moderator_token
    with db.write() as session:
        new = reissue_moderator_token(session, served.conf_id)
    assert served.server.moderator_token == new != old


def test_ballot_confirmation_follows_lang_and_openapi_documents_it(
    served: Served, client: httpx.Client
) -> None:
    """The ballot routes read ``?lang=`` by hand (the hot path); it must still work, fall
    back to the conference's language for unknown values, and stay documented."""
    codes = tokens(served.db, served.conf_id)
    question = _question(client, codes["DD"])
    ballot = {"question_id": question["id"], "option_ids": [question["options"][0]["id"]]}
    english = client.post(f"/api/v/{codes['DD']}/ballot?lang=en", json=ballot)
    assert english.status_code == 200, english.text
    assert english.json()["message"].startswith("Stored at ")
    unknown = client.post(f"/api/v/{codes['DD']}/ballot?lang=xx-hostile", json=ballot)
    assert unknown.status_code == 200, unknown.text
    assert unknown.json()["message"].startswith("Gespeichert um ")
    by_header = client.post(
        "/api/site/ballot?lang=en", json=ballot, headers={"Authorization": f"Bearer {codes['DD']}"}
    )
    assert by_header.json()["message"].startswith("Stored at ")
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/v/{token}/ballot", "/api/site/ballot"):
        parameters = {p["name"]: p["in"] for p in paths[path]["post"].get("parameters", [])}
        assert parameters.get("lang") == "query", (path, parameters)
    assert {p["name"] for p in paths["/api/v/{token}/ballot"]["post"]["parameters"]} == {
        "token",
        "lang",
    }


def test_state_keeps_a_draft_question_to_the_moderator(
    served: Served, client: httpx.Client
) -> None:
    """The JSON state shows what the page shows: while the moderator has moved on to a
    question not yet opened, sites see "waiting", not its text or case."""
    token = tokens(served.db, served.conf_id)["DD"]
    with served.db.write() as session:
        draft = next(
            q
            for case in agenda(session, served.conf_id)
            for q in case.questions
            if q.state is QuestionState.DRAFT
        )
        set_current(session, served.conf_id, draft.id)
    state = client.get(f"/api/v/{token}/state")
    assert state.json()["phase"] == "waiting"
    assert state.json()["question"] is None and state.json()["case_title"] == ""
    page = client.get(f"/v/{token}")
    assert draft.text not in state.text and draft.text not in page.text


@pytest.fixture
def multiple_served(db: Database) -> Iterator[Served]:
    """A conference whose open question is multiple choice with "Keine Empfehlung"."""
    with db.write() as session:
        conf_id = make_conference(session, 3, prefix="M", open_first=False)
        multiple = agenda(session, conf_id)[0].questions[2]
        open_question(session, multiple.id)
    with serving(db, conf_id) as running:
        yield running


@pytest.fixture
def client_m(multiple_served: Served) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=multiple_served.url, timeout=10) as http:
        yield http


def _multiple(served: Served, client: httpx.Client) -> tuple[str, int, dict[str, int]]:
    token = tokens(served.db, served.conf_id)["M000"]
    question = _question(client, token)
    return token, question["id"], {o["label"]: o["id"] for o in question["options"]}


ALONE_DE = "„Keine Empfehlung“ kann nicht mit anderen Optionen kombiniert werden"


def test_api_refuses_an_exclusive_option_combined_with_another(
    multiple_served: Served, client_m: httpx.Client
) -> None:
    token, question, ids = _multiple(multiple_served, client_m)
    before = snapshot(multiple_served.db)
    refused = client_m.post(
        f"/api/v/{token}/ballot",
        json={"question_id": question, "option_ids": [ids["HCQ"], ids["Keine Empfehlung"]]},
    )
    assert refused.status_code == 422
    assert refused.json()["detail"] == (
        f'{ALONE_DE} / "Keine Empfehlung" cannot be combined with other options'
    )
    assert snapshot(multiple_served.db) == before
    alone = client_m.post(
        f"/api/v/{token}/ballot",
        json={"question_id": question, "option_ids": [ids["Keine Empfehlung"]]},
    )
    assert alone.status_code == 200, alone.text


def test_plain_form_refusal_says_the_earlier_ballot_still_stands(
    multiple_served: Served, client_m: httpx.Client
) -> None:
    token, question, ids = _multiple(multiple_served, client_m)
    first = client_m.post(
        f"/v/{token}", data={"question_id": question, "choice": [str(ids["HCQ"])]}
    )
    assert first.status_code == 303
    page = client_m.get(f"/v/{token}")
    assert 'data-exclusive="1"' in page.text  # the script's hint; "Keine Empfehlung" stands alone
    assert "Ihre bisherige Stimme gilt weiter" in page.text  # present but hidden …
    assert '<strong class="still-stands" hidden>' in page.text  # … until a refusal
    refused = client_m.post(
        f"/v/{token}",
        data={"question_id": question, "choice": [str(ids["HCQ"]), str(ids["Keine Empfehlung"])]},
    )
    assert refused.status_code == 422
    assert ALONE_DE in refused.text
    assert "Die Stimme wurde nicht gespeichert" in refused.text
    assert '<strong class="still-stands">Ihre bisherige Stimme gilt weiter:' in refused.text
    assert "„HCQ“" in refused.text  # the ballot that still stands
    with multiple_served.db.read() as session:
        (ballot,) = current_ballots(session, question)
    assert ballot.option_ids == (ids["HCQ"],)


def test_plain_form_changes_options_to_abstain_and_back(
    multiple_served: Served, client_m: httpx.Client
) -> None:
    token, question, ids = _multiple(multiple_served, client_m)
    both = [str(ids["HCQ"]), str(ids["Trametinib"])]

    def post(choices: list[str]) -> tuple[tuple[int, ...], bool]:
        response = client_m.post(f"/v/{token}", data={"question_id": question, "choice": choices})
        assert response.status_code == 303, response.text
        with multiple_served.db.read() as session:
            (ballot,) = current_ballots(session, question)
        return ballot.option_ids, ballot.abstain

    assert post(both) == ((ids["HCQ"], ids["Trametinib"]), False)
    # without a script the old boxes stay checked when "abstain" is added: abstain wins
    assert post([*both, "abstain"]) == ((), True)
    # and back: the abstain box stays checked when options are added: the options win
    assert post([str(ids["Studie"]), "abstain"]) == ((ids["Studie"],), False)


def test_a_site_marked_absent_is_checked_in_by_its_ballot_through_the_server(
    db: Database, small_conf: int
) -> None:
    codes = site_ids(db, small_conf)
    with db.write() as session:
        set_attendance(session, small_conf, codes["T000"], present=True)
    token = tokens(db, small_conf)["T001"]
    with serving(db, small_conf) as running, httpx.Client(base_url=running.url) as http:
        question = _question(http, token)
        stored = http.post(
            f"/api/v/{token}/ballot",
            json={"question_id": question["id"], "option_ids": [question["options"][0]["id"]]},
        )
        assert stored.status_code == 200, stored.text
        (receipt,) = running.notifier.settled(receipts=1).receipts
    assert receipt.checked_in  # the console learns it with the ballot
    with db.read() as session:
        present = {i.site.code for i in invitations(session, small_conf) if i.present}
        (entry,) = [e for e in trail(session, small_conf) if e.action == "checked_in_by_ballot"]
    assert present == {"T000", "T001"}
    assert (entry.site_id, entry.actor) == (codes["T001"], "Standort T001")
