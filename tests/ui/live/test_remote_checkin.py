"""The console attached to a hosted server: names a site checks in there arrive through the
moderator's event stream, and the moderator closes the sites' check-in remotely."""

from __future__ import annotations

import httpx
import pytest
from pytestqt.qtbot import QtBot

from app.db import Database
from app.remote.client import tls_context
from app.ui.live.attendance import AttendanceDialog
from app.ui.live.console import LiveConsole
from app.ui.live.remote_session import RemoteSession
from tests.remote.hosting import Hosted, ca, ca_file, hosted
from tests.server.helpers import tokens
from tests.ui.live.test_remote_console import WAIT, attached, server_db_url

pytestmark = pytest.mark.slow
__all__ = ["attached", "ca", "ca_file", "hosted", "server_db_url"]  # fixtures


def test_site_check_ins_reach_the_remote_console_and_it_closes_check_in(
    qtbot: QtBot,
    db: Database,
    demo_id: int,
    hosted: Hosted,
    attached: tuple[RemoteSession, LiveConsole],
) -> None:
    session, console = attached
    token = tokens(db, demo_id)["FR"]  # published with the same links
    qtbot.waitUntil(lambda: session.snapshot is not None, timeout=WAIT)
    dialog = AttendanceDialog(session, console)
    qtbot.addWidget(dialog)
    dialog.show()
    people = {"attendees": [{"name": "Dr. Anna Weiß", "efn": "802765260181598"}]}
    with httpx.Client(base_url=hosted.url, verify=tls_context(hosted.ca_file), timeout=10) as http:
        assert http.put(f"/api/v/{token}/attendees", json=people).status_code == 200

        def shown() -> bool:
            for row in range(dialog.table.rowCount()):
                item = dialog.table.item(row, 0)
                if item is not None and item.text() == "Universitätsklinikum Freiburg":
                    return dialog.table.cellWidget(row, 3).text() == "Names (1, 1 invalid EFN)…"
            return False

        qtbot.waitUntil(shown, timeout=WAIT)
        console.actions_.checkin.trigger()
        qtbot.waitUntil(lambda: "check-in closed" in console.attendance_label.text(), timeout=WAIT)
        assert http.put(f"/api/v/{token}/attendees", json=people).status_code == 409
