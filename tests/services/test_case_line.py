"""A one-line case of the free discussion, read for age, sex, findings, TMB and MSI."""

from __future__ import annotations

import pytest

from app.models.enums import Sex
from app.services.case_line import read_case_line


def _findings(line: str) -> list[tuple[str, str, str, float | None]]:
    return [(f.gene, f.alteration, f.kind.value, f.vaf) for f in read_case_line(line).findings]


@pytest.mark.parametrize(
    ("line", "findings"),
    [
        (
            "vorgestellt von Standort X: 54 J., m, NSCLC, KRAS G12C (VAF 23 %), STK11 del",
            [("KRAS", "G12C", "snv", 23.0), ("STK11", "del", "cnv", None)],
        ),
        ("PDAC, KRAS p.G12D 34 %", [("KRAS", "p.G12D", "snv", 34.0)]),
        (
            "EGFR L858R/T790M, EML4-ALK Fusion, ERBB2 amp",
            [
                ("EGFR", "L858R", "snv", None),
                ("EGFR", "T790M", "snv", None),
                ("ALK", "EML4-ALK", "fusion", None),
                ("ERBB2", "amp", "cnv", None),
            ],
        ),
        (
            "EGFR exon 19 del, MET Exon 14 skipping, NRG1-Fusion",
            [
                ("EGFR", "exon 19 del", "indel", None),
                ("MET", "exon 14 skipping", "indel", None),  # HGVS writes "exon" small
                ("NRG1", "", "fusion", None),
            ],
        ),
        (
            "TP53 p.R273H, PIK3CA p.(Glu545Lys), BRCA2 c.5946delT, CDKN2A homozygote Deletion",
            [
                ("TP53", "p.R273H", "snv", None),
                ("PIK3CA", "p.(Glu545Lys)", "snv", None),
                ("BRCA2", "c.5946delT", "indel", None),
                ("CDKN2A", "homozygote Deletion", "cnv", None),
            ],
        ),
        # capitals that are no genes: an entity, a stage, a score, a TNM stage
        (
            "CRC UICC IV, BRAF V600E, ECOG 1, pT3 N1 M1a, PD-L1 TPS 80 %",
            [
                ("BRAF", "V600E", "snv", None),
            ],
        ),
        ("Ohne Befund, 70 J.", []),
        ("<script>KRAS G12C</script>", [("KRAS", "G12C", "snv", None)]),
    ],
)
def test_findings_in_the_usual_notation_are_read(
    line: str, findings: list[tuple[str, str, str, float | None]]
) -> None:
    assert _findings(line) == findings


@pytest.mark.parametrize(
    ("line", "age", "sex"),
    [
        ("54 J., m, NSCLC", 54, Sex.MALE),
        ("54 J., w", 54, Sex.FEMALE),
        ("presented by site X: 61 y, f, CRC", 61, Sex.FEMALE),
        ("67-jährige Patientin mit PDAC", 67, Sex.FEMALE),
        ("a 45-year-old male", 45, Sex.MALE),
        ("NSCLC, KRAS G12C", None, None),
        ("250 J.", None, None),  # no one is that old: not read
    ],
)
def test_age_and_sex_are_read(line: str, age: int | None, sex: Sex | None) -> None:
    read = read_case_line(line)
    assert (read.age, read.sex) == (age, sex)


def test_tmb_and_msi_are_read() -> None:
    read = read_case_line("CRC, MSI-H, TMB 42,5 Mut/Mb")
    assert (read.tmb, read.msi) == (42.5, "MSI-H")
    assert (read_case_line("MSS").msi, read_case_line("TMB-high").tmb) == ("MSS", None)
