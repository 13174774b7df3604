"""A quick question through the moderator API: created at the end of the agenda, opened at
once, voted on through a site's page without JavaScript; refusals change nothing."""

from __future__ import annotations

import html

import httpx

from app.db import Database
from app.models import BallotSource
from app.services.agenda import agenda
from app.services.ballots import current_ballots
from tests.server.helpers import Served, current_question, snapshot, tokens

LINE = "vorgestellt von Standort Dresden: 54 J., m, NSCLC, KRAS G12C (VAF 23 %)"
ASKED = {
    "text": "Welches Evidenzlevel würden Sie für Sotorasib vergeben?",
    "kind": "evidence",
    "case": LINE,
    "open": True,
}


def test_a_quick_question_is_asked_opened_and_voted_on_without_javascript(
    served: Served, client: httpx.Client, db: Database
) -> None:
    auth = served.moderator
    running = current_question(db, served.conf_id)
    before = snapshot(db)
    refused = client.post("/api/moderator/questions", json=ASKED, headers=auth)
    assert refused.status_code == 409  # 1.1 (round 2) is still open
    assert refused.json()["messages"]["en"].startswith("question 1.1 is still open")
    assert snapshot(db) == before
    client.post(f"/api/moderator/questions/{running}/close", headers=auth).raise_for_status()

    key = {"Idempotency-Key": "quick-0001", **auth}
    answer = client.post("/api/moderator/questions", json=ASKED, headers=key)
    assert answer.status_code == 200, answer.text
    question = answer.json()["question"]
    assert question["state"] == "open" and question["kind"] == "evidence"
    assert question["text"] == ASKED["text"]
    assert [o["code"] for o in question["options"]][:3] == ["m1A", "m1B", "m1C"]
    again = client.post("/api/moderator/questions", json=ASKED, headers=key)
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert again.json()["question"]["id"] == question["id"]  # asked once, not twice
    with db.read() as session:
        cases = agenda(session, served.conf_id)
    assert cases[-1].free_discussion and cases[-1].title == LINE
    assert [q.id for q in cases[-1].questions] == [question["id"]]
    assert question["number"] == f"{cases[-1].number}.1"
    served.notifier.settled(changes=2)
    last = served.notifier.changes[-1]
    assert (last.action, last.change, last.question_id) == ("quick", "agenda", question["id"])

    # a site's page, plain HTML (no JavaScript needed): the case line, the levels explained
    token = tokens(db, served.conf_id)["DD"]
    page = html.unescape(client.get(f"/v/{token}").text)
    assert ASKED["text"] in page and LINE in page
    assert "Gleiche Entität: Fallberichte" in page
    m1c = question["options"][2]["id"]
    stored = client.post(f"/v/{token}", data={"question_id": question["id"], "choice": str(m1c)})
    assert stored.status_code == 303
    assert "„m1C“" in client.get(stored.headers["location"]).text
    with db.read() as session:
        (ballot,) = current_ballots(session, question["id"])
    assert ballot.site_code == "DD" and ballot.option_ids == (m1c,)
    assert ballot.source is BallotSource.SITE


def test_bad_quick_questions_are_refused_in_each_language_and_change_nothing(
    served: Served, client: httpx.Client, db: Database
) -> None:
    auth = served.moderator
    running = current_question(db, served.conf_id)
    client.post(f"/api/moderator/questions/{running}/close", headers=auth).raise_for_status()
    before = snapshot(db)
    for body, status, english in (
        ({**ASKED, "options": ["m1A", "m1B"]}, 422, "evidence: the options are given"),
        ({**ASKED, "kind": "single", "options": ["Nur eine"]}, 422, "at least two options"),
        ({**ASKED, "text": " \u202e "}, 422, "question: must not be empty"),
        ({**ASKED, "case": "x" * 300}, 422, "one-line case: at most 200 characters"),
        ({**ASKED, "kind": "ranking"}, 422, None),
        ({**ASKED, "colour": "red"}, 422, None),
    ):
        response = client.post("/api/moderator/questions", json=body, headers=auth)
        assert response.status_code == status, (body, response.text)
        if english is not None:
            assert english in response.json()["messages"]["en"]
            assert response.json()["messages"]["de"] != response.json()["messages"]["en"]
    assert client.post("/api/moderator/questions", json=ASKED).status_code == 401
    assert snapshot(db) == before
