"""The site registry page: invite by ticking, refusals shown, new sites."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.services import ballots, conferences
from app.ui.editor.sites_page import NewSiteDialog, SitesPage
from app.ui.i18n import install_language


def _invited(db, conf_id: int) -> set[int]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return {i.site.id for i in conferences.invitations(s, conf_id)}


def test_invite_and_withdraw_by_ticking(qtbot, db, demo_id, prompter) -> None:  # type: ignore[no-untyped-def]
    page = SitesPage(db, demo_id)
    qtbot.addWidget(page)
    model = page.model
    with db.read() as s:
        absent = next(i.site for i in conferences.invitations(s, demo_id) if not i.present)
        voted = next(
            i.site
            for i in conferences.invitations(s, demo_id)
            if ballots.site_has_ballots(s, demo_id, i.site.id)
        )
    rows = {model.site_at(r).id: r for r in range(model.rowCount())}
    check = Qt.ItemDataRole.CheckStateRole
    model.setData(model.index(rows[absent.id], 0), Qt.CheckState.Unchecked, check)
    assert absent.id not in _invited(db, demo_id)
    qtbot.waitUntil(lambda: page.summary.text().startswith("17 of"), timeout=2000)
    model.setData(model.index(rows[absent.id], 0), Qt.CheckState.Checked, check)
    assert absent.id in _invited(db, demo_id)
    assert prompter.errors == []

    # a site that has voted keeps its invitation, and the moderator is told why
    model.setData(model.index(rows[voted.id], 0), Qt.CheckState.Unchecked, check)
    assert voted.id in _invited(db, demo_id)
    assert prompter.errors and "voted" in prompter.errors[-1][1]


def test_new_site_dialog_shows_the_reason_inline(qtbot, db, demo_id, prompter) -> None:  # type: ignore[no-untyped-def]
    dialog = NewSiteDialog(db)
    qtbot.addWidget(dialog)
    dialog.name.setText("Universitätsklinikum Dresden")
    dialog.code.setText("DD")
    dialog.accept()
    assert dialog.site_id is None and "exists" in dialog.error.text()
    dialog.name.setText("Universitätsklinikum Augsburg")
    dialog.code.setText("A")
    dialog.accept()
    assert dialog.site_id is not None
    assert prompter.errors == []


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "de",
            [
                "Standort „Universitätsklinikum Dresden“ (DD) gibt es schon",
                "Kürzel: darf nicht leer sein",
            ],
        ),
        (
            "en",
            ["site “Universitätsklinikum Dresden” (DD) already exists", "code: must not be empty"],
        ),
    ],
)
def test_the_registry_refuses_in_the_ui_language_only(
    qtbot, db, demo_id, prompter, lang, expected
) -> None:  # type: ignore[no-untyped-def]
    install_language(lang)
    dialog = NewSiteDialog(db)
    qtbot.addWidget(dialog)
    said = []
    for name, code in (("Universitätsklinikum Dresden", "DD"), ("Klinik A / B", "")):
        dialog.name.setText(name)
        dialog.code.setText(code)
        dialog.accept()
        said.append(dialog.error.text())
    assert said == expected
