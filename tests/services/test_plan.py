"""The round's plan: sessions with their state, the next conference made from its entry in
one step (sites as last time), the calendar export (on SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.db import Database
from app.models import Conference
from app.services import checkin, conferences, plan
from app.services.errors import InvalidInput, NotFound
from app.services.plan import PlanEntryData, PlanStatus
from tests.services.series_helpers import Asked, hold_session, site_codes, votes

JUNE, NOVEMBER, JANUARY = dt.date(2026, 6, 17), dt.date(2026, 11, 18), dt.date(2027, 1, 20)
TODAY = dt.date(2026, 12, 1)


def _statuses(db: Database) -> list[tuple[dt.date, PlanStatus]]:
    with db.read() as session:
        return [(r.date, r.status) for r in plan.plan(session, today=TODAY)]


def test_a_session_moves_from_planned_to_published(db: Database) -> None:
    with db.write() as session:
        entry = plan.add_entry(
            session,
            PlanEntryData(
                NOVEMBER,
                "KRAS-mutiertes Pankreaskarzinom",
                "16:00",
                "17:30",
                (("Dr. Fiona Fellow", "Dresden"), ("Dr. Jan Junior", "Heidelberg")),
            ),
        )
    assert _statuses(db) == [(NOVEMBER, PlanStatus.PLANNED)]
    with db.write() as session:
        conf_id = plan.create_conference(session, entry)
    assert _statuses(db) == [(NOVEMBER, PlanStatus.PLANNED)]  # no case yet
    with db.write() as session:
        from app.services import agenda
        from app.services.package_schema import PackageCase, PackageQuestion

        agenda.add_case(
            session,
            conf_id,
            PackageCase(title="Fall 1", questions=[PackageQuestion(text="Frage?", kind="yes_no")]),
        )
    assert _statuses(db) == [(NOVEMBER, PlanStatus.PREPARED)]
    with db.write() as session:
        conferences.invite_sites(
            session,
            conf_id,
            [conferences.ensure_site(session, conferences.SiteData("Klinikum A", "A"))],
        )
        question = agenda.agenda(session, conf_id)[0].questions[0].id
        from app.services import lifecycle

        lifecycle.open_question(session, question)
        lifecycle.close_question(session, question)
    assert _statuses(db) == [(NOVEMBER, PlanStatus.HELD)]
    with db.read() as session:  # the day of the session itself: not yet over …
        assert plan.plan(session, today=NOVEMBER)[0].status is PlanStatus.PREPARED
    with db.write() as session:  # … until the moderator marks it as held
        checkin.mark_held(session, conf_id, actor="moderator")
    with db.read() as session:
        assert plan.plan(session, today=NOVEMBER)[0].status is PlanStatus.HELD
    with db.write() as session:
        plan.set_published(session, entry, True)
    assert _statuses(db) == [(NOVEMBER, PlanStatus.PUBLISHED)]


def test_the_next_conference_is_made_from_its_entry_with_the_last_sessions_sites(
    db: Database,
) -> None:
    hold_session(db, JUNE, [Asked(votes=votes(1, 1))], sites=site_codes(5))
    november = hold_session(db, NOVEMBER, [Asked(votes=votes(1, 1))], sites=site_codes(7))
    with db.write() as session:
        conferences.update_conference(
            session,
            november.conference_id,
            moderator="Prof. Moderation",
            language="en",
            scientific_lead="Prof. Leitung",
            cme_category="A",
        )
        entry = plan.add_entry(
            session,
            PlanEntryData(
                JANUARY,
                "CDK4/6- und mTOR-Inhibitoren",
                "16:00",
                "",
                (("Dr. Clara Campus", "Tübingen"),),
            ),
        )
        conf_id = plan.create_conference(session, entry, actor="moderator")
        conf = conferences.get_conference(session, conf_id)
        invited = {i.site.code for i in conferences.invitations(session, conf_id)}
        tokens = {i.token for i in conferences.invitations(session, conf_id)}
        last_tokens = {i.token for i in conferences.invitations(session, november.conference_id)}
    assert (conf.date, conf.starts_at) == (JANUARY, "16:00")
    assert conf.topic == "CDK4/6- und mTOR-Inhibitoren"
    assert [(f.name, f.site) for f in conf.fellows] == [("Dr. Clara Campus", "Tübingen")]
    assert (conf.moderator, conf.language, conf.scientific_lead, conf.cme_category) == (
        "Prof. Moderation",
        "en",
        "Prof. Leitung",
        "A",
    )
    assert invited == set(site_codes(7))  # November's sites, not June's
    assert not tokens & last_tokens  # each session its own links
    with db.read() as session:
        row = next(r for r in plan.plan(session) if r.entry_id == entry)
    assert row.conference_id == conf_id and row.slug == conf.slug


def test_an_entry_makes_its_conference_once(db: Database) -> None:
    with db.write() as session:
        entry = plan.add_entry(session, PlanEntryData(JANUARY, "Thema"))
        plan.create_conference(session, entry)
    with pytest.raises(InvalidInput) as refused, db.write() as session:
        plan.create_conference(session, entry)
    assert "already has its conference" in refused.value.in_language("en")
    with db.read() as session:
        assert len(session.scalars(select(Conference)).all()) == 1


def test_conferences_outside_the_plan_are_listed_too(db: Database) -> None:
    held = hold_session(db, JUNE, [Asked(votes=votes(2, 1))], topic="Vor dem Plan")
    with db.write() as session:
        plan.add_entry(session, PlanEntryData(JANUARY, "Geplant"))
    with db.read() as session:
        rows = plan.plan(session, today=TODAY)
    assert [(r.topic, r.entry_id is None, r.status) for r in rows] == [
        ("Vor dem Plan", True, PlanStatus.HELD),
        ("Geplant", False, PlanStatus.PLANNED),
    ]
    with db.write() as session:  # the lead's mark takes it into the plan
        entry = plan.adopt_conference(session, held.conference_id)
        plan.set_published(session, entry, True)
    with db.read() as session:
        first = plan.plan(session, today=TODAY)[0]
    assert (first.entry_id, first.status) == (entry, PlanStatus.PUBLISHED)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (PlanEntryData(JANUARY, "  "), "topic: must not be empty"),
        (PlanEntryData(JANUARY, "T", "17:30", "16:00"), "the end (16:00) is before the start"),
        (PlanEntryData(JANUARY, "T", "25:00"), "25:00"),
        (PlanEntryData(JANUARY, "x" * 201), "at most 200"),
        (
            PlanEntryData(JANUARY, "T", fellows=tuple((f"Dr. {i}", "") for i in range(11))),
            "at most 10 fellows",
        ),
    ],
)
def test_a_bad_entry_is_refused_with_one_message_and_nothing_stored(
    db: Database, data: PlanEntryData, message: str
) -> None:
    with pytest.raises(InvalidInput) as refused, db.write() as session:
        plan.add_entry(session, data)
    assert message in refused.value.in_language("en")
    with db.read() as session:
        assert plan.plan(session) == []


def test_hostile_text_is_stored_clean(db: Database) -> None:
    with db.write() as session:
        entry = plan.add_entry(
            session,
            PlanEntryData(
                JANUARY, "<script>\u202eKRAS\x00\x1b", fellows=(('Dr. "><img src=x>', "🏥"),)
            ),
        )
        data = plan.entry_data(session, entry)
    assert data.topic == "<script>KRAS"
    assert data.fellows == (('Dr. "><img src=x>', "🏥"),)


def test_an_entry_is_found_by_number_or_date(db: Database) -> None:
    with db.write() as session:
        first = plan.add_entry(session, PlanEntryData(JANUARY, "A"))
        plan.add_entry(session, PlanEntryData(NOVEMBER, "B"))
        plan.add_entry(session, PlanEntryData(NOVEMBER, "C"))
    with db.read() as session:
        assert plan.find_entry(session, str(first)) == first
        assert plan.find_entry(session, "2027-01-20") == first
        for ref, said in (("2026-11-18", "several"), ("2030-01-01", "no plan"), ("x", "no plan")):
            with pytest.raises(NotFound) as missing:
                plan.find_entry(session, ref)
            assert said in missing.value.in_language("en")


def test_a_change_counts_up_the_calendar_sequence(db: Database) -> None:
    with db.write() as session:
        entry = plan.add_entry(session, PlanEntryData(JANUARY, "A"))
        uid = plan.plan(session)[0].uid
        plan.update_entry(session, entry, PlanEntryData(JANUARY, "B", "16:00", "17:00"))
        row = plan.plan(session)[0]
    assert (row.uid, row.sequence, row.topic) == (uid, 1, "B")
