"""Printed site links: each page in the conference's language, from the sheet's catalog."""

from __future__ import annotations

import dataclasses
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from app.db import Database
from app.reports.link_sheets import SiteLink, write_pdf
from app.services.conferences import get_conference
from tests.reports.pdftools import page_texts


@pytest.mark.parametrize(
    ("lang", "first", "revoked"),
    [
        ("de", "Ihr persönlicher Abstimmungslink für", "Link widerrufen"),
        ("en", "Your personal voting link for", "Link revoked"),
    ],
)
def test_a_link_page_speaks_the_conference_language_only(
    db: Database, demo_id: int, tmp_path: Path, lang: str, first: str, revoked: str
) -> None:
    with db.read() as session:
        conf = dataclasses.replace(get_conference(session, demo_id), language=lang)
    rows = [
        SiteLink("Dresden", "DD", "http://127.0.0.1:8765/v/abc"),
        SiteLink("Essen", "E", ""),
    ]
    write_pdf(tmp_path / "links.pdf", conf, rows)
    linked, gone = (page.extract_text() for page in PdfReader(tmp_path / "links.pdf").pages)
    assert first in linked and "http://127.0.0.1:8765/v/abc" in linked
    assert revoked in gone
    other = "Link revoked" if lang == "de" else "Link widerrufen"
    assert other not in gone


def test_emoji_in_a_site_name_or_topic_are_printed_as_their_bracketed_names(
    db: Database, demo_id: int, tmp_path: Path
) -> None:
    with db.read() as session:
        conf = dataclasses.replace(get_conference(session, demo_id), topic="Runde 🧬 Genom")
    rows = [
        SiteLink("Uniklinik 🏥 Dresden", "DD🏥", "http://127.0.0.1:8765/v/abc"),
        SiteLink("Essen 👍🏽", "E", ""),
    ]
    write_pdf(tmp_path / "links.pdf", conf, rows)
    linked, gone = page_texts(tmp_path / "links.pdf")
    assert "Runde [dna double helix] Genom" in linked
    assert "Uniklinik [hospital] Dresden" in linked and "DD[hospital]" in linked
    assert "Essen [thumbs up sign]" in gone  # the skin-tone modifier vanishes with it
    assert not {"🧬", "🏥", "👍", "🏽"} & set(linked + gone)


def test_a_long_site_name_and_topic_stay_on_the_page_whole(
    db: Database, demo_id: int, tmp_path: Path
) -> None:
    name = "Universitätsklinikum Schleswig-Holstein, Campus Lübeck 🏥"  # 250 mm at 22 pt
    topic = "KRAS-mutiertes Pankreaskarzinom nach Progress unter FOLFIRINOX " * 2
    with db.read() as session:
        conf = dataclasses.replace(get_conference(session, demo_id), topic=topic.strip())
    rows = [SiteLink(name, "UKSH", "http://127.0.0.1:8765/v/abc"), SiteLink("Kiel " * 60, "K", "")]
    write_pdf(tmp_path / "links.pdf", conf, rows)
    linked, gone = page_texts(tmp_path / "links.pdf")
    assert "Universitätsklinikum Schleswig-Holstein, Campus Lübeck [hospital]" in linked
    assert topic.strip() in linked and "http://127.0.0.1:8765/v/abc" in linked
    assert ("Kiel " * 60).strip() in gone and "Link widerrufen" in gone
    subprocess.run(
        ["pdftoppm", "-r", "50", "-png", str(tmp_path / "links.pdf"), str(tmp_path / "page")],
        check=True,
        timeout=60,
    )
    for page in sorted(tmp_path.glob("page-*.png")):
        with Image.open(page) as image:
            grey = image.convert("L")
            margin = grey.crop((grey.width * 195 // 210, 0, grey.width, grey.height))
            assert margin.getextrema()[0] > 200, f"{page.name}: ink in the right margin"
