"""The main window with the live console fits a 1280×720 laptop screen, in German and English:
nothing needed during a question falls off, no button text is clipped, 40 missing sites show
without scrolling."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from app.models import QuestionState
from app.services.moderator_actions import CLOSE, CURRENT, OPEN, REVEAL
from app.services.results import LiveStatus
from app.services.views import SiteInfo, name_key
from app.ui.i18n import install_language
from app.ui.live.console import LiveConsole
from app.ui.live.session import LiveSession
from app.ui.mainwindow import MainWindow

SIZES = [(1280, 720), (1366, 768)]


def _open_window(qtbot, db_url: str, demo_id: int, size: tuple[int, int]) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(db_url, demo_id, auto_start_server=False, warm=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    window.resize(*size)
    window.show_live()
    QApplication.processEvents()
    return window


def _not_clipped(button: QPushButton) -> bool:
    """The button is as wide as its text (and the style's padding) needs."""
    text = button.fontMetrics().horizontalAdvance(button.text())
    return button.width() >= max(button.sizeHint().width(), text + 8)


def _on_screen(widget: QWidget, window: QWidget) -> bool:
    top_left = widget.mapTo(window, widget.rect().topLeft())
    bottom_right = widget.mapTo(window, widget.rect().bottomRight())
    inside = window.rect().contains(top_left) and window.rect().contains(bottom_right)
    return inside and widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _states(session: LiveSession, console: LiveConsole):  # type: ignore[no-untyped-def]
    """Walk the current question through every state, then to the end of the agenda."""
    question = console.snapshot.question
    assert question is not None and question.state is QuestionState.DRAFT
    yield "open"
    session.act(OPEN(question_id=question.id))
    yield "close"
    session.act(CLOSE(question_id=question.id))
    yield "reveal"
    session.act(REVEAL(question_id=question.id))
    yield "next"
    last = [q for c in console.snapshot.cases for q in c.questions][-1]
    session.act(CURRENT(question_id=last.id))
    if last.state is QuestionState.DRAFT:
        session.act(OPEN(question_id=last.id))
    if console.snapshot.question.state is not QuestionState.CLOSED:
        session.act(CLOSE(question_id=last.id))
    if not console.snapshot.question.revealed:
        session.act(REVEAL(question_id=last.id))
    yield "end"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_minimum_size_fits_a_1280x720_screen(qtbot, db_url, demo_id, prompter, lang) -> None:  # type: ignore[no-untyped-def]
    install_language(lang)
    window = _open_window(qtbot, db_url, demo_id, (1280, 720))
    hint = window.minimumSizeHint()
    assert hint.width() <= 1280 and hint.height() <= 720, hint
    assert window.width() <= 1280 and window.height() <= 720


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("size", SIZES)
def test_primary_button_text_is_never_clipped(qtbot, db_url, demo_id, prompter, lang, size) -> None:  # type: ignore[no-untyped-def]
    install_language(lang)
    window = _open_window(qtbot, db_url, demo_id, size)
    workspace = window.workspace
    assert workspace is not None and workspace.console is not None
    console, session = workspace.console, workspace.session
    assert session is not None
    seen = []
    for state in _states(session, console):
        QApplication.processEvents()
        seen.append(state)
        assert console.primary.text(), state
        assert _not_clipped(console.primary), (
            state,
            console.primary.text(),
            console.primary.width(),
        )
        visible = [b for b in console.findChildren(QPushButton) if b.isVisible()]
        for button in visible:
            assert _not_clipped(button), (state, button.text(), button.width())
        # one button per step: the primary step has no second button ("Weiter" once)
        primary = console.primary_action()
        if primary is not None:
            keys = primary.shortcut().toString(primary.shortcut().SequenceFormat.NativeText)
            assert [b for b in visible if b.text().endswith(keys)] == [console.primary], state
        # what a question needs stays on the screen: the step, the count, the notes
        for widget in (console.primary, console.count, console.chart, console.notes):
            assert _on_screen(widget, window), (state, widget)
    assert seen == ["open", "close", "reveal", "next", "end"]
    assert console.primary.text() in ("End of the agenda", "Ende der Agenda")


def _sites(n: int) -> tuple[SiteInfo, ...]:
    """Codes and cities as long as real ones get ("UKSH-KI12", "Frankfurt am Main"); the
    names sort otherwise than the codes ("Aachen …" has the code "UKSH-KI0")."""
    codes = ["UKSH-KI", "MHH", "LMU", "TUM", "UKE", "CHARITE", "UKD", "UKF"] * 5
    cities = ["Kiel", "Hannover", "München", "Frankfurt am Main", "Hamburg", "Berlin"] * 7
    return tuple(
        SiteInfo(i, f"Universitätsklinikum {chr(65 + i % 26)}-Stadt {i}", f"{codes[i]}{i}",
                 cities[i], "")
        for i in range(n)
    )  # fmt: skip


@pytest.mark.parametrize("size", SIZES)
def test_forty_missing_sites_show_without_scrolling(qtbot, db_url, demo_id, prompter, size) -> None:  # type: ignore[no-untyped-def]
    install_language("de")
    window = _open_window(qtbot, db_url, demo_id, size)
    console = window.workspace.console
    sites = _sites(40)
    console.count.show_status(LiveStatus(console.snapshot.question, (), sites))
    QApplication.processEvents()
    grid = console.count.missing
    assert grid.count() == 40
    viewport = grid.viewport().rect()
    for row in range(grid.count()):
        rect = grid.visualItemRect(grid.item(row))
        assert viewport.contains(rect), (row, rect, viewport)
    assert grid.verticalScrollBar().maximum() == 0
    assert _on_screen(grid, window)
    # 40 sites leave no room for the city: the codes, ordered as shown; the name on hover
    shown = [grid.item(row).text() for row in range(grid.count())]
    assert shown == sorted((s.code for s in sites), key=name_key)
    first = next(s for s in sites if s.code == shown[0])
    assert grid.item(0).toolTip() == first.name
    assert console.count.missing_names()[0] == first.name


@pytest.mark.parametrize("size", SIZES)
def test_missing_sites_show_their_city_if_it_fits(qtbot, db_url, demo_id, prompter, size) -> None:  # type: ignore[no-untyped-def]
    window = _open_window(qtbot, db_url, demo_id, size)
    console = window.workspace.console
    grid = console.count.missing
    missing = console.snapshot.status.missing
    assert len(missing) == 17 and grid.with_city
    shown = [grid.item(row).text() for row in range(grid.count())]
    expected = sorted(missing, key=lambda s: name_key(s.code))
    assert shown == [f"{s.code} · {s.city}" for s in expected]
    assert shown[:3] == ["B · Berlin", "DD · Dresden", "E · Essen"]
    # a long city is cut short on screen, never for the screen reader or on hover
    frankfurt = shown.index("F · Frankfurt am Main")
    assert grid.item(frankfurt).toolTip() == expected[frankfurt].name
    viewport = grid.viewport().rect()
    for row in range(grid.count()):
        assert viewport.contains(grid.visualItemRect(grid.item(row))), row
    assert _on_screen(grid, window)
