"""The case-package format (version 1): what a fellow prepares offline and mails.

The pydantic models below are the format's single definition; ``resources/
case_package.schema.json`` is generated from them (``python -m app.services.package_schema``).
They double as the data the preparation editor saves through :mod:`app.services.agenda`.
"""

from __future__ import annotations

import base64
import binascii
import re
from typing import Annotated, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from app.models.enums import FindingKind, QuestionKind, Sex
from app.services.presets import PRESETS, scale_problem

#: the image types a package may carry (and the editor accepts)
ImageMime = Literal["image/png", "image/jpeg", "image/svg+xml"]
FORMAT: Final = "votum-case-package"
VERSION: Final = 1
ICD10 = re.compile(r"^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$")
#: The shape of a protein, coding or genomic HGVS change (checked for SNVs and indels).
HGVS = re.compile(
    r"^(p\.\(?([A-Z][a-z]{0,2}|\*)\d+\S*\)?|[cgnmr]\.[-*]?\d+\S*|[A-Z]\d+([A-Z*]|fs|del|ins|dup)\S*"
    r"|exon\s?\d+\s?\S+.*)$"
)
_HGVS_KINDS = frozenset({FindingKind.SNV, FindingKind.INDEL, FindingKind.GERMLINE})

Text200 = Annotated[str, Field(max_length=200)]
Text500 = Annotated[str, Field(max_length=500)]
LongText = Annotated[str, Field(max_length=20_000)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class PackageOption(_Strict):
    """An answer option. ``phrase_de``/``phrase_en`` finish the sentence "15 % der Standorte …"."""

    label: Annotated[str, Field(min_length=1, max_length=500)]
    code: Annotated[str, Field(max_length=40)] = ""
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

    text: Annotated[str, Field(min_length=1, max_length=2_000)]
    kind: QuestionKind
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
                raise ValueError("a free-text question has no options")
            return self
        if len(self.options) < 2:
            raise ValueError(f"a {self.kind.value} question needs at least two options")
        labels = [o.label.casefold() for o in self.options]
        if len(set(labels)) != len(labels):
            raise ValueError("option labels must be different")
        return self


class PackageFinding(_Strict):
    """A molecular finding row: gene, HGVS alteration, kind, VAF in percent."""

    gene: Annotated[str, Field(min_length=1, max_length=40)]
    alteration: Text200 = ""
    kind: FindingKind = FindingKind.SNV
    vaf: Annotated[float, Field(ge=0, le=100)] | None = None
    comment: Text500 = ""

    @model_validator(mode="after")
    def _hgvs_shape(self) -> PackageFinding:
        if self.kind in _HGVS_KINDS and self.alteration and not HGVS.match(self.alteration):
            raise ValueError(
                f"alteration {self.alteration!r} is not in HGVS shape (e.g. p.G12D, p.(Gly12Asp), "
                "c.35G>A, exon 19 deletion)"
            )
        return self


class PackageImage(_Strict):
    """An image, embedded as base64 (``data``) or a file beside the package (``path``)."""

    filename: Annotated[str, Field(min_length=1, max_length=200)]
    mime: ImageMime = "image/png"
    caption: Text500 = ""
    data: str | None = Field(default=None, max_length=14_000_000)
    path: Annotated[str, Field(max_length=500)] | None = None

    @model_validator(mode="after")
    def _one_source(self) -> PackageImage:
        if (self.data is None) == (self.path is None):
            raise ValueError("give either data (base64) or path, not both or neither")
        if self.data is not None:
            try:
                base64.b64decode(self.data, validate=True)
            except (binascii.Error, ValueError) as exc:
                raise ValueError("data is not valid base64") from exc
        return self

    def bytes(self) -> bytes:
        assert self.data is not None
        return base64.b64decode(self.data)


class PackageCase(_Strict):
    """A patient case with its structured summary."""

    title: Annotated[str, Field(min_length=1, max_length=200)]
    presenter: Text200 = ""
    age: Annotated[int, Field(ge=0, le=120)] | None = None
    sex: Sex | None = None
    diagnosis: Text500 = ""
    icd10: Annotated[str, Field(max_length=10)] = ""
    histology: Text500 = ""
    stage: Text200 = ""
    ecog: Annotated[int, Field(ge=0, le=4)] | None = None
    prior_therapy_lines: Annotated[int, Field(ge=0, le=20)] | None = None
    prior_therapies: LongText = ""
    tmb: Annotated[float, Field(ge=0, le=10_000)] | None = None
    msi: Annotated[str, Field(max_length=40)] = ""
    text: LongText = ""
    findings: list[PackageFinding] = Field(default_factory=list, max_length=200)
    images: list[PackageImage] = Field(default_factory=list, max_length=20)
    questions: list[PackageQuestion] = Field(default_factory=list, max_length=100)

    @field_validator("icd10")
    @classmethod
    def _icd10_shape(cls, value: str) -> str:
        value = value.upper()
        if value and not ICD10.match(value):
            raise ValueError("not an ICD-10 code (e.g. C25.0)")
        return value


class PackageAuthor(_Strict):
    name: Text200 = ""
    site: Text200 = ""
    email: Text200 = ""


class CasePackage(_Strict):
    """The whole file: a header and the cases in agenda order."""

    format: Literal["votum-case-package"] = FORMAT
    version: Literal[1] = VERSION
    title: Text200 = ""
    language: Literal["de", "en"] = "de"
    author: PackageAuthor = Field(default_factory=PackageAuthor)
    cases: list[PackageCase] = Field(min_length=1, max_length=50)


def json_schema() -> dict[str, object]:
    """The JSON Schema of the format, as written to ``resources/``."""
    schema = CasePackage.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "votum-case-package-v1.schema.json"
    schema["title"] = "Votum case package, version 1"
    return schema


if __name__ == "__main__":  # pragma: no cover - regenerates the schema file
    import json

    from app.config import RESOURCES

    target = RESOURCES / "case_package.schema.json"
    target.write_text(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {target}")
