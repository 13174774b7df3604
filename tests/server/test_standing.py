"""The standing server of the round: every conference of the database on one address, each
found by its tokens; the organiser API; and who may do what to which conference."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from app.db import Database
from app.models import Ballot, Conference, Invitation
from app.services import conferences
from app.services.conference_export import Publish, build_conference_file
from app.services.organiser import revoke_organiser_token, rotate_organiser_token
from app.services.tokens import token_digest
from tests.server.helpers import (
    Round,
    current_question,
    make_conference,
    serving_round,
    snapshot,
    tokens,
)


@pytest.fixture
def two(db: Database) -> tuple[int, int]:
    """Conferences A (sites A000–A003) and B (B000–B003), each with a question open."""
    with db.write() as session:
        return make_conference(session, 4, prefix="A"), make_conference(session, 4, prefix="B")


@pytest.fixture
def round_(db: Database, two: tuple[int, int]) -> Iterator[Round]:
    with serving_round(db) as running:
        yield running


@pytest.fixture
def http(round_: Round) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=round_.url, timeout=10) as client:
        yield client


def _vote(http: httpx.Client, token: str, question: int, option: int) -> httpx.Response:
    return http.post(
        f"/api/v/{token}/ballot", json={"question_id": question, "option_ids": [option]}
    )


def _options(http: httpx.Client, token: str) -> list[int]:
    state = http.get(f"/api/v/{token}/state").json()
    return [o["id"] for o in state["question"]["options"]]


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _laptop_file(tmp_path: Path, prefix: str, n_sites: int = 3) -> dict[str, Any]:
    """A conference prepared on a laptop, in its published form (as JSON)."""
    laptop = Database.open(f"sqlite:///{(tmp_path / f'laptop-{prefix}.sqlite3').as_posix()}")
    try:
        with laptop.write() as session:
            conf_id = make_conference(session, n_sites, prefix=prefix, open_first=False)
            file = build_conference_file(session, conf_id, publish=Publish())
    finally:
        laptop.dispose()
    return file.model_dump(mode="json")


def test_every_conference_is_served_on_one_address_each_by_its_own_links(
    round_: Round, http: httpx.Client, db: Database, two: tuple[int, int]
) -> None:
    a, b = two
    for conf_id, prefix in ((a, "A"), (b, "B")):
        token = tokens(db, conf_id)[f"{prefix}001"]
        page = http.get(f"/v/{token}")
        assert page.status_code == 200 and f"Standort {prefix}001" in page.text
        stored = _vote(http, token, current_question(db, conf_id), _options(http, token)[0])
        assert stored.status_code == 200, stored.text
        moderator = http.get("/api/moderator/state", headers=round_.moderator(conf_id)).json()
        assert moderator["slug"] == prefix.lower()
        assert moderator["live"]["n_voted"] == 1
    welcome = http.get("/")
    assert welcome.status_code == 200
    assert "Test A" not in welcome.text and "Test B" not in welcome.text  # it names none


def test_a_moderator_token_of_one_conference_can_do_nothing_to_another(
    round_: Round, http: httpx.Client, db: Database, two: tuple[int, int]
) -> None:
    a, b = two
    of_a = round_.moderator(a)
    b_question = current_question(db, b)
    before = snapshot(db)
    for method, path, body in [
        ("POST", f"/api/moderator/questions/{b_question}/close", None),
        ("POST", f"/api/moderator/questions/{b_question}/reveal", None),
        ("POST", f"/api/moderator/questions/{b_question}/skip", {"reason": "x"}),
        ("GET", f"/api/moderator/questions/{b_question}/results", None),
        ("GET", f"/api/moderator/questions/{b_question}/ballots", None),
        (
            "POST",
            f"/api/moderator/questions/{b_question}/ballots",
            {"site_code": "B001", "option_ids": [1]},
        ),
        ("PUT", "/api/moderator/current", {"question_id": b_question}),
        ("PUT", "/api/moderator/attendance/B001", {"present": True}),
        ("PUT", "/api/moderator/notes", {"question_id": b_question, "text": "von A"}),
    ]:
        response = http.request(method, path, json=body, headers=of_a)
        assert response.status_code in (404, 422), (path, response.text)
    assert snapshot(db) == before
    # what A's token reads and deletes is A's own
    assert http.get("/api/moderator/state", headers=of_a).json()["slug"] == "a"
    assert http.delete("/api/moderator/conference", headers=of_a).status_code == 204
    with db.read() as session:
        assert session.get(Conference, a) is None and session.get(Conference, b) is not None


def test_a_site_token_can_do_nothing_a_moderator_or_the_organiser_can(
    round_: Round, http: httpx.Client, db: Database, two: tuple[int, int]
) -> None:
    a, _b = two
    site = _bearer(tokens(db, a)["A001"])
    question = current_question(db, a)
    before = snapshot(db)
    for method, path in [
        ("GET", "/api/moderator/state"),
        ("POST", f"/api/moderator/questions/{question}/close"),
        ("DELETE", "/api/moderator/conference"),
        ("GET", "/api/moderator/conference/file"),
        ("GET", "/api/organiser/conferences"),
        ("DELETE", f"/api/organiser/conferences/{a}"),
        ("GET", f"/api/organiser/conferences/{a}/file"),
    ]:
        response = http.request(method, path, headers=site)
        assert response.status_code == 403, (path, response.text)
    assert snapshot(db) == before


def test_the_organiser_token_can_neither_vote_nor_act_as_a_site_or_a_moderator(
    round_: Round, http: httpx.Client, db: Database, two: tuple[int, int]
) -> None:
    a, _b = two
    token = round_.organiser_token
    question = current_question(db, a)
    ballot = {"question_id": question, "option_ids": [1]}
    before = snapshot(db)
    assert http.get(f"/v/{token}").status_code == 403
    assert http.post(f"/v/{token}", data={"question_id": str(question)}).status_code == 403
    assert http.get(f"/api/v/{token}/state").status_code == 403
    assert http.post(f"/api/v/{token}/ballot", json=ballot).status_code == 403
    assert http.get("/api/site/state", headers=_bearer(token)).status_code == 403
    assert http.post("/api/site/ballot", json=ballot, headers=_bearer(token)).status_code == 403
    assert http.get("/api/moderator/state", headers=_bearer(token)).status_code == 403
    assert http.post("/api/moderator/next", headers=_bearer(token)).status_code == 403
    assert snapshot(db) == before


def test_a_rotated_or_revoked_organiser_token_fails_at_once(
    round_: Round, http: httpx.Client, db: Database
) -> None:
    old = round_.organiser
    assert http.get("/api/organiser/conferences", headers=old).status_code == 200
    with db.write() as session:
        new = _bearer(rotate_organiser_token(session))
    refused = http.get("/api/organiser/conferences", headers=old)
    assert refused.status_code == 403
    assert refused.json()["messages"] == {
        "de": "Organisationstoken falsch, widerrufen oder ersetzt",
        "en": "organiser token wrong, revoked or replaced",
    }
    assert http.get("/api/organiser/conferences", headers=new).status_code == 200
    with db.write() as session:
        assert revoke_organiser_token(session)
    assert http.get("/api/organiser/conferences", headers=new).status_code == 403
    missing = http.get("/api/organiser/conferences")
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    assert "\n" not in missing.json()["detail"]


def test_a_published_conference_is_served_at_once_and_its_moderator_token_given_once(
    round_: Round, http: httpx.Client, db: Database, tmp_path: Path
) -> None:
    file = _laptop_file(tmp_path, "P")
    published = http.post("/api/organiser/conferences", json=file, headers=round_.organiser)
    assert published.status_code == 201, published.text
    body = published.json()
    assert (body["slug"], body["invited_sites"], body["cases"]) == ("p", 3, 1)
    token = body["moderator_token"]
    with db.read() as session:
        conf = session.get(Conference, body["id"])
        assert conf is not None
        assert conf.moderator_token == ""  # only its hash is kept
        assert conf.moderator_token_hash == token_digest(token)
    moderator = _bearer(token)
    agenda = http.get("/api/moderator/agenda", headers=moderator).json()
    question = agenda[0]["questions"][0]["id"]
    assert http.post(f"/api/moderator/questions/{question}/open", headers=moderator).is_success
    link = file["invitations"][0]["token"]  # the laptop's link works on the server
    assert _vote(http, link, question, _options(http, link)[0]).status_code == 200
    listed = http.get("/api/organiser/conferences", headers=round_.organiser).json()
    assert {c["slug"]: c["ballots"] for c in listed} == {"p": 1, "a": 0, "b": 0}
    assert all("moderator_token" not in c for c in listed)  # shown once, never again
    fetched = http.get(f"/api/organiser/conferences/{body['id']}/file", headers=round_.organiser)
    assert len(fetched.json()["results"]["ballots"]) == 1


def test_a_file_whose_links_another_conference_holds_is_refused_and_changes_nothing(
    round_: Round, http: httpx.Client, db: Database, tmp_path: Path
) -> None:
    file = _laptop_file(tmp_path, "P")
    assert http.post("/api/organiser/conferences", json=file, headers=round_.organiser).is_success
    before = snapshot(db)
    again = http.post("/api/organiser/conferences", json=file, headers=round_.organiser)
    assert again.status_code == 422
    assert "this link already belongs to conference" in again.json()["messages"]["en"]
    assert snapshot(db) == before


def test_a_deleted_conference_stops_answering_at_once_and_its_data_is_gone(
    round_: Round, http: httpx.Client, db: Database, two: tuple[int, int]
) -> None:
    a, b = two
    a_links, b_links = tokens(db, a), tokens(db, b)
    a_moderator = round_.moderator(a)
    question = current_question(db, a)
    assert _vote(http, a_links["A001"], question, _options(http, a_links["A001"])[0]).is_success
    with http.stream("GET", f"/v/{a_links['A002']}/events") as stream:
        lines = stream.iter_lines()
        assert next(lines).startswith("retry:")
        deleted = http.delete(f"/api/organiser/conferences/{a}", headers=round_.organiser)
        assert deleted.status_code == 204
        rest = list(lines)  # the page's stream ends: its conference is gone
    assert "data: gone" in rest
    assert http.get(f"/v/{a_links['A001']}").status_code == 403
    assert _vote(http, a_links["A001"], question, 1).status_code == 403
    assert http.get("/api/moderator/state", headers=a_moderator).status_code == 403
    again = http.delete(f"/api/organiser/conferences/{a}", headers=round_.organiser)
    assert again.status_code == 404
    with db.read() as session:
        assert session.get(Conference, a) is None
        held = session.scalar(
            select(func.count(Invitation.id)).where(Invitation.conference_id == a)
        )
        assert held == 0
        assert session.scalar(select(func.count(Ballot.id))) == 0  # B has none yet
    # the other conference goes on as before
    b_question = current_question(db, b)
    assert _vote(http, b_links["B001"], b_question, _options(http, b_links["B001"])[0]).is_success
    assert http.get("/api/moderator/state", headers=round_.moderator(b)).json()["slug"] == "b"


def test_a_new_moderator_token_replaces_the_old_one_at_once(
    round_: Round, http: httpx.Client, db: Database, two: tuple[int, int]
) -> None:
    a, _b = two
    old = round_.moderator(a)
    issued = http.post(f"/api/organiser/conferences/{a}/moderator-token", headers=round_.organiser)
    assert issued.status_code == 200
    assert http.get("/api/moderator/state", headers=old).status_code == 403
    new = _bearer(issued.json()["moderator_token"])
    assert http.get("/api/moderator/state", headers=new).json()["slug"] == "a"
    with db.read() as session:
        assert conferences.moderator_token(session, a) == ""  # now only its hash is kept


def test_guessed_tokens_share_one_budget_per_address_whatever_they_guess(
    round_: Round, http: httpx.Client, db: Database, two: tuple[int, int]
) -> None:
    refused = 0
    for n in range(40):
        guess = f"guess{n:02d}" + "x" * 38
        path = ("/v/{t}", "/api/v/{t}/state")[n % 2].format(t=guess)
        headers = _bearer(guess) if n % 3 == 0 else {}
        status = http.get("/api/moderator/state" if headers else path, headers=headers).status_code
        assert status in (403, 429)
        refused += status == 429
    assert refused > 0  # the settings' burst is 30: the rest is refused before any lookup
    a, _b = two
    link = tokens(db, a)["A001"]
    assert http.get(f"/api/v/{link}/state").status_code == 200  # a real site is not charged


def test_the_organiser_api_is_described_and_only_on_a_standing_server(
    round_: Round, http: httpx.Client, db: Database, two: tuple[int, int]
) -> None:
    paths = http.get("/openapi.json").json()["paths"]
    assert {
        "/api/organiser/conferences",
        "/api/organiser/conferences/{conference_id}",
        "/api/organiser/conferences/{conference_id}/file",
        "/api/organiser/conferences/{conference_id}/moderator-token",
    } <= set(paths)
    from tests.server.helpers import serving

    with serving(db, two[0]) as one, httpx.Client(base_url=one.url, timeout=10) as single:
        assert not any(
            p.startswith("/api/organiser") for p in single.get("/openapi.json").json()["paths"]
        )
        assert single.get("/api/organiser/conferences", headers=round_.organiser).status_code == 404


def test_a_conference_made_after_the_start_is_found_by_its_links(
    round_: Round, http: httpx.Client, db: Database
) -> None:
    with db.write() as session:
        late = make_conference(session, 2, prefix="L")
    link = tokens(db, late)["L001"]
    assert _vote(http, link, current_question(db, late), _options(http, link)[0]).is_success
    with db.read() as session:
        invitation = session.scalar(select(Invitation).where(Invitation.token == link))
        assert invitation is not None and invitation.conference_id == late


def test_sites_check_in_on_the_standing_server_each_into_their_own_conference(
    http: httpx.Client, db: Database, two: tuple[int, int]
) -> None:
    a, b = two
    by_link = tokens(db, a)["A001"]
    by_header = tokens(db, b)["B002"]
    people = {"attendees": [{"name": "Dr. Anna Beispiel", "role": "Fellow"}]}
    put = http.put(f"/api/v/{by_link}/attendees", json=people)
    assert put.status_code == 200, put.text
    other = {"attendees": [{"name": "Dr. Bernd Muster"}]}
    put = http.put("/api/site/attendees", json=other, headers=_bearer(by_header))
    assert put.status_code == 200, put.text
    assert [p["name"] for p in http.get(f"/api/v/{by_link}/attendees").json()["attendees"]] == [
        "Dr. Anna Beispiel"
    ]
    mine = http.get("/api/site/attendees", headers=_bearer(by_header)).json()
    assert [p["name"] for p in mine["attendees"]] == ["Dr. Bernd Muster"]
    with db.read() as session:
        present = {
            (i.conference_id, i.site.code)
            for i in session.scalars(select(Invitation).where(Invitation.present))
        }
    assert present == {(a, "A001"), (b, "B002")}
