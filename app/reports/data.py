"""Everything a protocol or an export shows, read from the database once as plain data."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from app import __version__
from app.config import LANGUAGES
from app.db import Database
from app.models import NoteKind
from app.reports.texts import say
from app.services.agenda import image_data
from app.services.asked_before import EarlierAsking, conference_earlier
from app.services.ballots import HistoryEntry, conference_history
from app.services.call_polls import CallTally, conference_call_totals
from app.services.conferences import get_conference, invitations
from app.services.errors import InvalidInput
from app.services.notes import NoteView, conference_notes, note_text
from app.services.results import CaseResults, QuestionResult, conference_results, round_pairs
from app.services.views import ConferenceInfo, InvitationInfo


@dataclass(frozen=True)
class ReportData:
    """One conference as the reports see it: no sessions, no ORM objects, no tokens."""

    conference: ConferenceInfo
    invitations: tuple[InvitationInfo, ...]
    cases: tuple[CaseResults, ...]
    notes: tuple[NoteView, ...]
    images: dict[int, tuple[str, bytes]] = field(default_factory=dict)
    history: tuple[HistoryEntry, ...] = ()  # every ballot ever cast, oldest first
    call_totals: dict[int, CallTally] = field(default_factory=dict)
    #: a question's (round 1's id) earlier asking in the series, where there is one
    earlier: dict[int, EarlierAsking] = field(default_factory=dict)
    generated_at: dt.datetime = field(default_factory=lambda: dt.datetime.now().astimezone())
    version: str = __version__

    @property
    def results(self) -> list[QuestionResult]:
        """Every question round in agenda order."""
        return [result for case in self.cases for result in case.results]

    @property
    def n_ballots(self) -> int:
        """Ballots of sites, and totals counted by the call (an anonymous poll)."""
        return sum(len(result.ballots) for result in self.results) + len(self.call_totals)

    @property
    def n_questions(self) -> int:
        """Questions, counting a repeated question once."""
        return sum(len(round_pairs(case)) for case in self.cases)

    @property
    def present(self) -> list[InvitationInfo]:
        return [inv for inv in self.invitations if inv.present]

    @property
    def attendee_total(self) -> int:
        return sum(inv.attendee_count for inv in self.present)

    def note(
        self,
        *,
        case_id: int | None = None,
        question_id: int | None = None,
        kind: NoteKind = NoteKind.DISCUSSION,
    ) -> str:
        return note_text(list(self.notes), case_id=case_id, question_id=question_id, kind=kind)


def gather(db: Database, conference_id: int, *, with_images: bool = True) -> ReportData:
    """Read the conference, attendance, results, notes and case images in one transaction."""
    with db.read() as session:
        conference = get_conference(session, conference_id)
        invited = tuple(
            InvitationInfo(i.site, i.present, i.attendee_count, i.attendees, None)
            for i in invitations(session, conference_id)
        )
        cases = tuple(conference_results(session, conference_id))
        notes = tuple(conference_notes(session, conference_id))
        call_totals = conference_call_totals(session, conference_id)
        images = (
            {img.id: image_data(session, img.id) for c in cases for img in c.case.images}
            if with_images
            else {}
        )
        history = tuple(conference_history(session, conference_id))
        earlier = conference_earlier(session, conference_id)
    return ReportData(
        conference, invited, cases, notes, images, history, call_totals, earlier=earlier
    )


def protocol_language(data: ReportData, lang: str | None) -> str:
    """The language asked for, else the conference's own."""
    chosen = lang or data.conference.language or "de"
    if chosen not in LANGUAGES:
        raise InvalidInput(say("language_unknown", lang=chosen))
    return chosen


def letters(index: int) -> str:
    """A, B, …, Z, AA, AB, … for 0, 1, …"""
    label = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        label = chr(ord("A") + rest) + label
    return label


def anonymous_labels(data: ReportData) -> dict[int, str]:
    """Site id → "S01", "S02" … for the sites that cast a ballot, in an order shuffled
    per conference (stable across runs).

    Not letters: the answers are A, B …. Only voting sites: a row of dashes would point
    at the site the attendance list names as absent.
    """
    order = sorted({b.site_id for r in data.results for b in r.ballots})
    random.Random(f"votum:{data.conference.id}:{data.conference.slug}").shuffle(order)
    digits = max(2, len(str(len(order))))
    return {site_id: f"S{i:0{digits}d}" for i, site_id in enumerate(order, start=1)}
