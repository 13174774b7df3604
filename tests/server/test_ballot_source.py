"""A ballot says truthfully how it came: the site's voter page (the plain form, or its
JavaScript), or the site's JSON API (a program of its own); exports and the protocol's
appendix name it so."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import httpx

from app.cli import main
from app.models import BallotSource
from app.services.ballots import current_ballots
from tests.reports.pdftools import page_texts
from tests.server.helpers import Served, site_ids, tokens


def test_each_way_a_site_votes_is_stored_as_what_it_was(
    served: Served, client: httpx.Client, db_url: str, tmp_path: Path
) -> None:
    codes = tokens(served.db, served.conf_id)
    question = client.get(f"/api/v/{codes['DD']}/state").json()["question"]
    yes = question["options"][0]["id"]
    ballot = {"question_id": question["id"], "option_ids": [yes]}
    ways = {
        "DD": client.post(f"/api/v/{codes['DD']}/ballot", json=ballot),  # a program, link
        "HD": client.post(  # a program, bearer token
            "/api/site/ballot", json=ballot, headers={"Authorization": f"Bearer {codes['HD']}"}
        ),
        "B": client.post(f"/v/{codes['B']}/ballot", json=ballot),  # the page's JavaScript
        "MZ": client.post(  # the page without JavaScript
            f"/v/{codes['MZ']}", data={"question_id": question["id"], "choice": str(yes)}
        ),
    }
    for code, response in ways.items():
        assert response.status_code in (200, 303), (code, response.text)
    assert ways["B"].json()["message"].startswith("Gespeichert um ")
    by_id = {v: k for k, v in site_ids(served.db, served.conf_id).items()}
    with served.db.read() as session:
        sources = {by_id[b.site_id]: b.source for b in current_ballots(session, question["id"])}
    assert {code: sources[code] for code in ways} == {
        "DD": BallotSource.API,
        "HD": BallotSource.API,
        "B": BallotSource.SITE,
        "MZ": BallotSource.SITE,
    }

    table = tmp_path / "r.csv"
    assert main(["--db", db_url, "results", "demo", "--format", "csv", "-o", str(table)]) == 0
    text = table.with_name("r.ballots.csv").read_text("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    shown = {r["Kürzel"]: r["Quelle"] for r in rows if (r["Frage"], r["Runde"]) == ("1.1", "2")}
    assert shown["DD"] == shown["HD"] == "Standort (API)"
    assert shown["B"] == shown["MZ"] == "Standort (Abstimmungsseite)"

    pdf = tmp_path / "protokoll.pdf"
    assert main(["--db", db_url, "report", "demo", "-o", str(pdf), "--lang", "en"]) == 0
    text = " ".join(page_texts(pdf))
    assert "† = cast through the site's JSON API" in text and "†" in text.split("Key")[0]
