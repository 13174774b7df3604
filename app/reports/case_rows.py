"""A case's structured summary, prior therapy lines and findings as rows of text, in one
language: the protocol's case pages and the manuscript's case reports lay out the same rows
(reportlab there, Word and Markdown here), so both say the same in the same words."""

from __future__ import annotations

from dataclasses import dataclass

from app.reports.texts import number, text
from app.services.case_text import finding_values, line_number, partner_text, response_text
from app.services.views import CaseInfo, FindingInfo
from app.texts import Catalog

WORDS = Catalog.of_pairs(
    "case pages",
    {
        "tnm": ("TNM", "TNM"),
        "icdo3": ("ICD-O-3", "ICD-O-3"),
        "comorbidities": ("Begleiterkrankungen", "Comorbidities"),
        "therapy_lines": ("Therapielinien", "Lines of therapy"),
        "line": ("Linie", "Line"),
        "substances": ("Substanzen", "Substances"),
        "best_response": ("Beste Antwort", "Best response"),
        "measure": ("Messwert", "Measure"),
        "hgvs": ("HGVS", "HGVS"),
        "evidence": ("Evidenzlevel", "Evidence level"),
        "breakpoints": ("Bruchpunkte: {breakpoints}", "breakpoints: {breakpoints}"),
    },
)


def word(lang: str, key: str, **values: object) -> str:
    return WORDS.text(lang, key, **values)


def summary_pairs(case: CaseInfo, lang: str) -> list[tuple[str, str]]:
    """(label, value) of the structured summary, in the order the pages show them; an
    unknown value is "" (the page shows a dash)."""
    sex = text(lang, f"sex_{case.sex}") if case.sex in ("f", "m", "d") else (case.sex or "")
    age = text(lang, "years", age=case.age) if case.age is not None else ""
    diagnosis = case.diagnosis + (f" ({case.icd10})" if case.icd10 else "")
    icdo3 = " · ".join(c for c in (case.icdo3_topography, case.icdo3_morphology) if c)
    lines = case.n_prior_lines
    return [
        (text(lang, "age_sex"), ", ".join(p for p in (age, sex) if p)),
        (text(lang, "diagnosis"), diagnosis),
        (text(lang, "histology"), case.histology),
        (word(lang, "icdo3"), icdo3),
        (text(lang, "stage"), case.stage),
        (word(lang, "tnm"), case.tnm),
        (text(lang, "ecog"), "" if case.ecog is None else str(case.ecog)),
        (text(lang, "prior_lines"), "" if lines is None else str(lines)),
        (text(lang, "tmb"), "" if case.tmb is None else f"{number(case.tmb, lang)} Mut/Mb"),
        (text(lang, "msi"), case.msi),
    ]


def therapy_rows(case: CaseInfo, lang: str) -> list[tuple[str, str, str]]:
    """(line, substances, best response) of each prior line of therapy."""
    return [
        (line_number(line, lang), line.substances, response_text(line.best_response, lang))
        for line in case.therapy_lines
    ]


def hgvs(finding: FindingInfo) -> str:
    """The coding change with its reference: "NM_004985.5:c.35G>A" (either part alone)."""
    if finding.transcript and finding.coding:
        return f"{finding.transcript}:{finding.coding}"
    return finding.transcript or finding.coding


@dataclass(frozen=True)
class FindingText:
    """One finding's cells: the alteration with its details under it (reference and c.
    notation, fusion partner, breakpoints), what was measured, the evidence level."""

    gene: str
    alteration: str
    hgvs: str  # reference and c. notation
    extras: str  # fusion partner, breakpoints
    kind: str
    measures: str
    evidence: str
    comment: str

    @property
    def details(self) -> str:
        return " · ".join(part for part in (self.hgvs, self.extras) if part)


def finding_rows(case: CaseInfo, lang: str) -> list[FindingText]:
    rows = []
    for finding in case.findings:
        extras = [partner_text(finding, lang)]
        if finding.breakpoints:
            extras.append(word(lang, "breakpoints", breakpoints=finding.breakpoints))
        rows.append(
            FindingText(
                gene=finding.gene,
                alteration=finding.alteration,
                hgvs=hgvs(finding),
                extras=" · ".join(e for e in extras if e),
                kind=text(lang, f"fk_{finding.kind}") if finding.kind else "",
                measures=", ".join(finding_values(finding, lang)),
                evidence=finding.evidence,
                comment=finding.comment,
            )
        )
    return rows
