"""Attendance certificates (Teilnahmebescheinigungen): one PDF per named participant of a
present site, and one PDF with all of them for printing.

Each page names the event (topic, date, start and end, organiser, scientific lead), its
VNR, CME category and points, the participant's name, site and EFN, the EFN also as a
Code 39 barcode (the symbology of the chambers' EFN labels, read by the organisers'
scanners), and a signature line. A participant without an EFN still gets a certificate;
an EFN that fails its check is printed as typed, marked, and never as a barcode (a
scanner must not read a wrong number). DejaVu Sans is embedded as in the protocol; every
text is escaped and printed literally.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.graphics.barcode.code39 import Standard39
from reportlab.lib.units import cm, mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app import __version__
from app.db import Database
from app.reports.pdfstyle import (
    FONT,
    INK,
    LIGHT_RULE,
    MARGIN_X,
    PAGE,
    TEXT_WIDTH,
    para,
    register_fonts,
)
from app.reports.texts import day_and_time_text, text
from app.services.cme import efn_valid
from app.services.conferences import get_conference, invitations
from app.services.errors import InvalidInput, StateConflict
from app.services.files import write_bytes_atomic
from app.services.messages import say
from app.services.views import ConferenceInfo
from app.texts import FORMATS, Catalog

CERTIFICATE = Catalog.of_pairs(
    "attendance certificates",
    {
        "title": ("Teilnahmebescheinigung", "Certificate of attendance"),
        "certify": ("Hiermit wird bestätigt, dass", "This is to certify that"),
        "attended": (
            "an der folgenden von der Ärztekammer anerkannten Fortbildungsveranstaltung "
            "teilgenommen hat:",
            "attended the following continuing medical education event recognised by the "
            "medical chamber:",
        ),
        "site": ("Standort", "Site"),
        "efn": ("Einheitliche Fortbildungsnummer (EFN)", "Uniform CME number (EFN)"),
        "efn_none": ("keine angegeben", "none given"),
        "efn_invalid": (
            "{efn} (Prüfziffer ungültig – bitte bei der Ärztekammer klären)",
            "{efn} (check digit invalid – please clarify with the medical chamber)",
        ),
        "event": ("Veranstaltung", "Event"),
        "when": ("Datum und Zeit", "Date and time"),
        "format": ("Format", "Format"),
        "online": (
            "Online-Videokonferenz mit Anwesenheitskontrolle je Standort",
            "online video conference with attendance control per site",
        ),
        "organiser": ("Veranstalter", "Organiser"),
        "lead": ("Wissenschaftliche Leitung", "Scientific lead"),
        "moderator": ("Moderation", "Moderator"),
        "vnr": ("Veranstaltungsnummer (VNR)", "Event number (VNR)"),
        "vnr_missing": ("noch nicht vergeben", "not yet assigned"),
        "category": ("Kategorie", "Category"),
        "points": ("Fortbildungspunkte", "CME points"),
        "unknown": ("—", "—"),
        "signature": (
            "Ort, Datum, Unterschrift der wissenschaftlichen Leitung",
            "Place, date, signature of the scientific lead",
        ),
        "made_with": ("Erstellt mit Votum {version}", "Made with Votum {version}"),
        "all_file": ("alle-Teilnahmebescheinigungen", "all-certificates"),
        "none": (
            "{slug}: keine namentlich angemeldeten Teilnehmenden – keine Bescheinigung",
            "{slug}: no named participants – no certificate",
        ),
    },
)


def _t(lang: str, key: str, **values: object) -> str:
    return CERTIFICATE.text(lang, key, **values)


@dataclass(frozen=True)
class Participant:
    """One person who gets a certificate."""

    name: str
    efn: str
    site: str
    site_code: str

    @property
    def efn_ok(self) -> bool:
        return bool(self.efn) and efn_valid(self.efn)


def participants(db: Database, conference_id: int) -> tuple[ConferenceInfo, list[Participant]]:
    """The conference and every named attendee of a present site, in site then list order."""
    with db.read() as session:
        conf = get_conference(session, conference_id)
        people = [
            Participant(a.name, a.efn, i.site.name, i.site.code)
            for i in invitations(session, conference_id)
            if i.present
            for a in i.attendees
        ]
    return conf, people


def _rows(conf: ConferenceInfo, lang: str) -> list[tuple[str, str]]:
    unknown = _t(lang, "unknown")
    event = f"{text(lang, 'subtitle')}: {conf.topic}"
    rows = [
        (_t(lang, "event"), event),
        (_t(lang, "when"), day_and_time_text(conf.date, conf.starts_at, conf.ends_at, lang)),
        (_t(lang, "format"), _t(lang, "online")),
        (_t(lang, "organiser"), conf.organiser or unknown),
        (_t(lang, "lead"), conf.scientific_lead or unknown),
    ]
    if conf.moderator:
        rows.append((_t(lang, "moderator"), conf.moderator))
    rows += [
        (_t(lang, "vnr"), conf.vnr or _t(lang, "vnr_missing")),
        (_t(lang, "category"), conf.cme_category or unknown),
        (_t(lang, "points"), unknown if conf.cme_points is None else str(conf.cme_points)),
    ]
    return rows


def _table(rows: Sequence[tuple[str, str]], style: str = "body") -> Table:
    cells = [[para(key, "meta"), para(value, style)] for key, value in rows]
    table = Table(cells, colWidths=[5.2 * cm, TEXT_WIDTH - 5.2 * cm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 3.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
                ("LINEBELOW", (0, 0), (-1, -2), 0.25, LIGHT_RULE),
            ]
        )
    )
    return table


class _Signature(Flowable):
    """A line to sign on, its caption and the scientific lead's name beneath."""

    def __init__(self, caption: str, name: str) -> None:
        super().__init__()
        self.caption, self.name = caption, name
        self.width, self.height = TEXT_WIDTH, 2.6 * cm

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.6)
        canvas.line(0, 1.2 * cm, 10 * cm, 1.2 * cm)
        caption = para(self.caption, "small")
        caption.wrapOn(canvas, 10 * cm, 1 * cm)
        caption.drawOn(canvas, 0, 0.75 * cm)
        if self.name:
            name = para(self.name, "body")
            name.wrapOn(canvas, 10 * cm, 1 * cm)
            name.drawOn(canvas, 0, 0.1 * cm)


def barcode(efn: str) -> Standard39:
    """The EFN as Code 39 (no check character, as on the chambers' labels)."""
    return Standard39(
        efn, barWidth=0.3 * mm, barHeight=13 * mm, checksum=0, humanReadable=0, quiet=1
    )


def certificate_story(conf: ConferenceInfo, person: Participant, lang: str) -> list[Flowable]:
    """One certificate: a page of flowables."""
    if person.efn_ok:
        efn_text = person.efn
    elif person.efn:
        efn_text = _t(lang, "efn_invalid", efn=person.efn)
    else:
        efn_text = _t(lang, "efn_none")
    story: list[Flowable] = [
        para(_t(lang, "title"), "title"),
        para(text(lang, "subtitle"), "subtitle"),
        Spacer(1, 0.4 * cm),
        para(_t(lang, "certify"), "body"),
        Spacer(1, 0.2 * cm),
        para(person.name, "title"),
        _table([(_t(lang, "site"), person.site), (_t(lang, "efn"), efn_text)]),
    ]
    if person.efn_ok:
        story += [Spacer(1, 0.25 * cm), barcode(person.efn)]
    story += [
        Spacer(1, 0.6 * cm),
        para(_t(lang, "attended"), "body"),
        Spacer(1, 0.1 * cm),
        _table(_rows(conf, lang)),
        Spacer(1, 2.2 * cm),
        _Signature(_t(lang, "signature"), conf.scientific_lead),
        Spacer(1, 1.0 * cm),
        para(_t(lang, "made_with", version=__version__), "small"),
    ]
    return story


def _pdf(conf: ConferenceInfo, people: Sequence[Participant], lang: str, title: str) -> bytes:
    register_fonts()
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=PAGE,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=2.5 * cm,
        bottomMargin=2 * cm,
        title=title,
        author=conf.organiser or conf.moderator or "Votum",
        subject=f"{_t(lang, 'title')}: {conf.topic}",
        creator="Votum",
        keywords=["CME", "EFN", "VNR", _t(lang, "title")],
        lang=FORMATS.text(lang, "language_tag"),
        displayDocTitle=1,
        initialFontName=FONT,
        pageCompression=1,
    )
    frame = Frame(
        MARGIN_X, 2 * cm, TEXT_WIDTH, PAGE[1] - 4.5 * cm, id="text", leftPadding=0, rightPadding=0
    )
    document.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    story: list[Flowable] = []
    for index, person in enumerate(people):
        if index:
            story.append(PageBreak())
        story += certificate_story(conf, person, lang)
    document.build(story)
    return buffer.getvalue()


def file_stem(number: int, person: Participant) -> str:
    """A safe, readable file name on every system: ``03-DD-Anna-Weiss``."""
    ascii_name = unicodedata.normalize("NFKD", person.name.replace("ß", "ss"))
    ascii_name = ascii_name.encode("ascii", "ignore").decode()
    words = re.sub(r"[^A-Za-z0-9]+", "-", ascii_name).strip("-")[:48].strip("-")
    code = re.sub(r"[^A-Za-z0-9]+", "", person.site_code)[:12]
    return "-".join(part for part in (f"{number:03d}", code, words) if part)


def write_certificates(
    db: Database, conference_id: int, folder: Path, *, lang: str | None = None
) -> list[Path]:
    """One PDF per participant and one with all of them; returns the files, the combined
    one last. Refused when no present site named anyone."""
    conf, people = participants(db, conference_id)
    chosen = lang or conf.language
    if not people:
        raise StateConflict(CERTIFICATE.message("none", slug=conf.slug))
    folder = Path(folder)
    try:
        folder.mkdir(exist_ok=True)
    except FileNotFoundError:
        raise InvalidInput(say("folder_missing", folder=folder.parent)) from None
    written: list[Path] = []
    for number, person in enumerate(people, start=1):
        path = folder / f"{file_stem(number, person)}.pdf"
        title = f"{_t(chosen, 'title')}: {person.name}"
        write_bytes_atomic(path, _pdf(conf, [person], chosen, title))
        written.append(path)
    combined = folder / f"{_t(chosen, 'all_file')}-{conf.slug}.pdf"
    write_bytes_atomic(combined, _pdf(conf, people, chosen, f"{_t(chosen, 'title')}: {conf.topic}"))
    written.append(combined)
    return written
