"""The demo conference without any ballot: every question a draft, for poll imports."""

from __future__ import annotations

import json
from pathlib import Path

from app.db import Database
from app.services.agenda import agenda
from app.services.demo import DEMO_FILE, load_demo

FILES = Path(__file__).parent / "poll_files"


def load_blank_demo(db: Database, folder: Path) -> int:
    """The demo's sites, attendance, cases and notes; no ballots, no current question."""
    data = json.loads(DEMO_FILE.read_text("utf-8"))
    data["ballots"] = []
    data.pop("current", None)
    path = folder / "blank_demo.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    with db.write() as session:
        return load_demo(session, path=path)


def question_ids(db: Database, conference_id: int) -> dict[str, int]:
    """Agenda number ("1.1") → id of the round-1 question."""
    with db.read() as session:
        return {
            q.number: q.id
            for c in agenda(session, conference_id)
            for q in c.questions
            if q.round == 1
        }


def long_report(rows: int) -> bytes:
    """A Zoom report (2021 layout) of ``rows`` participants no site is known for, each
    answering question 1.1: a preview of thousands of lines."""
    head = (FILES / "zoom_2021.csv").read_text("utf-8-sig").split("Poll Name")[0]
    lines = [
        head,
        "#,User Name,User Email,Submitted Date/Time,Würde Ihr Standort HCQ + Trametinib empfehlen?",
    ]
    lines += [
        f'{n},Teilnehmer {n},person{n}@example{n}.org,"Nov 30, 2026 18:10:05",Keine Empfehlung'
        for n in range(1, rows + 1)
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")
