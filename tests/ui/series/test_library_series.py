"""The series in the desktop library: the archive search answers as you type, the plan
makes the next conference in one step, participation shows its table and heat map, and
a question's earlier asking is linked or unlinked by hand in the editor; every tab fits
1280×720 in German and English."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize, Qt
from pytestqt.qtbot import QtBot

from app.db import Database
from app.services import agenda, asked_before, conferences
from app.services.demo import load_demo
from app.ui.i18n import install_language
from app.ui.mainwindow import MainWindow


@pytest.fixture
def demo_round(db: Database) -> int:
    with db.write() as session:
        return load_demo(session, series=True)


@pytest.fixture
def window(qtbot: QtBot, db_url: str, demo_round: int, prompter: object) -> Iterator[MainWindow]:
    shown = MainWindow(db_url, offer_demo=False, auto_start_server=False, warm=False)
    qtbot.addWidget(shown)
    with qtbot.waitSignal(shown.ready, timeout=10_000):
        shown.show()
    yield shown


def test_the_archive_search_answers_as_you_type(qtbot: QtBot, window: MainWindow) -> None:
    library = window.library
    assert library is not None
    qtbot.keyClicks(library.search.field, "g12d")
    qtbot.waitUntil(lambda: library.search.model.rowCount() == 4, timeout=3000)
    assert library.search.view.isVisible() and not library.view.isVisible()
    hits = [
        (h.date.isoformat(), h.number, h.result.summary("en") if h.result else None)
        for h in library.search.model.hits
    ]
    assert hits == [
        ("2026-11-18", "1.1", "Keine Empfehlung 81 % · Consensus"),
        ("2026-11-18", "1.2", "m2B 63 % · Majority agreement"),
        ("2026-06-17", "1.1", "Keine Empfehlung 60 % · Majority agreement"),
        ("2026-06-17", "1.2", "m3 56 % · Majority agreement"),
    ]
    assert library.search.count.text() == "4 questions found"
    model = library.search.model
    assert model.data(model.index(2, 1)) == "DEMO – KRAS in der Präzisionsonkologie"
    qtbot.keyClick(library.search.field, Qt.Key.Key_Escape)  # the conferences come back
    qtbot.waitUntil(lambda: library.view.isVisible())
    assert library.search.field.text() == "" and not library.search.view.isVisible()
    qtbot.keyClicks(library.search.field, "HCQ")
    qtbot.keyClick(library.search.field, Qt.Key.Key_Return)  # at once, into the hits
    assert library.search.view.hasFocus() and library.search.model.rowCount() == 2
    june = library.search.model.hits[1].conference_id
    qtbot.keyClick(library.search.view, Qt.Key.Key_Down)
    qtbot.keyClick(library.search.view, Qt.Key.Key_Return)  # opens the hit's conference
    qtbot.waitUntil(lambda: window.workspace is not None)
    assert window.workspace is not None and window.workspace.conference_id == june


def test_the_plan_makes_the_next_conference_in_one_step(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    library = window.library
    assert library is not None
    library.show_tab(library.SERIES)
    plan = library.plan
    states = [
        (plan.model.data(plan.model.index(r, 0)), plan.model.data(plan.model.index(r, 4)))
        for r in range(plan.model.rowCount())
    ]
    assert states == [
        ("17.06.2026", "published"),
        ("18.11.2026", "held"),
        ("20.01.2027", "planned"),
        ("17.03.2027", "planned"),
    ]
    plan.view.selectRow(2)
    assert plan.make.isEnabled() and not plan.open.isEnabled()
    qtbot.mouseClick(plan.make, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: library.model.rowCount() == 3)
    row = plan.current()
    assert row is not None and row.slug.startswith("2027-01-20") and row.conference_id
    with db.read() as session:
        conf = conferences.get_conference(session, row.conference_id)
    assert conf.n_invited == 18 and conf.fellows[0].name == "Dr. med. Clara Campus"
    assert plan.open.isEnabled() and not plan.make.isEnabled()


def test_participation_shows_the_table_and_the_heat_map(qtbot: QtBot, window: MainWindow) -> None:
    library = window.library
    assert library is not None
    library.show_tab(library.PARTICIPATION)
    view = library.participation
    view.year.setCurrentIndex(view.year.findData(2026))
    assert view.model.rowCount() == 18
    rows = {
        view.model.data(view.model.index(r, 0)): view.model.data(view.model.index(r, 2))
        for r in range(view.model.rowCount())
    }
    assert rows["Universitätsklinikum Dresden (DD)"] == "5 / 5 · 100 %"
    assert rows["Universitätsmedizin Göttingen (GOE)"] == "3 / 5 · 60 %"
    assert view.summary.text() == "2 sessions held · 17 sites took part"
    pixmap = view.picture.pixmap()
    assert not pixmap.isNull() and pixmap.height() > 18 * 15
    years = [view.year.itemText(i) for i in range(view.year.count())]
    assert years == ["2026", "the whole round"]  # the years that had a conference
    view.year.setCurrentIndex(1)
    assert view.model.rowCount() == 18 and view.table_data is not None
    assert len(view.table_data.sessions) == 2


def test_a_link_is_made_and_removed_by_hand_in_the_editor(
    qtbot: QtBot, db_url: str, db: Database, demo_round: int, prompter: object
) -> None:
    window = MainWindow(db_url, demo_round, offer_demo=False, auto_start_server=False, warm=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    editor = window.workspace.editor  # type: ignore[union-attr]
    with db.read() as session:
        first = agenda.agenda(session, demo_round)[0].questions[0].id
    editor.select("question", first)
    box = editor.question_form.asked_before
    assert box.state.text().startswith("17.06.2026 · DEMO – KRAS in der Präzisionsonkologie · 1.1")
    assert box.state.text().endswith("(the same text)")
    qtbot.mouseClick(box.unlink, Qt.MouseButton.LeftButton)
    assert box.state.text() == "Not asked before (chosen by hand)."
    with db.read() as session:
        assert asked_before.earlier_asking(session, first) is None
    assert box.follow.isEnabled()
    qtbot.mouseClick(box.follow, Qt.MouseButton.LeftButton)
    assert box.state.text().endswith("(the same text)") and not box.follow.isEnabled()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_library_tab_fits_a_laptop(
    qtbot: QtBot, db_url: str, demo_round: int, lang: str
) -> None:
    install_language(lang)
    window = MainWindow(db_url, offer_demo=False, auto_start_server=False, warm=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    library = window.library
    assert library is not None
    library.search.field.setText("KRAS")
    library.search.run()
    for tab in (library.CONFERENCES, library.SERIES, library.PARTICIPATION):
        library.show_tab(tab)
        hint = window.minimumSizeHint()
        assert hint.boundedTo(QSize(1280, 720)) == hint, (tab, hint)
