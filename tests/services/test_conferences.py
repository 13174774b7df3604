"""Conferences, the site registry, attendance with validated EFNs, tokens and notes."""

from __future__ import annotations

import datetime as dt

import pytest

from app.db import Database
from app.services import conferences, notes, tokens
from app.services.cme import (
    EfnProblem,
    efn_problem,
    luhn_check_digit,
    luhn_valid,
    normalise_efn,
    normalise_vnr,
)
from app.services.errors import Forbidden, InvalidInput, NotFound
from tests.services.helpers import make_conference

VALID_EFN = "802765260181597"
OTHER_EFN = "802765260181605"  # valid too: another person


@pytest.mark.parametrize(
    ("efn", "ok"),
    [
        (VALID_EFN, True),
        ("8027 6526 0181 597", True),
        ("802765260181598", False),  # wrong check digit
        ("80276526018159", False),  # 14 digits
        ("812765260181597", False),  # wrong prefix
        ("80276526018159x", False),
    ],
)
def test_efn_is_validated_by_length_prefix_and_luhn_digit(efn: str, ok: bool) -> None:
    if ok:
        assert normalise_efn(efn) == VALID_EFN
    else:
        with pytest.raises(InvalidInput, match="EFN"):
            normalise_efn(efn)


@pytest.mark.parametrize(
    ("efn", "problem"),
    [
        (VALID_EFN, None),
        ("", None),
        ("802765260181598", EfnProblem.CHECK_DIGIT),
        ("80276526018159", EfnProblem.DIGITS),
        ("812765260181597", EfnProblem.PREFIX),
    ],
)
def test_efn_problem_names_the_reason_for_a_ui_to_say(efn: str, problem: EfnProblem | None) -> None:
    assert efn_problem(efn) is problem


def test_luhn_check_digit_matches_validation() -> None:
    stem = "80276123456789"
    assert luhn_valid(stem + luhn_check_digit(stem))
    assert not luhn_valid(stem + str((int(luhn_check_digit(stem)) + 1) % 10))


def test_vnr_needs_19_digits() -> None:
    assert normalise_vnr("2760912026111800017") == "2760912026111800017"
    with pytest.raises(InvalidInput, match="VNR"):
        normalise_vnr("12345")


def test_attendance_keeps_names_and_efns_and_never_counts_fewer_than_named(db: Database) -> None:
    setup = make_conference(db, n_sites=2)
    site = setup.site_ids[0]
    with db.write() as session:
        conferences.set_attendance(
            session,
            setup.conference_id,
            site,
            present=True,
            attendee_count=1,
            attendees=[("Dr. Anna Beispiel", VALID_EFN), ("Dr. Jonas Muster", "")],
        )
    with db.read() as session:
        info = next(
            i for i in conferences.invitations(session, setup.conference_id) if i.site.id == site
        )
        conf = conferences.get_conference(session, setup.conference_id)
    assert info.present and info.attendee_count == 2
    assert [(a.name, a.efn) for a in info.attendees] == [
        ("Dr. Anna Beispiel", VALID_EFN),
        ("Dr. Jonas Muster", ""),
    ]
    assert conf.n_present == 1


@pytest.mark.parametrize(
    ("typed", "stored", "valid"),
    [
        ("8027 6526 0181 597", VALID_EFN, True),
        ("802765260181598", "802765260181598", False),  # wrong check digit
        ("80276526018159", "80276526018159", False),  # 14 digits
        ("8027652601815970", "8027652601815970", False),  # 16 digits, kept whole
        (" 8027 6526 0181 59x\x1b ", "8027 6526 0181 59x", False),  # as typed, one line
        ("", "", True),  # no EFN is not a wrong EFN
    ],
)
def test_a_wrong_efn_keeps_the_person_marked_invalid(
    db: Database, typed: str, stored: str, valid: bool
) -> None:
    setup = make_conference(db, n_sites=1)
    with db.write() as session:
        conferences.set_attendance(
            session,
            setup.conference_id,
            setup.site_ids[0],
            present=True,
            attendees=[("Dr. X", typed), ("Dr. Y", OTHER_EFN)],
        )
    with db.read() as session:
        [info] = conferences.invitations(session, setup.conference_id)
    assert info.present and info.attendee_count == 2
    assert [(a.name, a.efn, a.efn_invalid) for a in info.attendees] == [
        ("Dr. X", stored, not valid),
        ("Dr. Y", OTHER_EFN, False),
    ]


def test_site_names_and_codes_are_unique(db: Database) -> None:
    with db.write() as session:
        conferences.save_site(session, conferences.SiteData("Universitätsklinikum Dresden", "DD"))
    with pytest.raises(InvalidInput, match="gibt es schon"), db.write() as session:
        conferences.save_site(session, conferences.SiteData("universitätsklinikum dresden", "UKD"))


def test_find_conference_by_id_or_slug(db: Database) -> None:
    with db.write() as session:
        conf_id = conferences.create_conference(
            session, "Fusionen beim NSCLC", dt.date(2027, 1, 20)
        )
    with db.read() as session:
        by_slug = conferences.find_conference(session, "2027-01-20-fusionen-beim-nsclc")
        assert conferences.find_conference(session, str(conf_id)).id == conf_id == by_slug.id
        with pytest.raises(NotFound, match="nicht gefunden"):
            conferences.find_conference(session, "gibt-es-nicht")


def test_site_tokens_are_long_unique_revocable_and_reissuable(db: Database) -> None:
    setup = make_conference(db, n_sites=3)
    with db.read() as session:
        invited = conferences.invitations(session, setup.conference_id)
    all_tokens = [i.token for i in invited]
    assert len(set(all_tokens)) == 3
    assert all(t and len(t) >= 43 for t in all_tokens)  # 32 random bytes, url-safe base64
    first = invited[0]
    with db.read() as session:
        access = tokens.resolve_site_token(session, first.token)
        assert access.site_id == first.site.id
        for forged in (first.token[:-1], first.token + "A", "", "x" * 500):
            with pytest.raises(Forbidden):
                tokens.resolve_site_token(session, forged)
    with db.write() as session:
        new = tokens.reissue_site_token(session, setup.conference_id, first.site.id)
    with db.read() as session:
        with pytest.raises(Forbidden):
            tokens.resolve_site_token(session, first.token)
        assert tokens.resolve_site_token(session, new).site_id == first.site.id
    with db.write() as session:
        tokens.revoke_site_token(session, setup.conference_id, first.site.id)
    with db.read() as session, pytest.raises(Forbidden, match="widerrufen"):
        tokens.resolve_site_token(session, new)


def test_moderator_token_is_checked(db: Database) -> None:
    setup = make_conference(db, n_sites=1)
    with db.read() as session:
        token = conferences.moderator_token(session, setup.conference_id)
        tokens.check_moderator_token(session, setup.conference_id, token)
        for wrong in (None, "", token[:-1], "ä" + token):
            with pytest.raises(Forbidden):
                tokens.check_moderator_token(session, setup.conference_id, wrong)


def test_notes_are_saved_per_case_and_question(db: Database) -> None:
    setup = make_conference(db, n_sites=1)
    with db.write() as session:
        notes.save_note(session, "erste Fassung", question_id=setup.question_id)
        saved = notes.save_note(session, "Diskussion: Toxizität", question_id=setup.question_id)
    assert saved.text == "Diskussion: Toxizität"
    with db.read() as session:
        all_notes = notes.conference_notes(session, setup.conference_id)
    assert len(all_notes) == 1
    assert notes.note_text(all_notes, question_id=setup.question_id) == "Diskussion: Toxizität"


def test_a_site_that_voted_stays_invited(db: Database) -> None:
    from app.services import ballots

    setup = make_conference(db, n_sites=2)
    with db.write() as session:
        ballots.cast_ballot(
            session, setup.question_id, setup.site_ids[0], option_ids=[setup.option_ids[0]]
        )
    with pytest.raises(InvalidInput, match="bereits abgestimmt"), db.write() as session:
        conferences.uninvite_site(session, setup.conference_id, setup.site_ids[0])
    with db.write() as session:
        conferences.uninvite_site(session, setup.conference_id, setup.site_ids[1])
    with db.read() as session:
        invited = [i.site.id for i in conferences.invitations(session, setup.conference_id)]
    assert invited == [setup.site_ids[0]]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("16:00", "16:00"),
        ("9:05", "09:05"),  # the leading zero is added
        (" 23:59 ", "23:59"),
        ("00:00", "00:00"),
        ("", ""),  # not yet known
        ("24:00", None),
        ("12:60", None),
        ("16.00", None),
        ("1600", None),
        ("16:0", None),
        ("116:00", None),
    ],
)
def test_a_clock_time_is_hh_mm(typed: str, stored: str | None) -> None:
    if stored is not None:
        assert conferences.normalise_time(typed, "field_starts_at") == stored
    else:
        with pytest.raises(InvalidInput) as caught:
            conferences.normalise_time(typed, "field_ends_at")
        assert caught.value.message.in_language("de") == f"Ende „{typed}“: Uhrzeit HH:MM erwartet"


@pytest.mark.parametrize(
    ("typed", "points"),
    [("3", 3), (" 0 ", 0), ("100", 100), ("", None), ("  ", None)]
    + [(bad, "refused") for bad in ("-1", "101", "1000", "2,5", "drei", "+3")],
)
def test_cme_points_as_typed_are_0_to_100_or_empty(typed: str, points: int | str | None) -> None:
    if points == "refused":
        with pytest.raises(InvalidInput) as caught:
            conferences.parse_cme_points(typed)
        assert caught.value.message.in_language("en") == "CME points 0–100"
    else:
        assert conferences.parse_cme_points(typed) == points


def test_a_wrong_end_time_changes_nothing_and_points_can_be_cleared(db: Database) -> None:
    conf_id = make_conference(db).conference_id
    with db.write() as s:
        conferences.update_conference(s, conf_id, starts_at="9:30", cme_points=3)
    with pytest.raises(InvalidInput), db.write() as s:
        conferences.update_conference(s, conf_id, starts_at="10:00", ends_at="25:00")
    with pytest.raises(InvalidInput), db.write() as s:
        conferences.set_cme_points(s, conf_id, -1)
    with db.read() as s:
        conf = conferences.get_conference(s, conf_id)
    assert (conf.starts_at, conf.ends_at, conf.cme_points) == ("09:30", "", 3)
    with db.write() as s:
        conferences.set_cme_points(s, conf_id, None)
    with db.read() as s:
        assert conferences.get_conference(s, conf_id).cme_points is None
