"""The editor and the library fit a laptop: the window's minimum size stays within
1280×720 in German and English, with the demo and with long hostile texts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize

from app.ui.i18n import install_language
from app.ui.mainwindow import DEFAULT_SIZE, MainWindow, default_size

LAPTOP = QSize(1280, 720)


def _fits(size: QSize) -> bool:
    return size.width() <= LAPTOP.width() and size.height() <= LAPTOP.height()


def _every_page_fits(qtbot, db_url: str, conf_id: int) -> list[tuple[str, tuple[int, int]]]:  # type: ignore[no-untyped-def]
    """(page, minimum size) of every editor page and the library that does not fit."""
    window = MainWindow(db_url, conf_id, offer_demo=False, auto_start_server=False, warm=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    editor = window.workspace.editor  # type: ignore[union-attr]
    too_big: list[tuple[str, tuple[int, int]]] = []

    def check(page: str) -> None:
        hint = window.minimumSizeHint()
        if not _fits(hint):
            too_big.append((page, hint.toTuple()))

    for tab in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(tab)
        check(editor.tabs.tabText(tab))
    for case in editor.agenda_model.cases():
        editor.select("case", case.id)
        check(f"case {case.number}")
        for question in case.questions:
            editor.select("question", question.id)
            check(f"question {question.number}")
    window.show_library()
    check("library")
    return too_big


@pytest.mark.parametrize("lang", ["de", "en"])
def test_editor_and_library_fit_1280x720_with_the_demo(qtbot, db_url, demo_id, lang: str) -> None:  # type: ignore[no-untyped-def]
    install_language(lang)
    assert _every_page_fits(qtbot, db_url, demo_id) == []


@pytest.mark.parametrize("lang", ["de", "en"])
def test_editor_and_library_fit_1280x720_with_long_texts(
    qtbot, db_url, hostile_id, lang: str
) -> None:  # type: ignore[no-untyped-def]
    install_language(lang)
    assert _every_page_fits(qtbot, db_url, hostile_id) == []


@pytest.mark.parametrize(
    ("available", "expected"),
    [((1920, 1040), (1280, 800)), ((1366, 728), (1280, 688)), ((1280, 680), (1280, 640))],
)
def test_first_window_size_fits_the_free_screen(
    available: tuple[int, int], expected: tuple[int, int]
) -> None:
    assert default_size(QSize(*available)).toTuple() == expected
    assert DEFAULT_SIZE.toTuple() == (1280, 800)
