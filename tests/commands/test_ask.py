"""``python main.py ask``: a quick question from the command line (scripted sessions)."""

from __future__ import annotations

import pytest

from app.cli import main
from app.db import Database
from app.services.agenda import agenda
from app.services.conferences import find_conference
from app.services.demo import load_demo


@pytest.fixture
def demo_url(db_url: str) -> str:
    database = Database.open(db_url)
    with database.write() as session:
        load_demo(session)
    database.dispose()
    return db_url


def test_ask_adds_a_free_discussion_question_and_opens_it(
    demo_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    line = "vorgestellt von Standort Mainz: 61 J., w, CRC, BRAF V600E"
    args = ["--db", demo_url, "ask", "demo", "Welche Zweitlinie?", "--kind", "single"]
    assert main([*args, "--option", "FOLFIRI", "--option", "Encorafenib + Cetuximab",
                 "--option", "Enthaltung", "--case", line]) == 0  # fmt: skip
    printed = capsys.readouterr().out
    assert printed.startswith("4.1 (id ") and printed.endswith(": opened – Welche Zweitlinie?\n")
    database = Database.open(demo_url)
    try:
        with database.read() as session:
            conf = find_conference(session, "demo")
            last = agenda(session, conf.id)[-1]
    finally:
        database.dispose()
    assert last.free_discussion and last.title == line
    (question,) = last.questions
    assert [o.label for o in question.options] == ["FOLFIRI", "Encorafenib + Cetuximab"]
    assert question.allow_abstain and question.is_open
    assert conf.current_question_id == question.id
    assert [f.gene for f in last.findings] == ["BRAF"]


def test_ask_refuses_in_one_line_and_writes_nothing(
    demo_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", demo_url, "ask", "demo", "Welche?", "--kind", "single"]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "at least two options" in error
    assert main(["--db", demo_url, "ask", "nope", "Ja?"]) == 1
    with pytest.raises(SystemExit):
        main(["--db", demo_url, "ask", "demo", "Ja?", "--kind", "ranking"])
    database = Database.open(demo_url)
    try:
        with database.read() as session:
            assert len(agenda(session, find_conference(session, "demo").id)) == 3
    finally:
        database.dispose()
