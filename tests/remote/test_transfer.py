"""Publish a prepared conference to a hosted server (``serve`` over HTTPS) and fetch its
results home: the local protocol's numbers equal the server's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import httpx
import pytest

from app.db import Database
from app.remote.client import ModeratorClient, tls_context
from app.remote.transfer import PublishRefused, fetch_results, plan_publish, publish
from app.services import audit
from app.services.agenda import agenda
from app.services.cme import luhn_valid
from app.services.conference_export import build_conference_file
from app.services.conferences import create_conference, get_conference, invitations
from app.services.fetch_home import fetched_from
from app.services.moderator_actions import ATTENDANCE, BALLOT, CLOSE, NOTE, OPEN, REPEAT, REVEAL
from app.services.results import question_result
from tests.remote.hosting import Hosted
from tests.server.helpers import snapshot, tokens

pytestmark = pytest.mark.slow


@pytest.fixture
def server_db_url(new_db_url: Callable[[], str]) -> str:
    """The hosted server's database: an empty conference "demo" waiting to be published."""
    url = new_db_url()  # on this test's backend: SQLite, then PostgreSQL
    database = Database.open(url)
    with database.write() as session:
        create_conference(session, "Noch leer", dt.date(2026, 11, 18), slug="demo")
    database.dispose()
    return url


def _efn() -> str:
    stem = "80276123456789"
    return stem + next(d for d in "0123456789" if luhn_valid(stem + d))


def _run_a_question(client: ModeratorClient, hosted: Hosted, site_tokens: dict[str, str]) -> int:
    """Open the first question, 5 sites vote over HTTP, one entered by the moderator,
    attendance, a note, then close and reveal; the question's id on the server."""
    question = client.agenda()[0]["questions"][0]
    client.send(OPEN(question_id=question["id"]))
    options = [o["id"] for o in question["options"]]
    verify = tls_context(hosted.ca_file)
    with httpx.Client(base_url=hosted.url, verify=verify, timeout=10) as sites:
        for index, code in enumerate(sorted(site_tokens)[:5]):
            cast = sites.post(
                f"/api/v/{site_tokens[code]}/ballot",
                json={"question_id": question["id"], "option_ids": [options[index % 2]]},
            )
            assert cast.status_code == 200, cast.text
    qid = question["id"]
    chat = BALLOT(question_id=qid, site_code="GOE", option_ids=[options[1]], comment="per Chat")
    client.send(chat)
    attendees = [{"name": "Dr. Anna Beispiel", "efn": _efn()}]
    client.send(ATTENDANCE(site_code="GOE", present=True, attendee_count=2, attendees=attendees))
    client.send(NOTE(question_id=qid, text="Studienoption prüfen"))
    client.send(CLOSE(question_id=qid))
    client.send(REVEAL(question_id=qid))
    return int(question["id"])


def _numbers(database: Database, conf_id: int) -> dict[tuple[str, int], object]:
    """Per question round: the counts, participation and sentence the protocol prints."""
    with database.read() as session:
        out: dict[tuple[str, int], object] = {}
        for case in agenda(session, conf_id):
            for question in case.questions:
                result = question_result(session, question.id)
                tally = result.tally
                out[(question.number, question.round)] = (
                    [(o.option.label, o.count) for o in tally.options],
                    tally.n_valid,
                    tally.n_abstain,
                    tally.n_eligible,
                    result.sentence_de,
                )
        return out


def test_publish_shows_what_goes_out_and_what_the_server_has(
    db: Database, demo_id: int, hosted: Hosted
) -> None:
    with hosted.client() as client:
        plan = plan_publish(client, db, demo_id)
        assert plan.allowed and plan.server["cases"] == 0 and plan.server["topic"] == "Noch leer"
        out = plan.outgoing
        assert out.file.mode == "publish" and out.file.results is None
        assert (out.cases, out.sites) == (3, 18)
        assert out.file.conference.moderator == ""  # only what the sites need …
        assert all(c.text == "" for c in out.file.cases)
        summary = publish(client, plan)
        assert summary["cases"] == 3 and summary["invited_sites"] == 18
        assert summary["ballots"] == 0
        with db.read() as session:
            assert client.summary()["topic"] == get_conference(session, demo_id).topic


def test_a_conference_with_ballots_on_the_server_is_not_overwritten(
    db: Database, demo_id: int, hosted: Hosted
) -> None:
    with hosted.client() as client:
        publish(client, plan_publish(client, db, demo_id))
        _run_a_question(client, hosted, tokens(db, demo_id))
        plan = plan_publish(client, db, demo_id)
        assert not plan.allowed and plan.server_ballots == 6
        with pytest.raises(PublishRefused, match=r"6 Stimmen.*not overwritten"):
            publish(client, plan)
        assert client.summary()["ballots"] == 6


def test_fetched_results_equal_the_servers_and_fetching_twice_changes_nothing(
    db: Database, demo_id: int, hosted: Hosted
) -> None:
    with hosted.client() as client:
        publish(client, plan_publish(client, db, demo_id))
        question = _run_a_question(client, hosted, tokens(db, demo_id))
        server_file = client.fetch_file()
        with db.read() as session:
            own = len(audit.trail(session, demo_id))  # the local events of preparing

        outcome = fetch_results(client, db, demo_id)

        assert outcome.changed and outcome.origin.server == hosted.url
        assert outcome.origin.ballots == 6
        server_numbers = {}
        for case in client.agenda():
            for q in case["questions"]:
                result = client.results(q["id"])
                tally = result["tally"]
                server_numbers[(q["number"], q["round"])] = (
                    [(o["label"], o["count"]) for o in tally["options"]],
                    tally["n_valid"],
                    tally["n_abstain"],
                    tally["n_eligible"],
                    result["sentence_de"],
                )
        assert _numbers(db, demo_id) == server_numbers
        with db.read() as session:
            local = build_conference_file(session, demo_id)
            assert local.results is not None and server_file.results is not None
            assert local.results.ballots == server_file.results.ballots  # history, sources …
            assert local.results.history == server_file.results.history
            assert local.results.notes == server_file.results.notes
            goe = next(i for i in invitations(session, demo_id) if i.site.code == "GOE")
            assert [(a.name, a.efn) for a in goe.attendees] == [("Dr. Anna Beispiel", _efn())]
            origin = fetched_from(session, demo_id)
            assert origin is not None and origin.server == hosted.url
            assert get_conference(session, demo_id).moderator  # kept from the local copy

        before = snapshot(db)
        again = fetch_results(client, db, demo_id)
        assert not again.changed
        assert snapshot(db) == before

        client.send(REPEAT(question_id=question))  # the server moves on: round 2
        fetch_results(client, db, demo_id)
        server_trail = client.fetch_file().results
        assert server_trail is not None
        with db.read() as session:
            actions = [e.action for e in audit.trail(session, demo_id)]
        server_actions = [e.action for e in server_trail.audit]
        copied = actions[-len(server_actions) - 1 : -1]
        assert copied == server_actions  # the fresh copy of the server's trail, once
        assert actions.count("results_fetched") == 2
        assert len(actions) == own + len(server_actions) + 2  # nothing doubled
