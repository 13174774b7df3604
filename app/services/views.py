"""Plain, immutable views of the model that services hand to the UI, server and reports.

Front ends never hold ORM objects across threads or sessions; they get these.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from app.models import (
    Case,
    Conference,
    Finding,
    Invitation,
    Option,
    Question,
    QuestionKind,
    QuestionState,
    Site,
    TherapyLine,
)
from app.services import case_text
from app.services.cme import efn_valid
from app.services.presets import label_code, option_label, preset_for_code


def name_key(name: str) -> str:
    """Sort key for names as people expect them: "Universitätsklinikum Würzburg" beside
    "Universitätsklinikum Wien", case ignored (databases sort by bytes)."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True)
class SiteInfo:
    id: int
    name: str
    code: str
    city: str
    email: str

    @classmethod
    def of(cls, site: Site) -> SiteInfo:
        return cls(site.id, site.name, site.code, site.city, site.email)


@dataclass(frozen=True)
class AttendeeInfo:
    name: str
    efn: str
    role: str = ""

    @property
    def efn_invalid(self) -> bool:
        """An EFN was given but is not valid (kept as typed for the CME office to fix)."""
        return bool(self.efn) and not efn_valid(self.efn)


@dataclass(frozen=True)
class InvitationInfo:
    """An invited site with its attendance and (for the moderator only) its voting token."""

    site: SiteInfo
    present: bool
    attendee_count: int
    attendees: tuple[AttendeeInfo, ...]
    token: str | None
    #: the site's last visit of its link (None: it has not opened it yet)
    last_seen_at: dt.datetime | None = None

    @classmethod
    def of(cls, inv: Invitation) -> InvitationInfo:
        return cls(
            SiteInfo.of(inv.site),
            inv.present,
            inv.attendee_count,
            tuple(AttendeeInfo(a.name, a.efn, a.role) for a in inv.attendees),
            inv.token,
            inv.last_seen_at,
        )


@dataclass(frozen=True)
class FellowInfo:
    name: str
    site: str


@dataclass(frozen=True)
class ConferenceInfo:
    id: int
    slug: str
    topic: str
    date: dt.date
    moderator: str
    language: str
    vnr: str
    current_question_id: int | None
    fellows: tuple[FellowInfo, ...]
    n_invited: int
    n_present: int
    #: local times "HH:MM" and the CME block beside the VNR (empty / None until known)
    starts_at: str = ""
    ends_at: str = ""
    cme_category: str = ""
    cme_points: int | None = None
    scientific_lead: str = ""
    organiser: str = ""
    #: when the moderator marked the session as held; whether sites may still check in
    held_at: dt.datetime | None = None
    checkin_open: bool = True

    @classmethod
    def of(cls, conf: Conference) -> ConferenceInfo:
        return cls(
            conf.id,
            conf.slug,
            conf.topic,
            conf.date,
            conf.moderator,
            conf.language,
            conf.vnr,
            conf.current_question_id,
            tuple(FellowInfo(f.name, f.site) for f in conf.fellows),
            len(conf.invitations),
            sum(1 for i in conf.invitations if i.present),
            starts_at=conf.starts_at,
            ends_at=conf.ends_at,
            cme_category=conf.cme_category,
            cme_points=conf.cme_points,
            scientific_lead=conf.scientific_lead,
            organiser=conf.organiser,
            held_at=conf.held_at,
            checkin_open=conf.checkin_closed_at is None,
        )


@dataclass(frozen=True)
class OptionInfo:
    id: int
    label: str
    code: str
    phrase_de: str
    phrase_en: str
    exclusive: bool = False  # stands alone in a multiple-choice ballot
    #: the code its label is said by (:func:`presets.label_code`: a fixed step's own)
    step: str = ""

    def label_in(self, lang: str) -> str:
        """The label in ``lang`` (a preset's own label translated, any other as typed)."""
        return option_label(self.label, self.step or self.code, lang)

    def explanation(self, lang: str) -> str:
        """One-line explanation (evidence levels); empty for other options."""
        code = self.step or self.code
        preset = preset_for_code(code) if code else None
        return preset.explanation(lang) if preset else ""

    @classmethod
    def of(cls, option: Option, step: str = "") -> OptionInfo:
        return cls(
            option.id,
            option.label,
            option.code,
            option.phrase_de,
            option.phrase_en,
            option.exclusive,
            step,
        )


@dataclass(frozen=True)
class QuestionInfo:
    """A question with its agenda number ("1.2"), round, state and options."""

    id: int
    case_id: int
    number: str
    text: str
    kind: QuestionKind
    allow_abstain: bool
    round: int
    parent_id: int | None
    state: QuestionState
    opened_at: dt.datetime | None
    closed_at: dt.datetime | None
    revealed_at: dt.datetime | None
    duration_seconds: int | None
    options: tuple[OptionInfo, ...]
    skip_reason: str | None = None  # the moderator skipped it (it stays a draft)

    @property
    def revealed(self) -> bool:
        return self.revealed_at is not None

    @property
    def asked(self) -> bool:
        """Opened at least once; a never-opened or skipped question was not asked."""
        return self.state is not QuestionState.DRAFT

    @property
    def is_open(self) -> bool:
        return self.state is QuestionState.OPEN

    @classmethod
    def of(cls, question: Question, number: str) -> QuestionInfo:
        return cls(
            question.id,
            question.case_id,
            number,
            question.text,
            QuestionKind(question.kind),
            question.allow_abstain,
            question.round,
            question.parent_id,
            QuestionState(question.state),
            question.opened_at,
            question.closed_at,
            question.revealed_at,
            question.duration_seconds,
            tuple(
                OptionInfo.of(o, label_code(question.kind, i, len(question.options), o.code))
                for i, o in enumerate(question.options)
            ),
            question.skip_reason,
        )


@dataclass(frozen=True)
class FindingInfo:
    """A finding as the pathology report gives it (see :class:`app.models.Finding`)."""

    gene: str
    alteration: str
    kind: str
    vaf: float | None
    comment: str
    transcript: str = ""
    coding: str = ""
    copy_number: float | None = None
    partner: str = ""
    breakpoints: str = ""
    score: float | None = None
    evidence: str = ""

    @classmethod
    def of(cls, finding: Finding) -> FindingInfo:
        return cls(
            finding.gene,
            finding.alteration,
            finding.kind,
            finding.vaf,
            finding.comment,
            finding.transcript,
            finding.coding,
            finding.copy_number,
            finding.partner,
            finding.breakpoints,
            finding.score,
            finding.evidence,
        )


@dataclass(frozen=True)
class TherapyLineInfo:
    """A prior line of therapy: number (None: not numbered), substances, best response
    (a :class:`app.models.TherapyResponse` value, or "")."""

    line: int | None
    substances: str
    best_response: str = ""

    @classmethod
    def of(cls, line: TherapyLine) -> TherapyLineInfo:
        return cls(line.line, line.substances, line.best_response)


@dataclass(frozen=True)
class ImageInfo:
    id: int
    filename: str
    mime: str
    caption: str


@dataclass(frozen=True)
class CaseInfo:
    """A case with its structured summary, findings and (numbered) questions."""

    id: int
    number: int
    title: str
    presenter: str
    age: int | None
    sex: str | None
    diagnosis: str
    icd10: str
    histology: str
    stage: str
    ecog: int | None
    prior_therapy_lines: int | None
    prior_therapies: str
    tmb: float | None
    msi: str
    text: str
    findings: tuple[FindingInfo, ...]
    images: tuple[ImageInfo, ...]
    questions: tuple[QuestionInfo, ...]
    tnm: str = ""
    icdo3_topography: str = ""
    icdo3_morphology: str = ""
    comorbidities: str = ""
    therapy_lines: tuple[TherapyLineInfo, ...] = ()
    #: a case of the free discussion: its title is its one-line case as typed
    free_discussion: bool = False

    def headline(self, lang: str = "de") -> str:
        """A one-line summary: "58 J., w · Pankreaskarzinom · KRAS p.G12D (VAF 34 %)"; none
        for a case of the free discussion, whose title already is its one line."""
        return "" if self.free_discussion else case_text.headline(self, lang)

    @property
    def n_prior_lines(self) -> int | None:
        """Prior lines as stated, else as many as the numbered lines listed."""
        if self.prior_therapy_lines is not None:
            return self.prior_therapy_lines
        numbers = {line.line for line in self.therapy_lines if line.line is not None}
        return len(numbers) if numbers else None

    @classmethod
    def of(cls, case: Case, number: int) -> CaseInfo:
        return cls(
            case.id,
            number,
            case.title,
            case.presenter,
            case.age,
            case.sex,
            case.diagnosis,
            case.icd10,
            case.histology,
            case.stage,
            case.ecog,
            case.prior_therapy_lines,
            case.prior_therapies,
            case.tmb,
            case.msi,
            case.text,
            tuple(FindingInfo.of(f) for f in case.findings),
            tuple(ImageInfo(i.id, i.filename, i.mime, i.caption) for i in case.images),
            tuple(
                QuestionInfo.of(q, question_number(number, case.questions, q))
                for q in case.questions
            ),
            case.tnm,
            case.icdo3_topography,
            case.icdo3_morphology,
            case.comorbidities,
            tuple(TherapyLineInfo.of(line) for line in case.therapy_lines),
            case.free_discussion,
        )


def question_number(case_number: int, questions: list[Question], question: Question) -> str:
    """ "1.2" for the second question of case 1; a round-2 repeat keeps its parent's number."""
    ordinal = 0
    numbers: dict[int, str] = {}
    for q in questions:
        if q.parent_id is not None and q.parent_id in numbers:
            numbers[q.id] = numbers[q.parent_id]
            continue
        ordinal += 1
        numbers[q.id] = f"{case_number}.{ordinal}"
    return numbers.get(question.id, f"{case_number}.?")
