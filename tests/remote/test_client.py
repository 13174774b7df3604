"""The moderator API client against a real ``serve`` subprocess over HTTPS (test CA)."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import select

from app.db import Database
from app.models import Site
from app.remote.client import (
    BadAddress,
    CertificateRefused,
    Connection,
    ModeratorClient,
    NotDone,
    Refused,
    normalize_address,
    tls_context,
)
from app.services.ballots import ballot_history, current_ballots
from app.services.moderator_actions import BALLOT, CURRENT, NEXT, OPEN
from tests.remote.hosting import Hosted

pytestmark = pytest.mark.slow


class LosingAnswers(httpx.BaseTransport):
    """Passes each request on, but loses the first ``n`` answers (the request was done)."""

    def __init__(self, inner: httpx.BaseTransport, n: int) -> None:
        self.inner, self.n, self.sent = inner, n, 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        self.sent += 1
        if self.n > 0:
            self.n -= 1
            response.read()
            response.close()
            raise httpx.ReadTimeout("answer lost", request=request)
        return response

    def close(self) -> None:
        self.inner.close()


def _ballots_of(server_db_url: str, question_id: int, code: str) -> tuple[int, int]:
    """(current revision, history lines) of one site's ballot on the server."""
    database = Database.open(server_db_url)
    try:
        with database.read() as session:
            site_id = session.scalar(select(Site.id).where(Site.code == code))
            mine = [b for b in current_ballots(session, question_id) if b.site_id == site_id]
            history = [h for h in ballot_history(session, question_id) if h.site_id == site_id]
    finally:
        database.dispose()
    return (mine[0].revision if mine else 0), len(history)


def test_reads_the_state_over_a_verified_https_connection(hosted: Hosted) -> None:
    with hosted.client() as client:
        state = client.state()
        assert state["slug"] == "demo"
        assert [c["number"] for c in client.agenda()] == [1, 2, 3]
        assert client.summary()["invited_sites"] == 18
        assert client.connection.host == f"127.0.0.1:{hosted.port}"


def test_a_certificate_not_trusted_is_refused_clearly(hosted: Hosted) -> None:
    with ModeratorClient(hosted.connection(ca=False), retries=0) as client:
        with pytest.raises(CertificateRefused, match=r"nicht vertrauenswürdig.*not trusted"):
            client.state()
        with pytest.raises(CertificateRefused):  # an action is refused too, never retried on
            client.send(NEXT())


def test_a_wrong_token_is_refused(hosted: Hosted) -> None:
    wrong = Connection(hosted.url, "x" * 40, hosted.ca_file)
    with ModeratorClient(wrong) as client, pytest.raises(Refused) as refused:
        client.state()
    assert refused.value.status in (401, 403)
    assert "token" in str(refused.value)


def test_plain_http_only_for_this_computer() -> None:
    assert normalize_address("abstimmung.klinik.de/") == "https://abstimmung.klinik.de"
    assert normalize_address("http://127.0.0.1:8765") == "http://127.0.0.1:8765"
    with pytest.raises(BadAddress, match="https"):
        normalize_address("http://abstimmung.klinik.de")
    with pytest.raises(BadAddress):
        normalize_address("ftp://abstimmung.klinik.de")


def test_an_action_whose_answer_was_lost_is_done_once(hosted: Hosted, server_db_url: str) -> None:
    with hosted.client() as reader:
        state = reader.state()
        question = state["current"]["id"]
        reader.send(OPEN(question_id=question))
        option = reader.state()["current"]["options"][0]["id"]
    losing = LosingAnswers(httpx.HTTPTransport(verify=tls_context(hosted.ca_file)), n=1)
    with ModeratorClient(hosted.connection(), transport=losing, retry_pause=0) as client:
        entered = BALLOT(question_id=question, site_code="GOE", option_ids=[option], comment="Tel.")
        receipt = client.send(entered)
    assert losing.sent == 2  # sent twice under one request id …
    assert receipt["revision"] == 1
    assert _ballots_of(server_db_url, question, "GOE") == (1, 1)  # … stored once


def test_an_action_during_a_drop_is_reported_not_done_and_sent_again_once(
    hosted: Hosted, server_db_url: str
) -> None:
    with hosted.client(retry_pause=0) as client:
        question = client.state()["current"]["id"]
        client.send(OPEN(question_id=question))
        option = client.state()["current"]["options"][0]["id"]
        hosted.kill()
        with pytest.raises(NotDone, match=r"Nicht ausgeführt.*not done") as not_done:
            client.send(BALLOT(question_id=question, site_code="HD", option_ids=[option]))
        hosted.start()
        assert _ballots_of(server_db_url, question, "HD") == (0, 0)
        first = client.send(not_done.value.action)
        again = client.send(not_done.value.action)  # same request id: answered, not redone
        assert first == again
    assert _ballots_of(server_db_url, question, "HD") == (1, 1)


def test_the_console_chooses_the_current_question(hosted: Hosted) -> None:
    with hosted.client() as client:
        last = client.agenda()[-1]["questions"][-1]["id"]
        assert client.send(CURRENT(question_id=last)) == {"current_question_id": last}
        assert client.state()["current"]["id"] == last
        client.send(CURRENT(question_id=None))
        assert client.state()["current"] is None
