"""Render the main views on the demo conference to PNG: editor, live console, presenter view,
in German and English, light and dark. ``python tools/screenshots.py [OUT_DIR]``.

Runs offscreen, starts a real voting server on 127.0.0.1 (port 0) and casts a few ballots
through the services so that the count and the chart have something to show.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QWidget

from app.db import Database
from app.models import BallotSource
from app.services import ballots, conferences, lifecycle
from app.services.demo import load_demo
from app.services.moderator_actions import CLOSE, REOPEN, REVEAL

#: The main window's size in the shots: the common hospital laptop screen.
LAPTOP = (1366, 768)
OUT = Path(__file__).resolve().parent.parent / "shots"
README_DIR = Path(__file__).resolve().parent.parent / "resources" / "screenshots"
#: The shots the README shows: (shot, file in resources/screenshots).
README_SHOTS = (
    ("console-open-de-light.png", "app-console-de.png"),
    ("console-open-de-dark.png", "app-console-dark.png"),
    ("editor-case-en-light.png", "app-editor-en.png"),
    ("presenter-revealed-laptop-de-light.png", "app-presenter-de.png"),
)


def readme_copy(source: Path, target: Path) -> None:
    """A 256-colour copy (UI shots lose nothing visible; files stay well under 200 KB)."""
    from PIL import Image

    with Image.open(source) as image:
        image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(
            target, optimize=True
        )
    print(f"wrote {target} ({target.stat().st_size // 1024} KB)")


def wait(ms: int = 150) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(condition, timeout_ms: int = 10_000) -> None:  # type: ignore[no-untyped-def]
    waited = 0
    while not condition() and waited < timeout_ms:
        wait(50)
        waited += 50


def grab(widget: QWidget, path: Path) -> None:
    wait(200)
    widget.grab().save(str(path))
    print(f"wrote {path}")


def prepare(db: Database, conf_id: int) -> int:
    """Open question 1.1 round 2 and let most sites vote, one entered by the moderator."""
    with db.write() as s:
        current = conferences.get_conference(s, conf_id).current_question_id
        assert current is not None
        lifecycle.open_question(s, current)
    with db.write() as s:
        invs = conferences.invitations(s, conf_id)
        from app.services.agenda import get_question

        question = get_question(s, current)
        present = [i for i in invs if i.present]
        for n, inv in enumerate(present[:-4]):
            option = question.options[0 if n % 5 else 1].id
            source = BallotSource.MODERATOR if n == 3 else BallotSource.SITE
            ballots.cast_ballot(
                s, current, inv.site.id, option_ids=(option,), source=source, actor="moderator"
            )
    return current


def console_snapshot(workspace):  # type: ignore[no-untyped-def]
    return workspace.console.snapshot if workspace.console else None


def main(out: Path = OUT) -> None:
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="votum-shots-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp))
    from app.ui import messages, settings
    from app.ui.application import create_application

    class Yes(messages.Prompter):
        def confirm(self, parent, title, text, action):  # type: ignore[no-untyped-def]
            return True

    messages.prompter = Yes()
    app = create_application(["votum"])
    app.setStyleSheet("")
    url = f"sqlite:///{(tmp / 'shots.sqlite3').as_posix()}"
    db = Database.open(url)
    with db.write() as s:
        conf_id = load_demo(s)
    question_id = prepare(db, conf_id)

    from app.ui.i18n import install_language
    from app.ui.mainwindow import MainWindow
    from app.ui.theme import apply_theme

    for lang, theme in (("de", "light"), ("en", "light"), ("de", "dark")):
        settings.set_language(lang)
        settings.set_theme(theme)
        install_language(lang)
        apply_theme(app, theme)
        window = MainWindow(url, conf_id, offer_demo=False, warm=False)
        window.resize(*LAPTOP)
        window.show()
        wait_for(lambda w=window: w.workspace is not None)
        workspace = window.workspace
        assert workspace is not None
        suffix = f"{lang}-{theme}"
        editor = workspace.editor
        editor.select("case", editor.agenda_model.cases()[0].id)
        grab(window, out / f"editor-case-{suffix}.png")
        editor.select("question", editor.agenda_model.cases()[0].questions[0].id)
        grab(window, out / f"editor-question-{suffix}.png")
        editor.tabs.setCurrentIndex(0)
        grab(window, out / f"editor-conference-{suffix}.png")
        editor.tabs.setCurrentIndex(1)
        grab(window, out / f"editor-sites-{suffix}.png")
        editor.tabs.setCurrentIndex(2)
        window.show_live()
        session = workspace.session
        assert session is not None
        wait_for(lambda s=session: s.server_state.state in ("running", "failed"))
        session.refresh()
        print("server:", session.server_state)
        grab(window, out / f"console-open-{suffix}.png")
        presenter = workspace.ensure_presenter()
        presenter.resize(1920, 1080)
        presenter.show()
        grab(presenter, out / f"presenter-open-{suffix}.png")
        if lang == "de" and theme == "light":
            session.act(CLOSE(question_id=question_id))
            session.act(REVEAL(question_id=question_id))
            wait_for(lambda s=session: s.pending_actions == 0)  # queued in the writer
            grab(window, out / f"console-revealed-{suffix}.png")
            grab(presenter, out / f"presenter-revealed-{suffix}.png")
            presenter.resize(1280, 720)
            grab(presenter, out / f"presenter-revealed-720p-{suffix}.png")
            presenter.resize(*LAPTOP)
            grab(presenter, out / f"presenter-revealed-laptop-{suffix}.png")
        presenter.close()
        if lang == "de" and theme == "light":
            from app.ui.live.links import LinksDialog

            assert console_snapshot(workspace) is not None
            links = LinksDialog(workspace.console.snapshot.invitations, session.server_state.urls)
            links.show()
            grab(links, out / f"links-{suffix}.png")
            links.close()
            from app.ui.live.attendance import AttendanceDialog
            from app.ui.live.ballot_dialog import BallotDialog

            session.act(REOPEN(question_id=question_id))
            wait_for(lambda s=session: s.pending_actions == 0)
            snap = session.refresh()
            ballot = BallotDialog(snap.question, snap.status, workspace.console)
            ballot.show()
            grab(ballot, out / f"ballot-dialog-{suffix}.png")
            ballot.close()
            attendance = AttendanceDialog(session, workspace.console)
            attendance.show()
            grab(attendance, out / f"attendance-{suffix}.png")
            attendance.close()
            window.show_library()
            grab(window, out / f"library-{suffix}.png")
        if window.workspace is workspace:
            workspace.shutdown()
        window.workspace = None
        window.close()
        window.deleteLater()
        wait(100)
    db.dispose()
    QCoreApplication.processEvents()
    if out == OUT:
        for shot, name in README_SHOTS:
            readme_copy(out / shot, README_DIR / name)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
