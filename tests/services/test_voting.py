"""What a site's link sees: the current question, its own ballot, results after reveal."""

from __future__ import annotations

import pytest

from app.db import Database
from app.models import BallotSource
from app.services import ballots, checkin, conferences, lifecycle, tokens
from app.services.errors import Forbidden, StateConflict
from app.services.voting import cast_as_site, state_version, voter_view
from tests.services.helpers import make_conference


def _token(db: Database, conference_id: int, index: int = 0) -> str:
    with db.read() as session:
        token = conferences.invitations(session, conference_id)[index].token
    assert token is not None
    return token


def test_voter_view_follows_the_moderator_and_shows_results_only_after_reveal(
    db: Database,
) -> None:
    setup = make_conference(db, open_question=False)
    token = _token(db, setup.conference_id)
    with db.write() as session:
        lifecycle.set_current(session, setup.conference_id, setup.question_id)
    with db.read() as session:
        waiting = voter_view(session, token)
    # the moderator's draft stays the moderator's: not its text, not its case
    assert waiting.phase == "waiting" and waiting.question is None
    assert waiting.case_title == "" and waiting.case_number is None
    assert waiting.version == "waiting|open"  # not even the draft's id
    with db.write() as session:
        lifecycle.open_question(session, setup.question_id)
        cast_as_site(session, token, setup.question_id, option_ids=[setup.option_ids[1]])
    with db.read() as session:
        view = voter_view(session, token)
    assert view.phase == "open" and view.tally is None
    assert view.ballot is not None and view.ballot.option_ids == (setup.option_ids[1],)
    with db.write() as session:
        lifecycle.close_question(session, setup.question_id)
    with db.read() as session:
        assert voter_view(session, token).tally is None  # closed, not yet revealed
    with db.write() as session:
        lifecycle.reveal_question(session, setup.question_id)
    with db.read() as session:
        view = voter_view(session, token)
    assert view.phase == "closed" and view.tally is not None
    assert [r.count for r in view.tally.options] == [0, 1]


def test_a_site_votes_only_on_the_current_question(db: Database) -> None:
    setup = make_conference(db)
    token = _token(db, setup.conference_id)
    with db.write() as session:
        lifecycle.set_current(session, setup.conference_id, None)
    with pytest.raises(StateConflict, match="nicht mehr aktuell"), db.write() as session:
        cast_as_site(session, token, setup.question_id, option_ids=[setup.option_ids[0]])


def test_state_version_changes_with_state_reveal_and_moderator_entries_only(
    db: Database,
) -> None:
    setup = make_conference(db, n_sites=2)

    def version() -> str:
        with db.read() as session:
            return state_version(session, setup.conference_id)

    opened = version()
    with db.write() as session:
        cast_as_site(
            session,
            _token(db, setup.conference_id),
            setup.question_id,
            option_ids=[setup.option_ids[0]],
        )
    assert version() == opened  # a site's own ballot re-renders only that site's page
    with db.write() as session:
        ballots.cast_ballot(
            session,
            setup.question_id,
            setup.site_ids[1],
            option_ids=[setup.option_ids[0]],
            source=BallotSource.MODERATOR,
            actor="Moderation",
        )
    entered = version()
    assert entered != opened  # the site whose vote was entered sees it without reloading
    with db.write() as session:
        lifecycle.close_question(session, setup.question_id)
    assert version() not in (opened, entered)


def test_state_version_follows_the_check_in_closing_reopening_and_the_session_held(
    db: Database,
) -> None:
    """An open page learns that the moderator closed (or reopened) the check-in from the
    version it follows; a site's own check-in changes nothing for the other pages."""
    setup = make_conference(db, n_sites=2)

    def version() -> str:
        with db.read() as session:
            return state_version(session, setup.conference_id)

    def site_key() -> str:  # what the check-in section carries
        with db.read() as session:
            view = checkin.site_checkin(session, setup.conference_id, setup.site_ids[0])
        return view.key

    opened = version()
    assert opened.endswith("|open") and site_key() == "open"
    with db.write() as session:
        checkin.check_in_by_site(
            session, setup.conference_id, setup.site_ids[0], [checkin.AttendeeData("Dr. A")]
        )
    assert version() == opened
    with db.write() as session:
        checkin.close_checkin(session, setup.conference_id, actor="moderator")
    closed = version()
    assert closed.endswith("|closed") and closed.split("|")[0] == opened.split("|")[0]
    assert site_key() == "closed"
    with db.write() as session:
        checkin.open_checkin(session, setup.conference_id, actor="moderator")
    assert version() == opened
    with db.write() as session:
        checkin.mark_held(session, setup.conference_id, actor="moderator")
    assert version().endswith("|closed+held") and site_key() == "closed+held"
    with db.write() as session:
        checkin.open_checkin(session, setup.conference_id, actor="moderator")
    assert version().endswith("|open+held") and site_key() == "open+held"


def test_a_token_of_another_conference_is_refused_where_the_conference_is_given(
    db: Database,
) -> None:
    first = make_conference(db, n_sites=1)
    second = make_conference(db, n_sites=1, prefix="T")
    token = _token(db, second.conference_id)
    with db.read() as session:
        assert tokens.resolve_site_token(session, token, second.conference_id)
        with pytest.raises(Forbidden, match="anderen Konferenz"):
            tokens.resolve_site_token(session, token, first.conference_id)
