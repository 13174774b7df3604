"""Casting ballots: the rules that refuse a ballot, replacement, history, concurrency."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from app.db import Database
from app.models import Ballot, BallotChange, BallotSource, QuestionKind, utcnow
from app.services import audit, ballots, conferences, lifecycle
from app.services.errors import Forbidden, InvalidInput, NotFound, StateConflict
from app.services.results import question_tally
from tests.services.helpers import make_conference


def _counts(db: Database) -> tuple[int, int]:
    with db.read() as session:
        return (
            session.scalar(select(func.count(Ballot.id))) or 0,
            session.scalar(select(func.count(BallotChange.id))) or 0,
        )


def test_second_ballot_of_a_site_replaces_the_first_and_both_stay_in_history(
    db: Database,
) -> None:
    setup = make_conference(db)
    yes, no = setup.option_ids
    site = setup.site_ids[0]
    with db.write() as session:
        first = ballots.cast_ballot(session, setup.question_id, site, option_ids=[yes])
    with db.write() as session:
        second = ballots.cast_ballot(session, setup.question_id, site, option_ids=[no])
    assert (first.revision, second.revision) == (1, 2)
    assert second.option_labels == ("Keine Empfehlung",)
    with db.read() as session:
        current = ballots.current_ballots(session, setup.question_id)
        history = ballots.ballot_history(session, setup.question_id)
        counted = question_tally(session, setup.question_id)
    assert [(b.site_id, b.option_ids) for b in current] == [(site, (no,))]
    assert [(h.revision, h.option_ids) for h in history] == [(1, (yes,)), (2, (no,))]
    assert [r.count for r in counted.options] == [0, 1]


def test_moderator_entry_is_marked_as_such(db: Database) -> None:
    setup = make_conference(db)
    with db.write() as session:
        receipt = ballots.cast_ballot(
            session,
            setup.question_id,
            setup.site_ids[1],
            option_ids=[setup.option_ids[0]],
            source=BallotSource.MODERATOR,
            actor="Moderation",
        )
    assert receipt.source is BallotSource.MODERATOR
    with db.read() as session:
        [view] = ballots.current_ballots(session, setup.question_id)
    assert view.source is BallotSource.MODERATOR


@pytest.mark.parametrize(
    ("make_ballot", "error", "message"),
    [
        (lambda s, o: {"option_ids": [o[0], o[1]]}, InvalidInput, "Nur eine Option"),
        (lambda s, o: {"option_ids": [999_999]}, InvalidInput, "gehört nicht zu dieser Frage"),
        (lambda s, o: {"option_ids": []}, InvalidInput, "Bitte eine Option wählen"),
        (
            lambda s, o: {"option_ids": [o[0]], "abstain": True},
            InvalidInput,
            "Enthaltung kann nicht",
        ),
        (lambda s, o: {"option_ids": [o[0], o[0]]}, InvalidInput, "doppelt"),
        (lambda s, o: {"option_ids": [o[0]], "comment": "x" * 2001}, InvalidInput, "zu lang"),
    ],
)
def test_invalid_ballots_are_refused_and_change_nothing(
    db: Database, make_ballot, error: type[Exception], message: str
) -> None:
    setup = make_conference(db)
    before = _counts(db)
    with pytest.raises(error, match=message), db.write() as session:
        ballots.cast_ballot(
            session, setup.question_id, setup.site_ids[0], **make_ballot(None, setup.option_ids)
        )
    assert _counts(db) == before


def test_ballot_for_a_question_that_is_not_open_is_refused(db: Database) -> None:
    setup = make_conference(db, open_question=False)
    with pytest.raises(StateConflict, match="nicht offen"), db.write() as session:
        ballots.cast_ballot(session, setup.question_id, setup.site_ids[0], option_ids=[1])
    with db.write() as session:
        lifecycle.open_question(session, setup.question_id)
        lifecycle.close_question(session, setup.question_id)
    with pytest.raises(StateConflict), db.write() as session:
        ballots.cast_ballot(
            session, setup.question_id, setup.site_ids[0], option_ids=[setup.option_ids[0]]
        )
    assert _counts(db) == (0, 0)


def test_ballot_of_a_site_not_invited_is_refused(db: Database) -> None:
    setup = make_conference(db)
    with db.write() as session:
        stranger = conferences.save_site(session, conferences.SiteData("Klinik X", "X"))
    with pytest.raises(Forbidden), db.write() as session:
        ballots.cast_ballot(session, setup.question_id, stranger, option_ids=[setup.option_ids[0]])
    with pytest.raises(NotFound), db.write() as session:
        ballots.cast_ballot(session, 424242, setup.site_ids[0], option_ids=[1])
    assert _counts(db) == (0, 0)


def test_abstain_is_refused_where_not_offered(db: Database) -> None:
    setup = make_conference(db, allow_abstain=False)
    with pytest.raises(InvalidInput, match="nicht vorgesehen"), db.write() as session:
        ballots.cast_ballot(session, setup.question_id, setup.site_ids[0], abstain=True)


def test_multiple_choice_takes_several_options_in_option_order(db: Database) -> None:
    setup = make_conference(db, kind=QuestionKind.MULTIPLE, options=("A", "B", "C"))
    a, _b, c = setup.option_ids
    with db.write() as session:
        receipt = ballots.cast_ballot(
            session, setup.question_id, setup.site_ids[0], option_ids=[c, a]
        )
    assert receipt.option_ids == (a, c)
    assert receipt.option_labels == ("A", "C")


def test_free_text_needs_a_text(db: Database) -> None:
    setup = make_conference(db, kind=QuestionKind.FREE_TEXT)
    with pytest.raises(InvalidInput, match="Text"), db.write() as session:
        ballots.cast_ballot(session, setup.question_id, setup.site_ids[0], comment="   ")
    with db.write() as session:
        receipt = ballots.cast_ballot(
            session, setup.question_id, setup.site_ids[0], comment="ctDNA\x00 im Verlauf\n"
        )
    assert receipt.comment == "ctDNA im Verlauf"  # control characters are stripped
    with pytest.raises(InvalidInput, match="Text"), db.write() as session:
        ballots.cast_ballot(  # only invisible characters: no text at all
            session, setup.question_id, setup.site_ids[1], comment="\u200b\x00\u202e"
        )


def test_100_sites_casting_at_once_from_threads_give_exactly_100_ballots(db: Database) -> None:
    setup = make_conference(db, n_sites=100)
    yes, no = setup.option_ids
    start = threading.Barrier(20)

    def vote(index: int) -> int:
        if index < 20:
            start.wait()
        with db.write() as session:
            receipt = ballots.cast_ballot(
                session, setup.question_id, setup.site_ids[index], option_ids=[(yes, no)[index % 2]]
            )
        return receipt.site_id

    with ThreadPoolExecutor(max_workers=20) as pool:
        stored = list(pool.map(vote, range(100)))
    assert sorted(stored) == sorted(setup.site_ids)
    assert _counts(db) == (100, 100)
    with db.read() as session:
        counted = question_tally(session, setup.question_id)
    assert [r.count for r in counted.options] == [50, 50]
    assert counted.n_valid == 100


def test_ballot_changes_racing_a_close_leave_counts_that_match_the_history(db: Database) -> None:
    setup = make_conference(db, n_sites=10)
    yes, no = setup.option_ids
    start = threading.Barrier(11)
    outcomes: list[str] = []
    lock = threading.Lock()

    def change(index: int) -> None:
        site = setup.site_ids[index % 10]
        if index < 10:
            start.wait()
        try:
            with db.write() as session:
                ballots.cast_ballot(
                    session, setup.question_id, site, option_ids=[(yes, no)[index % 3 == 0]]
                )
            result = "stored"
        except StateConflict:
            result = "refused"
        with lock:
            outcomes.append(result)

    def close() -> None:
        start.wait()
        with db.write() as session:
            lifecycle.close_question(session, setup.question_id)

    with ThreadPoolExecutor(max_workers=11) as pool:
        futures = [pool.submit(change, i) for i in range(50)] + [pool.submit(close)]
        for future in futures:
            future.result()

    assert len(outcomes) == 50
    with db.read() as session:
        history = ballots.ballot_history(session, setup.question_id)
        current = {b.site_id: b for b in ballots.current_ballots(session, setup.question_id)}
        counted = question_tally(session, setup.question_id)
    assert len(history) == outcomes.count("stored")
    last: dict[int, tuple[int, ...]] = {}
    for entry in history:
        last[entry.site_id] = entry.option_ids
    assert {s: b.option_ids for s, b in current.items()} == last
    expected = [sum(1 for ids in last.values() if ids == (o,)) for o in (yes, no)]
    assert [r.count for r in counted.options] == expected
    for site_id, ballot in current.items():
        revisions = [h.revision for h in history if h.site_id == site_id]
        assert revisions == list(range(1, len(revisions) + 1))
        assert ballot.revision == revisions[-1]


def test_an_exclusive_option_cannot_be_combined_with_another(db: Database) -> None:
    setup = make_conference(
        db, kind=QuestionKind.MULTIPLE, options=("HCQ", "Trametinib", "Keine Empfehlung")
    )
    hcq, tram, none = setup.option_ids
    site = setup.site_ids[0]
    before = _counts(db)
    message = (
        "„Keine Empfehlung“ kann nicht mit anderen Optionen kombiniert werden / "
        '"Keine Empfehlung" cannot be combined with other options'
    )
    for chosen in ([hcq, none], [none, tram], [hcq, tram, none]):
        with pytest.raises(InvalidInput) as refused, db.write() as session:
            ballots.cast_ballot(session, setup.question_id, site, option_ids=chosen)
        assert str(refused.value) == message
    assert _counts(db) == before
    with db.write() as session:  # alone, and the others together, are fine
        assert ballots.cast_ballot(
            session, setup.question_id, site, option_ids=[none]
        ).option_labels == ("Keine Empfehlung",)
        assert ballots.cast_ballot(
            session, setup.question_id, site, option_ids=[tram, hcq]
        ).option_ids == (hcq, tram)


@pytest.mark.parametrize(
    ("option_ids", "abstain", "stored_abstain", "expected"),
    [
        ((1, 2), True, None, ((), True)),  # first ballot: abstain replaces the options
        ((1, 2), True, False, ((), True)),  # options stored: abstain is the change
        ((1, 2), True, True, ((1, 2), False)),  # abstain stored: the options are the change
        ((1,), False, True, ((1,), False)),  # no conflict: as sent
        ((), True, False, ((), True)),
    ],
)
def test_plain_form_abstain_and_options_together_the_change_wins(
    option_ids: tuple[int, ...],
    abstain: bool,
    stored_abstain: bool | None,
    expected: tuple[tuple[int, ...], bool],
) -> None:
    stored = None
    if stored_abstain is not None:
        stored = ballots.BallotView(
            1, "S", "S", () if stored_abstain else (1,), stored_abstain, "",
            BallotSource.SITE, utcnow(), 1,
        )  # fmt: skip
    assert ballots.plain_form_choice(option_ids, abstain, stored) == expected


def _attendance(db: Database, conference_id: int) -> dict[int, tuple[bool, int]]:
    with db.read() as session:
        return {
            i.site.id: (i.present, i.attendee_count)
            for i in conferences.invitations(session, conference_id)
        }


@pytest.mark.parametrize("source", [BallotSource.SITE, BallotSource.MODERATOR])
def test_a_site_marked_absent_that_votes_is_checked_in_by_its_ballot(
    db: Database, source: BallotSource
) -> None:
    setup = make_conference(db, 4)
    present, absent, other, _ = setup.site_ids
    with db.write() as session:
        conferences.set_attendance(
            session, setup.conference_id, present, present=True, attendee_count=3
        )
        conferences.set_attendance(session, setup.conference_id, other, present=False)
        receipt = ballots.cast_ballot(
            session,
            setup.question_id,
            absent,
            option_ids=[setup.option_ids[0]],
            source=source,
            actor="Moderation" if source is BallotSource.MODERATOR else "Standort B",
        )
        again = ballots.cast_ballot(
            session, setup.question_id, absent, option_ids=[setup.option_ids[1]], source=source
        )
        result = question_tally(session, setup.question_id)
        trail = audit.trail(session, setup.conference_id)
    assert (receipt.checked_in, again.checked_in) == (True, False)
    attendance = _attendance(db, setup.conference_id)
    assert attendance[absent] == (True, 1)
    assert attendance[other] == (False, 0)
    assert attendance[present] == (True, 3)
    (entry,) = [e for e in trail if e.action == "checked_in_by_ballot"]
    assert (entry.site_id, entry.question_id) == (absent, setup.question_id)
    assert entry.actor == ("Moderation" if source is BallotSource.MODERATOR else "Standort B")
    assert entry.detail == {"attendee_count": 1, "source": source.value}
    # the count and the attendance list agree: 2 present, 1 voted, 1 present without a vote
    assert (result.n_eligible, result.n_valid, result.n_present_not_voted) == (2, 1, 1)


def test_without_any_check_in_a_ballot_checks_nobody_in(db: Database) -> None:
    setup = make_conference(db, 3)
    with db.write() as session:
        receipt = ballots.cast_ballot(
            session, setup.question_id, setup.site_ids[0], option_ids=[setup.option_ids[0]]
        )
        result = question_tally(session, setup.question_id)
    assert not receipt.checked_in
    assert set(_attendance(db, setup.conference_id).values()) == {(False, 0)}
    assert (result.n_eligible, result.n_valid) == (3, 1)  # every invited site expected


def test_ballots_stored_counts_every_ballot_and_change_of_its_conference_only(
    db: Database,
) -> None:
    """The mark a moderator stream polls to hear other processes' ballots."""
    setup = make_conference(db)
    other = make_conference(db, prefix="O")
    yes, no = setup.option_ids
    with db.read() as session:
        assert ballots.ballots_stored(session, setup.conference_id) == 0
    with db.write() as session:
        ballots.cast_ballot(session, setup.question_id, setup.site_ids[0], option_ids=[yes])
        ballots.cast_ballot(session, setup.question_id, setup.site_ids[1], option_ids=[yes])
    with db.write() as session:  # a change counts as well: the tally moved
        ballots.cast_ballot(session, setup.question_id, setup.site_ids[0], option_ids=[no])
        ballots.cast_ballot(
            session, other.question_id, other.site_ids[0], option_ids=[other.option_ids[0]]
        )
    with db.read() as session:
        assert ballots.ballots_stored(session, setup.conference_id) == 3
        assert ballots.ballots_stored(session, other.conference_id) == 1
