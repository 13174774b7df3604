"""The request bodies of the moderator actions (strict: unknown fields are refused).

Part of each action's one definition (:mod:`app.services.moderator_actions`): the voting
server reads a request into these, the desktop builds them for its own calls, so both
paths check the same bounds.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from app.models import NoteKind, QuestionKind
from app.services.ballots import MAX_COMMENT
from app.services.notes import MAX_NOTE

MAX_OPTIONS = 30
#: a database id: the id columns are INTEGER, signed 32-bit on PostgreSQL; larger ids get a
#: 422, not a 500 (SQLite would hold 64 bits, but the limit is the same on every backend)
Id = Annotated[int, Field(ge=1, le=2**31 - 1)]
Comment = Annotated[str, Field(max_length=MAX_COMMENT)]
SiteCode = Annotated[str, Field(min_length=1, max_length=20)]


class Body(BaseModel):
    """A moderator action's body: unknown fields refused, strings bounded."""

    model_config = ConfigDict(extra="forbid", str_max_length=MAX_COMMENT, frozen=True)


class ModeratorBallotIn(Body):
    """A ballot the moderator enters for a site (by voice or chat); marked as such."""

    site_code: SiteCode
    option_ids: Annotated[list[Id], Field(max_length=MAX_OPTIONS)] = []
    abstain: bool = False
    comment: Comment = ""


class SkipIn(Body):
    """Why the moderator skips a question that was never opened (shown in the protocol)."""

    reason: Annotated[str, Field(max_length=2_000)]  # empty: refused by the rule, in words


class AttendeeIn(Body):
    """A named attending doctor; the EFN (15 digits) is optional; a wrong one is kept and
    marked invalid, so the CME office sees what to fix."""

    name: Annotated[str, Field(min_length=1, max_length=200)]
    efn: Annotated[str, Field(max_length=40)] = ""
    role: Annotated[str, Field(max_length=100)] = ""


class AttendanceIn(Body):
    """Check a site in or out, optionally with its number of attendees and their names
    (``attendees`` replaces the names given before; left out, they stay)."""

    present: bool
    attendee_count: Annotated[int, Field(ge=0, le=500)] | None = None
    attendees: Annotated[list[AttendeeIn], Field(max_length=500)] | None = None


class CurrentIn(Body):
    """The question every page shows (None: a pause between questions)."""

    question_id: Id | None


class NoteIn(Body):
    """A note for a case or for a question (give one of the two ids); replaces its text."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_max_length=None)

    case_id: Id | None = None
    question_id: Id | None = None
    kind: NoteKind = NoteKind.DISCUSSION
    # the rule says "at most 50 000 characters" in words; this bound only keeps absurd
    # bodies from costing the cleaning work
    text: Annotated[str, Field(max_length=4 * MAX_NOTE)]


class QuickQuestionIn(Body):
    """A question asked on the spot in the free discussion: a preset ``kind`` (yes_no,
    evidence, agreement) or ``options`` of one's own (single, multiple; one per line, and
    "Enthaltung" / "abstain" among them offers abstaining), optionally a one-line ``case``
    ("presented by site X: 54 y, NSCLC, KRAS G12C"); ``open``: opened for voting at once.
    The rule says in words what breaks its limits (an empty text, a case line over 200)."""

    text: Annotated[str, Field(max_length=MAX_COMMENT)]
    kind: QuestionKind
    options: Annotated[
        list[Annotated[str, Field(max_length=MAX_COMMENT)]], Field(max_length=60)
    ] = []
    case: Annotated[str, Field(max_length=1_000)] = ""
    allow_abstain: bool = True
    duration_seconds: Annotated[int, Field(ge=10, le=3_600)] | None = None
    open: bool = True
