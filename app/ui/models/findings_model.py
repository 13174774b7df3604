"""The molecular findings of a case as an editable table, validated row by row."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pydantic import ValidationError
from PySide6.QtCore import QObject

from app.models.enums import FindingKind
from app.services.package_schema import PackageFinding
from app.services.views import FindingInfo
from app.ui.i18n import translate
from app.ui.models.rows_model import RowsModel
from app.ui.validation import reason

#: The columns in the order shown and pasted: the first four as a spreadsheet of SNVs has
#: them (gene, alteration, kind, VAF), the report's details after them, the comment last.
COLUMNS = (
    "gene",
    "alteration",
    "kind",
    "vaf",
    "coding",
    "transcript",
    "copy_number",
    "partner",
    "breakpoints",
    "score",
    "evidence",
    "comment",
)
#: Numbers typed with a decimal comma or a percent sign, by column.
_NUMBERS = ("vaf", "copy_number", "score")

#: Header cells a pasted spreadsheet may carry (lower case), beside the table's own.
HEADER_ALIASES = {
    "gen": "gene", "symbol": "gene", "alteration": "alteration", "veränderung": "alteration",
    "protein": "alteration", "p.": "alteration", "hgvs p.": "alteration", "hgvs.p": "alteration",
    "art": "kind", "typ": "kind", "type": "kind", "vaf": "vaf", "vaf %": "vaf",
    "c.": "coding", "cdna": "coding", "hgvs c.": "coding", "hgvs.c": "coding",
    "transkript": "transcript", "transcript": "transcript", "refseq": "transcript",
    "cn": "copy_number", "kopienzahl": "copy_number", "copy number": "copy_number",
    "partner": "partner", "fusionspartner": "partner", "fusion partner": "partner",
    "bruchpunkte": "breakpoints", "breakpoints": "breakpoints", "breakpoint": "breakpoints",
    "score": "score", "evidenz": "evidence", "evidenzlevel": "evidence",
    "evidence": "evidence", "evidence level": "evidence", "kommentar": "comment",
    "comment": "comment",
}  # fmt: skip


def kind_names() -> dict[FindingKind, str]:
    """Display names of the finding kinds in the UI language."""
    return {
        FindingKind.SNV: translate("FindingKinds", "SNV"),
        FindingKind.INDEL: translate("FindingKinds", "Indel"),
        FindingKind.CNV: translate("FindingKinds", "CNV"),
        FindingKind.FUSION: translate("FindingKinds", "Fusion"),
        FindingKind.EXPRESSION: translate("FindingKinds", "Expression"),
        FindingKind.SIGNATURE: translate("FindingKinds", "Signature"),
        FindingKind.GERMLINE: translate("FindingKinds", "Germline"),
        FindingKind.OTHER: translate("FindingKinds", "Other"),
    }


_KIND_ALIASES = {
    "snv": FindingKind.SNV, "mutation": FindingKind.SNV, "mutation (snv)": FindingKind.SNV,
    "indel": FindingKind.INDEL, "deletion": FindingKind.INDEL, "insertion": FindingKind.INDEL,
    "cnv": FindingKind.CNV, "amplification": FindingKind.CNV, "amplifikation": FindingKind.CNV,
    "fusion": FindingKind.FUSION, "expression": FindingKind.EXPRESSION,
    "expression (ihc)": FindingKind.EXPRESSION, "expression (ihc) ": FindingKind.EXPRESSION,
    "signature": FindingKind.SIGNATURE, "signatur": FindingKind.SIGNATURE,
    "germline": FindingKind.GERMLINE, "keimbahn": FindingKind.GERMLINE,
    "other": FindingKind.OTHER, "sonstiges": FindingKind.OTHER,
}  # fmt: skip


def parse_kind(text: str) -> FindingKind | None:
    """A finding kind from what a spreadsheet or a user typed ("SNV", "fusion", "snv")."""
    key = text.strip().lower()
    if not key:
        return FindingKind.SNV
    try:
        return FindingKind(key)
    except ValueError:
        pass
    shown = {name.lower(): kind for kind, name in kind_names().items()}
    return _KIND_ALIASES.get(key) or shown.get(key)


def parse_number(text: str) -> float | None:
    """A number as typed: "22,5", "22.5 %", "" (None); ValueError when it is none."""
    cleaned = text.strip().rstrip("%").strip().replace(",", ".")
    return float(cleaned) if cleaned else None


@dataclass(frozen=True)
class FindingRow:
    """One row as typed: the text of each cell (numbers as text, so half-typed input
    survives)."""

    gene: str = ""
    alteration: str = ""
    kind: str = "snv"
    vaf: str = ""
    coding: str = ""
    transcript: str = ""
    copy_number: str = ""
    partner: str = ""
    breakpoints: str = ""
    score: str = ""
    evidence: str = ""
    comment: str = ""

    def is_blank(self) -> bool:
        return not any(v for k, v in self.__dict__.items() if k != "kind")

    def problems(self) -> Mapping[str, str]:
        return self.validate()[1]

    def validate(self) -> tuple[PackageFinding | None, dict[str, str]]:
        """The finding, or per-column reasons why not."""
        errors: dict[str, str] = {}
        kind = parse_kind(self.kind)
        if kind is None:
            errors["kind"] = translate("Validation", "Unknown kind “%1”").replace("%1", self.kind)
        numbers: dict[str, float | None] = {}
        for column in _NUMBERS:
            try:
                numbers[column] = parse_number(getattr(self, column))
            except ValueError:
                errors[column] = (
                    translate("Validation", "VAF must be a number between 0 and 100")
                    if column == "vaf"
                    else translate("Validation", "Must be a number")
                )
        if errors or kind is None:  # an unknown kind is among the errors
            return None, errors
        texts = {c: getattr(self, c) for c in COLUMNS if c not in (*_NUMBERS, "kind")}
        try:
            finding = PackageFinding.model_validate({"kind": kind, **texts, **numbers})
        except ValidationError as exc:
            for item in exc.errors():
                column = str(item["loc"][0]) if item["loc"] else "alteration"
                errors.setdefault(column, reason(item))
            return None, errors
        return finding, {}

    @classmethod
    def of(cls, info: FindingInfo) -> FindingRow:
        def shown(value: float | None) -> str:
            return "" if value is None else f"{value:g}"

        return cls(
            gene=info.gene,
            alteration=info.alteration,
            kind=info.kind,
            vaf=shown(info.vaf),
            coding=info.coding,
            transcript=info.transcript,
            copy_number=shown(info.copy_number),
            partner=info.partner,
            breakpoints=info.breakpoints,
            score=shown(info.score),
            evidence=info.evidence,
            comment=info.comment,
        )


class FindingsModel(RowsModel):
    """Editable findings; signals ``edited`` after any change made through the model."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(FindingRow, COLUMNS, parent, aliases=HEADER_ALIASES)

    def normalise(self, column: str, text: str) -> str:
        if column == "kind":
            kind = parse_kind(text)
            return kind.value if kind else text
        return text

    def shown(self, column: str, value: str) -> str:
        if column == "kind":
            kind = parse_kind(value)
            return kind_names().get(kind, value) if kind else value
        return value

    def findings(self) -> tuple[list[PackageFinding], list[tuple[int, str, str]]]:
        """Valid findings (blank rows skipped) and errors as (row, column, reason)."""
        good = []
        for row in self.rows():
            finding, _ = row.validate()
            if finding is not None and not row.is_blank():
                good.append(finding)
        return good, self.problems()
