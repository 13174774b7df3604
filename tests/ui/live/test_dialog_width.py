"""No dialog of the live session grows wider than a 1280-pixel laptop screen, whatever the
sites are called: a 190-character site name is elided (and whole in its tooltip), a long
option label wraps."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from sqlalchemy import select

from app.models import Conference, Option, Question, Site
from app.services import conferences
from app.services.moderator_actions import OPEN
from app.ui.editor.packages_io import OrderDialog
from app.ui.i18n import install_language
from app.ui.live.attendance import AttendanceDialog, AttendeesDialog
from app.ui.live.ballot_dialog import BallotDialog
from app.ui.live.links import LinksDialog
from app.ui.live.session import LiveSession
from app.ui.poll_import import PollImportDialog
from tests.services.poll_helpers import FILES
from tests.ui.hostile import shown_tooltip

SCREEN = 1280
LONG_NAME = "Universitätsklinikum " + "Sehr-Langer-Standortname-" * 7 + "Ende"


@pytest.fixture
def long_names(db, demo_id) -> int:  # type: ignore[no-untyped-def]
    """The demo with every site named by 190 characters and one option of 500."""
    with db.write() as s:
        for n, site in enumerate(s.scalars(select(Site))):
            site.name = f"{LONG_NAME[:186]} {n:03d}"
        conference = s.get(Conference, demo_id)
        current = s.get(Question, conference.current_question_id)
        option = s.scalars(select(Option).where(Option.question_id == current.id)).first()
        option.label = ("Eine sehr ausführliche Antwortmöglichkeit " * 12)[:500]
    return demo_id


def _width_after_show(qtbot, dialog: QDialog) -> int:  # type: ignore[no-untyped-def]
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    return max(dialog.width(), dialog.sizeHint().width(), dialog.minimumSizeHint().width())


@pytest.mark.parametrize("lang", ["de", "en"])
def test_no_live_dialog_is_wider_than_the_screen(
    qtbot, db, long_names, prompter, tmp_path: Path, lang: str
) -> None:  # type: ignore[no-untyped-def]
    install_language(lang)
    session = LiveSession(db, long_names)
    snapshot = session.refresh()
    assert snapshot.question is not None and snapshot.status is not None
    session.act(OPEN(question_id=snapshot.question.id))
    snapshot = session.refresh()
    with db.read() as s:
        invitations = tuple(conferences.invitations(s, long_names))
    assert len(invitations[0].site.name) == 190
    dialogs: list[QDialog] = [
        BallotDialog(snapshot.question, snapshot.status),
        LinksDialog(invitations, ("http://127.0.0.1:8765",)),
        AttendanceDialog(session),
        AttendeesDialog(invitations[0]),
        PollImportDialog(db, long_names),
        OrderDialog([tmp_path / f"{LONG_NAME}.votum.json", tmp_path / "b.votum.json"]),
    ]
    dialogs[4].load_file(FILES / "zoom_2021.csv")  # type: ignore[attr-defined]
    widths = {type(d).__name__: _width_after_show(qtbot, d) for d in dialogs}
    assert all(width <= SCREEN for width in widths.values()), widths
    install_language("en")


def test_the_ballot_dialog_elides_a_long_site_name_and_says_it_whole(
    qtbot, db, long_names, prompter
) -> None:  # type: ignore[no-untyped-def]
    session = LiveSession(db, long_names)
    snapshot = session.refresh()
    assert snapshot.question is not None and snapshot.status is not None
    session.act(OPEN(question_id=snapshot.question.id))
    snapshot = session.refresh()
    dialog = BallotDialog(snapshot.question, snapshot.status)
    width = _width_after_show(qtbot, dialog)
    assert width <= 900  # comfortably inside the screen, not 1476 pixels
    name = shown_tooltip(dialog.site.toolTip())
    assert len(name) == 190 and name.endswith(" 000")  # whole on hover
    shown = dialog.site.currentText()
    assert "…" in shown and shown.endswith(" 000") and len(shown) < 80  # its end still seen
    assert dialog.site.fontMetrics().horizontalAdvance(shown) < dialog.site.width()
    tip = dialog.site.itemData(1, Qt.ItemDataRole.ToolTipRole)
    assert shown_tooltip(tip).endswith(" 001") and len(shown_tooltip(tip)) == 190
