"""Patient cases with their structured summary, findings, prior therapy lines and images."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Float, ForeignKey, LargeBinary, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, intpk, str40, str200, str500

if TYPE_CHECKING:
    from app.models.conference import Conference
    from app.models.question import Question


class Case(Base):
    """A case presented by a fellow; ``position`` orders the agenda."""

    __tablename__ = "cases"

    id: Mapped[intpk]
    conference_id: Mapped[int] = mapped_column(
        ForeignKey("conferences.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str200]
    presenter: Mapped[str200] = mapped_column(default="")
    age: Mapped[int | None]
    sex: Mapped[str | None] = mapped_column(String(1), nullable=True)
    diagnosis: Mapped[str500] = mapped_column(default="")
    icd10: Mapped[str] = mapped_column(String(10), default="")
    histology: Mapped[str500] = mapped_column(default="")
    stage: Mapped[str200] = mapped_column(default="")
    ecog: Mapped[int | None]
    prior_therapy_lines: Mapped[int | None]
    prior_therapies: Mapped[str] = mapped_column(Text, default="")
    tmb: Mapped[float | None] = mapped_column(Float, nullable=True)
    msi: Mapped[str40] = mapped_column(default="")
    #: TNM as the pathology report gives it ("pT3 pN1 (2/14) cM1 L1 V0 G3 R0")
    tnm: Mapped[str200] = mapped_column(default="")
    #: ICD-O-3 topography ("C25.0") and morphology ("8500/3")
    icdo3_topography: Mapped[str] = mapped_column(String(10), default="")
    icdo3_morphology: Mapped[str] = mapped_column(String(10), default="")
    comorbidities: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text, default="")
    #: Asked on the spot in the free discussion (a quick question's one-line case):
    #: the agenda's and the protocol's "Freie Diskussion" block at the end.
    free_discussion: Mapped[bool] = mapped_column(default=False, server_default=false())
    #: title, diagnosis, ICD-10 and histology normalised for the archive's search
    search_key: Mapped[str] = mapped_column(Text, default="", server_default="")

    conference: Mapped[Conference] = relationship(back_populates="cases")
    findings: Mapped[list[Finding]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Finding.position"
    )
    images: Mapped[list[CaseImage]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseImage.position"
    )
    therapy_lines: Mapped[list[TherapyLine]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="TherapyLine.position"
    )
    questions: Mapped[list[Question]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Question.position"
    )


class Finding(Base):
    """One molecular finding as a pathology report gives it: gene (or signature), the
    protein change (``alteration``) with its coding change and reference transcript, kind,
    variant allele frequency, copy number, fusion partner and breakpoints, a score
    (signatures such as HRD), the evidence level the presenting board gave it."""

    __tablename__ = "findings"

    id: Mapped[intpk]
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    gene: Mapped[str40]
    alteration: Mapped[str200] = mapped_column(default="")
    kind: Mapped[str] = mapped_column(String(20), default="snv")
    vaf: Mapped[float | None] = mapped_column(Float, nullable=True)
    comment: Mapped[str500] = mapped_column(default="")
    transcript: Mapped[str40] = mapped_column(default="")
    coding: Mapped[str200] = mapped_column(default="")
    copy_number: Mapped[float | None] = mapped_column(Float, nullable=True)
    partner: Mapped[str40] = mapped_column(default="")
    breakpoints: Mapped[str200] = mapped_column(default="")
    score: Mapped[float | None] = mapped_column(Float, nullable=True)
    #: the NCT/DKTK evidence level the presenting board gave it ("m1A", "m2B is")
    evidence: Mapped[str40] = mapped_column(default="")
    #: gene and alteration normalised for the archive's search
    search_key: Mapped[str] = mapped_column(Text, default="", server_default="")

    case: Mapped[Case] = relationship(back_populates="findings")


class TherapyLine(Base):
    """A prior line of therapy: its number, the substances, the best response (RECIST)."""

    __tablename__ = "therapy_lines"

    id: Mapped[intpk]
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    line: Mapped[int | None]
    substances: Mapped[str500] = mapped_column(default="")
    best_response: Mapped[str] = mapped_column(String(10), default="")

    case: Mapped[Case] = relationship(back_populates="therapy_lines")


class CaseImage(Base):
    """An image shown with a case (stored in the database so a package is one file)."""

    __tablename__ = "case_images"

    id: Mapped[intpk]
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    filename: Mapped[str200]
    mime: Mapped[str40]
    caption: Mapped[str500] = mapped_column(default="")
    # Loaded only when asked for: the agenda and the live console never need the bytes.
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)

    case: Mapped[Case] = relationship(back_populates="images")
