"""SQLAlchemy ORM models of Votum (no behaviour beyond storage)."""

from app.models.ballot import Ballot, BallotChange, BallotChoice
from app.models.base import Base, utcnow
from app.models.case import Case, CaseImage, Finding
from app.models.conference import Attendee, Conference, Fellow, Invitation
from app.models.enums import (
    BallotSource,
    FindingKind,
    NoteKind,
    QuestionKind,
    QuestionState,
    Sex,
)
from app.models.organiser import OrganiserToken
from app.models.poll import CallPollTotal, PollImport, PollMatchRule
from app.models.question import Elector, Option, Question
from app.models.record import AuditEvent, ModeratorRequest, Note
from app.models.site import Site

__all__ = [
    "Attendee",
    "AuditEvent",
    "Ballot",
    "BallotChange",
    "BallotChoice",
    "BallotSource",
    "Base",
    "CallPollTotal",
    "Case",
    "CaseImage",
    "Conference",
    "Elector",
    "Fellow",
    "Finding",
    "FindingKind",
    "Invitation",
    "ModeratorRequest",
    "Note",
    "NoteKind",
    "Option",
    "OrganiserToken",
    "PollImport",
    "PollMatchRule",
    "Question",
    "QuestionKind",
    "QuestionState",
    "Sex",
    "Site",
    "utcnow",
]
