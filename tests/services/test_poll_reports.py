"""Reading poll reports: both Zoom layouts and a plain CSV give the same answers; the last
submission counts; a broken file names its line and problem."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.services.poll_reports import (
    CsvColumns,
    PollReportError,
    ReportFormat,
    read_report,
)

FILES = Path(__file__).parent / "poll_files"
Q1 = "Würde Ihr Standort HCQ + Trametinib empfehlen?"
Q3 = "Welche Optionen halten Sie an Ihrem Standort für vertretbar?"


def answers_of(name: str) -> set[tuple[str, str, str, tuple[str, ...]]]:
    report = read_report((FILES / name).read_bytes())
    return {(a.name, a.email, a.question, a.answers) for a in report.answers}


def test_both_zoom_layouts_give_the_same_answers_with_umlauts_and_multiple_choice() -> None:
    new = read_report((FILES / "zoom_2021.csv").read_bytes())
    old = read_report((FILES / "zoom_legacy.csv").read_bytes())
    assert new.format is ReportFormat.ZOOM
    assert old.format is ReportFormat.ZOOM_LEGACY
    assert new.title == "MTB-Runde Pankreaskarzinom"
    assert new.questions == old.questions == (Q1, Q3)
    assert answers_of("zoom_2021.csv") == answers_of("zoom_legacy.csv")
    assert (
        "Dr. Anna Müller (DD)",
        "anna.mueller@ukdd.de",
        Q3,
        ("Sotorasib", "Einschluss in eine Studie"),
    ) in answers_of("zoom_2021.csv")
    assert ("Heidelberg MTB", "", Q1, ("Ja, Empfehlung HCQ + Trametinib",)) in answers_of(
        "zoom_legacy.csv"
    )


def test_the_last_submission_by_time_counts_even_when_it_comes_first_in_the_file() -> None:
    report = read_report((FILES / "zoom_2021.csv").read_bytes())
    weiss = [a for a in report.answers if a.email == "joerg.weiss@charite.de" and a.question == Q1]
    assert [(a.answers, a.submitted_at) for a in weiss] == [
        (("Keine Empfehlung",), dt.datetime(2026, 11, 30, 18, 10, 30))
    ]
    assert [(a.line, a.answers) for a in report.superseded] == [
        (12, ("Ja, Empfehlung HCQ + Trametinib",))
    ]


def test_an_anonymous_poll_is_recognised() -> None:
    report = read_report((FILES / "zoom_anonymous.csv").read_bytes())
    assert report.anonymous
    assert len(report.answers) == 4  # anonymous answers are never merged
    assert not read_report((FILES / "zoom_2021.csv").read_bytes()).anonymous


def test_a_plain_csv_with_semicolons_and_a_multiple_choice_cell() -> None:
    report = read_report((FILES / "plain.csv").read_bytes(), format="csv")
    assert report.format is ReportFormat.CSV
    assert (report.answers[0].name, report.answers[0].answers) == ("DD", ("Ja",))
    assert report.answers[5].answers == ("Adagrasib", "Sotorasib")


def test_a_plain_csv_with_commas_and_columns_by_header_name() -> None:
    data = (
        b"Frage,Wer,Zeit,Antwort\n"
        b"Empfehlen Sie?,mtb@ukdd.de,2026-11-30 18:00:00,Ja\n"
        b"Empfehlen Sie?,mtb@ukdd.de,2026-11-30 17:59:00,Nein\n"
    )
    report = read_report(data, format="csv", columns=CsvColumns.parse("wer,frage,antwort,zeit"))
    assert [(a.email, a.answers) for a in report.answers] == [("mtb@ukdd.de", ("Ja",))]
    assert len(report.superseded) == 1


def test_the_same_bytes_give_the_same_hash_and_another_file_another() -> None:
    one = (FILES / "zoom_2021.csv").read_bytes()
    assert read_report(one).sha256 == read_report(one).sha256
    assert read_report(one).sha256 != read_report((FILES / "zoom_legacy.csv").read_bytes()).sha256


@pytest.mark.parametrize(
    ("data", "format", "line", "problem"),
    [
        (
            b"#,User Name,User Email,Submitted Date/Time,\n1,A,a@x.de,,Frage?\n",
            None,
            2,
            "question without answer",
        ),
        (
            b"#,User Name,User Email,Submitted Date/Time,\n1,A,a@x.de,gestern,F?,Ja\n",
            None,
            2,
            "unknown time 'gestern'",
        ),
        (b'Standort;Frage;Antwort\nDD;F?;Ja\nDD;"F?;Ja\n', "csv", 3, "CSV cannot be read"),
        (b"Standort;Frage;Antwort\nDD;F?;Ja\nDD;F?\n", "csv", 3, "2 columns, not 3"),
        (b"a;b\nDD;F?;Ja\n" + b"\nK\xf6ln;F?;Ja\n", "csv", 4, "not UTF-8"),
        (b"Standort;Frage;Antwort\n", "csv", None, "no answers"),
        (b"Poll Report\nTopic,ID\nx,1\n", "zoom", None, "no Zoom header"),
        (b"Standort;Frage;Antwort\nDD;;Ja\n", "csv", 2, "question text missing"),
        (b"Standort;Frage;Antwort\nDD;F?;A;B\n", "csv", 2, "';' must be quoted"),
    ],
)
def test_a_broken_file_names_line_and_problem(
    data: bytes, format: str | None, line: int | None, problem: str
) -> None:
    with pytest.raises(PollReportError) as caught:
        read_report(data, format=format)
    assert caught.value.line == line
    assert problem in str(caught.value)
    if line:
        assert f"Zeile {line}:" in str(caught.value) and f"line {line}:" in str(caught.value)


def test_columns_that_do_not_exist_are_named() -> None:
    with pytest.raises(PollReportError, match="column 'Standort' missing"):
        read_report(
            b"Wer;Frage;Antwort\nDD;F;Ja\n",
            format="csv",
            columns=CsvColumns("Standort", "Frage", "Antwort"),
        )
    with pytest.raises(PollReportError, match="there is no column 7"):
        read_report(
            b"Wer;Frage;Antwort\nDD;F;Ja\n", format="csv", columns=CsvColumns("7", "2", "3")
        )


def test_other_tables_between_sub_tables_and_zone_names_in_times_are_read_right() -> None:
    data = (
        "Poll Report\n"
        "#,User Name,User Email,Submitted Date/Time,Empfehlen Sie?\n"
        "1,Dr. Ärztin (DD),a@ukdd.de,2026-11-30 18:00:00 CET,Ja\n"
        "\n"
        "#,Poll Name,Launch Time\n"
        "1,Abstimmung 2,2026-11-30 18:05:00\n"
        "#,User Name,User Email,Submitted Date/Time,Welche?\n"
        '1,Dr. Ärztin (DD),a@ukdd.de,"Nov 30, 2026 06:06:00 PM",A;B\n'
    ).encode()
    report = read_report(data)
    assert [(a.question, a.answers) for a in report.answers] == [
        ("Empfehlen Sie?", ("Ja",)),
        ("Welche?", ("A", "B")),
    ]
    assert report.answers[0].submitted_at == dt.datetime(2026, 11, 30, 18, 0)
    assert report.answers[1].submitted_at == dt.datetime(2026, 11, 30, 18, 6)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.lists(
            st.sampled_from(
                [
                    "#",
                    "User Name",
                    "User Email",
                    "Submitted Date/Time",
                    "",
                    "1",
                    "Ja;Nein",
                    "Frage?",
                    "a@b.de",
                    "Nov 30, 2026 18:00:00",
                    "Poll Report",
                    '"',
                    "x\ny",
                ]
            ),
            max_size=7,
        ),
        max_size=8,
    ),
    st.sampled_from([",", ";"]),
    st.sampled_from([None, "zoom", "csv"]),
)
def test_any_file_is_read_or_refused_with_a_message(
    rows: list[list[str]], delimiter: str, format: str | None
) -> None:
    data = "\n".join(delimiter.join(cells) for cells in rows).encode()
    try:
        report = read_report(data, format=format)
    except PollReportError as exc:
        assert str(exc)
    else:
        assert report.answers
