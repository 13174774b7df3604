"""The moderator API for a conference as a whole: look, publish, fetch home, delete; one
server process per conference, each bound to its own links and moderator token."""

from __future__ import annotations

import base64
import datetime as dt

import httpx

from app.db import Database
from app.models import Conference
from app.services import agenda, conferences
from app.services.conference_export import Publish, build_conference_file
from app.services.demo import load_demo
from app.services.package_schema import PackageImage
from tests.server.helpers import Served, make_conference, serving, snapshot, tokens


def _noisy_png(side: int = 160) -> bytes:
    """A real PNG that does not compress: larger than the ordinary body limit (64 KiB)."""
    import io
    import random

    from PIL import Image

    noise = random.Random(7).randbytes(side * side * 3)
    buffer = io.BytesIO()
    Image.frombytes("RGB", (side, side), noise).save(buffer, "PNG")
    return buffer.getvalue()


def _empty_conference(db: Database) -> int:
    with db.write() as session:
        return conferences.create_conference(session, "Gehostet", dt.date(2026, 12, 3))


def test_publishing_over_a_conference_with_ballots_is_refused(
    served: Served, client: httpx.Client, db: Database
) -> None:
    summary = client.get("/api/moderator/conference", headers=served.moderator)
    assert summary.status_code == 200
    assert summary.json()["ballots"] > 0 and summary.json()["slug"] == "demo"
    with db.read() as session:
        file = build_conference_file(session, served.conf_id, publish=Publish())
    before = snapshot(db)
    refused = client.put(
        "/api/moderator/conference", json=file.model_dump(mode="json"), headers=served.moderator
    )
    assert refused.status_code == 409
    assert "ballots" in refused.json()["detail"]
    assert snapshot(db) == before


def test_a_published_conference_votes_with_the_laptops_links(tmp_path, db: Database) -> None:
    laptop = Database.open(f"sqlite:///{tmp_path / 'laptop.sqlite3'}")
    with laptop.write() as session:
        demo = load_demo(session)
        first_case = agenda.agenda(session, demo)[0].id
        package = agenda.case_as_package(session, first_case)
        image = PackageImage(filename="ct.png", data=base64.b64encode(_noisy_png()).decode())
        agenda.update_case(session, first_case, package.model_copy(update={"images": [image]}))
        published = build_conference_file(session, demo, publish=Publish(images=True))
        laptop_tokens = {i.site: i.token for i in published.invitations}
    laptop.dispose()
    body = published.model_dump(mode="json")
    conf_id = _empty_conference(db)
    with serving(db, conf_id) as served, httpx.Client(base_url=served.url, timeout=10) as http:
        done = http.put("/api/moderator/conference", json=body, headers=served.moderator)
        assert done.status_code == 200, done.text
        assert done.json()["cases"] == len(published.cases)
        assert done.json()["slug"] == "2026-12-03-gehostet"  # the server's name stays
        state = http.get(f"/api/v/{laptop_tokens['DD']}/state")
        assert state.status_code == 200, state.text
        again = http.put("/api/moderator/conference", json=body, headers=served.moderator)
        assert again.status_code == 200  # no ballots yet: publishing again is fine
        broken = published.model_dump(mode="json")
        broken["invitations"][0]["site"] = "NOPE"
        refused = http.put("/api/moderator/conference", json=broken, headers=served.moderator)
        assert refused.status_code == 422
        where = "upload: $.invitations[0].site: "
        assert refused.json()["messages"] == {  # each language whole, the place included
            "de": where + "kein Standort „NOPE“ in $.sites",
            "en": where + "no site 'NOPE' in $.sites",
        }
    with db.read() as session:
        images = build_conference_file(session, conf_id).cases[0].images
    assert images == published.cases[0].images and images


def test_fetch_home_brings_ballots_with_history_attendance_notes_and_audit(
    served: Served, client: httpx.Client, db: Database
) -> None:
    site_token = tokens(db, served.conf_id)["DD"]
    state = client.get(f"/api/v/{site_token}/state").json()
    question = state["question"]
    for option in question["options"][:2]:  # a changed ballot: two history entries
        body = {"question_id": question["id"], "option_ids": [option["id"]]}
        cast = client.post(f"/api/v/{site_token}/ballot", json=body)
        assert cast.status_code == 200, cast.text
    fetched = client.get("/api/moderator/conference/file", headers=served.moderator)
    assert fetched.status_code == 200
    data = fetched.json()
    with db.read() as session:
        expected = build_conference_file(session, served.conf_id).model_dump(mode="json")
    assert data["origin"]["server"] == served.url
    for key in ("conference", "sites", "invitations", "cases"):
        assert data[key] == expected[key]
    results = data["results"]
    assert results["ballots"] == expected["results"]["ballots"]
    assert results["history"] == expected["results"]["history"]
    assert results["notes"] and results["notes"] == expected["results"]["notes"]
    assert results["audit"] == expected["results"]["audit"]
    dd = [h for h in results["history"] if h["site"] == "DD" and h["question"] == "1.1-r2"]
    assert [(h["revision"], h["options"]) for h in dd][-2:] == [(1, [0]), (2, [1])]
    assert any(i["attendees"] for i in data["invitations"])


def test_delete_removes_the_conference_and_ends_its_links(
    served: Served, client: httpx.Client, db: Database
) -> None:
    site_token = tokens(db, served.conf_id)["DD"]
    auth = served.moderator
    wrong = client.delete("/api/moderator/conference", headers={"Authorization": "Bearer x"})
    assert wrong.status_code == 403
    gone = client.delete("/api/moderator/conference", headers=auth)
    assert gone.status_code == 204
    with db.read() as session:
        assert session.get(Conference, served.conf_id) is None
    assert client.get(f"/api/v/{site_token}/state").status_code == 403
    assert client.get("/api/moderator/state", headers=auth).status_code == 404


def test_one_process_per_conference_each_bound_to_its_own_tokens(db: Database) -> None:
    with db.write() as session:
        first = make_conference(session, 3, prefix="A")
        second = make_conference(session, 3, prefix="B")
    with serving(db, first) as a, serving(db, second) as b:
        a_site, b_site = tokens(db, first)["A000"], tokens(db, second)["B000"]
        with httpx.Client(timeout=10) as http:
            assert http.get(f"{a.url}/api/moderator/state", headers=a.moderator).status_code == 200
            assert http.get(f"{b.url}/api/moderator/state", headers=a.moderator).status_code == 403
            assert http.get(f"{a.url}/api/moderator/state", headers=b.moderator).status_code == 403
            assert http.get(f"{a.url}/api/v/{a_site}/state").status_code == 200
            refused = http.get(f"{a.url}/api/v/{b_site}/state")
            assert refused.status_code == 403
            assert http.get(f"{b.url}/api/v/{b_site}/state").status_code == 200
            own = http.get(f"{b.url}/api/moderator/conference", headers=b.moderator).json()
            assert own["slug"] == "b"


def test_openapi_documents_the_conference_routes(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    assert set(paths["/api/moderator/conference"]) == {"get", "put", "delete"}
    assert "get" in paths["/api/moderator/conference/file"]
    assert "ConferenceFile" in spec["components"]["schemas"]
