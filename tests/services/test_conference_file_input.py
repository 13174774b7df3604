"""What a conference file brings in is held to the rules of every other entry path: every
text cleaned (walked field by field along the file's own JSON Schema, so a field added
later is covered without a word here), every number within bounds the schema states."""

from __future__ import annotations

import base64
import io
import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from sqlalchemy import func, select

from app.cli import main
from app.config import RESOURCES
from app.db import Database
from app.models import Base, Conference
from app.services.conference_export import build_conference_file
from app.services.conference_file import ConferenceFileError, parse_conference_file
from app.services.conference_import import import_conference_file
from app.services.conference_schema import json_schema
from app.services.conferences import invitations
from app.services.demo import load_demo
from app.services.package_schema import json_schema as package_json_schema
from app.services.text import KEEP_FORMAT
from app.services.tokens import resolve_site_token
from tests.services import schema_walk

#: What the probe wraps every text in: ESC, NUL, BEL, C1 CSI, a right-to-left override, a
#: zero-width space; the text itself comes decomposed (NFD), so NFC is needed to store it.
HOSTILE_HEAD, HOSTILE_TAIL = "\x1b\x00", "\x07\x9b\u202e\u200b\u2066"

#: Texts the schema constrains by their shape (a pattern, a list of values, a date): the
#: probe cannot pass them, it is refused with a message and nothing is stored.
SHAPED_KEYS = ("pattern", "enum", "const", "format")
#: Checked by their content rather than a pattern: base64 image data.
SHAPED_FIELDS = {"PackageImage.data"}
#: Fields a conference file cannot use here, with the reason (an image beside a file needs
#: the file's folder: only case packages have one).
UNUSABLE = {"PackageImage.path"}


def _probe(_field: str, schema: dict[str, Any], value: str) -> str:
    if _shaped(_field, schema):
        return value
    return HOSTILE_HEAD + unicodedata.normalize("NFD", value) + HOSTILE_TAIL


def _shaped(field: str, schema: dict[str, Any]) -> bool:
    return field in SHAPED_FIELDS or any(key in schema for key in SHAPED_KEYS)


def _tiny_png() -> str:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), "white").save(buffer, "PNG")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


@pytest.fixture
def full_file(tmp_path: Path) -> dict[str, Any]:
    """The demo's conference file with every text field of the schema filled somewhere."""
    source = Database.open(f"sqlite:///{(tmp_path / 'source.sqlite3').as_posix()}")
    try:
        with source.write() as session:
            demo = load_demo(session)
        with source.read() as session:
            data = build_conference_file(session, demo).model_dump(mode="json")
    finally:
        source.dispose()
    case = data["cases"][0]
    case["images"].append(
        {
            "filename": "Röntgen.png",
            "mime": "image/png",
            "caption": "Thorax äußerlich",
            "data": _tiny_png(),
        }
    )
    data["conference"]["held_at"] = "2026-11-18T17:30:00+00:00"
    data["conference"]["checkin_closed_at"] = "2026-11-18T16:20:00+00:00"
    data["invitations"][0]["last_seen_at"] = "2026-11-16T09:00:00+00:00"
    draft = next(q for c in data["cases"] for q in c["questions"] if q["state"] == "draft")
    draft["skip_reason"] = "Keine Zeit für die Frage"
    question = next(q for q in case["questions"] if q["options"])
    data["results"]["poll_imports"].append(
        {
            "sha256": "ab" * 32,
            "filename": "Umfrage Köln.csv",
            "format": "zoom",
            "anonymous": True,
            "n_ballots": 0,
            "actor": "Moderation Müller",
            "summary": "Umfrage übernommen\n2 Antworten",
            "imported_at": "2026-11-18T15:00:00+00:00",
            "totals": [{"question": question["ref"], "option": 0, "count": 2}],
        }
    )
    return data


def test_every_text_of_a_conference_file_is_stored_clean(
    db: Database, full_file: dict[str, Any]
) -> None:
    root = json_schema()
    missing = set(schema_walk.fields(root)) - schema_walk.seen(root, full_file) - UNUSABLE
    assert not missing, f"fill these fields in full_file: {sorted(missing)}"
    probed = schema_walk.rewrite(root, full_file, _probe)
    with db.write() as session:
        import_conference_file(session, parse_conference_file(probed, "feindlich.json"))
    with db.read() as session:
        stored = list(_stored_texts(session))
    dirty = [(where, text) for where, text in stored if not _clean(text)]
    assert not dirty, dirty[:5]
    everything = "\n".join(text for _, text in stored)
    for marker in ("Röntgen.png", "Thorax äußerlich", "Moderation Müller", "Keine Zeit für"):
        assert marker in everything  # stored, and composed again


def _stored_texts(session: Any) -> Any:
    """Every text in every column of every table, JSON inside a column opened up."""
    for table in Base.metadata.sorted_tables:
        for row in session.execute(select(table)).mappings():
            for column, value in row.items():
                if isinstance(value, str):
                    yield f"{table.name}.{column}", value
                    if value[:1] in "{[":
                        for inner in _json_strings(value):
                            yield f"{table.name}.{column} (JSON)", inner


def _json_strings(text: str) -> list[str]:
    try:
        value = json.loads(text)
    except ValueError:
        return []
    return schema_walk.strings_in(value)


def _clean(text: str) -> bool:
    for ch in text:
        category = unicodedata.category(ch)
        if ch not in "\n\t" and category in ("Cc", "Cs", "Cf") and ch not in KEEP_FORMAT:
            return False
    return unicodedata.is_normalized("NFC", text)


def _shaped_fields() -> list[str]:
    return sorted(
        field
        for field, nodes in schema_walk.fields(json_schema()).items()
        if field in SHAPED_FIELDS or any(_shaped(field, node) for node in nodes)
    )


@pytest.mark.parametrize("field", _shaped_fields())
def test_a_text_with_a_shape_is_refused_dirty_in_one_line(
    field: str, full_file: dict[str, Any]
) -> None:
    """Texts with a shape (a date, a token, a hash, a kind) are not cleaned into one: the
    file is refused, naming the place, before anything is written."""
    root = json_schema()
    hit: list[str] = []

    def only_this(name: str, schema: dict[str, Any], value: str) -> str:
        if name != field or hit:
            return value
        hit.append(name)
        return HOSTILE_HEAD + value + HOSTILE_TAIL

    probed = schema_walk.rewrite(root, full_file, only_this)
    assert hit, f"fill {field} in full_file"
    with pytest.raises(ConferenceFileError) as refused:
        parse_conference_file(probed, "feindlich.json")
    said = refused.value.in_language("en")
    assert "\n" not in said and said.startswith("feindlich.json: $")


@pytest.mark.parametrize(
    "schema", [json_schema, package_json_schema], ids=["conference", "package"]
)
def test_every_integer_of_both_file_formats_has_bounds_the_schema_states(schema: Any) -> None:
    root = schema()
    unbounded = [
        field
        for field, node in _integer_nodes(root)
        if "const" not in node
        and "enum" not in node  # a few values, every one stated
        and ("minimum" not in node or "maximum" not in node or node["maximum"] >= 2**31)
    ]
    assert not unbounded


def _integer_nodes(root: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    found = []
    for name, model in [("$", root), *root.get("$defs", {}).items()]:
        for key, sub in model.get("properties", {}).items():
            for node in _integers(root, sub):
                found.append((f"{name}.{key}", node))
    return found


def _integers(root: dict[str, Any], node: dict[str, Any]) -> list[dict[str, Any]]:
    if "$ref" in node:
        return []  # a model of its own: walked by itself
    if "anyOf" in node:
        return [n for option in node["anyOf"] for n in _integers(root, option)]
    if node.get("type") == "array":
        return _integers(root, node.get("items", {}))
    return [node] if node.get("type") == "integer" else []


@pytest.mark.parametrize("name", ["conference_file", "case_package"])
def test_the_schema_files_in_resources_state_the_bounds(name: str) -> None:
    on_disk = json.loads((RESOURCES / f"{name}.schema.json").read_text("utf-8"))
    stated = ("maximum", "const", "enum")
    assert not [f for f, n in _integer_nodes(on_disk) if not any(k in n for k in stated)]


@pytest.mark.parametrize("field", sorted(schema_walk.fields(json_schema(), "integer")))
def test_an_integer_out_of_bounds_is_refused_in_one_line(
    field: str, full_file: dict[str, Any]
) -> None:
    hit: list[str] = []

    def only_this(name: str, _schema: dict[str, Any], value: int) -> int:
        if name != field or hit:
            return value
        hit.append(name)
        return 2**70

    probed = schema_walk.rewrite(json_schema(), full_file, only_this, kind="integer")
    assert hit, f"fill {field} in full_file"
    with pytest.raises(ConferenceFileError) as refused:
        parse_conference_file(probed, "gross.json")
    said = refused.value.in_language("en")
    assert "\n" not in said and said.startswith("gross.json: $")
    german = refused.value.in_language("de")
    assert german != said and not [w for w in ("Input", "less than", "should") if w in german]


def test_a_revision_of_2_to_the_70_is_one_line_exit_1_and_nothing_stored(
    db_url: str, full_file: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    full_file["results"]["ballots"][0]["revision"] = 2**70
    path = tmp_path / "gross.votum-conference.json"
    path.write_text(json.dumps(full_file), "utf-8")
    assert main(["--db", db_url, "conference", "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "$.results.ballots[0].revision" in err
    database = Database.open(db_url)
    try:
        with database.read() as session:
            assert session.scalar(select(func.count(Conference.id))) == 0
    finally:
        database.dispose()


def test_an_invitation_without_a_link_gets_a_new_one_and_the_summary_says_so(
    db_url: str, full_file: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    full_file["results"] = None
    full_file["invitations"][1]["token"] = None
    code = full_file["invitations"][1]["site"]
    kept = full_file["invitations"][0]["token"]
    path = tmp_path / "ohne-link.votum-conference.json"
    path.write_text(json.dumps(full_file), "utf-8")
    assert main(["--db", db_url, "conference", "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"(1: {code})" in out and "python main.py links" in out
    database = Database.open(db_url)
    try:
        with database.read() as session:
            conf_id = session.scalars(select(Conference.id)).one()
            by_code = {i.site.code: i for i in invitations(session, conf_id)}
            fresh = by_code[code].token
            assert fresh and resolve_site_token(session, fresh).site_id == by_code[code].site.id
            assert kept in {i.token for i in by_code.values()}  # the others keep theirs
    finally:
        database.dispose()
