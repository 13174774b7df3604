"""The case-package format (version 2): what a fellow prepares offline and mails.

Version 2 added what a pathology report gives (TNM, ICD-O-3, comorbidities, structured
prior therapy lines; per finding the reference transcript, the coding change, copy number,
fusion partner and breakpoints, a score); a version-1 file is a version-2 file without
them and is read as it is.

The pydantic models below are the format's single definition; ``resources/
case_package.schema.json`` is generated from them (``python -m app.services.package_schema``).
They double as the data the preparation editor saves through :mod:`app.services.agenda`.
"""

from __future__ import annotations

import base64
import binascii
import re
from typing import Annotated, Any, Final, Literal, TypeVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from app.models.enums import FindingKind, QuestionKind, Sex, TherapyResponse
from app.services.errors import InvalidInput
from app.services.file_messages import say
from app.services.presets import PRESETS, scale_problem
from app.services.text import clean
from app.services.validation import path_of, problem_of

#: the image types a package may carry (and the editor accepts)
ImageMime = Literal["image/png", "image/jpeg", "image/svg+xml"]
FORMAT: Final = "votum-case-package"
VERSION: Final = 2
#: the versions this program reads (a version-1 file lacks the pathology fields only)
VERSIONS = Literal[1, 2]
ICD10 = re.compile(r"^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$")
#: ICD-O-3: a topography code (C00.0–C80.9) and a morphology code with its behaviour
#: (``8500/3``; a sixth digit for the grade is allowed, "M-" in front is dropped)
ICDO3_TOPOGRAPHY = re.compile(r"^C[0-9]{2}\.[0-9]$")
ICDO3_MORPHOLOGY = re.compile(r"^[89][0-9]{3}/[012369][1-9]?$")
#: A TNM classification names at least one T, N or M category ("pT3", "cN0", "ypT1a").
TNM = re.compile(r"(?<![A-Za-z])(y|r|a|yr|ry)?[cpu]?(T(X|is|[0-4])|N(X|[0-3])|M(X|[01]))")
#: A reference sequence: RefSeq (NM_004985.5), Ensembl (ENST00000256078.10) or LRG.
TRANSCRIPT = re.compile(
    r"^((N[MRCG]|X[MR])_[0-9]+(\.[0-9]+)?|ENS[TG][0-9]{11}(\.[0-9]+)?|LRG_[0-9]+(t[0-9]+)?)$"
)
#: An NCT/DKTK evidence level with its optional add-ons: m1A … m4, then is, iv, Z, R.
EVIDENCE_LEVEL = re.compile(r"^m(1[ABC]|2[ABC]|3|4)(\s?(is|iv|Z|R))*$")
#: A coding (or non-coding) DNA change: c.35G>A, c.2235_2249del, c.-14C>T, n.76A>T.
CODING = re.compile(r"^[cn]\.[-*]?[0-9]+\S*$")
#: The shape of a protein, coding or genomic HGVS change (checked for SNVs and indels).
HGVS = re.compile(
    r"^(p\.\(?([A-Z][a-z]{0,2}|\*)\d+\S*\)?|[cgnmr]\.[-*]?\d+\S*|[A-Z]\d+([A-Z*]|fs|del|ins|dup)\S*"
    r"|exon\s?\d+\s?\S+.*)$"
)
_HGVS_KINDS = frozenset({FindingKind.SNV, FindingKind.INDEL, FindingKind.GERMLINE})


def _one_line(value: Any) -> Any:
    return clean(value) if isinstance(value, str) else value  # not text: strict str refuses


def _with_lines(value: Any) -> Any:
    return clean(value, lines=True) if isinstance(value, str) else value


#: Every text of the format is cleaned by :mod:`app.services.text`, then its length checked
#: (the limits are those of the database columns).
Line = BeforeValidator(_one_line)
Lines = BeforeValidator(_with_lines)
Text40 = Annotated[str, Line, Field(max_length=40)]
Text200 = Annotated[str, Line, Field(max_length=200)]
Text500 = Annotated[str, Line, Field(max_length=500)]
Name40 = Annotated[str, Line, Field(min_length=1, max_length=40)]
Name200 = Annotated[str, Line, Field(min_length=1, max_length=200)]
Name500 = Annotated[str, Line, Field(min_length=1, max_length=500)]
QuestionText = Annotated[str, Lines, Field(min_length=1, max_length=2_000)]
LongText = Annotated[str, Lines, Field(max_length=20_000)]


class _Strict(BaseModel):
    """Strict: no unknown fields, and no bending of types (``"58"`` is no age, ``true`` no
    ECOG); enumerations are given by their value. Instances are checked again whenever a
    model or service receives one (so a ``model_copy(update=…)`` cannot slip past)."""

    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, strict=True, revalidate_instances="always"
    )


Model = TypeVar("Model", bound=BaseModel)


def checked(data: Model) -> Model:
    """``data`` validated again (cleaned texts, limits); :class:`InvalidInput` if broken."""
    try:
        return type(data).model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = path_of(first["loc"]) or "$"
        raise InvalidInput(say("at", where=where, problem=problem_of(first))) from None


class PackageOption(_Strict):
    """An answer option. ``phrase_de``/``phrase_en`` finish the sentence "15 % der Standorte …"."""

    label: Name500
    code: Text40 = ""
    phrase_de: Text500 = ""
    phrase_en: Text500 = ""
    exclusive: bool = Field(
        default=False,
        description=(
            "Cannot be combined with another option in a multiple-choice ballot; "
            '"Keine Empfehlung" / "No recommendation" always is'
        ),
    )


class PackageQuestion(_Strict):
    """A question; yes/no, agreement and evidence questions may leave ``options`` empty."""

    text: QuestionText
    kind: Annotated[QuestionKind, Field(strict=False)]
    options: list[PackageOption] = Field(default_factory=list, max_length=30)
    allow_abstain: bool = True
    duration_seconds: Annotated[int, Field(ge=10, le=3_600)] | None = None

    @model_validator(mode="after")
    def _options_fit_kind(self) -> PackageQuestion:
        if self.kind in PRESETS:
            if not self.options:
                return self  # presets are filled in on import when no options are given
            problem = scale_problem(self.kind, [(o.label, o.code) for o in self.options])
            if problem is not None:
                raise ValueError(problem)
            return self
        if self.kind is QuestionKind.FREE_TEXT:
            if self.options:
                raise ValueError(say("free_text_has_no_options"))
            return self
        if len(self.options) < 2:
            raise ValueError(say("needs_two_options", kind=self.kind.value))
        labels = [o.label.casefold() for o in self.options]
        if len(set(labels)) != len(labels):
            raise ValueError(say("option_labels_differ"))
        return self


class PackageFinding(_Strict):
    """A molecular finding row: gene (or a signature's name), the protein change
    (``alteration``, HGVS) with its coding change and reference transcript, kind, VAF in
    percent, copy number, fusion partner and breakpoints, a score (HRD and other
    signatures), and the evidence level (NCT/DKTK) the presenting board gave it."""

    gene: Name40
    alteration: Text200 = ""
    kind: Annotated[FindingKind, Field(strict=False)] = FindingKind.SNV
    vaf: Annotated[float, Field(ge=0, le=100)] | None = None
    comment: Text500 = ""
    transcript: Text40 = Field(default="", description="reference sequence, e.g. NM_004985.5")
    coding: Text200 = Field(default="", description="coding DNA change, e.g. c.35G>A")
    copy_number: Annotated[float, Field(ge=0, le=1_000)] | None = None
    partner: Text40 = Field(default="", description="fusion partner gene, e.g. CD74")
    breakpoints: Text200 = Field(default="", description="e.g. CD74 exon 6 :: NRG1 exon 6")
    score: Annotated[float, Field(ge=0, le=10_000)] | None = Field(
        default=None, description="a signature's score, e.g. an HRD score of 58"
    )
    evidence: Text40 = Field(
        default="", description="NCT/DKTK evidence level the presenting board gave, e.g. m1A"
    )

    @model_validator(mode="after")
    def _hgvs_shape(self) -> PackageFinding:
        if self.kind in _HGVS_KINDS and self.alteration and not HGVS.match(self.alteration):
            raise ValueError(say("not_hgvs", alteration=self.alteration))
        return self

    @field_validator("transcript")
    @classmethod
    def _transcript_shape(cls, value: str) -> str:
        if value and not TRANSCRIPT.match(value):
            raise ValueError(say("not_transcript", transcript=value))
        return value

    @field_validator("evidence")
    @classmethod
    def _evidence_shape(cls, value: str) -> str:
        if value and not EVIDENCE_LEVEL.match(value):
            raise ValueError(say("not_evidence_level", level=value))
        return value

    @field_validator("coding")
    @classmethod
    def _coding_shape(cls, value: str) -> str:
        if value and not CODING.match(value):
            raise ValueError(say("not_coding", coding=value))
        return value


class PackageTherapyLine(_Strict):
    """A prior line of therapy: its number (none for an unnumbered, e.g. adjuvant,
    therapy), the substances, the best response (RECIST; NE: not evaluable)."""

    line: Annotated[int, Field(ge=1, le=20)] | None = None
    substances: Name500
    best_response: Annotated[TherapyResponse, Field(strict=False)] | None = None


class PackageImage(_Strict):
    """An image, embedded as base64 (``data``) or a file beside the package (``path``)."""

    filename: Name200
    mime: ImageMime = "image/png"
    caption: Text500 = ""
    data: str | None = Field(default=None, max_length=14_000_000)
    path: Text500 | None = None

    @model_validator(mode="after")
    def _one_source(self) -> PackageImage:
        if (self.data is None) == (self.path is None):
            raise ValueError(say("image_one_source"))
        if self.data is not None:
            try:
                base64.b64decode(self.data, validate=True)
            except (binascii.Error, ValueError) as exc:
                raise ValueError(say("not_base64")) from exc
        return self

    def bytes(self) -> bytes:
        assert self.data is not None
        return base64.b64decode(self.data)


class PackageCase(_Strict):
    """A patient case with its structured summary."""

    title: Name200
    presenter: Text200 = ""
    age: Annotated[int, Field(ge=0, le=120)] | None = None
    sex: Annotated[Sex, Field(strict=False)] | None = None
    diagnosis: Text500 = ""
    icd10: Annotated[str, Line, Field(max_length=10)] = ""
    histology: Text500 = ""
    stage: Text200 = ""
    ecog: Annotated[int, Field(ge=0, le=4)] | None = None
    prior_therapy_lines: Annotated[int, Field(ge=0, le=20)] | None = None
    prior_therapies: LongText = ""
    tmb: Annotated[float, Field(ge=0, le=10_000)] | None = None
    msi: Text40 = ""
    tnm: Text200 = Field(default="", description="TNM classification, e.g. pT3 pN1 cM1")
    icdo3_topography: Annotated[str, Line, Field(max_length=10)] = ""
    icdo3_morphology: Annotated[str, Line, Field(max_length=10)] = ""
    comorbidities: Annotated[str, Lines, Field(max_length=2_000)] = ""
    therapy_lines: list[PackageTherapyLine] = Field(default_factory=list, max_length=30)
    text: LongText = ""
    findings: list[PackageFinding] = Field(default_factory=list, max_length=200)
    images: list[PackageImage] = Field(default_factory=list, max_length=20)
    questions: list[PackageQuestion] = Field(default_factory=list, max_length=100)
    free_discussion: bool = Field(
        default=False,
        description="Asked on the spot in the free discussion: the title is its one-line case",
    )

    @field_validator("icd10")
    @classmethod
    def _icd10_shape(cls, value: str) -> str:
        value = value.upper()
        if value and not ICD10.match(value):
            raise ValueError(say("not_icd10"))
        return value

    @field_validator("icdo3_topography")
    @classmethod
    def _topography_shape(cls, value: str) -> str:
        value = value.upper()
        if value and not ICDO3_TOPOGRAPHY.match(value):
            raise ValueError(say("not_icdo3_topography"))
        return value

    @field_validator("icdo3_morphology")
    @classmethod
    def _morphology_shape(cls, value: str) -> str:
        value = value.upper().removeprefix("M").removeprefix("-").strip()
        if value and not ICDO3_MORPHOLOGY.match(value):
            raise ValueError(say("not_icdo3_morphology"))
        return value

    @field_validator("tnm")
    @classmethod
    def _tnm_shape(cls, value: str) -> str:
        if value and not TNM.search(value):
            raise ValueError(say("not_tnm"))
        return value


class PackageAuthor(_Strict):
    name: Text200 = ""
    site: Text200 = ""
    email: Text200 = ""


class CasePackage(_Strict):
    """The whole file: a header and the cases in agenda order."""

    format: Literal["votum-case-package"] = FORMAT
    version: VERSIONS = VERSION
    title: Text200 = ""
    language: Literal["de", "en"] = "de"
    author: PackageAuthor = Field(default_factory=PackageAuthor)
    cases: list[PackageCase] = Field(min_length=1, max_length=50)


def json_schema() -> dict[str, object]:
    """The JSON Schema of the format, as written to ``resources/``."""
    schema = CasePackage.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"votum-case-package-v{VERSION}.schema.json"
    schema["title"] = f"Votum case package, version {VERSION} (reads version 1 too)"
    return schema


if __name__ == "__main__":  # pragma: no cover - regenerates the schema file
    import json

    from app.config import RESOURCES

    target = RESOURCES / "case_package.schema.json"
    target.write_text(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {target}")
