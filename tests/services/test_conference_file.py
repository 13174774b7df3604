"""Conference files: lossless round trip, publish mode, atomic import, clear messages."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.config import RESOURCES
from app.db import Database
from app.models import CallPollTotal, Conference, PollImport, Question, QuestionState
from app.services import conferences
from app.services.conference_export import Publish, build_conference_file
from app.services.conference_file import (
    ConferenceFileError,
    parse_conference_file,
    read_conference_file,
    write_conference_file,
)
from app.services.conference_import import import_conference_file, replace_conference
from app.services.conference_schema import ConferenceFile, json_schema
from app.services.demo import load_demo
from app.services.errors import StateConflict, VotumError
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
        hd = next(i for i in conferences.invitations(session, demo_id) if i.site.code == "HD")
        conferences.set_attendance(  # a wrong EFN is kept as typed: the file keeps it too
            session, demo_id, hd.site.id, present=True, attendees=[("Dr. Falsch", "12345")]
        )
        conf = session.get(Conference, demo_id)
        assert conf is not None
        conf.starts_at, conf.ends_at, conf.cme_points = "16:00", "17:30", 2
        conf.cme_category, conf.scientific_lead = "A", "Prof. Dr. Leitung"
        question = session.get(Question, conf.current_question_id)
        assert question is not None
        poll = PollImport(
            conference_id=demo_id,
            sha256="ab" * 32,
            filename="poll.csv",
            format="zoom",
            anonymous=True,
        )
        session.add(poll)
        session.flush()
        session.add_all(
            [
                CallPollTotal(import_id=poll.id, question_id=question.id, option_id=o.id, count=3)
                for o in question.options[:2]
            ]
            + [CallPollTotal(import_id=poll.id, question_id=question.id, abstain=True, count=1)]
        )
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
    assert [len(p.totals) for p in first.results.poll_imports] == [3]
    wrong = [a.efn for i in second.invitations for a in i.attendees if a.name == "Dr. Falsch"]
    assert wrong == ["12345"]
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
    data["invitations"][0]["attendees"] = [{"name": "", "efn": "123"}]
    path = tmp_path / "bad.votum-conference.json"
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(ConferenceFileError) as caught:
        read_conference_file(path)
    assert str(caught.value).startswith(
        "bad.votum-conference.json: $.invitations[0].attendees[0].name:"
    )
    data = build_conference_file_dict(db, demo_id)
    data["results"]["ballots"][0]["question"] = "9.9"
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(ConferenceFileError) as caught:
        read_conference_file(path)
    where = "bad.votum-conference.json: $.results.ballots[0].question: "
    assert caught.value.in_language("en") == where + "no question '9.9'"
    assert caught.value.in_language("de") == where + "keine Frage „9.9“"
    path.write_text("[1]", "utf-8")
    with pytest.raises(ConferenceFileError, match=r'\$: expected a JSON object with "conference"'):
        read_conference_file(path)


def test_a_rule_of_the_domain_inside_a_file_is_said_whole_in_each_language(
    tmp_path: Path, db: Database, demo_id: int
) -> None:
    data = build_conference_file_dict(db, demo_id)
    data["conference"]["cme"]["vnr"] = "12"
    path = tmp_path / "bad.votum-conference.json"
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(ConferenceFileError) as caught:
        read_conference_file(path)
    de, en = caught.value.in_language("de"), caught.value.in_language("en")
    for said in (de, en):  # the place in both, the rule's own words (app.services.cme) in one
        assert said.startswith("bad.votum-conference.json: $.conference.cme.vnr: ")
    assert de.endswith('Ziffern erwartet (gegeben: "12")') and "digits" not in de
    assert en.endswith('digits expected (got "12")') and "Ziffern" not in en


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


def test_a_round_two_question_must_repeat_one_of_its_own_case(db: Database, demo_id: int) -> None:
    data = build_conference_file_dict(db, demo_id)
    repeat = next(q for q in data["cases"][0]["questions"] if q["round"] == 2)
    data["cases"][1]["questions"].append({**repeat, "ref": "2.9-r2"})
    with pytest.raises(ConferenceFileError, match=r"\$.cases\[1\].questions\[\d+\].repeats"):
        parse_conference_file(data, "f.json")


def test_a_ballot_naming_an_option_twice_is_refused(db: Database, demo_id: int) -> None:
    data = build_conference_file_dict(db, demo_id)
    ballot = next(b for b in data["results"]["ballots"] if b["options"])
    ballot["options"] = ballot["options"] * 2
    with pytest.raises(ConferenceFileError, match=r"options: an option appears twice"):
        parse_conference_file(data, "f.json")


class _RolledBack(Exception):
    """Raised to roll an import back after it succeeded (the next example starts clean)."""


_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-3, max_value=40)
    | st.text(max_size=8)
    | st.sampled_from(["1.1", "1.1-r2", "DD", "HD", "single", "open", "2026-12-03"])
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_mutated_file_is_imported_whole_or_refused_with_a_message(
    data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    database, original = _fuzz_target(tmp_path_factory)
    mutated = json.loads(original)
    for _ in range(data.draw(st.integers(1, 3))):
        area = data.draw(st.sampled_from(["results", "invitations", "sites", "cases", ""]))
        subtree = mutated.get(area) if area else mutated
        node, key = _random_place(data, subtree if isinstance(subtree, dict | list) else mutated)
        if isinstance(node, list) and not node:
            node.append(data.draw(_scalars))
            continue
        old = node.get(key) if isinstance(node, dict) else node[key]  # type: ignore[call-overload,index]
        node[key] = data.draw(_like(old))  # type: ignore[index,call-overload]
    try:
        file = parse_conference_file(mutated, "m.json")
    except ConferenceFileError:
        event("refused on reading")
        return
    event("imported or refused by the database's rules")
    try:
        with database.write() as session:
            import_conference_file(session, file, name="m.json", new_links=True)
            raise _RolledBack
    except (_RolledBack, VotumError):
        pass


def _like(value: object) -> st.SearchStrategy[object]:
    """Mostly a value of the same kind (so that many files still read), sometimes any."""
    same: st.SearchStrategy[object]
    if isinstance(value, bool):
        same = st.booleans()
    elif isinstance(value, int):
        same = st.integers(min_value=-1, max_value=value + 3)
    elif isinstance(value, str):
        same = st.sampled_from(["1.1", "1.1-r2", "1.2", "DD", "HD", "B", "", value.upper()])
    elif isinstance(value, list):
        same = st.just(value[:1] * 2) | st.just([])
    else:
        same = _scalars
    return same | _scalars if not isinstance(value, list) else same


_TARGETS: dict[str, tuple[Database, str]] = {}


def _fuzz_target(factory: pytest.TempPathFactory) -> tuple[Database, str]:
    """One database with the demo and the demo's file as JSON, shared by every example."""
    if "demo" not in _TARGETS:
        folder = factory.mktemp("fuzz")
        database = Database.open(f"sqlite:///{folder / 'fuzz.sqlite3'}")
        with database.write() as session:
            demo = load_demo(session)
        with database.read() as session:
            text = build_conference_file(session, demo).model_dump_json()
        _TARGETS["demo"] = (database, text)
    return _TARGETS["demo"]


def _random_place(data: st.DataObject, tree: object) -> tuple[dict | list, object]:
    """A random (container, key) inside ``tree``, walking down a few levels."""
    node: dict | list = tree  # type: ignore[assignment]
    while True:
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        if not keys:
            return node, "x"  # an empty object gets a key, an empty list an item
        key = data.draw(st.sampled_from(keys))
        child = node[key]  # type: ignore[index]
        if not isinstance(child, dict | list) or not child or data.draw(st.booleans()):
            return node, key
        node = child


def test_a_skipped_question_keeps_its_reason_through_the_file(
    db: Database, demo_id: int, tmp_path: Path
) -> None:
    from app.services.agenda import agenda
    from app.services.lifecycle import skip_question

    with db.write() as session:
        draft = next(
            q.id
            for case in agenda(session, demo_id)
            for q in case.questions
            if q.state.value == "draft"
        )
        skip_question(session, draft, "Keine Zeit mehr\u202e")
    with db.read() as session:
        file = build_conference_file(session, demo_id)
    path = tmp_path / "skipped.votum-conference.json"
    write_conference_file(file, path)
    other = Database.open(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    try:
        with other.write() as session:
            new_id = import_conference_file(session, read_conference_file(path), name=path.name)
        with other.read() as session:
            reasons = [
                (q.number, q.skip_reason)
                for case in agenda(session, new_id)
                for q in case.questions
                if q.skip_reason
            ]
    finally:
        other.dispose()
    skipped = next(q for c in file.cases for q in c.questions if q.skip_reason)
    assert skipped.skip_reason == "Keine Zeit mehr"  # stored cleaned: no bidi override
    assert [reason for _number, reason in reasons] == ["Keine Zeit mehr"]
