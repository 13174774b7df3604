"""The protocol as a reader that follows the content meets it (text extraction, a screen
reader in an untagged PDF): each page's header first, then its body, the footer last; and
every chart's numbers follow it as text (the results table, one line per option:
the label, its explanation where it has one, the count and the percent)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from app.db import Database
from app.models import QuestionKind
from app.reports.protocol import write_protocol
from app.services.results import conference_results


def _raw_pages(path: Path) -> list[list[str]]:
    """Each page's lines in the order of the content stream (``pdftotext -raw``)."""
    assert shutil.which("pdftotext"), "poppler-utils (pdftotext) is needed"
    raw = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"],
        check=True, capture_output=True, text=True, timeout=120,
    ).stdout  # fmt: skip
    pages = raw.split("\f")
    return [[line for line in page.splitlines() if line.strip()] for page in pages if page.strip()]


@pytest.fixture
def protocol(db: Database, demo_id: int, tmp_path: Path) -> list[list[str]]:
    path = tmp_path / "protokoll.pdf"
    write_protocol(db, demo_id, path, lang="de")
    return _raw_pages(path)


def test_every_page_reads_header_body_footer(protocol: list[list[str]]) -> None:
    assert len(protocol) > 3
    for number, lines in enumerate(protocol, start=1):
        assert lines[-1].startswith("Erstellt am") and lines[-1].endswith(
            f"Seite {number} von {len(protocol)}"
        ), (number, lines[-1])
        if number > 1:
            assert lines[0] == "DEMO – KRAS-mutiertes Pankreaskarzinom · 18.11.2026 Protokoll"


def test_every_charts_numbers_follow_it_as_text(
    db: Database, demo_id: int, protocol: list[list[str]]
) -> None:
    with db.read() as session:
        cases = conference_results(session, demo_id)
    lines = [line for page in protocol for line in page]
    charted = [
        result
        for case in cases
        for result in case.results
        if result.ballots and result.tally.kind is not QuestionKind.FREE_TEXT
    ]
    assert charted
    for result in charted:
        axis = [i for i, line in enumerate(lines) if line == "% der Standorte mit gültiger Antwort"]
        assert axis, "a chart's axis caption"
        after = lines[axis[0] :]
        for option in result.tally.options:
            label, numbers = option.option.label_in("de"), f" {option.count} {option.percent}"
            assert any(line.startswith(label) and line.endswith(numbers) for line in after[:40]), (
                result.question.number,
                label,
                numbers,
            )
        del lines[axis[0]]  # the next chart's caption comes next


#: what each certificate says, in the order a reader meets it on the page
CERTIFICATE_ORDER = {
    "de": (
        "Teilnahmebescheinigung",
        "Hiermit wird bestätigt, dass",
        "Einheitliche Fortbildungsnummer",
        "Veranstaltung ",
        "Veranstaltungsnummer (VNR)",
        "Ort, Datum, Unterschrift",
        "Erstellt mit Votum",
    ),
    "en": (
        "Certificate of attendance",
        "This is to certify that",
        "Uniform CME number",
        "Event ",
        "Event number (VNR)",
        "Place, date, signature",
        "Made with Votum",
    ),
}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_certificate_reads_in_the_order_of_its_page_and_says_title_and_language(
    db: Database, demo_id: int, tmp_path: Path, lang: str
) -> None:
    from pypdf import PdfReader

    from app.reports.certificates import participants, write_certificates

    files = write_certificates(db, demo_id, tmp_path / "out", lang=lang)
    conf, people = participants(db, demo_id)
    heading, tag = CERTIFICATE_ORDER[lang][0], {"de": "de-DE", "en": "en-GB"}[lang]
    titles = [f"{heading}: {p.name}" for p in people] + [f"{heading}: {conf.topic}"]
    for path, title in zip(files, titles, strict=True):
        reader = PdfReader(str(path))
        assert reader.metadata is not None and reader.metadata.title == title, path.name
        root = reader.trailer["/Root"]
        assert str(root["/Lang"]) == tag
        assert root["/ViewerPreferences"]["/DisplayDocTitle"]  # a reader shows the title
    pages = _raw_pages(files[-1])  # all of them, one page each
    assert len(pages) == len(people)
    for person, lines in zip(people, pages, strict=True):
        order = [
            next(i for i, line in enumerate(lines) if line.startswith(words))
            for words in CERTIFICATE_ORDER[lang]
        ]
        assert order == sorted(order) and order[0] == 0, (person.name, lines)
        assert lines[-1].startswith(CERTIFICATE_ORDER[lang][-1])
        named = lines.index(person.name)  # the participant's name comes right after
        assert order[1] < named < order[2], (person.name, lines)
