"""0010_series: the search keys of rows written before it are filled on upgrade, the same
as the models compute them for new rows."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from app.db import create_db_engine, upgrade
from app.models.search import search_text, text_key


def test_upgrade_fills_the_search_keys_of_existing_rows(tmp_path: Path) -> None:
    engine = create_db_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    upgrade(engine, "0009_standing")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO conferences (id, slug, topic, date, moderator, language, vnr, "
                "moderator_token, created_at) VALUES (1, 'alt', 'Alt', '2026-06-17', '', 'de', "
                "'', 't', '2026-06-01 10:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO cases (id, conference_id, position, title, presenter, diagnosis, "
                "icd10, histology, stage, prior_therapies, msi, text) VALUES (1, 1, 0, "
                "'Fall KRAS', '', 'Pankreaskarzinom', 'C25.0', 'Adeno', '', '', '', '')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO findings (id, case_id, position, gene, alteration, kind, comment) "
                "VALUES (1, 1, 0, 'KRAS', 'p.G12C', 'snv', '')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO questions (id, case_id, position, text, kind, allow_abstain, round, "
                "state, created_at) VALUES (1, 1, 0, 'Würden Sie HCQ empfehlen?', 'single', 1, 1, "
                "'closed', '2026-06-17 16:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO options (id, question_id, position, label, code, phrase_de, "
                "phrase_en) VALUES (1, 1, 0, 'Ja, Empfehlung', '', '', '')"
            )
        )
    upgrade(engine)
    with engine.connect() as conn:
        keys = {
            table: conn.execute(text(f"SELECT search_key FROM {table}")).scalar()
            for table in ("questions", "options", "cases", "findings")
        }
        digest = conn.execute(text("SELECT text_key FROM questions")).scalar()
    engine.dispose()
    assert keys == {
        "questions": "wurden sie hcq empfehlen",
        "options": "ja empfehlung",
        "cases": "fall kras pankreaskarzinom c25 0 adeno",
        "findings": "kras p g12c",
    }
    assert keys["cases"] == search_text("Fall KRAS", "Pankreaskarzinom", "C25.0", "Adeno")
    assert digest == text_key("würden sie  HCQ empfehlen")
