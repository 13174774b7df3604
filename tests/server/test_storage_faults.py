"""A database that cannot store during voting: sites hear "not stored, please try again"
(HTTP 503, on the page and in the API), the console's alarm hears the problem, and
voting goes on once storing works again. Tests run as root, who ignores file modes: a
read-only database is made with SQLite's ``query_only``, a full disk with
``max_page_count``."""

from __future__ import annotations

import sqlite3
import threading
from typing import Any

import httpx
import pytest
from sqlalchemy import event, select
from sqlalchemy.exc import OperationalError

from app.db import Database, say
from app.models import Note
from app.server.runner import VotingServer
from app.server.writer import StorageUnavailable, Writer
from app.services import notes
from app.services.ballots import current_ballots
from app.texts import Message
from tests.server.helpers import current_question, make_conference, tokens


class Switch:
    """Makes every connection handed out read-only (``query_only``) while it is on."""

    def __init__(self, db: Database) -> None:
        self.on = False
        event.listen(db.engine, "checkout", self._checkout)

    def _checkout(self, dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        dbapi_connection.execute(f"PRAGMA query_only={int(self.on)}")


@pytest.mark.parametrize("backend", ["sqlite"])  # the fault is made by SQLite pragmas
def test_read_only_database_during_voting_is_a_clear_503_and_an_alarm(db: Database) -> None:
    with db.write() as session:
        conf_id = make_conference(session, 3, prefix="RO")
    question_id = current_question(db, conf_id)
    with db.read() as session:
        from app.services.agenda import get_question

        yes = get_question(session, question_id).options[0].id
    alarms: list[Message | None] = []
    heard = threading.Event()

    def alarm(problem: Message | None) -> None:
        alarms.append(problem)
        heard.set()

    switch = Switch(db)
    server = VotingServer(db, conf_id, host="127.0.0.1", port=0, storage_alarm=alarm)
    server.start()
    try:
        token = tokens(db, conf_id)["RO000"]
        url = f"http://127.0.0.1:{server.port}"
        switch.on = True
        with httpx.Client(base_url=url, timeout=10) as client:
            api = client.post(
                f"/api/v/{token}/ballot", json={"question_id": question_id, "option_ids": [yes]}
            )
            form = client.post(
                f"/v/{token}?lang=en", data={"question_id": str(question_id), "choice": str(yes)}
            )
            assert api.status_code == 503
            assert api.json()["detail"].startswith("Nicht gespeichert (schreibgeschützt)")
            assert "not stored (read-only), please try again" in api.json()["detail"]
            assert api.json()["messages"] == {
                "de": "Nicht gespeichert (schreibgeschützt) – bitte gleich noch einmal versuchen",
                "en": "not stored (read-only), please try again",
            }
            assert form.status_code == 503
            assert "not stored (read-only), please try again" in form.text
            assert "Nicht gespeichert" not in form.text and "schreibgeschützt" not in form.text
            assert alarms == [say("read_only")]  # told once, not per ballot

            switch.on = False
            heard.clear()
            again = client.post(
                f"/api/v/{token}/ballot", json={"question_id": question_id, "option_ids": [yes]}
            )
            assert again.status_code == 200
            assert heard.wait(10)
            assert alarms == [say("read_only"), None]  # storing works again
    finally:
        server.stop()
    with db.read() as session:
        assert [b.option_ids for b in current_ballots(session, question_id)] == [(yes,)]


@pytest.mark.parametrize("backend", ["sqlite"])  # the fault is made by SQLite pragmas
def test_full_disk_refuses_the_write_with_storage_unavailable(db: Database) -> None:
    with db.write() as session:
        conf_id = make_conference(session, 1, prefix="FD")
    question_id = current_question(db, conf_id)

    @event.listens_for(db.engine, "checkout")
    def disk_full(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    db.engine.dispose()  # connections made from now on have no room to grow
    alarms: list[Message | None] = []
    writer = Writer(db, storage_alarm=alarms.append)
    writer.start()
    try:
        future = writer.submit(
            lambda session: notes.save_note(session, "Befund " * 7_000, question_id=question_id)
        )
        with pytest.raises(StorageUnavailable, match=r"Datenträger voll.*disk full") as caught:
            future.result(timeout=30)
    finally:
        writer.stop()
    assert caught.value.status == 503
    assert [str(problem) for problem in alarms] == ["Datenträger voll / disk full"]
    assert caught.value.in_language("en") == "not stored (disk full), please try again"
    with db.read() as session:
        assert session.scalars(select(Note)).all() == []  # nothing half-written


def _read_error(name: str) -> OperationalError:
    cause = sqlite3.OperationalError("disk I/O error")
    cause.sqlite_errorname = name  # as SQLite's C code sets it
    return OperationalError("SELECT 1", {}, cause)


def test_a_database_that_cannot_be_read_is_a_503_page_and_a_bug_stays_a_500(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.write() as session:
        conf_id = make_conference(session, 1, prefix="IO")
    token = tokens(db, conf_id)["IO000"]
    failure: list[Exception] = [_read_error("SQLITE_IOERR_READ")]

    def failing_view(*_args: object) -> None:
        raise failure[0]

    monkeypatch.setattr("app.server.routes.voter.view_for", failing_view)
    monkeypatch.setattr("app.server.routes.site_api.view_for", failing_view)
    server = VotingServer(db, conf_id, host="127.0.0.1", port=0)
    server.start()
    try:
        url = f"http://127.0.0.1:{server.port}/v/{token}"
        page = httpx.get(f"{url}?lang=en", timeout=10)
        assert page.status_code == 503
        assert page.headers["retry-after"] == "5"
        assert "database unavailable (disk I/O error), please try again" in page.text
        assert "Datenbank" not in page.text and "Lese-/Schreibfehler" not in page.text
        api = httpx.get(f"http://127.0.0.1:{server.port}/api/v/{token}/state", timeout=10)
        assert api.status_code == 503
        assert api.json()["messages"]["en"] == (
            "database unavailable (disk I/O error), please try again"
        )
        assert api.json()["messages"]["de"] == (
            "Datenbank nicht verfügbar (Lese-/Schreibfehler) – bitte gleich noch einmal versuchen"
        )
        failure[0] = _read_error("SQLITE_CONSTRAINT")  # not a storage problem: a bug
        assert httpx.get(url, timeout=10).status_code == 500
    finally:
        server.stop()
