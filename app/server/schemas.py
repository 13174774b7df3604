"""Request and response bodies of the JSON API (strict: unknown fields are refused)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from app.models import BallotSource, NoteKind, QuestionKind, QuestionState
from app.services.action_bodies import (
    MAX_OPTIONS,
    AttendanceIn,
    AttendeeIn,
    Comment,
    CurrentIn,
    Id,
    ModeratorBallotIn,
    NoteIn,
    SkipIn,
)
from app.services.ballots import MAX_COMMENT, BallotReceipt, BallotView
from app.services.notes import NoteView
from app.services.results import LiveStatus, QuestionResult
from app.services.tally import Tally
from app.services.views import CaseInfo, InvitationInfo, QuestionInfo
from app.services.voting import VoterView

# the moderator actions' bodies are part of their one definition (app.services); kept
# importable from here with the other request bodies
REEXPORTED = (AttendanceIn, AttendeeIn, CurrentIn, ModeratorBallotIn, NoteIn, SkipIn)


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", str_max_length=MAX_COMMENT)


class BallotIn(_In):
    """A site's ballot: option ids of the question, or ``abstain``, and a comment."""

    question_id: Id
    option_ids: Annotated[list[Id], Field(max_length=MAX_OPTIONS)] = []
    abstain: bool = False
    comment: Comment = ""


class ErrorOut(BaseModel):
    """Every refusal: ``detail`` says it in both languages ("deutsch / english"),
    ``messages`` in each language by itself (absent only from a bare HTTP error such as
    an unknown path)."""

    detail: str
    messages: dict[str, str] | None = None


class OptionOut(BaseModel):
    id: int
    label: str
    code: str
    explanation: str
    exclusive: bool = False  # cannot be combined with another option

    @classmethod
    def of(cls, question: QuestionInfo, lang: str) -> list[OptionOut]:
        return [
            cls(
                id=o.id,
                label=o.label_in(lang),
                code=o.code,
                explanation=o.explanation(lang),
                exclusive=o.exclusive,
            )
            for o in question.options
        ]


class QuestionOut(BaseModel):
    id: int
    number: str
    text: str
    kind: QuestionKind
    round: int
    state: QuestionState
    allow_abstain: bool
    revealed: bool
    options: list[OptionOut]
    skip_reason: str | None = None

    @classmethod
    def of(cls, q: QuestionInfo, lang: str) -> QuestionOut:
        return cls(
            id=q.id,
            number=q.number,
            text=q.text,
            kind=q.kind,
            round=q.round,
            state=q.state,
            allow_abstain=q.allow_abstain,
            revealed=q.revealed,
            options=OptionOut.of(q, lang),
            skip_reason=q.skip_reason,
        )


class BallotOut(BaseModel):
    option_ids: list[int]
    abstain: bool
    comment: str
    source: BallotSource
    cast_at: datetime
    revision: int

    @classmethod
    def of(cls, b: BallotView) -> BallotOut:
        return cls(
            option_ids=list(b.option_ids),
            abstain=b.abstain,
            comment=b.comment,
            source=b.source,
            cast_at=b.cast_at,
            revision=b.revision,
        )


class OptionResultOut(BaseModel):
    id: int
    label: str
    count: int
    percent: int


class TallyOut(BaseModel):
    options: list[OptionResultOut]
    n_valid: int
    n_abstain: int
    n_eligible: int
    n_present_not_voted: int
    consensus: str | None = Field(description="AWMF class of the leading answer")

    @classmethod
    def of(cls, t: Tally) -> TallyOut:
        return cls(
            options=[
                OptionResultOut(
                    id=r.option.id, label=r.option.label, count=r.count, percent=r.percent
                )
                for r in t.options
            ],
            n_valid=t.n_valid,
            n_abstain=t.n_abstain,
            n_eligible=t.n_eligible,
            n_present_not_voted=t.n_present_not_voted,
            consensus=t.consensus.awmf.value if t.consensus else None,
        )


class SiteStateOut(BaseModel):
    """What the site's page shows; ``results`` only once the moderator revealed them."""

    site_name: str
    conference_topic: str
    language: str
    phase: str = Field(description="waiting, open or closed")
    version: str = Field(description="changes whenever the page should re-render")
    case_number: int | None
    case_title: str
    case_headline: str
    question: QuestionOut | None
    ballot: BallotOut | None
    results: TallyOut | None

    @classmethod
    def of(cls, v: VoterView, lang: str) -> SiteStateOut:
        return cls(
            site_name=v.site_name,
            conference_topic=v.conference_topic,
            language=v.language,
            phase=v.phase,
            version=v.version,
            case_number=v.case_number,
            case_title=v.case_title,
            case_headline=v.case_headline,
            question=QuestionOut.of(v.question, lang) if v.question else None,
            ballot=BallotOut.of(v.ballot) if v.ballot else None,
            results=TallyOut.of(v.tally) if v.tally else None,
        )


class ReceiptOut(BaseModel):
    """Exactly what was stored, and when (after the durable commit)."""

    question_id: int
    site_id: int
    option_ids: list[int]
    option_labels: list[str]
    abstain: bool
    comment: str
    source: BallotSource
    cast_at: datetime
    revision: int
    message: str

    @classmethod
    def of(cls, r: BallotReceipt, message: str) -> ReceiptOut:
        return cls(
            question_id=r.question_id,
            site_id=r.site_id,
            option_ids=list(r.option_ids),
            option_labels=list(r.option_labels),
            abstain=r.abstain,
            comment=r.comment,
            source=r.source,
            cast_at=r.cast_at,
            revision=r.revision,
            message=message,
        )


class LiveOut(BaseModel):
    n_voted: int
    n_expected: int
    voted: list[str]
    missing: list[str]

    @classmethod
    def of(cls, s: LiveStatus) -> LiveOut:
        return cls(
            n_voted=s.n_voted,
            n_expected=s.n_expected,
            voted=[v.site.code for v in s.voted],
            missing=[m.code for m in s.missing],
        )


class ModeratorStateOut(BaseModel):
    """The conference as the moderator sees it: current question and who has voted."""

    conference_id: int
    slug: str
    topic: str
    current: QuestionOut | None
    live: LiveOut | None


class QuestionStateOut(BaseModel):
    """The question after a moderator action."""

    question: QuestionOut


class NextOut(BaseModel):
    current_question_id: int | None


class ResultOut(BaseModel):
    question: QuestionOut
    tally: TallyOut
    sentence_de: str
    sentence_en: str
    participation_de: str
    participation_en: str

    @classmethod
    def of(cls, r: QuestionResult, lang: str) -> ResultOut:
        return cls(
            question=QuestionOut.of(r.question, lang),
            tally=TallyOut.of(r.tally),
            sentence_de=r.sentence_de,
            sentence_en=r.sentence_en,
            participation_de=r.participation_de,
            participation_en=r.participation_en,
        )


class AttendanceOut(BaseModel):
    site_code: str
    present: bool
    attendee_count: int


class ConferenceSummaryOut(BaseModel):
    """What the server holds of the served conference, before it is overwritten."""

    slug: str
    topic: str
    date: str
    cases: int
    questions: int
    invited_sites: int
    present_sites: int
    ballots: int
    updated_at: str


class AgendaCaseOut(BaseModel):
    """A case as the console lists it: number, title, headline and its questions."""

    id: int
    number: int
    title: str
    headline: str
    questions: list[QuestionOut]

    @classmethod
    def of(cls, case: CaseInfo, lang: str) -> AgendaCaseOut:
        return cls(
            id=case.id,
            number=case.number,
            title=case.title,
            headline=case.headline(lang),
            questions=[QuestionOut.of(q, lang) for q in case.questions],
        )


class AttendeeOut(BaseModel):
    """A named attending doctor; an EFN that fails its check is kept, marked invalid."""

    name: str
    efn: str
    efn_invalid: bool = False
    role: str = ""


class InvitationOut(BaseModel):
    """An invited site's attendance, names and EFNs included (moderator only), and when
    it last opened its link (null: not yet)."""

    site_code: str
    site_name: str
    present: bool
    attendee_count: int
    attendees: list[AttendeeOut]
    last_seen_at: datetime | None = None

    @classmethod
    def of(cls, invitation: InvitationInfo) -> InvitationOut:
        return cls(
            site_code=invitation.site.code,
            site_name=invitation.site.name,
            present=invitation.present,
            attendee_count=invitation.attendee_count,
            attendees=[
                AttendeeOut(name=a.name, efn=a.efn, efn_invalid=a.efn_invalid, role=a.role)
                for a in invitation.attendees
            ],
            last_seen_at=invitation.last_seen_at,
        )


class NoteOut(BaseModel):
    case_id: int | None
    question_id: int | None
    kind: NoteKind
    text: str
    updated_at: datetime

    @classmethod
    def of(cls, note: NoteView) -> NoteOut:
        return cls(
            case_id=note.case_id,
            question_id=note.question_id,
            kind=note.kind,
            text=note.text,
            updated_at=note.updated_at,
        )
