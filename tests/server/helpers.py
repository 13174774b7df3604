"""Helpers for the voting-server tests: conferences of any size, DB snapshots, a live server."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.db import Database
from app.models import Base, Conference, QuestionKind
from app.server.runner import VotingServer
from app.server.security import RateLimiter
from app.services import agenda, conferences, lifecycle
from app.services.events import StateChange
from app.services.package_schema import PackageCase, PackageOption, PackageQuestion


def make_conference(
    session: Session,
    n_sites: int,
    *,
    prefix: str = "S",
    site_name: str | None = None,
    language: str = "de",
    open_first: bool = True,
) -> int:
    """A conference with ``n_sites`` invited sites, one case, three questions; the first
    (single choice A/B) open unless ``open_first`` is False."""
    conf_id = conferences.create_conference(
        session, f"Test {prefix}", dt.date(2026, 11, 18), language=language, slug=prefix.lower()
    )
    site_ids = []
    for i in range(n_sites):
        name = site_name if (site_name and i == 0) else f"Standort {prefix}{i:03d}"
        site_ids.append(
            conferences.save_site(session, conferences.SiteData(name=name, code=f"{prefix}{i:03d}"))
        )
    conferences.invite_sites(session, conf_id, site_ids)
    agenda.add_case(
        session,
        conf_id,
        PackageCase(
            title="KRAS G12D",
            age=58,
            diagnosis="Pankreaskarzinom",
            questions=[
                PackageQuestion(
                    text="Empfehlen Sie HCQ + Trametinib?",
                    kind=QuestionKind.SINGLE,
                    options=[PackageOption(label="Ja"), PackageOption(label="Keine Empfehlung")],
                ),
                PackageQuestion(text="Welches Evidenzlevel?", kind=QuestionKind.EVIDENCE),
                PackageQuestion(
                    text="Welche Therapien kommen in Frage?",
                    kind=QuestionKind.MULTIPLE,
                    options=[
                        PackageOption(label=x)
                        for x in ("HCQ", "Trametinib", "Studie", "Keine Empfehlung")
                    ],
                ),
            ],
        ),
    )
    first = agenda.ordered_question_ids(session, conf_id)[0]
    if open_first:
        lifecycle.open_question(session, first)
    else:
        lifecycle.set_current(session, conf_id, first)
    return conf_id


def tokens(db: Database, conf_id: int) -> dict[str, str]:
    """Site code → token."""
    with db.read() as session:
        return {i.site.code: i.token for i in conferences.invitations(session, conf_id) if i.token}


def site_ids(db: Database, conf_id: int) -> dict[str, int]:
    with db.read() as session:
        return {i.site.code: i.site.id for i in conferences.invitations(session, conf_id)}


def current_question(db: Database, conf_id: int) -> int:
    with db.read() as session:
        question_id = session.scalar(
            select(Conference.current_question_id).where(Conference.id == conf_id)
        )
    assert question_id is not None
    return question_id


def snapshot(db: Database) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table: equal snapshots mean nothing changed."""
    with db.read() as session:
        return {
            table.name: sorted(
                (tuple(row) for row in session.execute(text(f"SELECT * FROM {table.name}"))),
                key=repr,
            )
            for table in Base.metadata.sorted_tables
        }


class RecordingNotifier:
    """A notifier that keeps what it was told (plain data only).

    The writer answers a request before it tells the notifier (acknowledgement first):
    :meth:`settled` waits, with a deadline, until it has heard so many receipts and changes.
    """

    def __init__(self) -> None:
        self.receipts: list[object] = []
        self.changes: list[StateChange] = []

    def settled(
        self, receipts: int = 0, changes: int = 0, timeout: float = 5.0
    ) -> RecordingNotifier:
        deadline = time.monotonic() + timeout
        while (len(self.receipts) < receipts or len(self.changes) < changes) and (
            time.monotonic() < deadline
        ):
            time.sleep(0.005)  # polling with a deadline: the writer thread tells us soon
        return self

    def ballot_stored(self, receipt: object) -> None:
        self.receipts.append(receipt)

    def state_changed(self, change: StateChange) -> None:
        self.changes.append(change)


@dataclass
class Served:
    """A running server and what tests need to talk to it."""

    server: VotingServer
    db: Database
    conf_id: int
    notifier: RecordingNotifier

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.port}"

    @property
    def moderator(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.server.moderator_token}"}


@contextmanager
def serving(
    db: Database, conf_id: int, *, rate_limiter: RateLimiter | None = None
) -> Iterator[Served]:
    notifier = RecordingNotifier()
    server = VotingServer(
        db, conf_id, host="127.0.0.1", port=0, notifier=notifier, rate_limiter=rate_limiter
    )
    server.start()
    try:
        yield Served(server, db, conf_id, notifier)
    finally:
        server.stop()


@dataclass
class Round:
    """A running standing server (every conference of ``db``) and its organiser token."""

    server: VotingServer
    db: Database
    organiser_token: str

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.port}"

    @property
    def organiser(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.organiser_token}"}

    def moderator(self, conf_id: int) -> dict[str, str]:
        """The conference's moderator token (where the laptop made it, it is readable)."""
        with self.db.read() as session:
            token = conferences.moderator_token(session, conf_id)
        assert token, "only the hash of this conference's moderator token is kept"
        return {"Authorization": f"Bearer {token}"}


@contextmanager
def serving_round(db: Database, *, port: int = 0) -> Iterator[Round]:
    """``serve`` without a conference, in this process, with an organiser token."""
    from app.services.organiser import rotate_organiser_token

    with db.write() as session:
        token = rotate_organiser_token(session)
    server = VotingServer(db, None, host="127.0.0.1", port=port)
    server.start()
    try:
        yield Round(server, db, token)
    finally:
        server.stop()
