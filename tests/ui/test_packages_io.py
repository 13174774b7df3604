"""Import, merge and export of case packages from the desktop app."""

from __future__ import annotations

import base64
import json
from pathlib import Path

from app.services import agenda
from app.services.packages import read_package
from app.ui.editor import packages_io
from app.ui.editor.packages_io import OrderDialog
from app.ui.i18n import install_language


def _case_titles(db, conf_id: int) -> list[str]:  # type: ignore[no-untyped-def]
    with db.read() as session:
        return [c.title for c in agenda.agenda(session, conf_id)]


def _package(path: Path, *titles: str) -> Path:
    cases = [{"title": t, "questions": [{"text": "Ja?", "kind": "yes_no"}]} for t in titles]
    path.write_text(json.dumps({"format": "votum-case-package", "version": 1, "cases": cases}))
    return path


def test_broken_package_is_refused_with_a_message_and_nothing_changes(
    qtbot, db, demo_id, tmp_path, prompter
) -> None:  # type: ignore[no-untyped-def]
    before = _case_titles(db, demo_id)
    good = _package(tmp_path / "gut.votum.json", "Guter Fall")
    broken = tmp_path / "kaputt.votum.json"
    broken.write_text(
        json.dumps(
            {
                "cases": [
                    {
                        "title": "Fall mit Fehler",
                        "findings": [{"gene": "KRAS", "alteration": "p.G12D", "vaf": 140}],
                    }
                ]
            }
        )
    )
    result = packages_io.import_into(None, db, [good, broken], demo_id)
    assert result is None
    assert _case_titles(db, demo_id) == before  # all or nothing: the good file is not in either
    ((title, text),) = prompter.errors
    assert "not imported" in title
    assert "kaputt.votum.json" in text and "$.cases[0].findings[0].vaf" in text

    not_json = tmp_path / "notjson.votum.json"
    not_json.write_text("{ this is not json")
    assert packages_io.import_into(None, db, [not_json], demo_id) is None
    assert "line 1" in prompter.errors[-1][1]
    assert _case_titles(db, demo_id) == before


def test_merge_several_packages_in_the_chosen_order(qtbot, db, tmp_path, prompter) -> None:  # type: ignore[no-untyped-def]
    first = _package(tmp_path / "a.votum.json", "Fall A")
    second = _package(tmp_path / "b.votum.json", "Fall B1", "Fall B2")
    dialog = OrderDialog([first, second])
    qtbot.addWidget(dialog)
    dialog.list.setCurrentRow(1)
    dialog.on_up_clicked()
    assert dialog.paths() == [second, first]
    conf_id = packages_io.import_into(None, db, dialog.paths(), None)
    assert conf_id is not None
    assert _case_titles(db, conf_id) == ["Fall B1", "Fall B2", "Fall A"]
    assert "3" in prompter.infos[-1][1]


def test_export_writes_a_valid_package(qtbot, db, demo_id, tmp_path, prompter) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "export.votum.json"
    assert packages_io.export_to(None, db, demo_id, target) == target
    loaded = read_package(target)
    assert [c.title for c in loaded.package.cases] == _case_titles(db, demo_id)


def test_deep_nesting_and_giant_numbers_are_shown_in_the_import_dialog(
    qtbot, db, demo_id, tmp_path, prompter
) -> None:  # type: ignore[no-untyped-def]
    before = _case_titles(db, demo_id)
    deep = tmp_path / "tief.votum.json"
    deep.write_text('{"cases": ' + "[" * 100_000 + "]" * 100_000 + "}")
    giant = tmp_path / "riesig.votum.json"
    giant.write_text('{"cases": [{"title": "X", "age": ' + "7" * 5000 + "}]}")
    twice = tmp_path / "doppelt.votum.json"
    twice.write_text('{"cases": [{"title": "X", "title": "Y"}]}')
    for path, problem in (
        (deep, "tief.votum.json: $: nested too deeply"),
        (giant, "riesig.votum.json: $.cases[0].age: number too long (5000 digits)"),
        (twice, 'doppelt.votum.json: $.cases[0]: duplicate key "title"'),
    ):
        assert packages_io.import_into(None, db, [path], demo_id) is None
        title, text = prompter.errors[-1]
        assert "not imported" in title and problem in text
        assert "Ziffern" not in text and "verschachtelt" not in text  # the UI's language only
    assert len(prompter.errors) == 3
    assert _case_titles(db, demo_id) == before


def test_a_broken_file_is_said_whole_in_the_ui_language(
    qtbot, db, demo_id, tmp_path, prompter
) -> None:  # type: ignore[no-untyped-def]
    image = {"filename": "ct.png", "data": base64.b64encode(b"no image").decode()}
    broken = tmp_path / "bild.votum.json"
    broken.write_text(json.dumps({"cases": [{"title": "X", "images": [image]}]}))
    twice = tmp_path / "doppelt.votum.json"
    twice.write_text('{"cases": [{"title": "X", "title": "Y"}]}')
    shown = {}
    try:
        for lang in ("en", "de"):
            install_language(lang)
            for path in (broken, twice):
                assert packages_io.import_into(None, db, [path], demo_id) is None
                shown[lang, path.name] = prompter.errors[-1][1]
    finally:
        install_language("en")
    # the place is said in the reader's language too ("image", not the German "Bild")
    assert (
        "bild.votum.json: image ct.png: not a readable PNG or JPEG image"
        in shown["en", "bild.votum.json"]
    )
    assert "Bild" not in shown["en", "bild.votum.json"]
    assert (
        "bild.votum.json: Bild ct.png: kein lesbares PNG- oder JPEG-Bild"
        in shown["de", "bild.votum.json"]
    )
    assert "readable" not in shown["de", "bild.votum.json"]
    assert (
        'doppelt.votum.json: $.cases[0]: Schlüssel "title" doppelt'
        in shown["de", "doppelt.votum.json"]
    )
    assert "duplicate" not in shown["de", "doppelt.votum.json"]
