"""The console, the presenter view and the protocol count the same sites: a question not
yet opened says "0 of 17" in the heading and the chart alike, ballots that check sites in
reach the attendance panel, and attendance edited after a question closed leaves its
count as it was (the electorate stored at the close)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from app.reports.chart_spec import status_line
from app.reports.protocol import write_protocol
from app.services import conferences
from app.services.moderator_actions import ATTENDANCE, CURRENT, REVEAL
from app.ui.live.console import LiveConsole
from app.ui.live.session import LiveSession
from app.ui.presenter import PresenterWindow
from tests.reports.pdftools import page_texts


@pytest.fixture
def console(qtbot, db, demo_id, prompter) -> Iterator[LiveConsole]:  # type: ignore[no-untyped-def]
    console = LiveConsole(LiveSession(db, demo_id))
    qtbot.addWidget(console)
    console.resize(1280, 720)
    console.show()
    yield console
    console.session.stop_server(wait=True)


def _settle(qtbot, session: LiveSession) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: session.pending_actions == 0, timeout=5000)


def _status_lines(console: LiveConsole) -> list[str]:
    return [box.text for box in console.chart.boxes if box.kind == "status"]


def test_heading_and_chart_agree_before_the_question_opens(qtbot, console) -> None:  # type: ignore[no-untyped-def]
    snapshot = console.snapshot
    assert snapshot.question is not None and not snapshot.question.asked
    assert console.count.count_text() == "0 of 17 sites have voted"
    assert snapshot.result.tally.n_eligible == snapshot.status.n_expected == 17
    qtbot.waitUntil(lambda: bool(console.chart.boxes), timeout=3000)
    assert f"Round 2: {status_line(snapshot.result.tally, 'en')}" in _status_lines(console)
    assert "Round 2: 0 of 17 sites voted" in console.chart.numbers()


def test_the_attendance_panel_counts_sites_checked_in_by_their_ballot(
    qtbot, db, demo_id, console
) -> None:  # type: ignore[no-untyped-def]
    session = console.session
    absent = [i for i in session.snapshot.invitations if i.present][:7]
    for inv in absent:  # seven sites are marked absent; check-in has begun
        session.act(ATTENDANCE(site_code=inv.site.code, present=False))
    assert console.attendance_label.text().startswith("10/18")
    session.start_server(host="127.0.0.1", port=0)
    qtbot.waitUntil(lambda: session.server_state.state == "running", timeout=15_000)
    console.on_primary_clicked()  # open
    _settle(qtbot, session)
    question = console.snapshot.question
    assert question is not None and question.is_open
    assert console.count.count_text() == "0 of 10 sites have voted"
    base = session.server_state.urls[0]
    for inv in absent:
        with db.read() as s:
            token = next(
                i.token for i in conferences.invitations(s, demo_id) if i.site.id == inv.site.id
            )
        reply = httpx.post(
            f"{base}/api/v/{token}/ballot",
            json={"question_id": question.id, "option_ids": [question.options[0].id]},
            timeout=10,
        )
        assert reply.status_code == 200, reply.text
    qtbot.waitUntil(lambda: console.attendance_label.text().startswith("17/18"), timeout=5000)
    assert console.count.count_text() == "7 of 17 sites have voted"
    assert console.snapshot.result.tally.n_eligible == 17


def test_attendance_edited_after_the_close_leaves_the_count(
    qtbot, db, demo_id, console, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Round 1 of question 1.1 closed with 17 of 17; the 18th site is checked in later."""
    session = console.session
    round_one = console.snapshot.round_one
    assert round_one is not None
    session.act(CURRENT(question_id=round_one.question.id))
    assert console.count.count_text() == "17 of 17 sites have voted"
    late = next(i for i in session.snapshot.invitations if not i.present)
    session.act(ATTENDANCE(site_code=late.site.code, present=True, attendee_count=2))
    assert console.attendance_label.text().startswith("18/18")
    assert console.count.count_text() == "17 of 17 sites have voted"
    assert console.snapshot.result.tally.n_eligible == 17
    assert console.chart.numbers().startswith("17 of 17 sites voted")  # one round shown
    session.act(REVEAL(question_id=round_one.question.id))
    presenter = PresenterWindow(session)
    qtbot.addWidget(presenter)
    presenter.ensure_chart()
    presenter.show()
    presenter.on_session_refreshed(session.refresh())
    assert "17 von 17 Standorten" in presenter.chart.numbers()
    path = tmp_path / "protokoll.pdf"
    write_protocol(db, demo_id, path, lang="de")
    text = " ".join(page_texts(path))
    flat = " ".join(text.split())
    assert "16 von 17 Standorten mit gültiger Antwort; 1 Enthaltung" in flat  # round 1
    assert "von 18 Standorten mit gültiger Antwort" not in flat
