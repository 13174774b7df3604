"""Poll reports at their edges: a report too large is refused before it is read, Zoom's
"Anonymous" participants make an anonymous poll, and a suggested question match always
has options that can take the report's answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.db import Database
from app.services.agenda import agenda
from app.services.poll_preview import preview_import
from app.services.poll_questions import QuestionMatchKind, match_questions
from app.services.poll_reports import (
    MAX_REPORT_BYTES,
    PollReportError,
    read_report,
    report_bytes,
)
from tests.services.poll_helpers import FILES, load_blank_demo, question_ids

HEADER = "#,User Name,User Email,Submitted Date/Time,{question}\n"


@pytest.fixture
def conf(db: Database, tmp_path: Path) -> int:
    return load_blank_demo(db, tmp_path)


def test_a_report_larger_than_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "riesig.csv"
    with big.open("wb") as out:
        out.write((FILES / "zoom_2021.csv").read_bytes())
        out.truncate(MAX_REPORT_BYTES + 1)
    with pytest.raises(PollReportError) as refused:
        report_bytes(big)
    said = refused.value.in_language("en")
    assert said.startswith("riesig.csv: file too large: 10 MB (at most 10 MB)"), said
    assert "\n" not in said
    with pytest.raises(PollReportError, match="at most 10 MB"):
        read_report(b"x" * (MAX_REPORT_BYTES + 1))
    assert report_bytes(FILES / "zoom_2021.csv") == (FILES / "zoom_2021.csv").read_bytes()


def _anonymised(tmp_path: Path) -> bytes:
    """The anonymous fixture as Zoom writes it when the poll hides who answered."""
    text = (FILES / "zoom_anonymous.csv").read_text("utf-8-sig")
    return (
        text.replace("\n1,,,", "\n1,Anonymous,,")
        .replace("\n2,,,", "\n2,Anonymous,,")
        .replace("\n3,,,", "\n3,anonymous ,,")
        .encode("utf-8")
    )


def test_zoom_anonymous_participants_make_an_anonymous_poll_with_totals(
    db: Database, conf: int, tmp_path: Path
) -> None:
    data = _anonymised(tmp_path)
    assert b"Anonymous" in data
    with db.read() as session:
        preview = preview_import(session, conf, data, filename="anonym.csv")
    assert preview.report.anonymous and preview.plan.anonymous
    number = question_ids(db, conf)["1.1"]
    counts = {(t.option_id, t.abstain): t.count for t in preview.plan.totals}
    labels = {o.id: o.label for o in preview.questions[number].options}
    by_label = {
        labels.get(option, "valid"): n for (option, abstain), n in counts.items() if not abstain
    }
    assert by_label == {"Ja, Empfehlung HCQ + Trametinib": 1, "Keine Empfehlung": 2, "valid": 3}
    assert counts[(None, True)] == 1
    assert preview.ready, preview.blockers


def test_a_named_poll_keeps_an_anonymous_row_apart(db: Database, conf: int) -> None:
    text = (FILES / "zoom_2021.csv").read_text("utf-8-sig")
    text = text.replace("7,Gast,gast@gmail.com,", "7,Anonymous,,")
    with db.read() as session:
        preview = preview_import(session, conf, text.encode(), filename="gemischt.csv")
    assert not preview.plan.anonymous
    nameless = [p for p in preview.plan.participants if p.key.startswith("line:")]
    assert len(nameless) == 1 and nameless[0].site_id is None


def test_a_close_match_is_never_a_question_that_cannot_take_the_answers(
    db: Database, conf: int
) -> None:
    with db.read() as session:
        questions = [q for c in agenda(session, conf) for q in c.questions if q.round == 1]
    # closest in wording to 2.1 (yes/no), but the answers are 1.1's options
    text = "Empfehlen Sie eine Therapie mit Trametinib?"
    given = {text: [("Keine Empfehlung",), ("Ja, Empfehlung HCQ + Trametinib",)]}
    (match,) = match_questions([text], questions, answers=given)
    assert match.how is not QuestionMatchKind.CLOSE or match.number != "2.1"
    assert match.number in ("", "1.1")
    (fitting,) = match_questions([text], questions, answers={text: [("Ja",), ("Nein",)]})
    assert (fitting.number, fitting.how) == ("2.1", QuestionMatchKind.CLOSE)  # still offered
    several = {text: [("Ja", "Nein")]}  # two answers at once: not a yes/no question's
    (refused,) = match_questions([text], questions, answers=several)
    assert refused.number != "2.1"


def test_a_report_for_one_question_is_not_matched_to_another_kind(db: Database, conf: int) -> None:
    report = (
        HEADER.format(question="Empfehlen Sie eine Therapie mit Trametinib?")
        + '1,Dr. A (DD),a@ukdd.de,"Nov 30, 2026 18:10:05",Keine Empfehlung\n'
    ).encode()
    with db.read() as session:
        preview = preview_import(session, conf, report, filename="f.csv")
    (match,) = preview.plan.questions
    assert match.number != "2.1"
    assert not preview.plan.problems  # nothing matched to refuse every answer
