"""Package import refuses what is wrong instead of bending it: types, keys, numbers, images."""

from __future__ import annotations

import base64
import io
import json
from pathlib import Path

import pytest
from PIL import Image

from app.db import Database
from app.services.packages import PackageError, import_packages
from tests.services.test_packages import _row_counts, good_package


def _jpeg() -> str:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buffer, format="JPEG")
    return base64.b64encode(buffer.getvalue()).decode()


def _with(change: dict[str, object], where: str = "case") -> str:
    data = good_package()
    target = data["cases"][0] if where == "case" else data["cases"][0]["images"][0]
    target.update(change)
    return json.dumps(data)


GOOD = json.dumps(good_package())
PNG_HEADER_ONLY = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40).decode()
REFUSED = {
    "age as text": (_with({"age": "58"}), r"\$\.cases\[0\]\.age: must be a whole number"),
    "ECOG as boolean": (
        _with({"ecog": True}),
        r"\$\.cases\[0\]\.ecog: must be a whole number",
    ),
    "VAF as text": (
        GOOD.replace('"vaf": 34.5', '"vaf": "34.5"'),
        r"\$\.cases\[0\]\.findings\[0\]\.vaf: must be a number",
    ),
    "abstain as number": (
        GOOD.replace('"kind": "single"', '"kind": "single", "allow_abstain": 1'),
        r"\$\.cases\[0\]\.questions\[0\]\.allow_abstain: must be true or false",
    ),
    "title as number": (_with({"title": 42}), r"\$\.cases\[0\]\.title: must be a text"),
    "duplicate key": (
        GOOD.replace('"age": 58', '"age": 58, "age": 59'),
        r'\$\.cases\[0\]: Schlüssel "age" doppelt / .*\$\.cases\[0\]: duplicate key "age"',
    ),
    "duplicate key at the top": (
        GOOD.replace('"title": "Paket"', '"title": "Paket", "title": "Anderes"'),
        r'\$: duplicate key "title"',
    ),
    "5000-digit number": (
        GOOD.replace('"age": 58', '"age": ' + "9" * 5000),
        r"\$\.cases\[0\]\.age: Zahl mit 5000 Ziffern / .*age: number too long \(5000 digits\)",
    ),
    "5000-digit decimal": (
        GOOD.replace('"vaf": 34.5', '"vaf": 0.' + "3" * 5000),
        r"\$\.cases\[0\]\.findings\[0\]\.vaf: Zahl mit 5002 Ziffern",
    ),
    "NaN": (GOOD.replace('"vaf": 34.5', '"vaf": NaN'), r"vaf: NaN ist kein JSON-Wert"),
    "nested deeper than any package": (
        GOOD.replace('"age": 58', '"age": ' + "[" * 40 + "]" * 40),
        r"\$\.cases\[0\]\.age(\[0\])+: nested too deeply",
    ),
    "nested 100 000 deep": (
        '{"cases": ' + "[" * 100_000 + "]" * 100_000 + "}",
        r"\$: JSON zu tief",
    ),
    "image that is no image": (
        _with({"data": base64.b64encode(b"not an image at all").decode()}, "image"),
        r"Bild ct\.png: kein lesbares PNG- oder JPEG-Bild / .*image ct\.png: not a readable PNG",
    ),
    "PNG header without an image": (
        _with({"data": PNG_HEADER_ONLY}, "image"),
        r"not a readable PNG or JPEG image",
    ),
    "JPEG declared as PNG": (
        _with({"data": _jpeg(), "mime": "image/png"}, "image"),
        r"Bild ct\.png: ist JPEG, nicht image/png",
    ),
    "SVG that is not XML": (
        _with({"data": base64.b64encode(b"<svg").decode(), "mime": "image/svg+xml"}, "image"),
        r"kein SVG",
    ),
}


@pytest.mark.parametrize("name", list(REFUSED))
def test_wrong_input_is_refused_in_one_message_naming_file_and_place(
    db: Database, tmp_path: Path, name: str
) -> None:
    text, message = REFUSED[name]
    path = tmp_path / "fall.votum.json"
    path.write_text(text, "utf-8")
    before = _row_counts(db)
    with pytest.raises(PackageError, match=message) as caught, db.write() as session:
        import_packages(session, [path])
    assert str(caught.value).startswith("fall.votum.json: ")
    assert "\n" not in str(caught.value)
    for lang in ("de", "en"):  # each language whole, its place included
        said = caught.value.in_language(lang)
        assert said.startswith("fall.votum.json: ") and " / " not in said
    assert _row_counts(db) == before


def test_a_real_jpeg_and_an_svg_are_accepted(db: Database, tmp_path: Path) -> None:
    data = good_package()
    data["cases"][0]["images"] = [
        {"filename": "ct.jpg", "mime": "image/jpeg", "data": _jpeg()},
        {
            "filename": "plan.svg",
            "mime": "image/svg+xml",
            "data": base64.b64encode(b'<svg xmlns="http://www.w3.org/2000/svg"/>').decode(),
        },
    ]
    path = tmp_path / "ok.votum.json"
    path.write_text(json.dumps(data), "utf-8")
    with db.write() as session:
        _conf, [case_id] = import_packages(session, [path])
    assert case_id
