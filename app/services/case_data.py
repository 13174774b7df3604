"""A case's structured summary between its package form and its rows.

One list of the summary's fields (the same name in the package and on the row), so that
a field added to both is carried by the editor, the case package, the conference file and
the agenda without a further line of copying.
"""

from __future__ import annotations

from typing import Any

from app.models import Case, Finding, FindingKind, Sex, TherapyLine, TherapyResponse
from app.services.package_schema import PackageCase, PackageFinding, PackageTherapyLine

#: The summary's fields stored as they are (title, sex, findings and lines are apart).
SUMMARY_FIELDS = (
    "presenter",
    "age",
    "diagnosis",
    "icd10",
    "histology",
    "stage",
    "tnm",
    "icdo3_topography",
    "icdo3_morphology",
    "ecog",
    "prior_therapy_lines",
    "prior_therapies",
    "comorbidities",
    "tmb",
    "msi",
    "text",
)
#: A finding's fields stored as they are (its kind is apart).
FINDING_FIELDS = (
    "gene",
    "alteration",
    "vaf",
    "comment",
    "transcript",
    "coding",
    "copy_number",
    "partner",
    "breakpoints",
    "score",
    "evidence",
)


def apply_case_fields(case: Case, data: PackageCase) -> None:
    """The row takes the package's summary, findings and prior therapy lines."""
    case.title = data.title
    for name in SUMMARY_FIELDS:
        setattr(case, name, getattr(data, name))
    case.sex = data.sex.value if data.sex else None
    case.findings = [finding_row(f, index) for index, f in enumerate(data.findings)]
    case.therapy_lines = [
        TherapyLine(
            position=index,
            line=line.line,
            substances=line.substances,
            best_response=line.best_response.value if line.best_response else "",
        )
        for index, line in enumerate(data.therapy_lines)
    ]


def finding_row(data: PackageFinding, position: int) -> Finding:
    finding = Finding(position=position, kind=data.kind.value)
    for name in FINDING_FIELDS:
        setattr(finding, name, getattr(data, name))
    return finding


def finding_as_package(finding: Finding) -> PackageFinding:
    """A stored molecular finding as the package (and conference file) carries it."""
    fields: dict[str, Any] = {name: getattr(finding, name) for name in FINDING_FIELDS}
    return PackageFinding(kind=FindingKind(finding.kind), **fields)


def therapy_line_as_package(line: TherapyLine) -> PackageTherapyLine:
    response = TherapyResponse(line.best_response) if line.best_response else None
    return PackageTherapyLine(line=line.line, substances=line.substances, best_response=response)


def summary_as_package(case: Case) -> dict[str, Any]:
    """The case's title and summary as keyword arguments of a :class:`PackageCase` (or a
    conference file's case): everything but images and questions."""
    return {
        "title": case.title,
        **{name: getattr(case, name) for name in SUMMARY_FIELDS},
        "sex": Sex(case.sex) if case.sex else None,
        "findings": [finding_as_package(f) for f in case.findings],
        "therapy_lines": [therapy_line_as_package(line) for line in case.therapy_lines],
    }
