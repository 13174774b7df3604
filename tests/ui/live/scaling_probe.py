"""Run by tests/ui/live/test_scaling.py in a process of its own, because Qt reads
``QT_SCALE_FACTOR`` only before the QApplication exists:

    QT_SCALE_FACTOR=1.25 QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json \
        python -m tests.ui.live.scaling_probe de OUT.json

Opens the demo in the main window on the offscreen screen SCREEN.json describes,
sized to the screen's free area (the taskbar and the title bar taken off, in logical
pixels as Windows scales them), walks the live console through a question, and writes
what does not fit or is cut off as JSON (an empty list when everything fits), with a
screenshot beside OUT.json.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

#: Windows 11's taskbar and a window's title bar, in logical pixels (both scale with DPI)
TASKBAR = 48
TITLE_BAR = 32


def _not_clipped(button) -> bool:  # type: ignore[no-untyped-def]
    text = button.fontMetrics().horizontalAdvance(button.text().replace("&", ""))
    return button.width() >= max(button.minimumSizeHint().width(), text + 8)


def _on_screen(widget, window) -> bool:  # type: ignore[no-untyped-def]
    top_left = widget.mapTo(window, widget.rect().topLeft())
    bottom_right = widget.mapTo(window, widget.rect().bottomRight())
    inside = window.rect().contains(top_left) and window.rect().contains(bottom_right)
    return inside and widget.isVisible() and widget.width() > 0 and widget.height() > 0


def probe(lang: str, folder: Path) -> dict[str, object]:
    from PySide6.QtCore import QSettings, QSize
    from PySide6.QtWidgets import QAbstractButton

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    from app.db import Database
    from app.services.demo import load_demo
    from app.services.moderator_actions import CLOSE, CURRENT, OPEN, REVEAL
    from app.ui.application import create_application
    from app.ui.i18n import install_language
    from app.ui.mainwindow import MainWindow

    app = create_application([])
    install_language(lang)
    url = f"sqlite:///{(folder / 'votum.sqlite3').as_posix()}"
    db = Database.open(url)
    with db.write() as session:
        conf_id = load_demo(session)
    screen = app.primaryScreen().geometry().size()
    free = QSize(screen.width(), screen.height() - TASKBAR - TITLE_BAR)
    window = MainWindow(url, conf_id, offer_demo=False, auto_start_server=False, warm=False)
    window.show()
    while window.workspace is None:
        app.processEvents()
    window.resize(free)
    window.show_live()
    workspace = window.workspace
    console, session = workspace.console, workspace.session
    assert console is not None and session is not None
    problems: list[str] = []

    def check(state: str) -> None:
        for _ in range(5):
            app.processEvents()
        hint = window.minimumSizeHint()
        if hint.width() > free.width() or hint.height() > free.height():
            problems.append(f"{state}: the window needs {hint.toTuple()}, free {free.toTuple()}")
        if window.width() > free.width() or window.height() > free.height():
            problems.append(f"{state}: the window is {window.size().toTuple()}")
        for button in console.findChildren(QAbstractButton):
            if button.isVisible() and button.text() and not _not_clipped(button):
                problems.append(f"{state}: button {button.text()!r} cut to {button.width()} px")
        for name in ("primary", "count", "chart", "notes"):
            if not _on_screen(getattr(console, name), window):
                problems.append(f"{state}: {name} is not on the screen")
        grid = console.count.missing
        if grid.verticalScrollBar().maximum() > 0 or not _on_screen(grid, window):
            problems.append(f"{state}: the missing sites do not all show")
        if console.chart.height() < 100:
            problems.append(f"{state}: the chart is {console.chart.height()} px high")

    question = console.snapshot.question
    assert question is not None
    check("not yet opened")
    session.act(OPEN(question_id=question.id))
    check("open")
    session.act(CLOSE(question_id=question.id))
    check("closed")
    session.act(REVEAL(question_id=question.id))
    check("revealed")
    last = [q for c in console.snapshot.cases for q in c.questions][-1]
    session.act(CURRENT(question_id=last.id))
    check("last question")
    ratio = app.primaryScreen().devicePixelRatio()
    compact = console.more_row.compact  # the shortcuts only in tooltips and menus
    path = folder / "console.png"
    window.grab().save(str(path))
    window.close()
    db.dispose()
    return {
        "screen": screen.toTuple(),
        "ratio": ratio,
        "free": free.toTuple(),
        "problems": problems,
        "compact": compact,
        "screenshot": str(path),
    }


if __name__ == "__main__":
    lang, out = sys.argv[1:3]
    Path(out).write_text(json.dumps(probe(lang, Path(out).parent)), "utf-8")
