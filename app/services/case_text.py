"""A case's summary in words, German and English: the one-line headline (the agenda, the
console, the presenter's case line, the voter page), a finding's short label, a prior
therapy line. The protocol and the manuscript say the same things in the same words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.models.enums import FindingKind, TherapyResponse
from app.texts import Catalog, with_decimal_mark

if TYPE_CHECKING:
    from app.services.views import CaseInfo, FindingInfo, TherapyLineInfo

WORDS = Catalog.of_pairs(
    "case summary",
    {
        "age": ("{age} J.", "{age} y"),
        "sex_f": ("w", "f"),
        "sex_m": ("m", "m"),
        "sex_d": ("d", "d"),
        "vaf": ("VAF {value} %", "VAF {value} %"),
        "copy_number": ("CN {value}", "CN {value}"),
        "score": ("Score {value}", "score {value}"),
        "partner": ("Partner {partner}", "partner {partner}"),
        "fusion": ("{gene}-Fusion", "{gene} fusion"),
        "line": ("{line}. Linie", "line {line}"),
        "line_unnumbered": ("ohne Linie", "not numbered"),
        "best_response": ("beste Antwort: {response}", "best response: {response}"),
        "response_CR": ("komplette Remission (CR)", "complete response (CR)"),
        "response_PR": ("partielle Remission (PR)", "partial response (PR)"),
        "response_SD": ("stabile Erkrankung (SD)", "stable disease (SD)"),
        "response_PD": ("Progress (PD)", "progressive disease (PD)"),
        "response_NE": ("nicht beurteilbar (NE)", "not evaluable (NE)"),
    },
)


def number(value: float, lang: str) -> str:
    """A measured value as written in ``lang``: "22,5" in German, "22.5" in English."""
    return with_decimal_mark(f"{value:g}", lang)


def finding_label(finding: FindingInfo, lang: str) -> str:
    """ "KRAS p.G12D", "NRG1 CD74::NRG1", "NRG1-Fusion" (a fusion without its alteration)."""
    alteration = finding.alteration
    if not alteration and finding.kind == FindingKind.FUSION.value:
        return WORDS.text(lang, "fusion", gene=finding.gene)
    return f"{finding.gene} {alteration}".strip()


def finding_values(finding: FindingInfo, lang: str) -> list[str]:
    """What was measured: "VAF 34 %", "CN 12", "Score 58"."""
    parts = []
    if finding.vaf is not None:
        parts.append(WORDS.text(lang, "vaf", value=number(finding.vaf, lang)))
    if finding.copy_number is not None:
        parts.append(WORDS.text(lang, "copy_number", value=number(finding.copy_number, lang)))
    if finding.score is not None:
        parts.append(WORDS.text(lang, "score", value=number(finding.score, lang)))
    return parts


def partner_text(finding: FindingInfo, lang: str) -> str:
    """ "Partner CD74" for a fusion partner the alteration does not name already, else ""."""
    if finding.partner and finding.partner not in finding.alteration:
        return WORDS.text(lang, "partner", partner=finding.partner)
    return ""


def finding_measures(finding: FindingInfo, lang: str) -> list[str]:
    """The measured values and a fusion partner the alteration does not name."""
    partner = partner_text(finding, lang)
    return finding_values(finding, lang) + ([partner] if partner else [])


def finding_line(finding: FindingInfo, lang: str) -> str:
    """The label with its measures: "KRAS p.G12D (VAF 34 %)", "ERBB2 Amplifikation (CN 12)"."""
    measures = finding_measures(finding, lang)
    label = finding_label(finding, lang)
    return f"{label} ({', '.join(measures)})" if measures else label


def headline(case: CaseInfo, lang: str) -> str:
    """ "58 J., w · Pankreaskarzinom · KRAS p.G12D (VAF 34 %)": age and sex, diagnosis,
    the leading finding (what a published conference carries: nothing more)."""
    parts: list[str] = []
    if case.age is not None:
        age = WORDS.text(lang, "age", age=case.age)
        sex = WORDS.text(lang, f"sex_{case.sex}") if case.sex in ("f", "m", "d") else ""
        parts.append(f"{age}, {sex}" if sex else age)
    if case.diagnosis:
        parts.append(case.diagnosis)
    if case.findings:
        parts.append(finding_line(case.findings[0], lang))
    return " · ".join(parts)


def response_text(response: str, lang: str) -> str:
    """ "partielle Remission (PR)"; "" when not known."""
    if response not in TherapyResponse.__members__.values():
        return response
    return WORDS.text(lang, f"response_{response}")


def line_number(line: TherapyLineInfo, lang: str) -> str:
    """ "2. Linie" / "line 2", or "ohne Linie" for an unnumbered (e.g. adjuvant) therapy."""
    if line.line is None:
        return WORDS.text(lang, "line_unnumbered")
    return WORDS.text(lang, "line", line=line.line)


def therapy_line_text(line: TherapyLineInfo, lang: str) -> str:
    """ "2. Linie: Gemcitabin + nab-Paclitaxel – beste Antwort: Progress (PD)"."""
    text = f"{line_number(line, lang)}: {line.substances}"
    if line.best_response:
        text += " – " + WORDS.text(
            lang, "best_response", response=response_text(line.best_response, lang)
        )
    return text
