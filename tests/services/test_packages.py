"""Case packages: clear messages for broken files, atomic import, lossless round trip, merge."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.config import RESOURCES
from app.db import Database
from app.models import Base
from app.services import agenda
from app.services.package_schema import json_schema
from app.services.packages import (
    PackageError,
    build_package,
    import_packages,
    read_package,
    write_package,
)
from app.services.presets import EVIDENCE

PNG_1PX = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360606060000000050001a5f645400000000049454e44ae426082"
    )
).decode()


def good_package(title: str = "Fall A") -> dict:
    return {
        "format": "votum-case-package",
        "version": 1,
        "title": "Paket",
        "cases": [
            {
                "title": title,
                "presenter": "Dr. Fellow",
                "age": 58,
                "sex": "f",
                "diagnosis": "Pankreaskarzinom",
                "icd10": "C25.0",
                "ecog": 1,
                "findings": [
                    {"gene": "KRAS", "alteration": "p.G12D", "kind": "snv", "vaf": 34.5},
                    {"gene": "NRG1", "alteration": "CD74::NRG1", "kind": "fusion"},
                ],
                "images": [{"filename": "ct.png", "caption": "CT", "data": PNG_1PX}],
                "questions": [
                    {
                        "text": "HCQ + Trametinib?",
                        "kind": "single",
                        "options": [
                            {"label": "Ja", "phrase_de": "empfehlen es"},
                            {"label": "Keine Empfehlung"},
                        ],
                    },
                    {"text": "Evidenzlevel?", "kind": "evidence"},
                ],
            }
        ],
    }


def _write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def _row_counts(db: Database) -> dict[str, int]:
    with db.read() as session:
        return {
            table.name: session.scalar(select(func.count()).select_from(table)) or 0
            for table in Base.metadata.sorted_tables
        }


def _broken(data: dict, change) -> dict:
    change(data)
    return data


BROKEN = {
    "invalid JSON": ("{ not json", r"line 1, column 3: invalid JSON"),
    "wrong type": (
        _broken(good_package(), lambda d: d["cases"][0].update(age="achtundfünfzig")),
        r"\$\.cases\[0\]\.age: must be a whole number",
    ),
    "unknown kind": (
        _broken(good_package(), lambda d: d["cases"][0]["questions"][0].update(kind="ranking")),
        r"\$\.cases\[0\]\.questions\[0\]\.kind: must be one of 'single'",
    ),
    "option missing": (
        _broken(good_package(), lambda d: d["cases"][0]["questions"][0]["options"].pop()),
        r"\$\.cases\[0\]\.questions\[0\]: a single question needs at least two options",
    ),
    "bad ICD-10": (
        _broken(good_package(), lambda d: d["cases"][0].update(icd10="pancreas")),
        r"\$\.cases\[0\]\.icd10: not an ICD-10 code",
    ),
    "bad HGVS": (
        _broken(good_package(), lambda d: d["cases"][0]["findings"][0].update(alteration="G12")),
        r"\$\.cases\[0\]\.findings\[0\]: alteration 'G12' is not in HGVS shape",
    ),
    "VAF above 100": (
        _broken(good_package(), lambda d: d["cases"][0]["findings"][0].update(vaf=134)),
        r"\$\.cases\[0\]\.findings\[0\]\.vaf: must be at most 100 \(got 134\)",
    ),
    "unknown field": (
        _broken(good_package(), lambda d: d["cases"][0].update(patient_name="Erika M.")),
        r"\$\.cases\[0\]\.patient_name: unknown field, not allowed",
    ),
    "not an object": ([1, 2, 3], r"expected a JSON object"),
    "no cases": ({"cases": []}, r"\$\.cases: needs at least 1 entry"),
    "yes/no with only Ja": (
        _broken(
            good_package(),
            lambda d: d["cases"][0]["questions"].append(
                {"text": "?", "kind": "yes_no", "options": [{"label": "Ja"}]}
            ),
        ),
        r"\$\.cases\[0\]\.questions\[2\]: a yes_no question has exactly 2 options in this "
        r"order \(Yes, No\), not 1",
    ),
    "yes/no with a third answer": (
        _broken(
            good_package(),
            lambda d: d["cases"][0]["questions"].append(
                {"text": "?", "kind": "yes_no", "options": [{"label": "Ja"}, {"label": "Eher"}]}
            ),
        ),
        r"\$\.cases\[0\]\.questions\[2\]: option 2 \('Eher'\) must be 'No' \(code 'no'\)",
    ),
    "yes/no reversed": (
        _broken(
            good_package(),
            lambda d: d["cases"][0]["questions"].append(
                {"text": "?", "kind": "yes_no", "options": [{"label": "No"}, {"label": "Yes"}]}
            ),
        ),
        r"questions\[2\]: option 1 \('No'\) is the step 'No', which belongs at position 2",
    ),
    "three agree steps": (
        _broken(
            good_package(),
            lambda d: d["cases"][0]["questions"].append(
                {
                    "text": "?",
                    "kind": "agreement",
                    "options": [
                        {"label": "Stimme voll zu", "code": "agree_strong"},
                        {"label": "Stimme zu", "code": "agree"},
                        {"label": "Stimme eher zu", "code": "agree_somewhat"},
                        {"label": "Weder noch", "code": "neutral"},
                        {"label": "Stimme nicht zu", "code": "disagree"},
                    ],
                }
            ),
        ),
        r"\$\.cases\[0\]\.questions\[2\]: option 4 \('Weder noch'\) is the step "
        r"'Neither agree nor disagree', which belongs at position 3",
    ),
    "six agreement steps": (
        _broken(
            good_package(),
            lambda d: d["cases"][0]["questions"].append(
                {"text": "?", "kind": "agreement", "options": [{"label": str(i)} for i in range(6)]}
            ),
        ),
        r"questions\[2\]: a agreement question has exactly 5 options in this order "
        r"\(Strongly agree, Agree, Neither agree nor disagree, Disagree, Strongly disagree\), "
        r"not 6",
    ),
    "agreement reordered by code": (
        _broken(
            good_package(),
            lambda d: d["cases"][0]["questions"].append(
                {
                    "text": "?",
                    "kind": "agreement",
                    "options": [
                        {"label": "A", "code": "agree"},
                        {"label": "B", "code": "strongly_agree"},
                        {"label": "C"},
                        {"label": "D"},
                        {"label": "E"},
                    ],
                }
            ),
        ),
        r"questions\[2\]: option 1 \('A'\) is the step 'Agree', which belongs at position 2",
    ),
    "agreement step twice": (
        _broken(
            good_package(),
            lambda d: d["cases"][0]["questions"].append(
                {"text": "?", "kind": "agreement", "options": [{"label": "Zu"}] * 5}
            ),
        ),
        r"questions\[2\]: option labels must be different",
    ),
    "evidence level missing": (
        _broken(
            good_package(),
            lambda d: d["cases"][0]["questions"][1].update(
                options=[{"label": p.code} for p in EVIDENCE if p.code != "m1C"]
            ),
        ),
        r"\$\.cases\[0\]\.questions\[1\]: a evidence question has exactly 9 options",
    ),
    "evidence level unknown": (
        _broken(
            good_package(),
            lambda d: d["cases"][0]["questions"][1].update(
                options=[{"label": p.code} for p in EVIDENCE[:-1]] + [{"label": "m5"}]
            ),
        ),
        r"questions\[1\]: option 9 \('m5'\) must be 'No evidence level / no recommendation'",
    ),
    "image outside folder": (
        _broken(
            good_package(),
            lambda d: d["cases"][0].update(images=[{"filename": "x.png", "path": "../x.png"}]),
        ),
        r"außerhalb des Paketordners|outside",
    ),
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_broken_package_gives_a_clear_message_and_writes_nothing(
    db: Database, demo_id: int, tmp_path: Path, name: str
) -> None:
    content, message = BROKEN[name]
    path = tmp_path / "fall.votum.json"
    if isinstance(content, str):
        path.write_text(content, "utf-8")
    else:
        _write(path, content)
    before = _row_counts(db)
    with pytest.raises(PackageError, match=message) as caught, db.write() as session:
        import_packages(session, [path], conference_id=demo_id)
    assert "fall.votum.json" in str(caught.value)
    assert _row_counts(db) == before


def test_a_broken_file_is_said_whole_in_each_language_up_to_five_problems(
    tmp_path: Path,
) -> None:
    data = good_package()
    data["cases"][0]["icd10"] = "X"
    for age in range(6):  # six more problems: five shown, then how many are left
        data["cases"].append({"title": f"Fall {age}", "age": -1 - age})
    path = tmp_path / "fall.votum.json"
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(PackageError) as caught:
        read_package(path)
    de = caught.value.in_language("de").splitlines()
    en = caught.value.in_language("en").splitlines()
    assert (
        de[0] == 'fall.votum.json: $.cases[0].icd10: kein ICD-10-Code (z. B. C25.0) (gegeben: "X")'
    )
    assert en[0] == 'fall.votum.json: $.cases[0].icd10: not an ICD-10 code (e.g. C25.0) (got "X")'
    assert de[1].startswith("fall.votum.json: $.cases[1].age: ") and de[1].endswith("(gegeben: -1)")
    assert (len(de), de[-1], en[-1]) == (6, "… und 2 weitere Probleme", "… and 2 more problems")


def test_a_50_mb_file_is_refused_before_it_is_read(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "huge.votum.json"
    with path.open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)
    before = _row_counts(db)
    with pytest.raises(PackageError, match="zu groß"), db.write() as session:
        import_packages(session, [path])
    assert _row_counts(db) == before


def test_one_broken_file_among_several_imports_none(
    db: Database, demo_id: int, tmp_path: Path
) -> None:
    good = _write(tmp_path / "a.votum.json", good_package())
    bad = tmp_path / "b.votum.json"
    bad.write_text('{"cases": [{"title": ""}]}', "utf-8")
    before = _row_counts(db)
    with pytest.raises(PackageError, match=r"b\.votum\.json"), db.write() as session:
        import_packages(session, [good, bad], conference_id=demo_id)
    assert _row_counts(db) == before


def test_export_then_import_is_lossless(db: Database, demo_id: int, tmp_path: Path) -> None:
    first = _write(tmp_path / "in.votum.json", good_package())
    with db.write() as session:
        conf_id, _ = import_packages(session, [first])
    with db.read() as session:
        exported = build_package(session, conf_id)
    out = tmp_path / "out.votum.json"
    write_package(exported, out)
    with db.write() as session:
        again_id, _ = import_packages(session, [out])
    with db.read() as session:
        again = build_package(session, again_id)
    assert again == exported
    original, copy = read_package(first).package.cases[0], exported.cases[0]
    assert copy.model_dump(exclude={"questions"}) == original.model_dump(exclude={"questions"})
    # "Keine Empfehlung" stands alone in a ballot even when the package did not say so
    assert [o.exclusive for o in original.questions[0].options] == [False, False]
    assert [o.exclusive for o in copy.questions[0].options] == [False, True]
    assert copy.questions[0].model_dump(exclude={"options"}) == original.questions[0].model_dump(
        exclude={"options"}
    )
    # an evidence question without options gets the preset levels, which then travel along
    assert [o.code for o in copy.questions[1].options] == [p.code for p in EVIDENCE]
    assert exported.cases[0].images[0].data == PNG_1PX
    # the demo with its presets, phrases and repeats also survives a round trip
    with db.read() as session:
        demo_package = build_package(session, demo_id)
    write_package(demo_package, out)
    assert read_package(out).package == demo_package


def test_packages_from_several_fellows_merge_in_the_chosen_order(
    db: Database, tmp_path: Path
) -> None:
    a = _write(tmp_path / "a.votum.json", good_package("Fall von Anna"))
    b = _write(tmp_path / "b.votum.json", good_package("Fall von Ben"))
    with db.write() as session:
        conf_id, _ = import_packages(session, [b, a])
    with db.read() as session:
        titles = [c.title for c in agenda.agenda(session, conf_id)]
    assert titles == ["Fall von Ben", "Fall von Anna"]


def test_images_beside_the_package_are_read_in(db: Database, tmp_path: Path) -> None:
    (tmp_path / "ct.png").write_bytes(base64.b64decode(PNG_1PX))
    data = good_package()
    data["cases"][0]["images"] = [{"filename": "ct.png", "path": "ct.png"}]
    path = _write(tmp_path / "p.votum.json", data)
    with db.write() as session:
        _conf_id, [case_id] = import_packages(session, [path])
        image = agenda.get_case(session, case_id).images[0]
        assert agenda.image_data(session, image.id)[1] == base64.b64decode(PNG_1PX)


def test_json_schema_in_resources_is_current() -> None:
    on_disk = json.loads((RESOURCES / "case_package.schema.json").read_text("utf-8"))
    assert on_disk == json_schema(), "regenerate: python -m app.services.package_schema"


def test_a_relabelled_scale_with_own_codes_is_imported_in_scale_order(
    db: Database, demo_id: int, tmp_path: Path
) -> None:
    labels = ["Trifft voll zu", "Trifft eher zu", "Teils, teils", "Eher nicht", "Gar nicht"]
    data = good_package()
    data["cases"][0]["questions"] = [
        {
            "text": "RNA-Panel?",
            "kind": "agreement",
            "options": [{"label": x, "code": f"own_{i}"} for i, x in enumerate(labels)],
        },
        {"text": "Evidenz?", "kind": "evidence", "options": [{"label": p.code} for p in EVIDENCE]},
        {
            "text": "Ja?",
            "kind": "yes_no",
            "options": [{"label": "Yes, do", "code": "yes"}, {"label": "Nein"}],
        },
    ]
    with db.write() as session:
        _, (case_id,) = import_packages(
            session, [_write(tmp_path / "s.votum.json", data)], conference_id=demo_id
        )
        agreement, evidence, yes_no = agenda.get_case(session, case_id).questions
    assert [o.label for o in agreement.options] == labels
    # the author's codes stay (exports show what the file said); the steps are positions
    assert [o.code for o in agreement.options] == [f"own_{i}" for i in range(5)]
    assert [o.code for o in evidence.options] == [p.code for p in EVIDENCE]
    assert [(o.label, o.code) for o in yes_no.options] == [("Yes, do", "yes"), ("Nein", "no")]


def test_the_package_marks_options_that_stand_alone(
    db: Database, demo_id: int, tmp_path: Path
) -> None:
    data = good_package()
    data["cases"][0]["questions"] = [
        {
            "text": "Welche Therapien?",
            "kind": "multiple",
            "options": [
                {"label": "HCQ"},
                {"label": "Nur Studie", "exclusive": True},
                {"label": "no recommendation"},  # always stands alone
            ],
        }
    ]
    with db.write() as session:
        _, (case_id,) = import_packages(
            session, [_write(tmp_path / "x.votum.json", data)], conference_id=demo_id
        )
        (question,) = agenda.get_case(session, case_id).questions
    assert [o.exclusive for o in question.options] == [False, True, True]
