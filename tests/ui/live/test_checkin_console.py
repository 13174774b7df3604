"""The console and the sites' own check-in: names a site checks in arrive live, the
moderator closes and reopens the check-in, marks the session held, and corrects names."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from PySide6 import QtGui

from app.db import Database
from app.services import audit
from app.services.conferences import get_conference, invitations
from app.ui.live.attendance import AttendanceDialog, AttendeesDialog
from app.ui.live.console import LiveConsole
from app.ui.live.session import LiveSession

VALID = "802765260181597"
OTHER = "802765260181605"
WRONG = "802765260181598"


@pytest.fixture
def live(qtbot, db: Database, demo_id: int, prompter) -> Iterator[tuple[LiveSession, LiveConsole]]:  # type: ignore[no-untyped-def]
    session = LiveSession(db, demo_id)
    console = LiveConsole(session)
    qtbot.addWidget(console)
    console.resize(1200, 800)
    console.show()
    session.start_server(host="127.0.0.1", port=0)
    qtbot.waitUntil(lambda: session.server_state.state in ("running", "failed"), timeout=15_000)
    assert session.server_state.state == "running", session.server_state.error
    yield session, console
    session.stop_server(wait=True)


def _site(db: Database, conf_id: int, code: str) -> tuple[int, str]:
    with db.read() as session:
        [inv] = [i for i in invitations(session, conf_id) if i.site.code == code]
    assert inv.token is not None
    return inv.site.id, inv.token


def _row(dialog: AttendanceDialog, site_name: str) -> int:
    for row in range(dialog.table.rowCount()):
        item = dialog.table.item(row, 0)
        if item is not None and item.text() == site_name:
            return row
    raise AssertionError(site_name)


def test_names_a_site_checks_in_arrive_live_in_the_console(  # type: ignore[no-untyped-def]
    qtbot, db: Database, demo_id: int, live
) -> None:
    session, console = live
    _site_id, token = _site(db, demo_id, "FR")
    url = f"http://127.0.0.1:{session.server.port}"
    dialog = AttendanceDialog(session, console)
    qtbot.addWidget(dialog)
    dialog.show()
    row = _row(dialog, "Universitätsklinikum Freiburg")
    assert dialog.table.item(row, 4).text() == "not yet"
    before = console.attendance_label.text()
    assert httpx.get(f"{url}/v/{token}", timeout=10).status_code == 200  # the link test
    people = [
        {"name": "Dr. Anna Weiß", "efn": VALID, "role": "Fellow"},
        {"name": "Prof. Bernd Öztürk", "efn": WRONG},
        {"name": "<b>Dr. Fett</b><img src=x>", "efn": OTHER},
    ]
    answer = httpx.put(f"{url}/api/v/{token}/attendees", json={"attendees": people}, timeout=10)
    assert answer.status_code == 200, answer.text
    names = lambda: dialog.table.cellWidget(_row(dialog, "Universitätsklinikum Freiburg"), 3)  # noqa: E731
    qtbot.waitUntil(lambda: names().text() == "Names (3, 1 invalid EFN)…", timeout=5000)
    tip = names().toolTip()
    assert "Dr. Anna Weiß · Fellow · EFN 802765260181597" in tip
    # literal, never markup: Qt takes a tooltip as rich text only if it looks like it
    assert not (QtGui.Qt.mightBeRichText(tip) and "<b>Dr. Fett</b>" in tip)
    assert "Dr. Fett" in tip
    row = _row(dialog, "Universitätsklinikum Freiburg")
    assert dialog.table.item(row, 4).text() != "not yet"
    assert dialog.table.cellWidget(row, 1).isChecked()
    assert console.attendance_label.text() != before
    assert "check-in open" in console.attendance_label.text()


def test_the_moderator_closes_reopens_and_marks_the_session_held(  # type: ignore[no-untyped-def]
    qtbot, db: Database, demo_id: int, live, prompter
) -> None:
    session, console = live
    _site_id, token = _site(db, demo_id, "FR")
    url = f"http://127.0.0.1:{session.server.port}"
    put = lambda: httpx.put(  # noqa: E731
        f"{url}/api/v/{token}/attendees", json={"attendees": [{"name": "Dr. A"}]}, timeout=10
    )
    console.actions_.checkin.trigger()
    qtbot.waitUntil(lambda: "check-in closed" in console.attendance_label.text(), timeout=5000)
    assert put().status_code == 409
    assert "Reopen" in console.actions_.checkin.text()
    console.actions_.checkin.trigger()
    qtbot.waitUntil(lambda: "check-in open" in console.attendance_label.text(), timeout=5000)
    assert put().status_code == 200
    console.actions_.held.trigger()
    assert prompter.confirmations and prompter.confirmations[-1][0] == "Mark session as held"
    qtbot.waitUntil(lambda: not console.actions_.held.isEnabled(), timeout=5000)
    with db.read() as read:
        conf = get_conference(read, demo_id)
        actors = {(e.action, e.actor) for e in audit.trail(read, demo_id)}
    assert conf.held_at is not None and not conf.checkin_open
    assert ("session_held", "moderator") in actors and ("attendees", "site") in actors
    assert put().status_code == 409


def test_the_moderator_corrects_names_with_roles(  # type: ignore[no-untyped-def]
    qtbot, db: Database, demo_id: int, live
) -> None:
    session, console = live
    dialog = AttendanceDialog(session, console)
    qtbot.addWidget(dialog)
    site = next(i for i in session.snapshot.invitations if i.site.code == "DD")
    names = AttendeesDialog(site, dialog)
    qtbot.addWidget(names)
    assert names.table.columnCount() == 3
    names.table.item(0, 2).setText("Oberärztin")
    rows, problems = names.attendees()
    assert problems == "" and rows[0][2] == "Oberärztin"
    assert dialog.save_names(site, rows)
    qtbot.waitUntil(lambda: session.pending_actions == 0, timeout=5000)
    with db.read() as read:
        [dd] = [i for i in invitations(read, demo_id) if i.site.code == "DD"]
    assert dd.attendees[0].role == "Oberärztin"
