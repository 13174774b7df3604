"""What a pathology report gives (TNM, ICD-O-3, comorbidities, prior therapy lines; per
finding transcript, c. notation, copy number, fusion partner and breakpoints, score):
stored, carried by both file formats (version 2), checked and cleaned at the door, and a
version-1 file still imports."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from app.db import Database
from app.models import TherapyResponse
from app.services import agenda
from app.services.conference_export import Publish, build_conference_file
from app.services.conference_file import parse_conference_file
from app.services.conference_import import import_conference_file
from app.services.package_schema import CasePackage
from app.services.packages import PackageError, build_package, import_packages, read_package
from app.services.views import FindingInfo
from tests.services.test_packages import good_package

#: Written by Votum before the pathology fields existed (format version 1).
VERSION_1 = {
    "format": "votum-case-package",
    "version": 1,
    "title": "Alt",
    "language": "de",
    "author": {"name": "Dr. Fellow", "site": "Dresden", "email": ""},
    "cases": [
        {
            "title": "KRAS G12D",
            "presenter": "Dr. Fellow",
            "age": 58,
            "sex": "f",
            "diagnosis": "Pankreaskarzinom",
            "icd10": "C25.0",
            "histology": "Adenokarzinom",
            "stage": "UICC IV",
            "ecog": 1,
            "prior_therapy_lines": 2,
            "prior_therapies": "1. FOLFIRINOX\n2. Gemcitabin",
            "tmb": 2.1,
            "msi": "MSS",
            "text": "",
            "findings": [
                {"gene": "KRAS", "alteration": "p.G12D", "kind": "snv", "vaf": 34.0, "comment": ""}
            ],
            "images": [],
            "questions": [{"text": "Empfehlung?", "kind": "yes_no", "options": []}],
        }
    ],
}


def pathology_package() -> dict:
    """A version-2 package with every pathology field filled in."""
    data = good_package()
    data["version"] = 2
    case = data["cases"][0]
    case |= {
        "tnm": "pT3 pN1 (2/14) cM1 (HEP)",
        "icdo3_topography": "c25.0",
        "icdo3_morphology": "M-8500/3",
        "comorbidities": "Hypertonie\nDiabetes mellitus Typ 2",
        "therapy_lines": [
            {"line": 1, "substances": "FOLFIRINOX", "best_response": "PR"},
            {"substances": "Adjuvant: Gemcitabin"},
        ],
    }
    case["findings"] = [
        {
            "gene": "KRAS",
            "transcript": "NM_004985.5",
            "coding": "c.35G>A",
            "alteration": "p.G12D",
            "kind": "snv",
            "vaf": 34.5,
            "evidence": "m2C is",
        },
        {
            "gene": "NRG1",
            "alteration": "CD74::NRG1",
            "kind": "fusion",
            "partner": "CD74",
            "breakpoints": "CD74 exon 6 :: NRG1 exon 6",
        },
        {"gene": "ERBB2", "alteration": "Amplifikation", "kind": "cnv", "copy_number": 12.5},
        {"gene": "HRD", "alteration": "positiv", "kind": "signature", "score": 58},
    ]
    return data


def _write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def test_a_version_1_package_still_imports(db: Database, tmp_path: Path) -> None:
    path = _write(tmp_path / "alt.votum.json", VERSION_1)
    with db.write() as session:
        conf_id, (case_id,) = import_packages(session, [path])
    with db.read() as session:
        case = agenda.get_case(session, case_id)
        exported = build_package(session, conf_id)
    assert (case.title, case.prior_therapy_lines, case.tnm, case.therapy_lines) == (
        "KRAS G12D",
        2,
        "",
        (),
    )
    assert case.findings[0].transcript == "" and case.findings[0].copy_number is None
    assert exported.version == 2  # written in the current version


def test_every_pathology_field_is_stored_and_survives_both_file_formats(
    db: Database, tmp_path: Path
) -> None:
    path = _write(tmp_path / "neu.votum.json", pathology_package())
    with db.write() as session:
        conf_id, (case_id,) = import_packages(session, [path])
    with db.read() as session:
        case = agenda.get_case(session, case_id)
        package = build_package(session, conf_id)
        conference = build_conference_file(session, conf_id)
    assert (case.tnm, case.icdo3_topography, case.icdo3_morphology) == (
        "pT3 pN1 (2/14) cM1 (HEP)",
        "C25.0",  # upper-cased
        "8500/3",  # "M-" dropped
    )
    assert case.comorbidities == "Hypertonie\nDiabetes mellitus Typ 2"
    assert [(t.line, t.substances, t.best_response) for t in case.therapy_lines] == [
        (1, "FOLFIRINOX", "PR"),
        (None, "Adjuvant: Gemcitabin", ""),
    ]
    kras, nrg1, erbb2, hrd = case.findings
    assert (kras.transcript, kras.coding, kras.alteration) == ("NM_004985.5", "c.35G>A", "p.G12D")
    assert kras.evidence == "m2C is"
    assert (nrg1.partner, nrg1.breakpoints) == ("CD74", "CD74 exon 6 :: NRG1 exon 6")
    assert (erbb2.copy_number, hrd.score) == (12.5, 58.0)
    assert case.n_prior_lines == 1  # not stated: the numbered lines listed

    # the package and the conference file carry it all, and bring it back unchanged
    again = tmp_path / "again.votum.json"
    again.write_text(json.dumps(package.model_dump(mode="json")), "utf-8")
    assert read_package(again).package == package
    original = CasePackage.model_validate(pathology_package()).cases[0]
    assert package.cases[0].model_dump(exclude={"questions"}) == original.model_dump(
        exclude={"questions"}
    )
    data = json.loads(conference.model_dump_json())
    with db.write() as session:
        copy_id = import_conference_file(
            session, parse_conference_file(data, "c.json"), new_links=True
        )
    with db.read() as session:
        (copied,) = agenda.agenda(session, copy_id)
    assert copied.therapy_lines == case.therapy_lines and copied.findings == case.findings
    assert (copied.tnm, copied.comorbidities) == (case.tnm, case.comorbidities)
    assert conference.version == 2


@pytest.mark.parametrize(
    ("where", "value", "expected"),
    [
        (("tnm",), "Stadium IV", "TNM"),
        (("icdo3_topography",), "Pankreas", "ICD-O-3"),
        (("icdo3_morphology",), "8500", "ICD-O-3"),
        (("findings", 0, "transcript"), "KRAS-201", "transcript"),
        (("findings", 0, "coding"), "35G>A", "c. notation"),
        (("findings", 0, "evidence"), "m5", "not an evidence level"),
        (("findings", 2, "copy_number"), 1001, "must be at most 1000 "),
        (("findings", 2, "copy_number"), -1, "must be at least 0 "),
        (("findings", 3, "score"), 10_001, "must be at most 10000 "),
        (("findings", 3, "score"), "58", "must be a number"),
        (("therapy_lines", 0, "line"), 21, "must be at most 20 "),
        (("therapy_lines", 0, "line"), 0, "must be at least 1 "),
        (("therapy_lines", 0, "best_response"), "gut", "'CR', 'PR', 'SD', 'PD' or 'NE'"),
        (("therapy_lines", 0, "substances"), "", "must not be empty"),
        (("comorbidities",), "x" * 2001, "at most 2000"),
    ],
)
def test_a_wrong_pathology_field_is_named_with_its_path_and_nothing_is_stored(
    db: Database, tmp_path: Path, where: tuple[str | int, ...], value: object, expected: str
) -> None:
    data = pathology_package()
    target = data["cases"][0]
    for part in where[:-1]:
        target = target[part]
    target[where[-1]] = value
    path = _write(tmp_path / "kaputt.votum.json", data)
    with pytest.raises(PackageError) as caught:
        read_package(path)
    message = caught.value.message.in_language("en")
    json_path = "$.cases[0]." + ".".join(
        f"[{p}]" if isinstance(p, int) else str(p) for p in where
    ).replace(".[", "[")
    assert json_path in message
    assert expected in message
    with db.read() as session:
        from app.models import Case

        assert session.query(Case).count() == 0


def test_pathology_text_is_cleaned_at_the_door(tmp_path: Path) -> None:
    data = pathology_package()
    case = data["cases"][0]
    case["comorbidities"] = "Hyper\x00tonie\u202e\n\x1b[31mDiabetes"
    case["therapy_lines"][0]["substances"] = "FOLFIRI\x07NOX\u202e"
    case["findings"][1]["breakpoints"] = "CD74\x00 exon 6"
    case["findings"][1]["partner"] = "\u202eCD74"
    case["tnm"] = "pT3\x00 pN1"
    package = read_package(_write(tmp_path / "p.votum.json", data)).package.cases[0]
    assert package.comorbidities == "Hypertonie\n[31mDiabetes"
    assert package.therapy_lines[0].substances == "FOLFIRINOX"
    assert package.findings[1].breakpoints == "CD74 exon 6"
    assert package.findings[1].partner == "CD74"
    assert package.tnm == "pT3 pN1"


def test_a_version_1_file_with_a_later_field_is_still_read(tmp_path: Path) -> None:
    """A file is read by what it holds; its version only says which fields it can have."""
    data = copy.deepcopy(VERSION_1)
    data["cases"][0]["tnm"] = "pT1 pN0"
    assert read_package(_write(tmp_path / "p.votum.json", data)).package.cases[0].tnm == "pT1 pN0"


def test_a_later_version_is_refused_with_its_number(tmp_path: Path) -> None:
    data = pathology_package() | {"version": 3}
    with pytest.raises(PackageError, match=r"\$\.version"):
        read_package(_write(tmp_path / "p.votum.json", data))


def test_publishing_keeps_the_pathology_details_home_unless_the_summary_is_chosen(
    db: Database, tmp_path: Path
) -> None:
    path = _write(tmp_path / "neu.votum.json", pathology_package())
    with db.write() as session:
        conf_id, _ = import_packages(session, [path])
    with db.read() as session:
        bare = build_conference_file(session, conf_id, publish=Publish())
        summary = build_conference_file(session, conf_id, publish=Publish(summary=True))
        text_only = build_conference_file(session, conf_id, publish=Publish(text=True))
    (case,) = bare.cases
    assert (case.tnm, case.icdo3_morphology, case.comorbidities, case.therapy_lines) == (
        "",
        "",
        "",
        [],
    )
    (first,) = case.findings  # the headline's finding, without its details
    assert (first.gene, first.alteration, first.vaf) == ("KRAS", "p.G12D", 34.5)
    assert (first.transcript, first.coding, first.breakpoints) == ("", "", "")
    assert summary.cases[0].therapy_lines[0].best_response is TherapyResponse.PR
    assert summary.cases[0].findings[0].coding == "c.35G>A"
    assert summary.cases[0].comorbidities == ""  # free text: only with text
    assert text_only.cases[0].comorbidities.startswith("Hypertonie")
    assert text_only.cases[0].tnm == ""


@pytest.mark.parametrize(
    ("finding", "de", "en"),
    [
        (
            FindingInfo("KRAS", "p.G12D", "snv", 34.5, ""),
            "KRAS p.G12D (VAF 34,5 %)",
            "KRAS p.G12D (VAF 34.5 %)",
        ),
        (
            FindingInfo("NRG1", "", "fusion", None, "", partner="CD74"),
            "NRG1-Fusion (Partner CD74)",
            "NRG1 fusion (partner CD74)",
        ),
        (
            FindingInfo("NRG1", "CD74::NRG1", "fusion", None, "", partner="CD74"),
            "NRG1 CD74::NRG1",
            "NRG1 CD74::NRG1",
        ),
        (
            FindingInfo("ERBB2", "Amplifikation", "cnv", None, "", copy_number=12),
            "ERBB2 Amplifikation (CN 12)",
            "ERBB2 Amplifikation (CN 12)",
        ),
        (
            FindingInfo("HRD", "positiv", "signature", None, "", score=58),
            "HRD positiv (Score 58)",
            "HRD positiv (score 58)",
        ),
    ],
)
def test_the_case_line_names_the_leading_finding_with_what_was_measured(
    db: Database, demo_id: int, finding: FindingInfo, de: str, en: str
) -> None:
    with db.read() as session:
        case = agenda.agenda(session, demo_id)[0]
    case = type(case)(**{**case.__dict__, "findings": (finding,)})
    assert case.headline("de") == f"58 J., w · Pankreaskarzinom · {de}"
    assert case.headline("en") == f"58 y, f · Pankreaskarzinom · {en}"
