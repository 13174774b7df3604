"""The manuscript draft, reopened with python-docx (and the Markdown beside it): sections in
order, every asked question's sentence, one picture per figure, tables with the numbers
the services computed, round 1 beside round 2, questions not asked in the supplement,
no names but the authors', no EFNs, no link secrets."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from app.cli import main
from app.db import Database
from app.reports.data import gather
from app.reports.glyphs import printable
from app.reports.manuscript.build import asked_questions
from app.reports.manuscript.write import write_manuscript
from app.services import agenda, conferences, lifecycle
from app.services.errors import InvalidInput, StateConflict
from app.services.package_schema import PackageQuestion

from .conftest import build_two_rounds
from .hostile import STORED, build_hostile
from .manuscript_tools import (
    captions,
    headings,
    picture_dpis,
    read_docx,
    table_after,
    text_of,
)

SECTIONS = {
    "de": ["Methoden", "Ergebnisse", "Diskussion", "Fallberichte", "Supplement"],
    "en": ["Methods", "Results", "Discussion", "Case reports", "Supplement"],
}


@pytest.fixture
def rounds_and_skip_id(db: Database) -> int:
    """Round 1 and round 2 of one question voted; a second question skipped, with why."""
    conf = build_two_rounds(db)
    with db.write() as session:
        case_id = agenda.agenda(session, conf)[0].id
        question = PackageQuestion(text="Würden Sie eine Re-Biopsie veranlassen?", kind="yes_no")
        question_id = agenda.add_question(session, case_id, question)
        lifecycle.skip_question(session, question_id, "Zeit reichte nicht")
    return conf


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_demo_draft_holds_every_asked_question_with_its_numbers(
    db: Database, demo_id: int, tmp_path: Path, lang: str
) -> None:
    path = tmp_path / "draft.docx"
    assert write_manuscript(db, demo_id, path, lang=lang) == [path]
    items = read_docx(path)
    text = text_of(items)
    data = gather(db, demo_id)
    asked = asked_questions(data)
    assert len(asked) == 3  # the demo's case 3 and 2.2 were never opened
    assert headings(items, 1) == SECTIONS[lang]
    assert [i.text for i in items if i.style == "Title"] == [data.conference.topic]
    for item in asked:
        result = item.one
        assert result.sentence(lang) in text
        assert result.question.text in text
        rows = table_after(items, f"{'Tabelle' if lang == 'de' else 'Table'} ")
        assert rows  # the first result's table; each one is checked below
    figure_word = "Abbildung" if lang == "de" else "Figure"
    table_word = "Tabelle" if lang == "de" else "Table"
    for number, item in enumerate(asked, start=1):
        rows = table_after(items, f"{table_word} {number}: ")
        tally = item.one.tally
        expected = [(o.option.label_in(lang), str(o.count), str(o.percent)) for o in tally.options]
        assert [r[:3] for r in rows[1 : 1 + len(expected)]] == expected
        assert rows[1 + len(expected)][1] == str(tally.n_valid)
        assert rows[2 + len(expected)][1] == str(tally.n_abstain)
        assert f"({figure_word} {number}, {table_word} {number})" in text
    # one picture per figure, each the protocol's chart at 300 dpi
    figures = [c for c in captions(items) if c[0] == figure_word]
    assert len(figures) == len(asked) == sum(i.pictures for i in items)
    assert [round(x) for dpi in picture_dpis(path) for x in dpi] == [300, 300] * len(asked)
    # the case reports carry what the pathology report gave
    first = data.cases[0].case
    kras = first.findings[0]
    assert f"{kras.alteration} ({kras.transcript}:{kras.coding})" in text
    assert first.tnm in text and first.comorbidities in text


def test_round_two_stands_beside_round_one_and_a_skipped_question_is_in_the_supplement(
    db: Database, rounds_and_skip_id: int, tmp_path: Path
) -> None:
    path = tmp_path / "draft.docx"
    write_manuscript(db, rounds_and_skip_id, path, lang="de")
    items = read_docx(path)
    text = text_of(items)
    data = gather(db, rounds_and_skip_id)
    ((one, two),) = [(a.one, a.two) for a in asked_questions(data)]
    assert two is not None
    assert f"Runde 1: {one.sentence('de')}." in text and f"Runde 2: {two.sentence('de')}." in text
    assert "ein zweites Mal abgestimmt" in text  # the methods say so
    rows = table_after(items, "Tabelle 1: ")
    assert rows[0][1:] == ("Runde 1", "Runde 1", "Runde 2", "Runde 2")  # merged over n, %
    assert rows[1] == ("Antwort", "n", "%", "n", "%")
    for index, option in enumerate(two.tally.options):
        first = one.tally.options[index]
        assert rows[2 + index][1:] == (
            str(first.count),
            str(first.percent),
            str(option.count),
            str(option.percent),
        )
    assert headings(items, 2) == ["Frage 1.1 (Fall 1)", f"Fall 1: {data.cases[0].case.title}"]
    skipped = table_after(items, "Tabelle S4: ")
    assert skipped[1][:3] == ("1.2", "1", "Würden Sie eine Re-Biopsie veranlassen?")
    assert "Zeit reichte nicht" in skipped[1][3]
    assert "Re-Biopsie" not in "\n".join(i.text for i in items if i.style.startswith("Heading"))
    participation = table_after(items, "Tabelle S3: ")
    assert [r[:3] for r in participation[1:]] == [
        ("1.1", "1", str(one.tally.n_valid)),
        ("1.1", "2", str(two.tally.n_valid)),
    ]


def test_figures_and_tables_are_numbered_in_order_and_referred_to(
    db: Database, demo_id: int, tmp_path: Path
) -> None:
    path = tmp_path / "draft.docx"
    write_manuscript(db, demo_id, path, lang="en")
    items = read_docx(path)
    found = captions(items)
    figures = [n for kind, n in found if kind == "Figure"]
    tables = [n for kind, n in found if kind == "Table" and not n.startswith("S")]
    supplement = [n for kind, n in found if kind == "Table" and n.startswith("S")]
    assert figures == [str(i) for i in range(1, len(figures) + 1)]
    assert tables == [str(i) for i in range(1, len(tables) + 1)]
    assert supplement == ["S1", "S2", "S3", "S4"]
    body = "\n".join(i.text for i in items if i.style != "Caption")
    for kind, number in found:
        assert f"{kind} {number}" in body, f"{kind} {number} is never referred to"
    # captions are Word's: the Caption style, each number a SEQ field Word renumbers
    from docx import Document

    document = Document(str(path))
    codes = [
        code.text
        for p in document.paragraphs
        if p.style is not None and p.style.name == "Caption"
        for code in p._p.xpath(".//w:instrText")
    ]
    assert len(codes) == len(found)
    assert codes[0].strip().startswith("SEQ Figure")
    assert any(c.strip().startswith("SEQ TableS") for c in codes)
    # every level-2 heading sits under a level-1 heading; results before case reports
    levels = [i.style for i in items if i.style.startswith("Heading")]
    assert levels[0] == "Heading 1" and set(levels) == {"Heading 1", "Heading 2"}


def test_the_markdown_draft_is_the_same_article_with_its_figures_beside_it(
    db: Database, rounds_and_skip_id: int, tmp_path: Path
) -> None:
    word, markdown = tmp_path / "draft.docx", tmp_path / "draft.md"
    write_manuscript(db, rounds_and_skip_id, word, lang="en")
    written = write_manuscript(db, rounds_and_skip_id, markdown, lang="en")
    source = markdown.read_text("utf-8")
    sections = [line[3:] for line in source.splitlines() if line.startswith("## ")]
    assert sections == SECTIONS["en"] == headings(read_docx(word), 1)
    figures = [p for p in written if p.suffix == ".png"]
    assert [p.parent.name for p in figures] == ["draft-figures"]
    assert f"](draft-figures/{figures[0].name})" in source
    assert figures[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "| Answer | n (Round 1) | % (Round 1) | n (Round 2) | % (Round 2) |" in source
    assert "**Table S4:**" in source and "(Figure 1, Table 1)" in source


def test_no_attendee_names_efns_or_link_secrets(db: Database, demo_id: int, tmp_path: Path) -> None:
    write_manuscript(db, demo_id, tmp_path / "draft.docx")
    write_manuscript(db, demo_id, tmp_path / "draft.md")
    texts = [text_of(read_docx(tmp_path / "draft.docx")), (tmp_path / "draft.md").read_text()]
    with db.read() as session:
        invited = conferences.invitations(session, demo_id)
    secrets = [i.token for i in invited if i.token]
    people = [a for i in invited for a in i.attendees]
    assert secrets and people
    for text in texts:
        for token in secrets:
            assert token not in text
        for person in people:
            assert person.name not in text
            if person.efn:
                assert person.efn not in text
        assert "Fiona Fellow" in text  # an author, by name


def test_a_draft_without_ballots_or_of_another_kind_is_refused(
    db: Database, tmp_path: Path
) -> None:
    import datetime as dt

    with db.write() as session:
        empty = conferences.create_conference(session, "Leer", dt.date(2026, 11, 18), slug="leer")
    with pytest.raises(StateConflict) as refused:
        write_manuscript(db, empty, tmp_path / "leer.docx")
    assert refused.value.message.in_language("de") == (
        "„leer“ hat noch keine Stimmen – kein Manuskript erstellt"
    )
    with pytest.raises(InvalidInput, match=r"\.docx \(Word\) or \.md"):
        write_manuscript(db, empty, tmp_path / "leer.pdf")
    assert not list(tmp_path.glob("leer*"))
    assert write_manuscript(db, empty, tmp_path / "leer.md", allow_empty=True)


def test_the_command_writes_the_draft_and_says_so_in_one_line(
    db_url: str, demo_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "entwurf.md"
    assert main(["--db", db_url, "manuscript", "demo", "-o", str(target), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "3 figures in" in out
    assert (tmp_path / "entwurf-figures").is_dir()
    assert main(["--db", db_url, "manuscript", "demo", "-o", str(tmp_path / "x.pdf")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and ".docx" in err


class _Text(HTMLParser):
    """The text and the tag names of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _rendered(markdown: str) -> _Text:
    from markdown_it import MarkdownIt

    parser = _Text()
    parser.feed(MarkdownIt("commonmark").enable("table").render(markdown))
    return parser


def test_hostile_text_stays_literal_in_word_and_in_markdown(db: Database, tmp_path: Path) -> None:
    conf_id = build_hostile(db, tmp_path)
    word, markdown = tmp_path / "draft.docx", tmp_path / "draft.md"
    write_manuscript(db, conf_id, word)
    write_manuscript(db, conf_id, markdown)
    in_word = text_of(read_docx(word))
    html = _rendered(markdown.read_text("utf-8"))
    in_markdown = " ".join("".join(html.text).split())
    for stored in STORED.values():
        shown = printable(stored)
        assert shown in in_word, stored
        assert " ".join(shown.split()) in in_markdown, stored
    for text in (in_word, in_markdown):
        assert "[dna double helix] Genom" in text and "🧬" not in text
        for character in ("\x1b", "\x00", "\x07", "\u202e"):
            assert character not in text
    # nothing the text held became markup: only the tags the writer itself makes
    made = {"h1", "h2", "h3", "p", "em", "strong", "br", "img", "blockquote", "ul", "li"}
    assert html.tags <= made | {"table", "thead", "tbody", "tr", "th", "td"}


@pytest.mark.parametrize(
    ("typed", "source"),
    [
        ("<script>alert(1)</script>", "\\<script>alert(1)\\</script>"),
        ("*fett* _kursiv_ `code`", "\\*fett\\* \\_kursiv\\_ \\`code\\`"),
        ("# Titel", "\\# Titel"),
        ("1. Linie", "1\\. Linie"),
        ("- Punkt", "\\- Punkt"),
        ("[Link](http://x)", "\\[Link\\](http://x)"),
        ("a | b", "a \\| b"),
        ("$x$ ~y~ ^z^ @zitat", "\\$x\\$ \\~y\\~ \\^z\\^ \\@zitat"),
        ("&amp; &", "\\&amp; &"),
        ("NM_004985.5:c.35G>A p.Q37*", "NM_004985.5:c.35G>A p.Q37\\*"),
        ("zwei\nZeilen", "zwei\\\nZeilen"),
    ],
)
def test_markdown_escapes_what_markdown_would_read_as_syntax(typed: str, source: str) -> None:
    from app.reports.manuscript.markdown_writer import escape

    assert escape(typed) == source
    assert "".join(_rendered(source).text).strip() == typed


@pytest.mark.parametrize("backend", ["sqlite"])  # drawing does not depend on the database
def test_charts_drawn_with_a_worker_process_are_those_drawn_here(
    db: Database, demo_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.reports.manuscript import pictures

    results = [r for r in gather(db, demo_id).results if r.ballots]
    charts = [pictures.Chart(results[i % len(results)], None, "de") for i in range(8)]
    here = pictures.pngs(charts)
    monkeypatch.setattr(pictures, "CHARTS_PER_WORKER", 2)
    monkeypatch.setattr(pictures.os, "cpu_count", lambda: 2)
    assert pictures.workers_for(len(charts)) == 1
    assert pictures.pngs(charts) == here  # the same pictures, in the same order
    assert len({here[0], here[1], here[2]}) == 3 and here[0] == here[3]
