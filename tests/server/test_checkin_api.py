"""The sites' check-in through the site API and the plain form, the moderator's check-in
actions, and the link test (a real server on 127.0.0.1)."""

from __future__ import annotations

import httpx
import pytest

from app.db import Database
from app.server.visits import VisitLog
from app.services import audit
from app.services.checkin import link_visits
from app.services.conferences import get_conference, invitations
from tests.server.helpers import Served, make_conference, serving, snapshot, tokens

VALID = "802765260181597"
WRONG = "802765260181598"


def _put(client: httpx.Client, token: str, people: list[dict[str, str]]) -> httpx.Response:
    return client.put(f"/api/v/{token}/attendees", json={"attendees": people})


def test_a_site_checks_in_through_its_api_and_the_console_hears_it(
    served: Served, client: httpx.Client
) -> None:
    token = tokens(served.db, served.conf_id)["FR"]
    before = len(served.notifier.changes)
    answer = _put(
        client,
        token,
        [{"name": "Dr. A", "efn": VALID, "role": "Fellow"}, {"name": "Dr. B", "efn": WRONG}],
    )
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["open"] is True and body["limit"] == 30
    assert [(a["name"], a["efn"], a["role"], a["efn_valid"]) for a in body["attendees"]] == [
        ("Dr. A", VALID, "Fellow", True),
        ("Dr. B", WRONG, "", False),
    ]
    assert client.get(f"/api/v/{token}/attendees").json() == body
    bearer = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/site/attendees", headers=bearer).json() == body
    served.notifier.settled(changes=before + 2)  # the check-in, and the site's visit
    said = [(c.action, c.change) for c in served.notifier.changes[before:]]
    assert sorted(said) == [("attendees", "attendance"), ("visit", "attendance")]
    moderator = client.get("/api/moderator/attendance", headers=served.moderator).json()
    [fr] = [s for s in moderator if s["site_code"] == "FR"]
    assert (fr["present"], fr["attendee_count"]) == (True, 2)
    assert [(a["name"], a["role"], a["efn_invalid"]) for a in fr["attendees"]] == [
        ("Dr. A", "Fellow", False),
        ("Dr. B", "", True),
    ]
    with served.db.read() as session:
        [entry] = [e for e in audit.trail(session, served.conf_id) if e.action == "attendees"]
    assert entry.actor == "site"


@pytest.mark.parametrize(
    ("people", "status", "german"),
    [
        ([{"name": "Dr. A"}, {"name": " DR. A "}], 422, "ist schon für diesen Standort"),
        ([{"name": f"Dr. {i}"} for i in range(31)], 422, "Höchstens 30 Personen"),
        ([{"name": "", "efn": VALID}], 422, "bitte den Namen eintragen"),
        ([{"name": "Dr. A", "extra": "x"}], 422, "extra"),
        ([{"name": "x" * 201}], 422, "name"),
    ],
)
def test_refused_check_ins_say_why_and_change_nothing(
    served: Served, client: httpx.Client, people: list[dict[str, str]], status: int, german: str
) -> None:
    token = tokens(served.db, served.conf_id)["FR"]
    before = snapshot(served.db)
    answer = _put(client, token, people)
    assert answer.status_code == status
    assert german in answer.json()["detail"]
    assert snapshot(served.db) == before


def test_a_forged_token_checks_in_nobody(served: Served, client: httpx.Client) -> None:
    before = snapshot(served.db)
    answer = _put(client, "x" * 43, [{"name": "Dr. Eve"}])
    assert answer.status_code == 403
    assert snapshot(served.db) == before


def test_once_the_moderator_closes_check_in_only_the_moderator_changes_it(
    served: Served, client: httpx.Client
) -> None:
    token = tokens(served.db, served.conf_id)["FR"]
    closed = client.post("/api/moderator/checkin/close", headers=served.moderator)
    assert closed.json() == {"checkin_open": False, "held_at": None}
    answer = _put(client, token, [{"name": "Dr. A"}])
    assert answer.status_code == 409
    assert answer.json()["messages"]["en"].startswith("check-in is closed")
    page = client.get(f"/v/{token}?lang=en")
    assert "Check-in closed by the moderator" in page.text and 'name="name"' not in page.text
    form = client.post(f"/v/{token}/checkin?lang=en", data={"name": ["Dr. A"]})
    assert form.status_code == 409 and "check-in is closed; please ask" in form.text
    assert "Check-in closed by the moderator" in form.text and 'name="name"' not in form.text
    corrected = client.put(
        "/api/moderator/attendance/FR",
        headers=served.moderator,
        json={"present": True, "attendees": [{"name": "Dr. A", "efn": VALID, "role": "Fellow"}]},
    )
    assert corrected.status_code == 200, corrected.text
    assert client.get(f"/api/v/{token}/attendees").json()["attendees"][0]["role"] == "Fellow"
    assert client.post("/api/moderator/checkin/open", headers=served.moderator).status_code == 200
    assert _put(client, token, [{"name": "Dr. A"}, {"name": "Dr. C"}]).status_code == 200


def test_marking_the_session_held_closes_check_in_and_the_page_says_so(
    served: Served, client: httpx.Client
) -> None:
    token = tokens(served.db, served.conf_id)["FR"]
    held = client.post("/api/moderator/held", headers=served.moderator)
    assert held.status_code == 200 and held.json()["held_at"]
    assert held.json()["checkin_open"] is False
    again = client.post("/api/moderator/held", headers=served.moderator)
    assert again.json() == held.json()  # the first time stays
    with served.db.read() as session:
        conf = get_conference(session, served.conf_id)
    assert conf.held_at is not None and not conf.checkin_open
    page = client.get(f"/v/{token}")
    assert "Die Sitzung hat stattgefunden." in page.text
    assert _put(client, token, [{"name": "Dr. A"}]).status_code == 409


def test_the_plain_form_saves_edits_and_removes(served: Served, client: httpx.Client) -> None:
    token = tokens(served.db, served.conf_id)["FR"]
    saved = client.post(
        f"/v/{token}/checkin",
        data={"name": ["Dr. A", "Dr. B", ""], "efn": [VALID, "", ""], "role": ["", "", ""]},
    )
    assert saved.status_code == 303
    assert saved.headers["location"].endswith("?lang=de&checkin=saved#checkin")
    edited = client.post(
        f"/v/{token}/checkin",
        data={
            "name": ["Dr. A", "Dr. B", "Dr. C"],
            "efn": [VALID, "", WRONG],
            "role": ["Oberarzt", "", ""],
            "remove": ["1"],
        },
        follow_redirects=True,
    )
    assert "Gespeichert: 2 angemeldet." in edited.text
    assert "Die Prüfziffer dieser EFN stimmt nicht" in edited.text
    people = client.get(f"/api/v/{token}/attendees").json()["attendees"]
    assert [(a["name"], a["role"]) for a in people] == [("Dr. A", "Oberarzt"), ("Dr. C", "")]


def test_hostile_names_are_escaped_on_the_page(served: Served, client: httpx.Client) -> None:
    token = tokens(served.db, served.conf_id)["FR"]
    hostile = '<script>alert(1)</script>"><img src=x>'
    assert _put(client, token, [{"name": hostile, "role": "\u202eevil"}]).status_code == 200
    page = client.get(f"/v/{token}").text
    assert "<script>alert(1)" not in page and "<img src=x>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&#34;&gt;&lt;img src=x&gt;" in page
    assert "\u202e" not in page


def test_the_link_test_shows_the_session_and_records_who_opened_their_link(
    db: Database,
) -> None:
    with db.write() as session:
        conf_id = make_conference(session, 3, prefix="L", open_first=False)
    with db.write() as session:
        from app.services.conferences import update_conference

        update_conference(session, conf_id, starts_at="16:00", ends_at="17:30")
    with serving(db, conf_id) as running, httpx.Client(base_url=running.url) as client:
        site = tokens(db, conf_id)
        page = client.get(f"/v/{site['L001']}?lang=de")
        assert "Ihr Link funktioniert." in page.text
        assert "Sitzung: Mi., 18.11.2026, 16:00–17:30 Uhr" in page.text
        client.get(f"/api/v/{site['L002']}/state")
        client.get(f"/v/{site['L000']}/panel")  # the live panel is no visit of its own
        running.server.stop()  # the writer finishes what it was given
    with db.read() as session:
        visits = {v.site.code: v.tested for v in link_visits(session, conf_id)}
        invited = {i.site.code: i.last_seen_at for i in invitations(session, conf_id)}
    assert visits == {"L000": False, "L001": True, "L002": True}
    assert invited["L000"] is None


def test_a_site_visit_is_written_at_most_every_few_minutes() -> None:
    visits = VisitLog(every=300)
    assert visits.due(1, now=1000.0)
    assert not visits.due(1, now=1200.0)
    assert visits.due(2, now=1200.0)  # another site
    assert visits.due(1, now=1300.5)


def test_a_site_check_in_reaches_the_moderators_event_stream(served: Served) -> None:
    """The remote console re-reads attendance on each event: a check-in must make one."""
    import asyncio
    import time

    from tests.server.test_moderator_events import WITHIN, _event_until, later

    token = tokens(served.db, served.conf_id)["FR"]

    async def scenario() -> list[dict[str, object]]:
        seen: list[dict[str, object]] = []
        async with (
            httpx.AsyncClient(base_url=served.url, timeout=10) as http,
            http.stream("GET", "/api/moderator/events", headers=served.moderator) as stream,
        ):
            lines = stream.aiter_lines()
            seen.append(await _event_until(lines, time.monotonic() + WITHIN))
            body = {"attendees": [{"name": "Dr. A", "efn": VALID}]}
            assert (await http.put(f"/api/v/{token}/attendees", json=body)).status_code == 200
            seen.append(await _event_until(lines, time.monotonic() + WITHIN, later(seen)))
        return seen

    first, second = asyncio.run(scenario())
    assert int(str(second["serial"])) > int(str(first["serial"]))
