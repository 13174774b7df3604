"""The console attached to a hosted server shows attendance as it changes there: a site's
own check-in (its API and its page's form) and a ballot that checks a site in reach the
attendance panel ("n/40 · m attendees") and the sites' last visits reach the check-in
dialog, each within the usual latency (a real ``serve`` over HTTPS)."""

from __future__ import annotations

import re

import httpx
import pytest
from pytestqt.qtbot import QtBot

from app.db import Database
from app.models import QuestionState
from app.remote.client import tls_context
from app.ui.live.attendance import AttendanceDialog
from app.ui.live.console import LiveConsole
from app.ui.live.remote_session import RemoteSession
from tests.remote.hosting import Hosted, ca, ca_file, hosted
from tests.server.helpers import tokens
from tests.ui.live.test_remote_console import WAIT, attached, server_db_url

pytestmark = pytest.mark.slow
__all__ = ["attached", "ca", "ca_file", "hosted", "server_db_url"]  # fixtures


def counts(console: LiveConsole) -> tuple[int, int, int]:
    """(sites present, sites invited, attendees) as the attendance panel says them."""
    found = re.match(r"(\d+)/(\d+)  ·  (\d+) attendees", console.attendance_label.text())
    assert found is not None, console.attendance_label.text()
    present, invited, people = (int(g) for g in found.groups())
    return present, invited, people


def absent_codes(console: LiveConsole) -> list[str]:
    assert console.snapshot is not None
    return sorted(i.site.code for i in console.snapshot.invitations if not i.present)


def test_check_ins_by_api_form_and_ballot_reach_the_remote_attendance_panel(
    qtbot: QtBot,
    db: Database,
    demo_id: int,
    hosted: Hosted,
    attached: tuple[RemoteSession, LiveConsole],
) -> None:
    _session, console = attached
    site_tokens = tokens(db, demo_id)  # published with the same links
    qtbot.waitUntil(lambda: console.snapshot is not None, timeout=WAIT)
    present, invited, people = counts(console)
    by_api, by_form, by_ballot = absent_codes(console)[:3]
    with httpx.Client(base_url=hosted.url, verify=tls_context(hosted.ca_file), timeout=10) as http:
        two = {"attendees": [{"name": "Dr. Anna Weiß"}, {"name": "Dr. Ben Roth", "role": "Fellow"}]}
        assert http.put(f"/api/v/{site_tokens[by_api]}/attendees", json=two).status_code == 200
        qtbot.waitUntil(lambda: counts(console) == (present + 1, invited, people + 2), timeout=WAIT)

        form = {"name": ["Dr. Cem Yıldız", "Dr. Dora Lang", "Dr. Emil Graf"]}
        saved = http.post(f"/v/{site_tokens[by_form]}/checkin?lang=de", data=form)
        assert saved.status_code == 303, saved.text
        qtbot.waitUntil(lambda: counts(console) == (present + 2, invited, people + 5), timeout=WAIT)

        console.next_question()
        qtbot.waitUntil(lambda: console.snapshot.question is not None, timeout=WAIT)  # type: ignore[union-attr]
        console.open_question()
        qtbot.waitUntil(
            lambda: console.snapshot.question.state is QuestionState.OPEN,  # type: ignore[union-attr]
            timeout=WAIT,
        )
        question = console.snapshot.question  # type: ignore[union-attr]
        assert question is not None
        ballot = {"question_id": question.id, "option_ids": [question.options[0].id]}
        cast = http.post(f"/api/v/{site_tokens[by_ballot]}/ballot", json=ballot)
        assert cast.status_code == 200, cast.text
        # a site checked in by its ballot: present, one attendee, named under the panel
        qtbot.waitUntil(lambda: counts(console) == (present + 3, invited, people + 6), timeout=WAIT)
    assert console.snapshot is not None
    names = {i.site.code: [a.name for a in i.attendees] for i in console.snapshot.invitations}
    assert names[by_api] == ["Dr. Anna Weiß", "Dr. Ben Roth"]
    assert names[by_form] == ["Dr. Cem Yıldız", "Dr. Dora Lang", "Dr. Emil Graf"]


def test_a_sites_link_test_reaches_the_remote_check_in_dialog(
    qtbot: QtBot,
    db: Database,
    demo_id: int,
    hosted: Hosted,
    attached: tuple[RemoteSession, LiveConsole],
) -> None:
    session, console = attached
    site_tokens = tokens(db, demo_id)
    qtbot.waitUntil(lambda: console.snapshot is not None, timeout=WAIT)
    dialog = AttendanceDialog(session, console)
    qtbot.addWidget(dialog)
    dialog.show()
    code = absent_codes(console)[0]
    [name] = [i.site.name for i in console.snapshot.invitations if i.site.code == code]  # type: ignore[union-attr]

    def visit_text() -> str:
        for row in range(dialog.table.rowCount()):
            item = dialog.table.item(row, 0)
            if item is not None and item.text() == name:
                visit = dialog.table.item(row, 4)
                return visit.text() if visit is not None else ""
        raise AssertionError(f"{name} is not in the check-in dialog")

    assert visit_text() == "not yet"
    with httpx.Client(base_url=hosted.url, verify=tls_context(hosted.ca_file), timeout=10) as http:
        assert http.get(f"/v/{site_tokens[code]}").status_code == 200  # the site tests its link
    # nothing else changes meanwhile: the visit itself reaches the console
    qtbot.waitUntil(
        lambda: bool(re.fullmatch(r"\d\d\.\d\d\. \d\d:\d\d", visit_text())), timeout=WAIT
    )
