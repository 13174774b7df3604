"""The live endpoint's answers and the remote console's book: by the server's ids, only
what changed, checked, and composed into the very snapshot the local console reads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace

import pytest

from app.db import Database
from app.models import BallotSource
from app.services import lifecycle
from app.services.agenda import add_question, get_question
from app.services.ballots import cast_ballot
from app.services.conferences import invitations, set_attendance
from app.services.live_book import LiveBook, Mismatch
from app.services.live_feed import ANSWER, Changes, LiveAnswer, read_live
from app.services.live_snapshot import LiveSnapshot, read_snapshot
from app.services.notes import save_note
from app.services.package_schema import PackageQuestion
from tests.services.helpers import make_conference
from tests.services.series_helpers import Asked, hold_session, votes


def _same(a: LiveSnapshot, b: LiveSnapshot) -> None:
    """What the console shows is equal (the serial aside)."""
    assert a.conference == b.conference
    assert a.cases == b.cases
    assert a.invitations == b.invitations
    assert (a.question, a.case) == (b.question, b.case)
    assert a.status == b.status
    assert a.result == b.result and a.round_one == b.round_one
    assert (a.calls, a.notes, a.earlier) == (b.calls, b.notes, b.earlier)


class Server:
    """A conference and a change log, as the live endpoint sees them."""

    def __init__(self, db: Database, conference_id: int) -> None:
        self.db, self.conference_id = db, conference_id
        self.serial = 0
        self.log: list[tuple[int, str, int | None]] = []

    def changed(self, kind: str, question_id: int | None = None) -> None:
        self.serial += 1
        self.log.append((self.serial, kind, question_id))

    def answer(self, book: LiveBook) -> LiveAnswer:
        """What the endpoint answers to the book's query, through JSON as on the wire."""
        query = book.query()
        changes = None
        if query and query["instance"] == "i1":
            since = int(query["since"])
            changes = Changes.of((k, q) for s, k, q in self.log if s > since)
        held = {int(q) for q in query.get("held", "").split(",") if q}
        with self.db.read() as session:
            answer = read_live(
                session,
                self.conference_id,
                version=self.serial,
                instance="i1",
                changes=changes,
                held=held,
                after=int(query["after"]) if query else None,
                state=query.get("state"),
            )
        return ANSWER.validate_json(ANSWER.dump_json(answer, exclude_defaults=True))

    def local(self) -> LiveSnapshot:
        with self.db.read() as session:
            return read_snapshot(session, self.conference_id, 0)


@pytest.fixture
def server(db: Database) -> Iterator[Server]:
    setup = make_conference(db, n_sites=6, open_question=False)
    with db.write() as session:
        lifecycle.open_question(session, setup.question_id)
    yield Server(db, setup.conference_id)


def _site_ids(server: Server) -> list[int]:
    with server.db.read() as session:
        return [i.site.id for i in invitations(session, server.conference_id)]


def test_a_book_filled_over_the_wire_shows_what_the_local_console_shows(server: Server) -> None:
    book = LiveBook()
    answer = server.answer(book)
    assert answer.full and answer.current_question_id is not None
    book.apply(answer)
    _same(book.snapshot(0), server.local())
    assert book.snapshot(0).question is not None


def test_after_each_change_only_that_comes_and_the_book_stays_exact(server: Server) -> None:
    book = LiveBook()
    book.apply(server.answer(book))
    question = book.snapshot(0).question
    assert question is not None
    sites = _site_ids(server)
    option = question.options[0].id
    with server.db.write() as session:  # a ballot
        cast_ballot(session, question.id, sites[0], option_ids=[option])
    server.changed("ballots", question.id)
    ballot = server.answer(book)
    assert not ballot.full and ballot.cases is None and ballot.invitations is None
    assert [len(b.ballots) for b in ballot.ballots] == [1] and ballot.ballots[0].count == 1
    book.apply(ballot)
    _same(book.snapshot(0), server.local())
    with server.db.write() as session:  # attendance and a note
        set_attendance(session, server.conference_id, sites[1], present=True, attendee_count=2)
        save_note(session, "Studienoption prüfen", question_id=question.id)
    server.changed("attendance")
    server.changed("notes", question.id)
    both = server.answer(book)
    assert both.invitations is not None and both.notes is not None and both.ballots == ()
    book.apply(both)
    _same(book.snapshot(0), server.local())
    with server.db.write() as session:  # a ballot entered by the moderator: a new count
        entered = cast_ballot(
            session, question.id, sites[2], option_ids=[option], source=BallotSource.MODERATOR
        )
        lifecycle.close_question(session, question.id)
        lifecycle.repeat_question(session, question.id)  # round 2, current at once
    assert entered.checked_in  # the feed says so: the attendance changed too
    server.changed("ballots", question.id)
    server.changed("attendance")
    server.changed("question", question.id)
    server.changed("agenda", question.id)
    after = server.answer(book)
    assert after.cases is not None and {p.question.round for p in after.parts} == {1, 2}
    closed = next(p for p in after.parts if p.question.round == 1)
    assert closed.electorate is not None  # round 1 came whole: who could vote as it closed
    assert closed.electorate.site_ids == {sites[1], sites[2]}
    book.apply(after)
    snapshot = book.snapshot(0)
    _same(snapshot, server.local())
    assert snapshot.question is not None and snapshot.question.round == 2
    assert snapshot.round_one is not None and snapshot.round_one.tally.n_valid == 2
    eligible = snapshot.round_one.tally.n_eligible
    with server.db.write() as session:  # a late arrival does not change a closed count
        set_attendance(session, server.conference_id, sites[3], present=True, attendee_count=1)
    server.changed("attendance")
    book.apply(server.answer(book))
    later = book.snapshot(0)
    _same(later, server.local())
    assert later.round_one is not None and later.round_one.tally.n_eligible == eligible
    assert later.result is not None  # round 2 is open: it counts who is here now
    assert later.result.tally.n_eligible == len({sites[1], sites[2], sites[3]})


def test_a_ballot_is_a_few_hundred_bytes_whatever_the_size_of_the_conference(
    db: Database,
) -> None:
    sizes = []
    for n_questions in (1, 100):
        setup = make_conference(db, n_sites=40, open_question=False, prefix=f"Q{n_questions}")
        with db.write() as session:
            case_id = get_question(session, setup.question_id).case_id
            for n in range(n_questions - 1):
                add_question(session, case_id, PackageQuestion(text=f"Frage {n}", kind="yes_no"))
            lifecycle.open_question(session, setup.question_id)
        server = Server(db, setup.conference_id)
        book = LiveBook()
        book.apply(server.answer(book))
        with db.write() as session:
            cast_ballot(
                session, setup.question_id, setup.site_ids[0], option_ids=[setup.option_ids[0]]
            )
        server.changed("ballots", setup.question_id)
        delta = server.answer(book)
        sizes.append(len(ANSWER.dump_json(delta, exclude_defaults=True)))
        book.apply(delta)
        _same(book.snapshot(0), server.local())
    assert max(sizes) < 600 and abs(sizes[0] - sizes[1]) <= 10  # the ids' digits differ


def test_an_answer_that_does_not_fit_is_refused_and_changes_nothing(server: Server) -> None:
    book = LiveBook()
    book.apply(server.answer(book))
    question = book.snapshot(0).question
    assert question is not None
    sites = _site_ids(server)
    with server.db.write() as session:
        for site in sites[:2]:
            cast_ballot(session, question.id, site, option_ids=[question.options[0].id])
    server.changed("ballots", question.id)
    delta = server.answer(book)
    held = book.snapshot(0)
    counted = delta.ballots[0]
    stranger = replace(question, id=99_999)  # a question not on the agenda held
    for bad in (
        replace(delta, ballots=(replace(counted, ballots=counted.ballots[:1], count=2),)),
        replace(delta, ballots=(replace(counted, count=3),)),  # the count does not add up
        replace(delta, instance="another process"),
        replace(delta, questions=(stranger,)),
    ):
        with pytest.raises(Mismatch):
            book.apply(bad)
        _same(book.snapshot(0), held)
    book.apply(delta)
    assert book.snapshot(0).status is not None
    assert book.snapshot(0).status.n_voted == 2  # type: ignore[union-attr]


def test_a_change_not_known_here_reads_everything() -> None:
    assert Changes.of([("ballots", 3), ("notes", None)]) == Changes(ballots=True, notes=True)
    assert Changes.of([("conference", None)]) is None
    assert Changes.of([("question", 3), ("question", 4)]).words() == [  # type: ignore[union-attr]
        "question:3",
        "question:4",
    ]


def test_the_earlier_asking_of_the_series_comes_with_the_question(db: Database) -> None:
    hold_session(db, dt.date(2026, 6, 3), [Asked(votes=votes(3, 17))])
    november = hold_session(
        db, dt.date(2026, 11, 18), [Asked(votes=votes(1, 2), close=False)], topic="Heute"
    )
    server = Server(db, november.conference_id)
    with db.write() as session:
        lifecycle.set_current(session, november.conference_id, november.question_ids[0])
    book = LiveBook()
    book.apply(server.answer(book))
    snapshot = book.snapshot(0)
    assert snapshot.earlier is not None and snapshot.earlier.date == dt.date(2026, 6, 3)
    _same(snapshot, server.local())
    assert snapshot.earlier == server.local().earlier
