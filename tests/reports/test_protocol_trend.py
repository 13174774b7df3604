"""The protocol shows a question's earlier asking in the series beside this session's
result, named by month ("Juni 2026: … ; November 2026: …"), in both languages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.db import Database
from app.reports.protocol import write_protocol
from tests.reports.pdftools import page_texts
from tests.services.series_helpers import Asked, hold_session, votes


def test_the_protocol_shows_the_earlier_result_beside_this_sessions(
    db: Database, tmp_path: Path
) -> None:
    june = hold_session(db, dt.date(2026, 6, 17), [Asked(votes=votes(3, 17))], topic="Juni-Runde")
    november = hold_session(
        db,
        dt.date(2026, 11, 18),
        [Asked(votes=votes(1, 12)), Asked(text="Neue Frage?", votes=votes(1, 1))],
    )
    for lang, expected in (
        (
            "de",
            "Zuvor gefragt: Juni 2026 („Juni-Runde“, Frage 1.1): 85 % sprechen keine "
            "Empfehlung aus; November 2026: 92 %",
        ),
        (
            "en",
            "Asked before: June 2026 (“Juni-Runde”, question 1.1): 85 % give no "
            "recommendation; November 2026: 92 %",
        ),
    ):
        path = tmp_path / f"november-{lang}.pdf"
        write_protocol(db, november.conference_id, path, lang=lang)
        text = " ".join(page_texts(path))
        assert expected in text
        assert text.count(": 85 % ") == 1  # the new question has no earlier asking
    earlier = tmp_path / "june.pdf"
    write_protocol(db, june.conference_id, earlier, lang="de")
    assert "Zuvor gefragt" not in " ".join(page_texts(earlier))
