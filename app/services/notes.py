"""Discussion notes and key messages per case and per question."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Case, Note, NoteKind, Question, utcnow
from app.services.errors import NotFound
from app.services.messages import say
from app.services.text import clean_field

MAX_NOTE = 50_000


@dataclass(frozen=True)
class NoteView:
    case_id: int | None
    question_id: int | None
    kind: NoteKind
    text: str
    updated_at: datetime


def _target(session: Session, case_id: int | None, question_id: int | None) -> int:
    if (case_id is None) == (question_id is None):
        raise ValueError("a note belongs to a case or to a question")
    if case_id is not None:
        case = session.get(Case, case_id)
        if case is None:
            raise NotFound(say("case_not_found", case_id=case_id))
        return case.conference_id
    question = session.get(Question, question_id)
    if question is None:
        raise NotFound(say("question_not_found", question_id=question_id))
    return question.case.conference_id


def save_note(
    session: Session,
    text: str,
    *,
    case_id: int | None = None,
    question_id: int | None = None,
    kind: NoteKind = NoteKind.DISCUSSION,
) -> NoteView:
    """Create or replace the note of this kind for the case or question."""
    text = clean_field(text, say("field_note"), limit=MAX_NOTE, lines=True)
    conference_id = _target(session, case_id, question_id)
    note = session.scalar(
        select(Note).where(
            Note.case_id.is_(None) if case_id is None else Note.case_id == case_id,
            Note.question_id.is_(None) if question_id is None else Note.question_id == question_id,
            Note.kind == kind.value,
        )
    )
    if note is None:
        note = Note(
            conference_id=conference_id, case_id=case_id, question_id=question_id, kind=kind.value
        )
        session.add(note)
    note.text = text
    note.updated_at = utcnow()
    session.flush()
    return NoteView(case_id, question_id, kind, note.text, note.updated_at)


def conference_notes(session: Session, conference_id: int) -> list[NoteView]:
    rows = session.scalars(
        select(Note).where(Note.conference_id == conference_id).order_by(Note.id)
    )
    return [
        NoteView(n.case_id, n.question_id, NoteKind(n.kind), n.text, n.updated_at) for n in rows
    ]


def note_text(
    notes: list[NoteView],
    *,
    case_id: int | None = None,
    question_id: int | None = None,
    kind: NoteKind = NoteKind.DISCUSSION,
) -> str:
    """The text of one note from a list (empty if none)."""
    for note in notes:
        if note.case_id == case_id and note.question_id == question_id and note.kind is kind:
            return note.text
    return ""
