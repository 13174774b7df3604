"""The sites' own check-in, the session held and the link test (services)."""

from __future__ import annotations

import datetime as dt

import pytest

from app.db import Database
from app.services import audit, checkin, conferences
from app.services.checkin import MAX_SITE_ATTENDEES, AttendeeData
from app.services.errors import InvalidInput, StateConflict
from tests.services.helpers import make_conference

VALID = "802765260181597"
OTHER = "802765260181605"
WRONG = "802765260181598"  # check digit wrong


def _people(db: Database, conf_id: int, site_id: int) -> list[tuple[str, str, str, bool]]:
    with db.read() as session:
        view = checkin.site_checkin(session, conf_id, site_id)
    return [(a.name, a.efn, a.role, a.efn_invalid) for a in view.attendees]


def test_a_site_checks_in_its_people_and_is_present_with_as_many(db: Database) -> None:
    setup = make_conference(db, 2, open_question=False)
    conf, site = setup.conference_id, setup.site_ids[0]
    with db.write() as session:
        checkin.check_in_by_site(
            session,
            conf,
            site,
            [
                AttendeeData("Dr. Anna Weiß", VALID, "Fellow"),
                AttendeeData("Prof. B. Öz", WRONG, "Molekularbiologie"),
                AttendeeData("Dr. C. Lang"),
                AttendeeData("", "", ""),  # an empty row of the form
            ],
        )
    assert _people(db, conf, site) == [
        ("Dr. Anna Weiß", VALID, "Fellow", False),
        ("Prof. B. Öz", WRONG, "Molekularbiologie", True),  # kept, marked
        ("Dr. C. Lang", "", "", False),
    ]
    with db.read() as session:
        mine, other = sorted(conferences.invitations(session, conf), key=lambda i: i.site.id)
        trail = audit.trail(session, conf)
    assert (mine.present, mine.attendee_count) == (True, 3)
    assert (other.present, other.attendee_count) == (False, 0)
    [entry] = [e for e in trail if e.action == "attendees"]
    assert entry.actor == "site" and entry.site_id == site
    assert entry.detail["names"]["added"] == ["Dr. Anna Weiß", "Dr. C. Lang", "Prof. B. Öz"]


def test_editing_and_removing_replace_the_list_and_the_count_follows(db: Database) -> None:
    setup = make_conference(db, 1, open_question=False)
    conf, site = setup.conference_id, setup.site_ids[0]
    with db.write() as session:
        checkin.check_in_by_site(session, conf, site, [("Dr. A", VALID), ("Dr. B", "")])
    with db.write() as session:
        checkin.check_in_by_site(session, conf, site, [("Dr. A", OTHER, "Fellow")])
    assert _people(db, conf, site) == [("Dr. A", OTHER, "Fellow", False)]
    with db.read() as session:
        [inv] = conferences.invitations(session, conf)
        names = [e.detail["names"] for e in audit.trail(session, conf) if e.action == "attendees"]
    assert inv.attendee_count == 1
    assert names[-1] == {"added": [], "removed": ["Dr. B"], "changed": ["Dr. A"]}


@pytest.mark.parametrize(
    ("people", "message"),
    [
        ([("Dr. A", VALID), ("dr.  a", VALID)], "ist schon für diesen Standort angemeldet"),
        ([("Dr. A", ""), ("DR. A", "")], "ist schon für diesen Standort angemeldet"),
        ([("Dr. A", VALID), ("Dr. B", "8027 6526 0181 597")], "steht schon bei „Dr. A“"),
        ([("Dr. A", ""), ("", VALID)], "Person 2: bitte den Namen eintragen"),
        ([("Dr. A", "", "x" * 101)], "Person 1: Funktion"),
        ([(f"Dr. {i}", "") for i in range(MAX_SITE_ATTENDEES + 1)], "Höchstens 30 Personen"),
    ],
)
def test_refusals_are_polite_and_change_nothing(
    db: Database, people: list[tuple[str, ...]], message: str
) -> None:
    setup = make_conference(db, 1, open_question=False)
    conf, site = setup.conference_id, setup.site_ids[0]
    with db.write() as session:
        checkin.check_in_by_site(session, conf, site, [("Dr. Z", "")])
    with pytest.raises(InvalidInput, match=message), db.write() as session:
        checkin.check_in_by_site(session, conf, site, people)
    assert _people(db, conf, site) == [("Dr. Z", "", "", False)]


def test_two_people_of_one_name_with_their_own_efns_are_two(db: Database) -> None:
    setup = make_conference(db, 1, open_question=False)
    conf, site = setup.conference_id, setup.site_ids[0]
    with db.write() as session:
        checkin.check_in_by_site(
            session, conf, site, [("Dr. Müller", VALID), ("Dr. Müller", OTHER)]
        )
    assert len(_people(db, conf, site)) == 2


def test_hostile_names_are_cleaned_and_kept_literally(db: Database) -> None:
    setup = make_conference(db, 1, open_question=False)
    conf, site = setup.conference_id, setup.site_ids[0]
    hostile = '<script>alert(1)</script>"><img src=x>\u202e\x00\x1b 🧬'
    with db.write() as session:
        checkin.check_in_by_site(session, conf, site, [(hostile, "", "=HYPERLINK()")])
    [(name, _efn, role, _invalid)] = _people(db, conf, site)
    assert name == '<script>alert(1)</script>"><img src=x> 🧬'
    assert role == "=HYPERLINK()"  # neutralised where it is written (CSV/XLSX), not here


def test_closed_check_in_refuses_the_site_but_not_the_moderator(db: Database) -> None:
    setup = make_conference(db, 1, open_question=False)
    conf, site = setup.conference_id, setup.site_ids[0]
    with db.write() as session:
        checkin.set_checkin_open(session, conf, False)
    with pytest.raises(StateConflict, match="Anmeldung ist geschlossen"), db.write() as session:
        checkin.check_in_by_site(session, conf, site, [("Dr. A", VALID)])
    with db.write() as session:
        conferences.set_attendance(session, conf, site, present=True, attendees=[("Dr. A", VALID)])
    assert _people(db, conf, site) == [("Dr. A", VALID, "", False)]
    with db.write() as session:
        checkin.set_checkin_open(session, conf, True)
        checkin.check_in_by_site(session, conf, site, [("Dr. A", VALID), ("Dr. B", "")])
    assert len(_people(db, conf, site)) == 2


def test_marking_the_session_held_closes_check_in_once_and_reopening_stays_possible(
    db: Database,
) -> None:
    setup = make_conference(db, 1, open_question=False)
    conf = setup.conference_id
    with db.read() as session:
        info = conferences.get_conference(session, conf)
    assert info.held_at is None and info.checkin_open
    with db.write() as session:
        first = checkin.mark_held(session, conf, actor="moderator").held_at
    assert first is not None
    with db.write() as session:
        assert checkin.open_checkin(session, conf, actor="moderator").checkin_open
        again = checkin.mark_held(session, conf, actor="moderator (API)")
    assert again == checkin.CheckinState(checkin_open=False, held_at=first)
    with db.read() as session:
        info = conferences.get_conference(session, conf)
        actions = [(e.action, e.actor) for e in audit.trail(session, conf)]
    assert info.held_at == first and not info.checkin_open
    assert ("session_held", "moderator") in actions
    assert actions[-1] == ("checkin_closed", "moderator (API)")
    assert ("session_held", "moderator (API)") not in actions


def test_link_visits_tell_who_tested_their_link(db: Database) -> None:
    setup = make_conference(db, 3, open_question=False)
    conf = setup.conference_id
    seen = dt.datetime(2026, 11, 17, 15, 30, tzinfo=dt.UTC)
    with db.write() as session:
        checkin.record_visit(session, conf, setup.site_ids[1], seen)
    with db.read() as session:
        visits = checkin.link_visits(session, conf)
    assert [(v.site.code, v.tested, v.last_seen_at) for v in visits] == [
        ("S000", False, None),
        ("S001", True, seen),
        ("S002", False, None),
    ]
