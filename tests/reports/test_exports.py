"""XLSX, CSV and JSON read back give the numbers the services compute."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.db import Database
from app.models import BallotSource
from app.reports.attendance import write_attendance_csv
from app.reports.exports import ballots_path, write_results
from app.reports.protocol import write_protocol
from app.reports.tables import (
    ATTENDANCE_COLUMNS,
    BALLOT_COLUMNS,
    HISTORY_COLUMNS,
    RESULT_COLUMNS,
    Column,
)
from app.services import agenda, ballots, conferences, lifecycle
from app.services.conferences import invitations
from app.services.package_schema import PackageCase, PackageQuestion
from app.services.results import QuestionResult, conference_results
from tests.services.helpers import make_conference

from .pdftools import page_texts


def _results(db: Database, conf_id: int) -> list[QuestionResult]:
    with db.read() as session:
        return [r for case in conference_results(session, conf_id) for r in case.results]


def _expected(
    results: list[QuestionResult], lang: str
) -> dict[tuple[str, int, str], tuple[int, int]]:
    """(question number, round, option in ``lang``) → (count, percent), as the services
    compute them (a question never opened has no counts at all)."""
    return {
        (r.question.number, r.question.round, o.option.label_in(lang)): (o.count, o.percent)
        for r in results
        if r.asked
        for o in r.tally.options
    }


def _keyed(header: list[str], columns: tuple[Column, ...], lang: str) -> dict[str, int]:
    assert header == [c.header(lang) for c in columns]
    return {c.key: i for i, c in enumerate(columns)}


def _read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM for Excel"
    return list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))


@pytest.mark.parametrize("lang", ["de", "en"])
def test_csv_reads_back_as_the_services_count(
    db: Database, demo_id: int, tmp_path: Path, lang: str
) -> None:
    path = tmp_path / "results.csv"
    write_results(db, demo_id, path, "csv", lang=lang)
    rows = _read_csv(path)
    key = _keyed(rows[0], RESULT_COLUMNS, lang)
    results = _results(db, demo_id)
    got = {
        (r[key["question"]], int(r[key["round"]]), r[key["option"]]): (
            int(r[key["count"]]),
            int(r[key["percent"]]),
        )
        for r in rows[1:]
        if r[key["option"]]
    }
    assert got == _expected(results, lang)
    by_question = {(r[key["question"]], int(r[key["round"]])): r for r in rows[1:]}
    for result in results:
        row = by_question[(result.question.number, result.question.round)]
        if not result.asked:  # never opened: "not asked", no counts
            assert row[key["n_valid"]] == row[key["n_present_not_voted"]] == ""
            assert row[key["state"]] == row[key["sentence"]] == result.sentence(lang)
            assert result.sentence(lang) == ("Nicht gestellt" if lang == "de" else "Not asked")
            continue
        assert int(row[key["n_valid"]]) == result.tally.n_valid
        assert int(row[key["n_abstain"]]) == result.tally.n_abstain
        assert row[key["sentence"]] == result.sentence(lang)
        if result.tally.consensus is not None and result.tally.kind.value != "multiple":
            assert row[key["consensus"]] == result.tally.consensus.awmf.label(lang)
    assert "Universitätsklinikum Würzburg" in ballots_path(path).read_text("utf-8-sig")


def test_csv_ballots_one_row_per_site_and_round(db: Database, demo_id: int, tmp_path: Path) -> None:
    path = tmp_path / "results.csv"
    write_results(db, demo_id, path, "csv", lang="de")
    rows = _read_csv(ballots_path(path))
    key = _keyed(rows[0], BALLOT_COLUMNS, "de")
    results = _results(db, demo_id)
    assert len(rows) - 1 == sum(len(r.ballots) for r in results)
    wue = [r for r in rows[1:] if r[key["site_code"]] == "WUE" and r[key["question"]] == "2.1"]
    assert wue and wue[0][key["source"]] == "Moderation (eingetragen)"
    abstained = [r for r in rows[1:] if r[key["abstain"]] == "ja"]
    assert len(abstained) == sum(r.tally.n_abstain for r in results)


def test_xlsx_reads_back_as_the_services_count(
    db: Database, two_rounds_id: int, tmp_path: Path
) -> None:
    path = tmp_path / "results.xlsx"
    write_results(db, two_rounds_id, path, "xlsx", lang="en")
    book = load_workbook(path, read_only=True)
    assert book.sheetnames == ["Results", "Ballots", "History", "Attendance", "Info"]
    rows = [list(r) for r in book["Results"].iter_rows(values_only=True)]
    key = _keyed(rows[0], RESULT_COLUMNS, "en")
    got = {
        (r[key["question"]], r[key["round"]], r[key["option"]]): (
            r[key["count"]],
            r[key["percent"]],
        )
        for r in rows[1:]
    }
    results = _results(db, two_rounds_id)
    assert got == _expected(results, "en")
    assert {r.question.round for r in results} == {1, 2}
    ballots = list(book["Ballots"].iter_rows(values_only=True))
    assert len(ballots) - 1 == sum(len(r.ballots) for r in results)
    attendance = [list(r) for r in book["Attendance"].iter_rows(values_only=True)]
    akey = _keyed(attendance[0], ATTENDANCE_COLUMNS, "en")
    assert attendance[1][akey["vnr"]] == "2760912026112000018"  # text: all 19 digits kept
    book.close()


def test_xlsx_header_styling_and_widths(db: Database, demo_id: int, tmp_path: Path) -> None:
    path = tmp_path / "results.xlsx"
    write_results(db, demo_id, path, "xlsx", lang="de")
    book = load_workbook(path)
    sheet = book["Ergebnisse"]
    assert sheet["A1"].font.bold
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["E"].width > 30  # question text


def test_json_keeps_exact_shares(db: Database, two_rounds_id: int, tmp_path: Path) -> None:
    path = tmp_path / "results.json"
    write_results(db, two_rounds_id, path, "json")
    document = json.loads(path.read_text("utf-8"))
    results = _results(db, two_rounds_id)
    assert [q["round"] for q in document["questions"]] == [r.question.round for r in results]
    for entry, result in zip(document["questions"], results, strict=True):
        assert [o["count"] for o in entry["options"]] == [o.count for o in result.tally.options]
        assert [o["percent"] for o in entry["options"]] == [o.percent for o in result.tally.options]
        cons = result.tally.consensus
        assert cons is not None
        assert entry["consensus"]["share"] == f"{cons.share.numerator}/{cons.share.denominator}"
        assert entry["consensus"]["awmf"] == cons.awmf.value
        assert entry["sentence_de"] == result.sentence_de


def test_attendance_csv(db: Database, demo_id: int, tmp_path: Path) -> None:
    path = tmp_path / "attendance.csv"
    write_attendance_csv(db, demo_id, path, lang="de")
    rows = _read_csv(path)
    key = _keyed(rows[0], ATTENDANCE_COLUMNS, "de")
    names = {r[key["name"]]: r[key["efn"]] for r in rows[1:] if r[key["name"]]}
    assert names["Dr. med. Anna Beispiel"] == "802765260181597"
    assert names["Dr. med. Mira Demo"] == ""
    per_site = {r[key["site_code"]]: int(r[key["attendee_count"]]) for r in rows[1:]}
    with db.read() as session:
        expected = {i.site.code: i.attendee_count for i in invitations(session, demo_id)}
    assert per_site == expected
    assert per_site["HL"] == 0
    assert {r[key["vnr"]] for r in rows[1:]} == {"2760912026111800017"}


@pytest.mark.parametrize(("lang", "mark"), [("de", "EFN ungültig"), ("en", "invalid EFN")])
def test_a_wrong_efn_stays_on_the_cme_list_marked_invalid(
    db: Database, demo_id: int, tmp_path: Path, lang: str, mark: str
) -> None:
    with db.write() as session:
        site = next(i.site for i in invitations(session, demo_id) if i.site.code == "HL")
        conferences.set_attendance(
            session,
            demo_id,
            site.id,
            present=True,
            attendees=[("Dr. Falsche Ziffer", "802765260181598"), ("Dr. Ohne", "")],
        )
    path = tmp_path / "attendance.csv"
    write_attendance_csv(db, demo_id, path, lang=lang)
    rows = _read_csv(path)
    key = _keyed(rows[0], ATTENDANCE_COLUMNS, lang)
    marked = {r[key["name"]]: (r[key["efn"]], r[key["efn_check"]]) for r in rows[1:]}
    assert marked["Dr. Falsche Ziffer"] == ("802765260181598", mark)
    assert marked["Dr. Ohne"] == ("", "")
    assert marked["Dr. med. Anna Beispiel"] == ("802765260181597", "")
    pdf = tmp_path / "protocol.pdf"
    write_protocol(db, demo_id, pdf, lang=lang)
    assert f"Dr. Falsche Ziffer (802765260181598 – {mark})" in " ".join(page_texts(pdf))


def test_unknown_format_is_refused(db: Database, demo_id: int, tmp_path: Path) -> None:
    from app.services.errors import InvalidInput

    with pytest.raises(InvalidInput):
        write_results(db, demo_id, tmp_path / "x.ods", "ods")
    assert not (tmp_path / "x.ods").exists()


def test_no_formula_injection(db: Database, extras_id: int, tmp_path: Path) -> None:
    """A comment typed as "=1+1 …" stays text in Excel, in the CSV and in the XLSX."""
    path = tmp_path / "results.csv"
    write_results(db, extras_id, path, "csv")
    rows = _read_csv(ballots_path(path))
    key = _keyed(rows[0], BALLOT_COLUMNS, "en")
    assert "'=1+1 Liquid biopsy" in [r[key["comment"]] for r in rows[1:]]
    xlsx = tmp_path / "results.xlsx"
    write_results(db, extras_id, xlsx, "xlsx")
    sheet = load_workbook(xlsx)["Ballots"]
    column = [c.header("en") for c in BALLOT_COLUMNS].index("Comment") + 1
    comment = next(
        c
        for (c,) in sheet.iter_rows(min_col=column, max_col=column)
        if c.value and c.value.startswith("=1+1")
    )
    assert comment.data_type == "s"


@pytest.fixture
def asked_and_not(db: Database) -> int:
    """16 sites present; 1.1 voted by 12 of them, 1.2 never opened, 1.3 skipped."""
    with db.write() as session:
        conf = conferences.create_conference(session, "Nicht gestellt", dt.date(2026, 12, 4))
        sites = [
            conferences.ensure_site(session, conferences.SiteData(f"Klinik {i:02d}", f"K{i:02d}"))
            for i in range(16)
        ]
        conferences.invite_sites(session, conf, sites)
        for site in sites:
            conferences.set_attendance(session, conf, site, present=True, attendee_count=1)
        case_id = agenda.add_case(
            session,
            conf,
            PackageCase(
                title="Fall",
                questions=[
                    PackageQuestion(text="Gefragt?", kind="yes_no"),
                    PackageQuestion(text="Nie geöffnet?", kind="yes_no"),
                    PackageQuestion(text="Übersprungen?", kind="yes_no"),
                ],
            ),
        )
        asked, _never, skipped = agenda.get_case(session, case_id).questions
        lifecycle.open_question(session, asked.id)
        for site in sites[:12]:
            ballots.cast_ballot(session, asked.id, site, option_ids=[asked.options[0].id])
        lifecycle.close_question(session, asked.id)
        lifecycle.skip_question(session, skipped.id, "Zeit\x1b reicht nicht", actor="Moderation")
    return conf


def test_a_question_never_opened_is_not_asked_in_every_export(
    db: Database, asked_and_not: int, tmp_path: Path
) -> None:
    write_results(db, asked_and_not, tmp_path / "r.json", "json", lang="en")
    questions = json.loads((tmp_path / "r.json").read_text("utf-8"))["questions"]
    assert [(q["number"], q["asked"], q["skip_reason"]) for q in questions] == [
        ("1.1", True, None),
        ("1.2", False, None),
        ("1.3", False, "Zeit reicht nicht"),
    ]
    asked, never, skipped = questions
    assert (asked["n_valid"], asked["n_eligible"], asked["n_present_not_voted"]) == (12, 16, 4)
    assert (
        asked["participation"] == "12 of 16 sites gave a valid answer; 4 sites present did not vote"
    )
    for question in (never, skipped):
        assert question["n_valid"] is None and question["n_present_not_voted"] is None
        assert question["consensus"] is None
        assert "count" not in question["options"][0]
    assert never["participation"] == never["sentence_en"] == "Not asked"
    assert skipped["participation"] == "Not asked (skipped: Zeit reicht nicht)"
    assert skipped["sentence_de"] == "Nicht gestellt (übersprungen: Zeit reicht nicht)"

    write_results(db, asked_and_not, tmp_path / "r.csv", "csv", lang="de")
    rows = _read_csv(tmp_path / "r.csv")
    key = _keyed(rows[0], RESULT_COLUMNS, "de")
    by_question = {}
    for row in rows[1:]:
        by_question.setdefault(row[key["question"]], []).append(row)
    assert [r[key["n_present_not_voted"]] for r in by_question["1.1"]] == ["4", "4"]
    assert [
        (r[key["state"]], r[key["count"]], r[key["n_valid"]], r[key["n_present_not_voted"]])
        for q in ("1.2", "1.3")
        for r in by_question[q]
    ] == [
        ("Nicht gestellt", "", "", ""),
        ("Nicht gestellt (übersprungen: Zeit reicht nicht)", "", "", ""),
    ]

    write_results(db, asked_and_not, tmp_path / "r.xlsx", "xlsx", lang="en")
    book = load_workbook(tmp_path / "r.xlsx", read_only=True)
    sheet = [list(r) for r in book["Results"].iter_rows(values_only=True)]
    book.close()
    key = _keyed(sheet[0], RESULT_COLUMNS, "en")
    not_asked = [r for r in sheet[1:] if r[key["question"]] in ("1.2", "1.3")]
    assert [
        (r[key["state"]], r[key["n_eligible"]], r[key["n_present_not_voted"]]) for r in not_asked
    ] == [("Not asked", None, None), ("Not asked (skipped: Zeit reicht nicht)", None, None)]


def test_the_protocol_gives_the_reason_a_question_was_skipped(
    db: Database, asked_and_not: int, tmp_path: Path
) -> None:
    path = tmp_path / "protocol.pdf"
    write_protocol(db, asked_and_not, path, lang="de")
    text = " ".join(page_texts(path))
    assert "Nicht gestellt – von der Moderation übersprungen. Grund: Zeit reicht nicht" in text
    assert "Für diese Frage liegen keine Stimmen vor (Entwurf)." in text  # 1.2


def test_changed_ballots_keep_their_history_in_json_and_xlsx(db: Database, tmp_path: Path) -> None:
    setup = make_conference(db, 2)
    yes, none = setup.option_ids
    first, second = setup.site_ids
    with db.write() as session:
        ballots.cast_ballot(session, setup.question_id, first, option_ids=[yes], actor="S000")
        ballots.cast_ballot(session, setup.question_id, second, option_ids=[none], actor="S001")
        ballots.cast_ballot(
            session, setup.question_id, first, option_ids=[none], comment="nach Diskussion"
        )
        ballots.cast_ballot(
            session,
            setup.question_id,
            first,
            abstain=True,
            source=BallotSource.MODERATOR,
            actor="Moderation",
        )
        history = ballots.ballot_history(session, setup.question_id)
    times = {(e.site_id, e.revision): e.at.strftime("%Y-%m-%d %H:%M:%S") for e in history}
    site_a, site_b = "Universitätsklinikum S000", "Universitätsklinikum S001"
    expected = [  # (site, revision, time, answer, abstain, comment, source, actor, counts)
        (site_a, 1, times[(first, 1)], "Ja, Empfehlung", "no", "", "site (voter page)", "S000",
         "no"),
        (site_a, 2, times[(first, 2)], "Keine Empfehlung", "no", "nach Diskussion",
         "site (voter page)", "", "no"),
        (site_a, 3, times[(first, 3)], "", "yes", "", "moderator (entered)", "Moderation", "yes"),
        (site_b, 1, times[(second, 1)], "Keine Empfehlung", "no", "", "site (voter page)", "S001",
         "yes"),
    ]  # fmt: skip
    fields = ("site", "revision", "cast_at", "answer", "abstain", "comment", "source", "actor")

    write_results(db, setup.conference_id, tmp_path / "r.json", "json", lang="en")
    document = json.loads((tmp_path / "r.json").read_text("utf-8"))
    got = [tuple(row[f] for f in (*fields, "counts")) for row in document["ballot_history"]]
    assert got == expected
    assert len(document["ballots"]) == 2  # the ballots that count, as before

    write_results(db, setup.conference_id, tmp_path / "r.xlsx", "xlsx", lang="en")
    book = load_workbook(tmp_path / "r.xlsx", read_only=True)
    sheet = [list(r) for r in book["History"].iter_rows(values_only=True)]
    book.close()
    key = _keyed(sheet[0], HISTORY_COLUMNS, "en")
    rows = [tuple(r[key[f]] for f in (*fields, "counts")) for r in sheet[1:]]
    # write-only sheets store empty text as no cell at all
    assert rows == [tuple(None if v == "" else v for v in row) for row in expected]


def test_info_sheet_and_json_carry_the_times_and_the_cme_block(
    db: Database, demo_id: int, tmp_path: Path
) -> None:
    write_results(db, demo_id, tmp_path / "r.xlsx", "xlsx", lang="de")
    info = load_workbook(tmp_path / "r.xlsx", read_only=True)["Info"]
    rows = {row[0]: row[1] for row in info.iter_rows(values_only=True)}
    assert (rows["Beginn"], rows["Ende"], rows["CME-Kategorie"], rows["CME-Punkte"]) == (
        "16:00",
        "17:30",
        "A",
        "2",
    )
    assert rows["Wissenschaftliche Leitung"] == "Prof. Dr. med. Lena Leitung (fiktiv)"
    write_results(db, demo_id, tmp_path / "r.json", "json", lang="en")
    conference = json.loads((tmp_path / "r.json").read_text("utf-8"))["conference"]
    assert {k: conference[k] for k in ("starts_at", "ends_at", "cme_category", "cme_points")} == {
        "starts_at": "16:00",
        "ends_at": "17:30",
        "cme_category": "A",
        "cme_points": 2,
    }
    assert conference["scientific_lead"] == "Prof. Dr. med. Lena Leitung (fiktiv)"
