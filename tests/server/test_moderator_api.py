"""The moderator API: token required, actions through the writer, notifier told."""

from __future__ import annotations

import httpx
import pytest

from app.db import Database
from app.models import BallotSource
from app.services.agenda import agenda
from app.services.audit import trail
from app.services.ballots import ballot_history, current_ballots
from app.services.cme import luhn_valid
from app.services.moderator_actions import ACTIONS
from tests.server.helpers import Served, current_question, snapshot, tokens


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/api/moderator/state"),
        ("POST", "/api/moderator/next"),
        ("POST", "/api/moderator/questions/1/close"),
        ("PUT", "/api/moderator/attendance/DD"),
        ("GET", "/api/moderator/questions/1/results"),
    ],
)
def test_moderator_endpoints_need_the_token(
    served: Served, client: httpx.Client, db: Database, method: str, path: str
) -> None:
    before = snapshot(db)
    site_token = tokens(db, served.conf_id)["DD"]
    body = {"present": True} if method == "PUT" else None
    missing = client.request(method, path, json=body)
    assert missing.status_code == 401
    assert missing.headers["www-authenticate"] == "Bearer"
    for wrong in ("wrong", site_token, served.server.moderator_token[:-1]):
        response = client.request(
            method, path, json=body, headers={"Authorization": f"Bearer {wrong}"}
        )
        assert response.status_code == 403, wrong
        assert "moderator token" in response.json()["detail"]
    assert snapshot(db) == before


def test_moderator_runs_a_question(served: Served, client: httpx.Client, db: Database) -> None:
    auth = served.moderator
    question = current_question(db, served.conf_id)
    with db.read() as session:
        earlier = len(trail(session, served.conf_id))
    state = client.get("/api/moderator/state", headers=auth).json()
    assert state["current"]["id"] == question and state["live"]["n_voted"] == 0
    options = [o["id"] for o in state["current"]["options"]]

    entered = client.post(
        f"/api/moderator/questions/{question}/ballots",
        json={"site_code": "GOE", "option_ids": [options[0]], "comment": "per Telefon"},
        headers=auth,
    )
    assert entered.status_code == 200, entered.text
    assert entered.json()["source"] == "moderator"
    unknown_site = client.post(
        f"/api/moderator/questions/{question}/ballots",
        json={"site_code": "NOPE", "option_ids": [options[0]]},
        headers=auth,
    )
    assert unknown_site.status_code == 404

    assert client.post(f"/api/moderator/questions/{question}/open", headers=auth).status_code == 409
    closed = client.post(f"/api/moderator/questions/{question}/close", headers=auth)
    assert closed.json()["question"]["state"] == "closed"
    site_token = tokens(db, served.conf_id)["DD"]
    assert client.get(f"/api/v/{site_token}/state").json()["results"] is None
    client.post(f"/api/moderator/questions/{question}/reveal", headers=auth).raise_for_status()
    revealed = client.get(f"/api/v/{site_token}/state").json()
    assert revealed["results"]["n_valid"] == 1
    result = client.get(f"/api/moderator/questions/{question}/results", headers=auth).json()
    assert result["tally"]["options"][0]["percent"] == 100
    assert result["sentence_de"]

    client.post(f"/api/moderator/questions/{question}/reopen", headers=auth).raise_for_status()
    client.post(f"/api/moderator/questions/{question}/close", headers=auth).raise_for_status()
    moved = client.post("/api/moderator/next", headers=auth)
    assert moved.status_code == 200
    following = moved.json()["current_question_id"]
    assert following is not None and following != question
    assert client.get(f"/api/v/{site_token}/state").json()["question"]["id"] == following
    client.post(f"/api/moderator/questions/{following}/reopen", headers=auth).raise_for_status()
    assert client.get(f"/api/v/{site_token}/state").json()["phase"] == "open"

    attendance = client.put(
        "/api/moderator/attendance/GOE", json={"present": True, "attendee_count": 3}, headers=auth
    )
    assert attendance.json() == {"site_code": "GOE", "present": True, "attendee_count": 3}
    bad = client.put(
        "/api/moderator/attendance/GOE", json={"present": True, "attendee_count": -1}, headers=auth
    )
    assert bad.status_code == 422
    foreign = client.post("/api/moderator/questions/99999/close", headers=auth)
    assert foreign.status_code == 404

    with db.read() as session:
        (ballot,) = current_ballots(session, question)
        (entered,) = ballot_history(session, question)
        actors = {e.actor for e in trail(session, served.conf_id)[earlier:]}
    assert ballot.source is BallotSource.MODERATOR and ballot.comment == "per Telefon"
    assert entered.actor == "moderator (API)" and actors == {"moderator (API)"}
    changes = served.notifier.settled(changes=8).changes
    actions = [c.action for c in changes if c.action != "visit"]
    assert actions == ["close", "reveal", "reopen", "close", "next", "reopen", "attendance"]
    assert len(changes) == 8  # and DD's visit of its page, once (written every few minutes)
    assert [r.source for r in served.notifier.settled(1).receipts] == [BallotSource.MODERATOR]


def test_every_moderator_action_has_its_route_made_from_its_definition(
    client: httpx.Client,
) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for definition in ACTIONS:
        operation = paths[f"/api/moderator{definition.path}"][definition.method.lower()]
        assert operation["summary"] == definition.title[1]
        assert operation["description"] == definition.doc
        documented = {p["name"] for p in operation.get("parameters", [])}
        assert set(definition.path_parameters) | {"Idempotency-Key"} <= documented
        assert ("requestBody" in operation) == (definition.body is not None)


def test_openapi_documents_both_apis(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    assert "/api/v/{token}/ballot" in paths and "/api/moderator/next" in paths
    assert "/v/{token}" not in paths  # the HTML page is not part of the API
    assert "HTTPBearer" in spec["components"]["securitySchemes"]
    assert client.get("/docs").status_code == 404  # no CDN-loaded Swagger UI (offline)


def test_moderator_skips_a_question_never_opened(
    served: Served, client: httpx.Client, db: Database
) -> None:
    auth = served.moderator
    with db.read() as session:
        drafts = [
            q.id
            for case in agenda(session, served.conf_id)
            for q in case.questions
            if q.state.value == "draft"
        ]
    skipped = client.post(
        f"/api/moderator/questions/{drafts[0]}/skip",
        json={"reason": "Keine Zeit mehr"},
        headers=auth,
    )
    assert skipped.status_code == 200, skipped.text
    assert skipped.json()["question"]["skip_reason"] == "Keine Zeit mehr"
    assert skipped.json()["question"]["state"] == "draft"
    current = current_question(db, served.conf_id)  # open: cannot be skipped
    refused = client.post(
        f"/api/moderator/questions/{current}/skip", json={"reason": "x"}, headers=auth
    )
    assert refused.status_code == 409
    assert "never opened" in refused.json()["detail"]
    no_reason = client.post(
        f"/api/moderator/questions/{drafts[1]}/skip", json={"reason": " "}, headers=auth
    )
    assert no_reason.status_code == 422
    assert no_reason.json()["detail"] == "Bitte einen Grund angeben / please give a reason"
    assert client.post(
        f"/api/moderator/questions/{drafts[1]}/skip", json={"reason": "x"}
    ).status_code in (401, 403)


def test_an_action_sent_again_with_its_request_id_is_done_once(
    served: Served, client: httpx.Client, db: Database
) -> None:
    question = current_question(db, served.conf_id)
    state = client.get("/api/moderator/state", headers=served.moderator).json()
    option = state["current"]["options"][0]["id"]
    body = {"site_code": "GOE", "option_ids": [option], "comment": "per Telefon"}
    headers = {**served.moderator, "Idempotency-Key": "3f1c2b7e-entered-goe"}
    path = f"/api/moderator/questions/{question}/ballots"
    first = client.post(path, json=body, headers=headers)
    before = snapshot(db)
    again = client.post(path, json=body, headers=headers)  # the console lost the answer
    assert first.status_code == again.status_code == 200
    assert again.json() == first.json() and again.headers["idempotent-replayed"] == "true"
    assert "idempotent-replayed" not in first.headers
    assert snapshot(db) == before  # no second ballot revision, no second audit line
    closing = {**served.moderator, "Idempotency-Key": "close-1"}
    closed = client.post(f"/api/moderator/questions/{question}/close", headers=closing)
    repeated = client.post(f"/api/moderator/questions/{question}/close", headers=closing)
    assert closed.status_code == repeated.status_code == 200  # not "already closed"
    assert repeated.json() == closed.json()
    plain = client.post(f"/api/moderator/questions/{question}/close", headers=served.moderator)
    assert plain.status_code == 409  # without an id, a second close is refused as before
    bad = client.post(
        "/api/moderator/next", headers={**served.moderator, "Idempotency-Key": "x" * 65}
    )
    assert bad.status_code == 422


def test_a_request_id_sent_with_another_request_is_refused_and_changes_nothing(
    served: Served, client: httpx.Client, db: Database
) -> None:
    agenda_ids = [
        q["id"]
        for case in client.get("/api/moderator/agenda", headers=served.moderator).json()
        for q in case["questions"]
    ]
    first, second = agenda_ids[0], agenda_ids[3]
    key = {**served.moderator, "Idempotency-Key": "choose-1"}
    chosen = client.put("/api/moderator/current", json={"question_id": first}, headers=key)
    assert chosen.status_code == 200, chosen.text
    again = client.put("/api/moderator/current", json={"question_id": first}, headers=key)
    assert again.headers["idempotent-replayed"] == "true"  # the same request: replayed
    before = snapshot(db)
    other = client.put("/api/moderator/current", json={"question_id": second}, headers=key)
    assert other.status_code == 422
    assert "choose-1" in other.json()["messages"]["en"] and "another request" in other.text
    assert "anderen Anfrage" in other.json()["messages"]["de"]
    assert "idempotent-replayed" not in other.headers
    assert snapshot(db) == before
    state = client.get("/api/moderator/state", headers=served.moderator).json()
    assert state["current"]["id"] == first  # not silently left as it was, nor changed
    for path in ("/api/moderator/next", f"/api/moderator/questions/{second}/open"):
        refused = client.post(path, headers=key)  # another method and path: refused too
        assert refused.status_code == 422, (path, refused.text)
    assert snapshot(db) == before


def test_the_console_lists_agenda_attendance_and_notes(
    served: Served, client: httpx.Client, db: Database
) -> None:
    auth = served.moderator
    cases = client.get("/api/moderator/agenda", headers=auth).json()
    assert [c["number"] for c in cases] == [1, 2, 3]
    first = cases[0]["questions"]
    assert [(q["number"], q["round"]) for q in first][:2] == [("1.1", 1), ("1.1", 2)]
    assert "Pankreaskarzinom" in cases[0]["headline"]

    efn = "802761234567890"
    efn = efn[:-1] + next(d for d in "0123456789" if luhn_valid(efn[:-1] + d))
    body = {"present": True, "attendee_count": 3, "attendees": [{"name": "Dr. A", "efn": efn}]}
    checked = client.put("/api/moderator/attendance/HD", json=body, headers=auth)
    assert checked.status_code == 200 and checked.json()["attendee_count"] == 3
    rows = {r["site_code"]: r for r in client.get("/api/moderator/attendance", headers=auth).json()}
    assert rows["HD"]["attendees"] == [
        {"name": "Dr. A", "efn": efn, "efn_invalid": False, "role": ""}
    ]
    assert rows["HD"]["present"]
    body["attendees"] = [{"name": "Dr. B", "efn": "123"}]  # kept, marked for the CME office
    kept = client.put("/api/moderator/attendance/HD", json=body, headers=auth)
    assert kept.status_code == 200
    rows = {r["site_code"]: r for r in client.get("/api/moderator/attendance", headers=auth).json()}
    assert rows["HD"]["attendees"] == [
        {"name": "Dr. B", "efn": "123", "efn_invalid": True, "role": ""}
    ]

    question = first[0]["id"]
    note = {"question_id": question, "text": "Studienoption prüfen"}
    written = client.put("/api/moderator/notes", json=note, headers=auth)
    assert written.status_code == 200 and written.json()["text"] == "Studienoption prüfen"
    notes = client.get("/api/moderator/notes", headers=auth).json()
    assert {"question_id": question, "text": "Studienoption prüfen"}.items() <= next(
        n for n in notes if n["question_id"] == question
    ).items()
    nowhere = client.put("/api/moderator/notes", json={"case_id": 999, "text": "x"}, headers=auth)
    assert nowhere.status_code == 404
    both = client.put("/api/moderator/notes", json={"text": "x"}, headers=auth)
    assert both.status_code == 422


def test_a_skip_sent_again_with_its_request_id_is_done_once(
    served: Served, client: httpx.Client, db: Database
) -> None:
    with db.read() as session:
        draft = next(
            q.id
            for case in agenda(session, served.conf_id)
            for q in case.questions
            if q.state.value == "draft"
        )
    headers = {**served.moderator, "Idempotency-Key": "skip-once"}
    path = f"/api/moderator/questions/{draft}/skip"
    first = client.post(path, json={"reason": "Zeit"}, headers=headers)
    before = snapshot(db)
    again = client.post(path, json={"reason": "Zeit"}, headers=headers)  # the answer was lost
    assert first.status_code == again.status_code == 200, again.text
    assert again.json() == first.json() and again.headers["idempotent-replayed"] == "true"
    assert snapshot(db) == before  # no second audit line
