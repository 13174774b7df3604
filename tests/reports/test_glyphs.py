"""Characters the protocol's font lacks are named, visibly, instead of drawn as empty boxes."""

from __future__ import annotations

from pathlib import Path

from app.db import Database
from app.reports.glyphs import covered, printable
from app.reports.protocol import write_protocol
from app.services import conferences
from tests.reports.pdftools import page_texts


def test_missing_characters_are_named_and_shaping_marks_vanish_with_them() -> None:
    assert printable("Grüße ✓ € µ ≥ 2") == "Grüße ✓ € µ ≥ 2"  # the font has all of these
    assert printable("🧬 Genom") == "[dna double helix] Genom"
    assert printable("👍🏽") == "[thumbs up sign]"  # the skin-tone modifier goes with it
    assert printable("\U000e0001x") == "x"  # a tag character shapes, it shows nothing
    assert printable("\U0010fffd") == "[U+10FFFD]".lower()  # no name: the code point
    assert all(ord(ch) in covered() for ch in printable("🧬👩\u200d⚕️🇩🇪"))


def test_emoji_in_the_protocol_are_named_not_boxes(
    db: Database, two_rounds_id: int, tmp_path: Path
) -> None:
    with db.write() as session:
        conferences.update_conference(session, two_rounds_id, topic="Runde 🧬 Genom")
        conf = conferences.get_conference_row(session, two_rounds_id)
        site = conf.invitations[0].site
        conferences.save_site(
            session, conferences.SiteData(f"{site.name} 🏥", site.code), site_id=site.id
        )
    path = tmp_path / "protocol.pdf"
    write_protocol(db, two_rounds_id, path)  # missing glyphs in charts would warn: an error
    text = " ".join(page_texts(path))
    assert "Runde [dna double helix] Genom" in text
    assert "[hospital]" in text
    assert "🧬" not in text and "🏥" not in text
