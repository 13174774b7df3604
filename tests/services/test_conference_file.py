"""Conference files: lossless round trip, publish mode, atomic import, clear messages."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.config import RESOURCES
from app.db import Database
from app.models import Conference, QuestionState
from app.services import conferences
from app.services.conference_file import (
    ConferenceFileError,
    Publish,
    build_conference_file,
    import_conference_file,
    read_conference_file,
    replace_conference,
    write_conference_file,
)
from app.services.conference_schema import ConferenceFile, json_schema
from app.services.errors import StateConflict
from app.services.packages import import_packages
from tests.services.test_packages import good_package


def _comparable(file: ConferenceFile) -> dict:
    data = file.model_dump(mode="json")
    data.pop("origin")
    data["conference"].pop("slug")
    data["results"].pop("audit")
    return data


def test_export_then_import_into_another_database_is_lossless(
    db: Database, demo_id: int, tmp_path: Path
) -> None:
    with db.write() as session:
        conferences.update_conference(session, demo_id, vnr="2760512025111800013")
        conf = session.get(Conference, demo_id)
        assert conf is not None
        conf.starts_at, conf.ends_at, conf.cme_points = "16:00", "17:30", 2
        conf.cme_category, conf.scientific_lead = "A", "Prof. Dr. Leitung"
    with db.read() as session:
        first = build_conference_file(session, demo_id)
    path = tmp_path / "demo.votum-conference.json"
    write_conference_file(first, path)
    other = Database.open(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    try:
        with other.write() as session:
            new_id = import_conference_file(session, read_conference_file(path), name=path.name)
        with other.read() as session:
            second = build_conference_file(session, new_id)
    finally:
        other.dispose()
    assert first.results is not None and second.results is not None
    assert first.results.ballots and first.results.history and first.results.notes
    assert any(q.round == 2 for c in first.cases for q in c.questions)
    assert any(i.attendees for i in first.invitations)
    assert _comparable(second) == _comparable(first)
    actions = [(e.action, e.at) for e in second.results.audit]
    original = [(e.action, e.at) for e in first.results.audit]
    start = actions.index(original[0])
    assert actions[start : start + len(original)] == original
    assert second.conference.slug == first.conference.slug


def test_import_into_the_same_database_refuses_links_another_conference_holds(
    db: Database, demo_id: int, tmp_path: Path
) -> None:
    with db.read() as session:
        file = build_conference_file(session, demo_id)
    with db.write() as session, pytest.raises(ConferenceFileError, match=r"invitations\[0\].token"):
        import_conference_file(session, file, name="x.json")
    with db.read() as session:
        assert session.scalar(select(func.count(Conference.id))) == 1


def test_publish_carries_only_what_the_voter_pages_show(db: Database, demo_id: int) -> None:
    with db.read() as session:
        published = build_conference_file(session, demo_id, publish=Publish())
        with_text = build_conference_file(session, demo_id, publish=Publish(text=True))
        full = build_conference_file(session, demo_id)
    text = published.model_dump_json()
    assert published.mode == "publish" and published.results is None
    assert all(not i.attendees and not i.present for i in published.invitations)
    assert all(not s.email for s in published.sites)
    assert published.conference.moderator == "" and published.conference.fellows == []
    for case, original in zip(published.cases, full.cases, strict=True):
        assert case.title == original.title and case.diagnosis == original.diagnosis
        assert case.images == [] and case.text == "" and case.histology == ""
        assert len(case.findings) <= 1
        firsts = [q for q in original.questions if q.round == 1]
        assert [(q.ref, q.text) for q in case.questions] == [(q.ref, q.text) for q in firsts]
        assert {q.state for q in case.questions} == {QuestionState.DRAFT}  # starts afresh
    assert all(i.token for i in published.invitations)  # the links must work there
    assert any(c.text for c in with_text.cases)
    for original in full.cases:
        if original.text:
            assert original.text not in text


def test_a_broken_file_names_file_path_and_problem(
    tmp_path: Path, db: Database, demo_id: int
) -> None:
    with db.read() as session:
        data = build_conference_file(session, demo_id).model_dump(mode="json")
    data["invitations"][0]["attendees"] = [{"name": "Dr. A", "efn": "123"}]
    path = tmp_path / "bad.votum-conference.json"
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(ConferenceFileError) as caught:
        read_conference_file(path)
    assert str(caught.value).startswith(
        "bad.votum-conference.json: $.invitations[0].attendees[0].efn:"
    )
    data = build_conference_file_dict(db, demo_id)
    data["results"]["ballots"][0]["question"] = "9.9"
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(
        ConferenceFileError,
        match=r"^bad.votum-conference.json: \$.results.ballots\[0\].question: no question '9.9'",
    ):
        read_conference_file(path)
    path.write_text("[1]", "utf-8")
    with pytest.raises(ConferenceFileError, match=r'\$: expected a JSON object with "conference"'):
        read_conference_file(path)


def build_conference_file_dict(db: Database, conference_id: int) -> dict:
    with db.read() as session:
        return build_conference_file(session, conference_id).model_dump(mode="json")


def test_a_failed_import_writes_nothing(db: Database, demo_id: int, tmp_path: Path) -> None:
    data = build_conference_file_dict(db, demo_id)
    other = Database.open(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    data["sites"].append({"code": "NEW", "name": data["sites"][0]["name"]})  # name clash
    data["invitations"].append({"site": "NEW"})
    try:
        file = ConferenceFile.model_validate(data)
        with pytest.raises(ConferenceFileError, match=r"\$.sites\[\d+\]"), other.write() as session:
            import_conference_file(session, file, name="f.json")
        with other.read() as session:
            assert session.scalar(select(func.count(Conference.id))) == 0
    finally:
        other.dispose()


def test_replacing_is_refused_once_the_conference_has_ballots(db: Database, demo_id: int) -> None:
    with db.read() as session:
        file = build_conference_file(session, demo_id, publish=Publish())
    with db.write() as session, pytest.raises(StateConflict, match="ballots"):
        replace_conference(session, demo_id, file)


def test_replacing_an_unused_conference_keeps_its_short_name_and_moderator_token(
    db: Database, demo_id: int
) -> None:
    with db.read() as session:
        file = build_conference_file(session, demo_id, publish=Publish())
    with db.write() as session:
        target = conferences.create_conference(session, "Leer", dt.date(2026, 1, 5))
        token = conferences.moderator_token(session, target)
        conferences.delete_conference(session, demo_id)  # frees the links for the new place
    with db.write() as session:
        replace_conference(session, target, file)
    with db.read() as session:
        again = build_conference_file(session, target, publish=Publish())
        assert conferences.moderator_token(session, target) == token
        assert conferences.get_conference(session, target).slug == "2026-01-05-leer"
    assert again.cases == file.cases and again.invitations == file.invitations
    assert again.conference.topic == file.conference.topic


def test_correcting_the_date_moves_the_short_name_along(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "p.votum.json"
    path.write_text(json.dumps(good_package()), "utf-8")
    with db.write() as session:
        conf_id, _ = import_packages(session, [path], date=dt.date(2026, 12, 3))
        assert conferences.get_conference(session, conf_id).slug.startswith("2026-12-03-")
        conferences.update_conference(session, conf_id, date=dt.date(2026, 12, 10))
        slug = conferences.get_conference(session, conf_id).slug
    assert slug == "2026-12-10-paket"


def test_json_schema_in_resources_is_current() -> None:
    on_disk = json.loads((RESOURCES / "conference_file.schema.json").read_text("utf-8"))
    assert on_disk == json_schema(), "regenerate: python -m app.services.conference_schema"
