"""A conference whose votes came entirely from an imported call poll has the same protocol
numbers as the demo, whose sites voted through their links."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from app.db import Database
from app.reports.data import gather
from app.reports.protocol import write_protocol
from app.services import lifecycle
from app.services.agenda import agenda
from app.services.demo import load_demo
from app.services.poll_import import import_report
from app.services.results import QuestionResult, conference_results
from tests.reports.pdftools import page_texts
from tests.services.poll_helpers import load_blank_demo


def zoom_report_of(db: Database, conf: int) -> bytes:
    """The demo's ballots as a Zoom poll report (layout since 2021), one sub-table per
    question, each site's participant named "Dr. … (CODE)"."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["Poll Report"])
    writer.writerow(["Topic", "ID"])
    writer.writerow(["Demo", "123 456 789"])
    with db.read() as session:
        for case in conference_results(session, conf):
            for result in case.results:
                if not result.ballots or result.question.round != 1:
                    continue
                labels = {o.id: o.label for o in result.question.options}
                writer.writerow([])
                writer.writerow(
                    ["#", "User Name", "User Email", "Submitted Date/Time", result.question.text]
                )
                for n, ballot in enumerate(result.ballots, start=1):
                    answer = (
                        "Enthaltung"
                        if ballot.abstain
                        else ";".join(labels[i] for i in ballot.option_ids)
                    )
                    writer.writerow(
                        [n, f"Dr. Muster ({ballot.site_code})", "", "Nov 30, 2026 18:00:00", answer]
                    )
    return out.getvalue().encode("utf-8-sig")


def numbers(result: QuestionResult) -> tuple[object, ...]:
    tally = result.tally
    return (
        result.question.number,
        result.question.round,
        tuple((o.option.label, o.count, o.percent, o.share) for o in tally.options),
        tally.n_valid,
        tally.n_abstain,
        tally.n_eligible,
        tally.n_present_not_voted,
        tally.consensus,
        result.sentence_de,
        result.sentence_en,
        result.participation_de,
        result.participation_en,
    )


def replay_demo_by_import(db: Database, folder: Path, report: bytes) -> int:
    """The blank demo, its votes imported, then what the moderator did after: reveal,
    repeat question 1.1 as round 2 and make it the current one."""
    conf = load_blank_demo(db, folder)
    with db.write() as session:
        result = import_report(session, conf, report, filename="demo-poll.csv")
    assert result.n_ballots == 48
    with db.write() as session:
        ids = {q.number: q.id for c in agenda(session, conf) for q in c.questions}
        for number in ("1.1", "1.2"):
            lifecycle.reveal_question(session, ids[number])
        repeat = lifecycle.repeat_question(session, ids["1.1"])
        lifecycle.set_current(session, conf, repeat.id)
    return conf


def test_imported_votes_give_the_protocol_numbers_of_votes_cast_through_links(
    tmp_path: Path,
) -> None:
    linked = Database.open(f"sqlite:///{(tmp_path / 'links.sqlite3').as_posix()}")
    polled = Database.open(f"sqlite:///{(tmp_path / 'poll.sqlite3').as_posix()}")
    try:
        with linked.write() as session:
            linked_conf = load_demo(session)
        polled_conf = replay_demo_by_import(polled, tmp_path, zoom_report_of(linked, linked_conf))

        want = [numbers(r) for r in gather(linked, linked_conf).results]
        got = [numbers(r) for r in gather(polled, polled_conf).results]
        assert got == want
        assert any(n[7] is not None for n in got)  # consensus classes were compared

        pages = {}
        for name, db, conf in (("links", linked, linked_conf), ("poll", polled, polled_conf)):
            path = tmp_path / f"{name}.pdf"
            write_protocol(db, conf, path, lang="de")
            pages[name] = page_texts(path)
    finally:
        linked.dispose()
        polled.dispose()
    polled_text = " ".join(pages["poll"])
    assert "° = aus der Umfrage der Videokonferenz importiert" in polled_text
    appendix = polled_text.split("Anhang: Stimmen je Standort")[-1]
    assert appendix.count("°") >= 48  # every imported ballot carries the poll's mark
    assert "°" not in " ".join(pages["links"]).replace("° = aus der Umfrage", "")
    assert len(pages["poll"]) == len(pages["links"])
    for poll_page, link_page in zip(pages["poll"], pages["links"], strict=True):
        assert comparable(poll_page) == comparable(link_page)


def comparable(page: str) -> str:
    """A page's text without what must differ: the time of generation and the source marks
    of the appendix (° imported from the poll, * entered by the moderator)."""
    import re

    page = re.sub(r"\d{2}\.\d{2}\.\d{4},? \d{1,2}:\d{2}(:\d{2})?", "<time>", page)
    page = re.sub(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?", "<time>", page)
    return page.replace("°", "").replace("*", "")


def test_an_anonymous_poll_is_shown_apart_in_exports_and_protocol(
    db: Database, tmp_path: Path
) -> None:
    import json

    from openpyxl import load_workbook

    from app.reports.exports import ballots_path, write_results
    from tests.services.poll_helpers import FILES

    conf = load_blank_demo(db, tmp_path)
    with db.write() as session:
        import_report(session, conf, (FILES / "zoom_anonymous.csv").read_bytes())

    write_results(db, conf, tmp_path / "r.json", "json", lang="de")
    document = json.loads((tmp_path / "r.json").read_text("utf-8"))
    first = document["questions"][0]
    assert (first["number"], first["n_valid"], first["consensus"]) == ("1.1", 0, None)
    assert first["counted_by_call"] == {
        "n_valid": 3,
        "n_abstain": 1,
        "options": [
            {"label": "Ja, Empfehlung HCQ + Trametinib", "code": "", "count": 1, "percent": 33},
            {"label": "Keine Empfehlung", "code": "", "count": 2, "percent": 67},
        ],
    }
    assert document["ballots"] == []
    assert all(q["counted_by_call"] is None for q in document["questions"][1:])

    write_results(db, conf, tmp_path / "r.csv", "csv", lang="de")
    lines = (tmp_path / "r.csv").read_text("utf-8-sig").splitlines()
    call_rows = [line for line in lines if "Videokonferenz (anonyme Umfrage)" in line]
    assert len(call_rows) == 2 and ";Keine Empfehlung;;2;67;3;1;4;" in call_rows[1]
    assert ballots_path(tmp_path / "r.csv").read_text("utf-8-sig").count("\n") == 1  # header

    write_results(db, conf, tmp_path / "r.xlsx", "xlsx", lang="en")
    sheet = load_workbook(tmp_path / "r.xlsx")["Results"]
    counted_by = [row[-1] for row in sheet.iter_rows(values_only=True)]
    assert counted_by.count("video call (anonymous poll)") == 2

    write_protocol(db, conf, tmp_path / "p.pdf", lang="de")
    text = " ".join(page_texts(tmp_path / "p.pdf"))
    assert (
        "Von der Videokonferenz gezählt (anonyme Umfrage; ohne Standorte, daher nicht in den "
        "Zahlen oben und ohne Konsensstärke): Ja, Empfehlung HCQ + Trametinib 1 (33 %), "
        "Keine Empfehlung 2 (67 %); 3 gültige Antworten, 1 Enthaltungen." in text
    )


def test_exported_ballots_name_the_call_poll_as_their_source(db: Database, tmp_path: Path) -> None:
    import json

    from app.reports.exports import write_results
    from tests.services.poll_helpers import FILES

    conf = load_blank_demo(db, tmp_path)
    with db.write() as session:
        import_report(session, conf, (FILES / "plain.csv").read_bytes(), format="csv")
    for lang, label in (("de", "Videokonferenz-Umfrage"), ("en", "call poll")):
        write_results(db, conf, tmp_path / f"r-{lang}.json", "json", lang=lang)
        document = json.loads((tmp_path / f"r-{lang}.json").read_text("utf-8"))
        assert {b["source"] for b in document["ballots"]} == {label}
        assert len(document["ballots"]) == 6
