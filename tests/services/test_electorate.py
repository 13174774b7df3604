"""Who could vote on a question, defined once and stored at its close: the count of a
closed question ("18 of 20 sites") stays what it was when attendance changes later, a
reopen counts with today's attendance again, a conference file carries it, and the live
count, the tally, the protocol's sentence and the exports say the same number."""

from __future__ import annotations

import json
from pathlib import Path

from app.db import Database
from app.models import QuestionState
from app.reports.exports import write_results
from app.services import ballots, conferences, electorate, lifecycle, results
from app.services.conference_export import build_conference_file
from app.services.conference_import import import_conference_file
from tests.services.helpers import Setup, make_conference


def _checked_in_and_voted(db: Database, n_sites: int, n_voted: int) -> Setup:
    """Every site checked in, the first ``n_voted`` vote, the question closes."""
    setup = make_conference(db, n_sites)
    with db.write() as s:
        for site in setup.site_ids:
            conferences.set_attendance(s, setup.conference_id, site, present=True)
        for site in setup.site_ids[:n_voted]:
            ballots.cast_ballot(s, setup.question_id, site, option_ids=[setup.option_ids[0]])
        lifecycle.close_question(s, setup.question_id)
    return setup


def _counts(db: Database, question_id: int) -> tuple[int, int, int, int]:
    """(voted, expected) of the live count and (valid, eligible) of the tally."""
    with db.read() as s:
        status, result = results.live_view(s, question_id)
        tally = results.question_result(s, question_id).tally
    assert result.tally == tally
    return status.n_voted, status.n_expected, tally.n_valid, tally.n_eligible


def test_attendance_edited_after_the_close_leaves_18_of_20(db: Database) -> None:
    setup = _checked_in_and_voted(db, 20, 18)
    assert _counts(db, setup.question_id) == (18, 20, 18, 20)
    with db.write() as s:  # the two silent sites are marked absent afterwards
        for site in setup.site_ids[18:]:
            conferences.set_attendance(s, setup.conference_id, site, present=False)
    assert _counts(db, setup.question_id) == (18, 20, 18, 20)
    with db.read() as s:
        status = results.live_status(s, setup.question_id)
        result = results.question_result(s, setup.question_id)
    assert [site.id for site in status.missing] == setup.site_ids[18:]
    assert result.tally.n_present_not_voted == 2
    assert result.participation("de") == (
        "18 von 20 Standorten mit gültiger Antwort; 2 anwesende Standorte ohne Stimme"
    )


def test_a_reopened_question_counts_with_todays_attendance_until_it_closes_again(
    db: Database,
) -> None:
    setup = _checked_in_and_voted(db, 20, 18)
    with db.write() as s:
        for site in setup.site_ids[18:]:
            conferences.set_attendance(s, setup.conference_id, site, present=False)
        lifecycle.reopen_question(s, setup.question_id)
    assert _counts(db, setup.question_id) == (18, 18, 18, 18)
    with db.write() as s:
        lifecycle.close_question(s, setup.question_id)
        conferences.set_attendance(s, setup.conference_id, setup.site_ids[19], present=True)
    assert _counts(db, setup.question_id) == (18, 18, 18, 18)  # stored at the second close


def test_before_check_in_every_invited_site_could_vote_and_none_is_called_silent(
    db: Database,
) -> None:
    setup = make_conference(db, 6)
    with db.write() as s:
        for site in setup.site_ids[:4]:
            ballots.cast_ballot(s, setup.question_id, site, option_ids=[setup.option_ids[1]])
        lifecycle.close_question(s, setup.question_id)
        kept = electorate.question_electorate(s, setup.question_id)
    assert kept.site_ids == frozenset(setup.site_ids) and not kept.checked_in
    with db.write() as s:  # check-in begins later, for another question
        conferences.set_attendance(s, setup.conference_id, setup.site_ids[0], present=True)
    assert _counts(db, setup.question_id) == (4, 6, 4, 6)
    with db.read() as s:
        assert results.question_result(s, setup.question_id).tally.n_present_not_voted == 0


def test_a_question_not_yet_opened_counts_the_sites_who_could_vote_now(db: Database) -> None:
    """The heading's "0 of 17" and the chart's status line agree (not "0 of 0")."""
    setup = make_conference(db, 17, open_question=False)
    with db.write() as s:
        for site in setup.site_ids[:15]:
            conferences.set_attendance(s, setup.conference_id, site, present=True)
    assert _counts(db, setup.question_id) == (0, 15, 0, 15)
    with db.read() as s:
        result = results.question_result(s, setup.question_id)
    assert result.question.state is QuestionState.DRAFT and not result.asked
    assert result.tally.n_present_not_voted == 0  # nobody was asked yet
    assert result.participation("en") == "Not asked"


def test_the_conference_file_carries_who_could_vote(db: Database, new_db_url) -> None:  # type: ignore[no-untyped-def]
    setup = _checked_in_and_voted(db, 20, 18)
    with db.write() as s:
        for site in setup.site_ids[18:]:
            conferences.set_attendance(s, setup.conference_id, site, present=False)
    with db.read() as s:
        file = build_conference_file(s, setup.conference_id)
    (kept,) = file.results.electorates if file.results else ()
    assert len(kept.sites) == 20 and kept.checked_in
    other = Database.open(new_db_url())
    try:
        with other.write() as s:
            imported = import_conference_file(s, file, name="konferenz.votum-conference.json")
        with other.read() as s:
            question = results.conference_results(s, imported)[0].results[0]
        assert (question.tally.n_valid, question.tally.n_eligible) == (18, 20)
        assert question.tally.n_present_not_voted == 2
    finally:
        other.dispose()


def test_the_exports_say_the_stored_number(db: Database, tmp_path: Path) -> None:
    setup = _checked_in_and_voted(db, 20, 18)
    with db.write() as s:
        for site in setup.site_ids[18:]:
            conferences.set_attendance(s, setup.conference_id, site, present=False)
    write_results(db, setup.conference_id, tmp_path / "r.json", "json", lang="de")
    (question,) = json.loads((tmp_path / "r.json").read_text("utf-8"))["questions"]
    assert (question["n_valid"], question["n_eligible"]) == (18, 20)
    assert question["n_present_not_voted"] == 2


def test_a_call_poll_imported_later_keeps_who_could_vote_at_the_close(db: Database) -> None:
    """The import reopens and closes the question again; its count stays that of the first
    close with attendance edited in between, the poll's site counted besides."""
    from app.services.poll_import import import_report

    setup = _checked_in_and_voted(db, 20, 17)
    with db.write() as s:
        for site in setup.site_ids[17:]:
            conferences.set_attendance(s, setup.conference_id, site, present=False)
    report = (
        "Standort;Frage;Antwort\n"
        "S019;Würde Ihr Standort HCQ + Trametinib empfehlen?;Keine Empfehlung\n"
    ).encode()
    with db.write() as s:
        import_report(s, setup.conference_id, report, format="csv")
    assert _counts(db, setup.question_id) == (18, 20, 18, 20)
