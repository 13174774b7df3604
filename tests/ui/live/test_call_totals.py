"""An anonymous call poll's totals on the live console: apart from the sites' chart."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.db import Database
from app.services import ballots, conferences, lifecycle
from app.services.agenda import get_question
from app.services.moderator_actions import CURRENT
from app.services.poll_import import import_report
from app.ui.i18n import install_language
from app.ui.live.console import LiveConsole
from app.ui.live.session import LiveSession
from tests.services.poll_helpers import FILES, load_blank_demo, question_ids


def anonymous_poll_beside_a_site_ballot(db: Database, folder: Path) -> tuple[int, int, int]:
    """Question 1.1: one site voted through its link, then the call's anonymous poll
    counted 3 answers and 1 abstention. Returns (conference, 1.1, 1.2)."""
    conf = load_blank_demo(db, folder)
    ids = question_ids(db, conf)
    with db.write() as session:
        lifecycle.open_question(session, ids["1.1"])
    with db.write() as session:
        site = conferences.invitations(session, conf)[0].site.id
        option = get_question(session, ids["1.1"]).options[0].id
        ballots.cast_ballot(session, ids["1.1"], site, option_ids=[option])  # through its link
    with db.write() as session:
        lifecycle.close_question(session, ids["1.1"])
    with db.write() as session:
        import_report(session, conf, (FILES / "zoom_anonymous.csv").read_bytes())
    return conf, ids["1.1"], ids["1.2"]


@pytest.mark.parametrize(
    ("lang", "heading", "numbers", "sites"),
    [
        (
            "en",
            "Counted by the video call (anonymous poll): no sites, so not in the chart",
            "valid answers: 3 · abstentions: 1",
            "1 of ",
        ),
        (
            "de",
            "Von der Videokonferenz gezählt (anonyme Umfrage): ohne Standorte, daher nicht im "
            "Diagramm",
            "gültige Antworten: 3 · Enthaltungen: 1",
            "1 von ",
        ),
    ],
)
def test_the_calls_totals_are_shown_apart_from_the_sites_chart(
    qtbot: QtBot, db: Database, tmp_path: Path, lang: str, heading: str, numbers: str, sites: str
) -> None:
    conf, asked, other = anonymous_poll_beside_a_site_ballot(db, tmp_path)
    install_language(lang)
    session = LiveSession(db, conf)
    assert session.act(CURRENT(question_id=asked))
    console = LiveConsole(session)
    qtbot.addWidget(console)
    console.resize(1366, 768)
    console.show()
    note = console.call_totals
    qtbot.waitUntil(note.isVisible)
    assert note.title.text().startswith(heading) and note.title.font().bold()
    line = note.counts.text()
    assert "Keine Empfehlung 2 (67 %)" in line and line.endswith(numbers)
    assert "Runde" not in line and "Round" not in line  # one round: no round named
    assert note.title.textFormat() is note.counts.textFormat() is Qt.TextFormat.PlainText
    # the chart counts the one site's ballot only: the call's answers are not in its bars
    qtbot.waitUntil(lambda: any(b.kind == "status" for b in console.chart.boxes))
    status = next(b.text for b in console.chart.boxes if b.kind == "status")
    assert status.startswith(sites) and "3" not in status.split("·")[0].split()[0]
    assert session.act(CURRENT(question_id=other))
    qtbot.waitUntil(lambda: not note.isVisible())  # a question the call did not count
    assert note.counts.text() == ""


def test_a_repeated_question_names_the_round_the_call_counted(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    conf, asked, _other = anonymous_poll_beside_a_site_ballot(db, tmp_path)
    with db.write() as session:
        again = lifecycle.repeat_question(session, asked).id
    live = LiveSession(db, conf)
    assert live.act(CURRENT(question_id=again))
    console = LiveConsole(live)
    qtbot.addWidget(console)
    console.show()
    qtbot.waitUntil(console.call_totals.isVisible)  # round 2 on screen, round 1 beside it
    assert console.call_totals.counts.text().startswith(
        "Round 1: Ja, Empfehlung HCQ + Trametinib 1 (33 %)"
    )
