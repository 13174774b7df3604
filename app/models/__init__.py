"""SQLAlchemy ORM models of Votum (no behaviour beyond storage)."""

from app.models.ballot import Ballot, BallotChange, BallotChoice
from app.models.base import Base, utcnow
from app.models.case import Case, CaseImage, Finding, TherapyLine
from app.models.conference import Attendee, Conference, Fellow, Invitation
from app.models.enums import (
    BallotSource,
    FindingKind,
    NoteKind,
    QuestionKind,
    QuestionState,
    Sex,
    TherapyResponse,
)
from app.models.organiser import OrganiserToken
from app.models.poll import CallPollTotal, PollImport, PollMatchRule
from app.models.question import Elector, Option, Question
from app.models.record import AuditEvent, ModeratorRequest, Note
from app.models.series import PlanEntry, PlanFellow, QuestionLink
from app.models.site import Site

# after the models: sets their archive search keys on every insert and update
import app.models.search  # noqa: F401  isort: skip

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
    "PlanEntry",
    "PlanFellow",
    "PollImport",
    "PollMatchRule",
    "Question",
    "QuestionKind",
    "QuestionLink",
    "QuestionState",
    "Sex",
    "Site",
    "TherapyLine",
    "TherapyResponse",
    "utcnow",
]
