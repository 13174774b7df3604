"""The remote client's refusals carry a Message: the server's own words per language when
its JSON has them, the client's own texts from its catalog, both languages in ``str()``."""

from __future__ import annotations

import socket

import httpx
import pytest

from app.remote.client import (
    Connection,
    ModeratorClient,
    NotDone,
    Refused,
    Unreachable,
    said_by,
)
from app.server.i18n import error_body
from app.services.errors import Forbidden
from app.services.messages import say
from app.services.moderator_actions import NEXT
from app.texts import Message


def _answer(status: int, *, json: object = None, text: str | None = None) -> httpx.Response:
    request = httpx.Request("GET", "https://x/api")
    if text is not None:
        return httpx.Response(status, text=text, request=request)
    return httpx.Response(status, json=json, request=request)


def test_a_refusal_with_messages_is_said_in_the_servers_words_per_language() -> None:
    sent = say("voting_not_open")
    message = said_by(_answer(409, json=error_body(sent)))
    assert message == sent
    assert message.in_language("en") == "voting on this question is not open"


def test_a_refusal_with_only_a_detail_is_split_and_a_plain_answer_kept_whole() -> None:
    both = said_by(_answer(422, json={"detail": "Zeile kaputt / line broken"}))
    assert (both.in_language("de"), both.in_language("en")) == ("Zeile kaputt", "line broken")
    proxy = said_by(_answer(502, text="Bad Gateway from the proxy"))
    assert proxy == Message.plain("Bad Gateway from the proxy")
    validation = said_by(_answer(422, json={"detail": [{"msg": "field required"}]}))
    assert validation.in_language("en") == "field required"


def test_a_wrong_token_answer_is_said_in_one_language_each() -> None:
    body = error_body(Forbidden(Message({"de": "Link widerrufen", "en": "link revoked"})).message)

    def refuse(request: httpx.Request) -> httpx.Response:
        return httpx.Response(403, json=body, request=request)

    connection = Connection("http://127.0.0.1:1", "t" * 40)
    client = ModeratorClient(connection, transport=httpx.MockTransport(refuse))
    with client, pytest.raises(Refused) as caught:
        client.state()
    assert caught.value.status == 403
    assert caught.value.in_language("en") == "moderator token refused (link revoked)"
    assert caught.value.in_language("de") == "Moderator-Token abgelehnt (Link widerrufen)"
    assert str(caught.value) == (
        "Moderator-Token abgelehnt (Link widerrufen) / moderator token refused (link revoked)"
    )


def test_a_server_that_does_not_answer_is_said_in_each_language_and_an_action_not_done() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    connection = Connection(f"http://127.0.0.1:{port}", "t" * 40)
    with ModeratorClient(connection, retries=1, retry_pause=0) as client:
        with pytest.raises(Unreachable) as caught:
            client.state()
        with pytest.raises(NotDone) as not_done:
            client.send(NEXT())
    english = caught.value.in_language("en")
    assert english.startswith(f"server unreachable: 127.0.0.1:{port} (")
    assert "nicht erreichbar" not in english
    assert caught.value.in_language("de").startswith(f"Server nicht erreichbar: 127.0.0.1:{port}")
    assert not_done.value.in_language("en").startswith("not done: server unreachable: ")
    assert "Nicht ausgeführt" in str(not_done.value) and "not done" in str(not_done.value)
