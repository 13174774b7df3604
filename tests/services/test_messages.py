"""The service catalog: every refusal of the services is whole in each language."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from app.db import Database
from app.services import ballots, conferences, site_registry
from app.services.errors import InvalidInput, NotFound
from app.services.messages import MESSAGES, say
from tests.services.helpers import make_conference

APP = Path(__file__).resolve().parents[2] / "app"
#: the service modules whose refusals come from this catalog (the file imports follow)
CONVERTED = (
    "agenda",
    "ballots",
    "cme",
    "conferences",
    "fetch_home",
    "files",
    "lifecycle",
    "notes",
    "site_registry",
    "text",
    "tokens",
    "voting",
)
ERRORS = {"VotumError", "InvalidInput", "NotFound", "StateConflict", "Forbidden", "RegistryError"}


def test_a_site_name_with_a_slash_stays_whole_in_each_language(db: Database) -> None:
    setup = make_conference(db, n_sites=1)
    with db.write() as session:
        conferences.save_site(
            session, conferences.SiteData("Klinikum A / B", "S000"), setup.site_ids[0]
        )
        ballots.cast_ballot(
            session, setup.question_id, setup.site_ids[0], option_ids=[setup.option_ids[0]]
        )
    with pytest.raises(InvalidInput) as caught, db.write() as session:
        conferences.uninvite_site(session, setup.conference_id, setup.site_ids[0])
    assert caught.value.in_language("de") == (
        "Klinikum A / B hat bereits abgestimmt; die Einladung bleibt"
    )
    assert (
        caught.value.in_language("en") == "Klinikum A / B has already voted; the invitation stays"
    )


def test_an_unknown_conference_names_the_known_ones_in_each_language(db: Database) -> None:
    make_conference(db, n_sites=1)
    with pytest.raises(NotFound) as caught, db.read() as session:
        conferences.find_conference(session, "gibt-es-nicht")
    slug = caught.value.in_language("de").rsplit(": ", 1)[-1].rstrip(")")
    assert caught.value.in_language("de") == (
        f"Konferenz „gibt-es-nicht“ nicht gefunden (vorhanden: {slug})"
    )
    assert caught.value.in_language("en") == (
        f"conference not found: “gibt-es-nicht” (known: {slug})"
    )


def test_a_registry_problem_says_file_and_line_in_each_language(tmp_path: Path) -> None:
    path = tmp_path / "sites.csv"
    path.write_text("code,name\nDD,Dresden\nDD,Dresden Nord\n", "utf-8")
    with pytest.raises(site_registry.RegistryError) as caught:
        site_registry.read_registry(path)
    assert caught.value.in_language("de") == "sites.csv: Zeile 3: Kürzel „DD“ kommt doppelt vor"
    assert caught.value.in_language("en") == "sites.csv: line 3: code “DD” appears twice"


def test_a_refused_registry_site_nests_the_reason_in_the_same_language(db: Database) -> None:
    make_conference(db, n_sites=1)  # "Universitätsklinikum S000", code S000
    clash = site_registry.FileSite(code="NEU", name="Universitätsklinikum S000")
    with pytest.raises(site_registry.RegistryError) as caught, db.write() as session:
        site_registry.import_registry(session, [clash], name="sites.csv")
    assert caught.value.in_language("de") == (
        "sites.csv: Standort 1 (NEU): Standort „Universitätsklinikum S000“ (S000) gibt es schon"
    )
    assert caught.value.in_language("en") == (
        "sites.csv: site 1 (NEU): site “Universitätsklinikum S000” (S000) already exists"
    )


def test_the_time_field_is_named_in_each_language(db: Database) -> None:
    setup = make_conference(db, n_sites=1)
    with pytest.raises(InvalidInput) as caught, db.write() as session:
        conferences.update_conference(session, setup.conference_id, ends_at="25:00")
    assert caught.value.in_language("de") == "Ende „25:00“: Uhrzeit HH:MM erwartet"
    assert caught.value.in_language("en") == "end “25:00”: time must be HH:MM"


@pytest.mark.parametrize("module", CONVERTED)
def test_a_converted_service_raises_no_text_written_in_both_languages(module: str) -> None:
    tree = ast.parse((APP / "services" / f"{module}.py").read_text("utf-8"))
    written = [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Raise)
        and isinstance(node.exc, ast.Call)
        and isinstance(node.exc.func, ast.Name)
        and node.exc.func.id in ERRORS
        and any(isinstance(arg, ast.Constant | ast.JoinedStr) for arg in node.exc.args)
    ]
    assert written == [], f"app/services/{module}.py raises a written text at lines {written}"


def test_every_key_of_the_catalog_is_said_somewhere() -> None:
    sources = "\n".join(
        path.read_text("utf-8")
        for path in APP.rglob("*.py")
        if path != APP / "services" / "messages.py"
    )
    unused = [key for key in MESSAGES.table("de") if f'"{key}"' not in sources]
    assert unused == []


def test_say_fills_a_nested_field_name_in_the_same_language() -> None:
    message = say("field_too_long", field=say("field_note"), limit=20_000)
    assert message.in_language("de") == "Notiz: höchstens 20000 Zeichen"
    assert message.in_language("en") == "note: at most 20000 characters"
