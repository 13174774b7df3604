"""Quick questions in the reports: the protocol's own "Freie Diskussion" section after the
prepared cases (each presented case under its line, its questions with their results), the
agenda, and the exports, which name the free discussion in the case title."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from app.db import Database
from app.models import BallotSource
from app.reports.data import gather
from app.reports.protocol import write_protocol
from app.reports.tables import result_rows
from app.services import ballots, conferences, lifecycle
from app.services.quick import add_quick_question
from app.services.results import question_result

from .pdftools import ink_fractions, page_texts

LINE = "vorgestellt von Standort Mainz: 54 J., m, NSCLC, KRAS G12C (VAF 23 %)"
HOSTILE_LINE = '"><img src=x> <b>fett</b> 61 J., EGFR L858R'


def ask_and_vote(db: Database, conf_id: int) -> list[int]:
    """Two quick questions on one case (evidence level, voted and revealed; yes/no, voted),
    one on a second case with a hostile line (never voted)."""
    with db.write() as session:
        sites = [i.site.id for i in conferences.invitations(session, conf_id) if i.present]
        evidence = add_quick_question(
            session, conf_id, "Welches Evidenzlevel würden Sie vergeben?", "evidence",
            case=LINE,
        )  # fmt: skip
        for n, site in enumerate(sites[:6]):
            level = evidence.options[2 if n < 5 else 5].id  # m1C five times, m2C once
            ballots.cast_ballot(
                session, evidence.id, site, option_ids=[level], source=BallotSource.SITE
            )
        lifecycle.close_question(session, evidence.id)
        lifecycle.reveal_question(session, evidence.id)
        yes_no = add_quick_question(
            session, conf_id, "Würde Ihr Standort Sotorasib empfehlen?", "yes_no", case=LINE
        )
        for site in sites[:4]:
            ballots.cast_ballot(session, yes_no.id, site, option_ids=[yes_no.options[0].id])
        lifecycle.close_question(session, yes_no.id)
        other = add_quick_question(
            session, conf_id, "Und hier?", "yes_no", case=HOSTILE_LINE, open=False
        )
    return [evidence.id, yes_no.id, other.id]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_protocol_reports_quick_questions_in_their_own_section(
    db: Database, demo_id: int, tmp_path: Path, lang: str
) -> None:
    evidence, yes_no, _other = ask_and_vote(db, demo_id)
    path = tmp_path / f"protocol-{lang}.pdf"
    write_protocol(db, demo_id, path, lang=lang)
    pages = page_texts(path)
    text = " ".join(pages)
    heading = {"de": "Freie Diskussion", "en": "Free discussion"}[lang]
    case = {"de": "Fall", "en": "Case"}[lang]
    # after every prepared case, before the ballot appendix
    start = next(i for i, page in enumerate(pages) if f"{case} 4 · {LINE}" in page)
    last_prepared = max(i for i, page in enumerate(pages) if f"{case} 3:" in page)
    assert last_prepared < start and heading in pages[start]
    section = " ".join(pages[start:])
    assert section.index(f"{case} 4 · {LINE}") < section.index("Welches Evidenzlevel")
    assert section.index("Welches Evidenzlevel") < section.index("Sotorasib empfehlen")
    assert f"{case} 5 · {HOSTILE_LINE}" in section  # literal, never markup
    with db.read() as session:
        results = [question_result(session, q) for q in (evidence, yes_no)]
    for result in results:
        assert result.sentence(lang) in section
        for option in result.tally.options:
            if option.count:
                assert f"{option.count} ({option.percent} %)" in section
    assert "m1C" in section and results[0].tally.consensus is not None
    assert results[0].tally.consensus.awmf.label(lang) in section
    # the agenda names the block
    assert f"{heading}: {LINE}" in text
    # each page has ink where text is: the section's pages are not blank
    shots = tmp_path / f"pages-{lang}"
    fractions = ink_fractions(path, shots)
    assert all(f > 0.005 for f in fractions[start : start + 2])
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", "-f", str(start + 1), "-l", str(start + 1), str(path),
         str(tmp_path / f"free-{lang}")],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip


def test_the_exports_name_the_free_discussion_in_the_case_title(db: Database, demo_id: int) -> None:
    ask_and_vote(db, demo_id)
    rows = result_rows(gather(db, demo_id, with_images=False), "de")
    titles = {row["case_title"] for row in rows if row["case"] >= 4}
    assert titles == {f"Freie Diskussion: {LINE}", f"Freie Diskussion: {HOSTILE_LINE}"}
    english = result_rows(gather(db, demo_id, with_images=False), "en")
    assert {row["case_title"] for row in english if row["case"] == 4} == {
        f"Free discussion: {LINE}"
    }
