"""Attendance certificates and the chamber's list: each named participant's name and EFN
(text extracted), the barcode of valid EFNs only, pages that render, hostile names
literal; the chamber's list holds exactly the valid EFNs, each once."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.graphics.barcode.code39 import Standard39

from app.cli import main
from app.db import Database
from app.reports.certificates import barcode, write_certificates
from app.reports.eiv import chamber_list
from app.services import checkin, conferences
from app.services.errors import StateConflict
from tests.reports.pdftools import ink_fractions, page_texts
from tests.server.helpers import make_conference, site_ids

VALID = "802765260181597"
OTHER = "802765260181605"
WRONG = "802765260181598"
HOSTILE = '<script>alert(1)</script>"><img src=x> 🧬'


@pytest.fixture
def checked_in(db: Database) -> int:
    """Three sites: A names three people (one wrong EFN, one hostile name), B names one
    with A's valid EFN's twin, C is absent with a name left over."""
    with db.write() as session:
        conf = make_conference(session, 3, prefix="C", open_first=False)
        conferences.update_conference(
            session,
            conf,
            vnr="2760912026111800017",
            starts_at="16:00",
            ends_at="17:30",
            cme_category="A",
            cme_points=2,
            scientific_lead="Prof. Dr. Lena Leitung",
            organiser="Netzwerk MTB",
        )
    ids = site_ids(db, conf)
    with db.write() as session:
        checkin.check_in_by_site(
            session,
            conf,
            ids["C000"],
            [("Dr. Anna Weiß", VALID, "Fellow"), ("Prof. B. Öztürk", WRONG), (HOSTILE, "")],
        )
        checkin.check_in_by_site(session, conf, ids["C001"], [("Dr. Carl Dahl", OTHER)])
        conferences.set_attendance(
            session, conf, ids["C002"], present=False, attendees=[("Dr. Absent", VALID)]
        )
    return conf


def test_each_participant_gets_a_certificate_with_name_and_efn(
    db: Database, checked_in: int, tmp_path: Path
) -> None:
    files = write_certificates(db, checked_in, tmp_path / "out", lang="de")
    assert [f.name for f in files] == [
        "001-C000-Dr-Anna-Weiss.pdf",
        "002-C000-Prof-B-Ozturk.pdf",
        "003-C000-script-alert-1-script-img-src-x.pdf",
        "004-C001-Dr-Carl-Dahl.pdf",
        "alle-Teilnahmebescheinigungen-c.pdf",
    ]
    texts = [page_texts(f) for f in files[:-1]]
    assert all(len(pages) == 1 for pages in texts)
    first, wrong, hostile, carl = (pages[0] for pages in texts)
    for page in (first, wrong, hostile, carl):
        assert "Teilnahmebescheinigung" in page
        assert "2760912026111800017" in page and "16:00–17:30 Uhr" in page
        assert "Netzwerk MTB" in page and "Prof. Dr. Lena Leitung" in page
        assert "Kategorie A" in page and "Fortbildungspunkte 2" in page
    assert "Dr. Anna Weiß" in first and VALID in first
    assert f"{WRONG} (Prüfziffer ungültig" in wrong
    assert '<script>alert(1)</script>"><img src=x> [dna double helix]' in hostile
    assert "keine angegeben" in hostile
    assert "Dr. Carl Dahl" in carl and OTHER in carl
    combined = page_texts(files[-1])
    assert len(combined) == 4 and "Dr. Absent" not in " ".join(combined)
    reader = PdfReader(str(files[0]))
    assert reader.metadata is not None and reader.metadata.title == (
        "Teilnahmebescheinigung: Dr. Anna Weiß"
    )
    assert str(reader.trailer["/Root"]["/Lang"]) == "de-DE"
    fonts = {str(f) for p in reader.pages for f in p["/Resources"]["/Font"].values()}
    assert fonts  # embedded TrueType (DejaVu), no base-14 font
    ink = ink_fractions(files[-1], tmp_path / "pages")
    assert len(ink) == 4 and all(0.01 < share < 0.25 for share in ink)
    # the barcode is drawn for a valid EFN only: more ink on its page than on the wrong one's
    assert ink[0] > ink[1] + 0.002


def test_certificates_in_english(db: Database, checked_in: int, tmp_path: Path) -> None:
    files = write_certificates(db, checked_in, tmp_path, lang="en")
    page = page_texts(files[0])[0]
    assert "Certificate of attendance" in page and "18 November 2026, 16:00–17:30" in page
    assert files[-1].name == "all-certificates-c.pdf"


def test_the_barcode_encodes_the_efn_in_code_39() -> None:
    code = barcode(VALID)
    assert isinstance(code, Standard39)
    code.validate()
    code.encode()
    assert code.valid
    assert code.encoded == f"*{VALID}*"  # start/stop characters, no check character


def test_no_named_participants_no_certificates(db: Database, tmp_path: Path) -> None:
    with db.write() as session:
        conf = make_conference(session, 1, prefix="N", open_first=False)
    with pytest.raises(StateConflict, match="keine namentlich"):
        write_certificates(db, conf, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_the_chamber_list_holds_exactly_the_valid_efns_once(
    db: Database, checked_in: int, tmp_path: Path, db_url: str
) -> None:
    ids = site_ids(db, checked_in)
    with db.write() as session:  # the same valid EFN at a second site counts once
        conferences.set_attendance(
            session, checked_in, ids["C002"], present=True, attendees=[("Dr. A. Weiss", VALID)]
        )
    assert chamber_list(db, checked_in) == ("2760912026111800017", [VALID, OTHER])
    out = tmp_path / "eiv.csv"
    assert main(["--db", db_url, "results", "c", "--format", "eiv", "-o", str(out)]) == 0
    assert out.read_bytes() == (
        b"VNR;EFN\r\n2760912026111800017;802765260181597\r\n2760912026111800017;802765260181605\r\n"
    )


def test_the_chamber_list_needs_a_vnr(
    db: Database, tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with db.write() as session:
        make_conference(session, 1, prefix="V", open_first=False)
    out = tmp_path / "eiv.csv"
    assert main(["--db", db_url, "results", "v", "--format", "eiv", "-o", str(out)]) == 1
    assert "no VNR yet" in capsys.readouterr().err
    assert not out.exists()


def test_the_attendance_list_carries_each_role(
    db: Database, checked_in: int, tmp_path: Path
) -> None:
    from app.reports.attendance import write_attendance_csv

    out = tmp_path / "attendance.csv"
    write_attendance_csv(db, checked_in, out, lang="en")
    lines = out.read_text("utf-8-sig").splitlines()
    header = lines[0].split(";")
    assert header[header.index("Name") + 1] == "Role"
    assert any(line.split(";")[header.index("Role")] == "Fellow" for line in lines[1:])
