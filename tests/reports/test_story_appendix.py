"""The anonymised ballot appendix: site numbers that are no answer letters, and no row that
points at the site the attendance list names as absent."""

from __future__ import annotations

import re
from pathlib import Path

from app.db import Database
from app.reports.data import anonymous_labels, gather
from app.reports.protocol import write_protocol
from tests.reports.pdftools import page_texts


def test_anonymised_sites_are_numbered_not_lettered_and_only_voting_sites_appear(
    db: Database, demo_id: int, tmp_path: Path
) -> None:
    data = gather(db, demo_id, with_images=False)
    voters = {b.site_id for r in data.results for b in r.ballots}
    absent = [i.site.id for i in data.invitations if not i.present]
    assert absent and not set(absent) & voters  # the demo has one absent site
    labels = anonymous_labels(data)
    assert set(labels) == voters
    assert sorted(labels.values()) == [f"S{n:02d}" for n in range(1, len(voters) + 1)]

    path = tmp_path / "anonym.pdf"
    write_protocol(db, demo_id, path, anonymise=True)
    pages = page_texts(path)
    start = next(i for i, page in enumerate(pages) if "Anhang: Stimmen je Standort" in page)
    appendix = " ".join(pages[start:])
    table = appendix.split("Legende")[0]
    assert set(re.findall(r"\bS\d{2}\b", table)) == set(labels.values())  # voting sites only
    assert "A = Ja" in appendix  # the answers keep their letters, the sites have none
