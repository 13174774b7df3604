"""The manuscript draft and the rest of the session: the questions asked on the spot in a
"Free discussion" section of their own after the Results (each presented case under its
line, numbered on from the Results, not in the Results twice), and a question asked
before in the series with the earlier result beside today's, in the protocol's words.
The Word file is reopened with python-docx, the Markdown read as text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.db import Database
from app.reports.data import gather
from app.reports.glyphs import printable
from app.reports.manuscript.write import write_manuscript
from app.reports.protocol import write_protocol
from app.services import ballots, conferences, lifecycle
from app.services.demo import load_demo
from app.services.quick import add_quick_question
from app.services.results import question_result
from tests.services.series_helpers import Asked, hold_session, votes

from .hostile import EMOJI, RTL, SCRIPT, STORED
from .manuscript_tools import Item, captions, headings, read_docx, table_after, text_of
from .pdftools import page_texts
from .test_free_discussion import LINE, ask_and_vote

SECTIONS = {
    "de": [
        "Methoden",
        "Ergebnisse",
        "Freie Diskussion",
        "Diskussion",
        "Fallberichte",
        "Supplement",
    ],
    "en": ["Methods", "Results", "Free discussion", "Discussion", "Case reports", "Supplement"],
}
FIGURE = {"de": "Abbildung", "en": "Figure"}
TABLE = {"de": "Tabelle", "en": "Table"}
CASE = {"de": "Fall", "en": "Case"}
QUESTION = {"de": "Frage", "en": "Question"}


def section_of(items: list[Item], title: str) -> list[Item]:
    """The items under the level-1 heading ``title``, up to the next one."""
    start = next(
        i for i, item in enumerate(items) if item.style == "Heading 1" and item.text == title
    )
    end = next(
        (i for i in range(start + 1, len(items)) if items[i].style == "Heading 1"), len(items)
    )
    return items[start + 1 : end]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_quick_questions_stand_in_a_free_discussion_section_after_the_results(
    db: Database, demo_id: int, tmp_path: Path, lang: str
) -> None:
    evidence, yes_no, never_asked = ask_and_vote(db, demo_id)
    path = tmp_path / "draft.docx"
    write_manuscript(db, demo_id, path, lang=lang)
    items = read_docx(path)
    assert headings(items, 1) == SECTIONS[lang]
    with db.read() as session:
        results = [question_result(session, q) for q in (evidence, yes_no, never_asked)]
    free = section_of(items, SECTIONS[lang][2])
    in_free = text_of(free)
    in_results = text_of(section_of(items, SECTIONS[lang][1]))
    # the presented case under its line, then its two questions with their results
    case_heading = f"{CASE[lang]} 4 · {LINE}"
    assert [i.text for i in free if i.style == "Heading 2"] == [case_heading]
    assert [i.text for i in free if i.style == "Heading 3"] == [
        f"{QUESTION[lang]} {r.question.number}" for r in results[:2]
    ]
    for result in results[:2]:
        assert result.question.text in in_free and result.sentence(lang) in in_free
        assert result.question.text not in in_results  # not in the Results twice
    assert results[2].question.text not in in_free  # never asked: the supplement names it
    assert results[0].tally.consensus is not None
    assert results[0].tally.consensus.awmf.label(lang) in in_free
    # figures and tables numbered on from the Results, each referred to in its sentence
    asked_before = 3  # the demo's three asked questions come first
    figures = [n for kind, n in captions(free) if kind == FIGURE[lang]]
    assert figures == [str(asked_before + 1), str(asked_before + 2)]
    numbers = [n for kind, n in captions(items) if kind == FIGURE[lang]]
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)]
    assert sum(i.pictures for i in free) == 2
    findings, first, second = (n for kind, n in captions(free) if kind == TABLE[lang])
    assert int(findings) == asked_before + 1  # the case's findings, then the results
    assert f"({FIGURE[lang]} {figures[0]}, {TABLE[lang]} {first})" in in_free
    rows = table_after(items, f"{TABLE[lang]} {first}: ")
    tally = results[0].tally
    expected = [(o.option.label_in(lang), str(o.count), str(o.percent)) for o in tally.options]
    assert [r[:3] for r in rows[1 : 1 + len(expected)]] == expected
    assert table_after(items, f"{TABLE[lang]} {second}: ")[1][1:] == ("4", "100")
    assert table_after(items, f"{TABLE[lang]} {findings}: ")[1][:2] == ("KRAS", "G12C")
    # the case reports hold the prepared cases only; the supplement every asked question
    reports = section_of(items, SECTIONS[lang][4])
    assert all(LINE not in i.text for i in reports)
    every = table_after(items, f"{TABLE[lang]} S2: ")
    assert {"4.1", "4.2"} <= {row[0] for row in every[1:]}
    # the methods count the free discussion apart
    methods = text_of(section_of(items, SECTIONS[lang][0]))
    assert {"de": "3 Fälle mit 6 Fragen", "en": "3 cases with 6 questions"}[lang] in methods
    assert {
        "de": "wurden 2 weitere Fragen zu 1 vorgestellten Fall spontan gestellt",
        "en": "2 further questions were asked on the spot about 1 presented case",
    }[lang] in methods


def test_the_markdown_draft_has_the_same_free_discussion(
    db: Database, demo_id: int, tmp_path: Path
) -> None:
    ask_and_vote(db, demo_id)
    word, markdown = tmp_path / "draft.docx", tmp_path / "draft.md"
    write_manuscript(db, demo_id, word, lang="en")
    written = write_manuscript(db, demo_id, markdown, lang="en")
    source = markdown.read_text("utf-8")
    sections = [line[3:] for line in source.splitlines() if line.startswith("## ")]
    assert sections == SECTIONS["en"] == headings(read_docx(word), 1)
    free = source[source.index("## Free discussion") : source.index("## Discussion")]
    assert "### Case 4 · vorgestellt von Standort Mainz: 54 J., m, NSCLC, KRAS G12C" in free
    assert "#### Question 4.1" in free and "#### Question 4.2" in free
    assert "![Figure 4](draft-figures/question-4-1-1.png)" in free
    assert "(Figure 5, Table 6)" in free
    assert [p.name for p in written[1:]][-2:] == ["question-4-1-1.png", "question-4-2-1.png"]


def test_a_hostile_quick_question_and_line_stay_literal(db: Database, tmp_path: Path) -> None:
    """What a moderator types on the spot is shown as typed, in Word and in Markdown."""
    with db.write() as session:
        conf = conferences.create_conference(session, "Freie Runde", dt.date(2026, 11, 18))
        site = conferences.ensure_site(session, conferences.SiteData("Klinikum A", "A"))
        conferences.invite_sites(session, conf, [site])
        conferences.set_attendance(session, conf, site, present=True, attendee_count=1)
        line = f'"><img src=x> {SCRIPT} *fett* {RTL} 61 J., EGFR L858R'
        question = add_quick_question(
            session, conf, f"{SCRIPT} # {EMOJI} [x](y)?", "single",
            options=["<b>A</b>", "| B |"], case=line,
        )  # fmt: skip
        ballots.cast_ballot(session, question.id, site, option_ids=[question.options[0].id])
        lifecycle.close_question(session, question.id)
    word, markdown = tmp_path / "draft.docx", tmp_path / "draft.md"
    write_manuscript(db, conf, word, lang="de")
    write_manuscript(db, conf, markdown, lang="de")
    in_word = text_of(read_docx(word))
    source = markdown.read_text("utf-8")
    stored_line = line.replace(RTL, STORED[RTL])
    assert f"Fall 1 · {stored_line}" in in_word
    assert printable(f"{SCRIPT} # {EMOJI} [x](y)?") in in_word
    assert "<b>A</b>" in in_word and "| B |" in in_word
    assert "\u202e" not in in_word + source and "🧬" not in in_word + source
    # Markdown: every character Markdown would read is escaped, none became markup
    assert "\\<script>" in source and "\\*fett\\*" in source and "\\[x\\](y)" in source
    assert "<img" not in source.replace("\\<img", "")


def test_a_question_asked_before_shows_the_earlier_result_as_the_protocol_does(
    db: Database, tmp_path: Path
) -> None:
    hold_session(db, dt.date(2026, 6, 17), [Asked(votes=votes(3, 17))], topic="Juni-Runde")
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
        word, markdown = tmp_path / f"draft-{lang}.docx", tmp_path / f"draft-{lang}.md"
        write_manuscript(db, november.conference_id, word, lang=lang)
        write_manuscript(db, november.conference_id, markdown, lang=lang)
        items = read_docx(word)
        lines = [i.text for i in items if i.text.startswith(expected.split(":")[0] + ":")]
        assert lines == [expected]  # the new question has none
        # under the question's sentence, before its figure
        index = next(i for i, item in enumerate(items) if item.text == expected)
        assert items[index - 2].text.startswith("8 %") and items[index + 1].pictures == 1
        label, rest = expected.split(": ", 1)
        assert f"**{label}:** {rest}" in markdown.read_text("utf-8")
        protocol = tmp_path / f"protocol-{lang}.pdf"
        write_protocol(db, november.conference_id, protocol, lang=lang)
        assert expected in " ".join(page_texts(protocol))  # the same words


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_demo_series_draft_shows_each_earlier_asking(
    db: Database, tmp_path: Path, lang: str
) -> None:
    with db.write() as session:
        conf = load_demo(session, series=True)
    data = gather(db, conf, with_images=False)
    assert len(data.earlier) == 2  # the June session asked two of its questions
    path = tmp_path / "draft.docx"
    write_manuscript(db, conf, path, lang=lang)
    items = read_docx(path)
    label = {"de": "Zuvor gefragt: ", "en": "Asked before: "}[lang]
    lines = [i.text for i in items if i.text.startswith(label)]
    assert len(lines) == 2
    for line, earlier in zip(lines, data.earlier.values(), strict=True):
        assert line.startswith(label + {"de": "Juni 2026 (", "en": "June 2026 ("}[lang])
        assert f"{earlier.number}): " in line and earlier.topic in line
