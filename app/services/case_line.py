"""A case told in one line, as the free discussion gives it, read for what it names.

"vorgestellt von Standort X: 54 J., m, NSCLC, KRAS G12C (VAF 23 %), STK11 del, TMB 12"
stays the case's title as typed; age, sex, the molecular findings in the usual notation
(a gene and its change: ``KRAS G12C``, ``EGFR p.L858R/T790M``, ``EGFR exon 19 del``,
``EML4-ALK Fusion``, ``ERBB2 amp``, ``CDKN2A del``), TMB and MSI are read from it too, so
that the protocol's findings table, the exports and the manuscript's case report have them.
Nothing is guessed beyond that: a word the patterns do not know stays in the line only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.models.enums import FindingKind, Sex
from app.services.package_schema import HGVS, PackageFinding

#: a gene symbol: KRAS, ERBB2, CDKN2A, NTRK1 (capitals and digits, a capital first)
_GENE = r"[A-Z][A-Z0-9]{1,9}"
#: a protein or coding change in the usual short forms (checked against HGVS below)
_CHANGE = (
    r"(?:p\.\(?(?:[A-Z][a-z]{2}|[A-Z*])\d+[A-Za-z0-9_*>]*\)?"  # p.G12C, p.(Gly12Cys)
    r"|c\.[-*]?\d+[A-Za-z0-9_+>*-]*"  # c.35G>T
    r"|[A-Z]\d+(?:_[A-Z]\d+)?(?:fs\*?\d*|delins[A-Z]*|del|ins[A-Z]*|dup|[A-Z*])"  # G12C, R273fs
    r"|[Ee]xon\s?\d+\s?(?:[Dd]el(?:etion)?|[Ii]ns(?:ertion)?|[Ss]kipping|[Mm]utation)\b)"
)
_VAF = r"(?:\s*\(?\s*(?:VAF\s*:?\s*)?(?P<vaf>\d{1,3}(?:[.,]\d+)?)\s*%\s*\)?)?"
_SNV = re.compile(
    rf"\b(?P<gene>{_GENE})\s+(?P<changes>{_CHANGE}(?:\s*[/+]\s*{_CHANGE})*){_VAF}(?![\w.])"
)
_FUSION = re.compile(
    rf"\b(?:(?P<partner>{_GENE})\s?[-:/]\s?)?(?P<gene>{_GENE})[-\s]"
    r"(?P<word>[Ff]usion|[Rr]earrangement|[Tt]ranslokation|[Tt]ranslocation)\b"
)
_CNV = re.compile(
    rf"\b(?P<gene>{_GENE})[-\s](?P<word>[Aa]mplifi(?:cation|kation)|[Aa]mpl?\.?(?=\W|$)|AMP\b"
    r"|homozygou?te? [Dd]eletion|[Dd]eletion|del\b|[Vv]erlust|loss\b)"
)
_AGE = re.compile(
    r"\b(?P<age>\d{1,3})\s*(?:-?\s*j(?:ährige?r?|\.|ahre?)|J\.?|y(?:ears?)?(?:\s?old)?\b|yo\b|-year-old)"
    r"(?:\s*,?\s*(?P<sex>[mwfd])\b)?"
)
_SEX_WORDS = {
    "männlich": Sex.MALE,
    "male": Sex.MALE,
    "patient": Sex.MALE,
    "mann": Sex.MALE,
    "weiblich": Sex.FEMALE,
    "female": Sex.FEMALE,
    "patientin": Sex.FEMALE,
    "frau": Sex.FEMALE,
}
_SEX_LETTERS = {"m": Sex.MALE, "w": Sex.FEMALE, "f": Sex.FEMALE, "d": Sex.DIVERSE}
_TMB = re.compile(r"\bTMB\s*[:=]?\s*(?P<tmb>\d{1,4}(?:[.,]\d+)?)")
_MSI = re.compile(r"\b(?P<msi>MSI-H(?:igh)?|MSI-L(?:ow)?|MSS|dMMR|pMMR)\b")
#: capitals before a change that are not genes (an entity, a stage, a score)
_NOT_GENES = frozenset({"UICC", "ECOG", "TMB", "MSI", "VAF", "TPS", "CPS", "ICD", "NGS", "WHO"})


@dataclass(frozen=True)
class CaseLine:
    """What one line says about a case beside itself: age, sex, findings, TMB, MSI."""

    age: int | None = None
    sex: Sex | None = None
    findings: tuple[PackageFinding, ...] = ()
    tmb: float | None = None
    msi: str = ""


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _finding(gene: str, alteration: str, kind: FindingKind, vaf: str | None) -> PackageFinding:
    value = _number(vaf) if vaf else None
    return PackageFinding(
        gene=gene,
        alteration=alteration,
        kind=kind,
        vaf=value if value is not None and value <= 100 else None,
    )


def _written(change: str) -> str:
    """A change as HGVS writes it: single spaces, "exon" in small letters."""
    change = " ".join(change.split())
    return "e" + change[1:] if change.startswith("Exon") else change


def _snv_kind(change: str) -> FindingKind:
    lowered = change.casefold()
    indel = any(word in lowered for word in ("del", "ins", "dup", "fs", "skipping"))
    return FindingKind.INDEL if indel else FindingKind.SNV


def _findings(line: str) -> list[PackageFinding]:
    """Fusions first (their partner looks like a gene), then changes, then copy numbers;
    a stretch of the line read once is not read again."""
    found: list[tuple[int, int, PackageFinding]] = []
    taken: list[tuple[int, int]] = []

    def free(match: re.Match[str]) -> bool:
        start, end = match.span()
        if match["gene"] in _NOT_GENES or any(start < e and end > s for s, e in taken):
            return False
        taken.append((start, end))
        return True

    for match in _FUSION.finditer(line):
        if free(match):
            partner = match["partner"]
            alteration = f"{partner}-{match['gene']}" if partner else ""
            finding = _finding(match["gene"], alteration, FindingKind.FUSION, None)
            found.append((match.start(), 0, finding))
    for match in _SNV.finditer(line):
        if free(match):
            changes = [_written(c) for c in re.split(r"\s*[/+]\s*", match["changes"])]
            for index, change in enumerate(c for c in changes if HGVS.match(c)):
                finding = _finding(match["gene"], change, _snv_kind(change), match["vaf"])
                found.append((match.start(), index, finding))
    for match in _CNV.finditer(line):
        if free(match):
            finding = _finding(match["gene"], match["word"], FindingKind.CNV, None)
            found.append((match.start(), 0, finding))
    return [finding for _, _, finding in sorted(found, key=lambda item: item[:2])]


def _sex(line: str, letter: str | None) -> Sex | None:
    if letter:
        return _SEX_LETTERS[letter]
    words = re.findall(r"[^\W\d_]+", line.casefold())
    return next((_SEX_WORDS[w] for w in words if w in _SEX_WORDS), None)


def read_case_line(line: str) -> CaseLine:
    """Age, sex, findings, TMB and MSI named in ``line`` (a cleaned single line)."""
    age_match = _AGE.search(line)
    age = int(age_match["age"]) if age_match else None
    tmb_match = _TMB.search(line)
    tmb = _number(tmb_match["tmb"]) if tmb_match else None
    msi_match = _MSI.search(line)
    return CaseLine(
        age=age if age is not None and age <= 120 else None,
        sex=_sex(line, age_match["sex"] if age_match else None),
        findings=tuple(_findings(line)),
        tmb=tmb if tmb is not None and tmb <= 10_000 else None,
        msi=msi_match["msi"] if msi_match else "",
    )
