"""The link test in the console: the attendance dialog's "Link tested" column says when
each site last opened its link, and "not yet" for a site that has not (issue 21)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from PySide6.QtCore import QDateTime

from app.db import Database
from app.services.conferences import invitations
from app.ui.i18n import install_language
from app.ui.live.attendance import AttendanceDialog
from app.ui.live.console import LiveConsole
from app.ui.live.session import LiveSession

TESTED_COLUMN = 4


@pytest.fixture
def live(qtbot, db: Database, demo_id: int) -> Iterator[tuple[LiveSession, LiveConsole]]:  # type: ignore[no-untyped-def]
    session = LiveSession(db, demo_id)
    console = LiveConsole(session)
    qtbot.addWidget(console)
    console.show()
    session.start_server(host="127.0.0.1", port=0)
    qtbot.waitUntil(lambda: session.server_state.state in ("running", "failed"), timeout=15_000)
    assert session.server_state.state == "running", session.server_state.error
    yield session, console
    session.stop_server(wait=True)
    install_language("en")


def _tested(dialog: AttendanceDialog) -> dict[str, str]:
    """Site name → what the "Link tested" column says."""
    return {
        dialog.table.item(row, 0).text(): dialog.table.item(row, TESTED_COLUMN).text()
        for row in range(dialog.table.rowCount())
    }


def _open_dialog(qtbot, session: LiveSession, console: LiveConsole) -> AttendanceDialog:  # type: ignore[no-untyped-def]
    dialog = AttendanceDialog(session, console)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.mark.parametrize(("lang", "not_yet"), [("en", "not yet"), ("de", "noch nicht")])
def test_the_console_shows_which_sites_opened_their_link(  # type: ignore[no-untyped-def]
    qtbot, db: Database, demo_id: int, live, lang: str, not_yet: str
) -> None:
    install_language(lang)
    session, console = live
    with db.read() as read:
        rows = {i.site.code: i for i in invitations(read, demo_id)}
    header = _open_dialog(qtbot, session, console).table.horizontalHeaderItem(TESTED_COLUMN)
    assert header.text() == {"en": "Link tested", "de": "Link getestet"}[lang]
    watching = _open_dialog(qtbot, session, console)  # open while the sites test
    assert set(_tested(watching).values()) == {not_yet}  # nobody has opened a link yet

    url = f"http://127.0.0.1:{session.server.port}"
    for code in ("FR", "DD"):  # two hospitals test their link the day before
        assert httpx.get(f"{url}/v/{rows[code].token}", timeout=10).status_code == 200

    def stored() -> dict[str, object]:
        with db.read() as read:
            return {i.site.code: i.last_seen_at for i in invitations(read, demo_id)}

    qtbot.waitUntil(lambda: stored()["FR"] is not None and stored()["DD"] is not None)
    names = [rows[code].site.name for code in ("FR", "DD")]
    # each visit is announced as it is stored: the open dialog shows it without a reload
    qtbot.waitUntil(lambda: all(_tested(watching)[name] != not_yet for name in names))
    assert _tested(watching) == _tested(_open_dialog(qtbot, session, console))
    shown = _tested(watching)
    for code, seen in stored().items():
        name = rows[code].site.name
        if code in ("FR", "DD"):
            assert isinstance(seen, object) and seen is not None
            local = QDateTime.fromSecsSinceEpoch(int(seen.timestamp())).toString("dd.MM. HH:mm")  # type: ignore[attr-defined]
            assert shown[name] == local, code
        else:
            assert shown[name] == not_yet, code
    assert sum(1 for text in shown.values() if text != not_yet) == 2
