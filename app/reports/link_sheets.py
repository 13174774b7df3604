"""Printable site links: a PDF with one page per site, or a PNG sheet of QR codes.

Both are drawn in DejaVu Sans, like the protocol: every text goes through
:func:`app.reports.glyphs.printable`, so an emoji in a site name or topic is printed as its
bracketed name, never as an empty box.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import segno

from app.reports.glyphs import printable
from app.services.views import ConferenceInfo
from app.texts import Catalog

#: the printed words of a site's page, in the conference's language
SHEET = Catalog(
    "link sheets",
    {
        "de": {
            "link_for": "Ihr persönlicher Abstimmungslink für",
            "share_within_site": (
                "Bitte nur an Ihren Standort weitergeben: der Link ist Ihre Stimmberechtigung."
            ),
            "link_revoked": "Link widerrufen",
        },
        "en": {
            "link_for": "Your personal voting link for",
            "share_within_site": "Share only within your site: the link is your right to vote.",
            "link_revoked": "Link revoked",
        },
    },
)


@dataclass(frozen=True)
class SiteLink:
    """One invited site and its link ('' when revoked)."""

    name: str
    code: str
    link: str


def _font_path(bold: bool = False) -> Path:
    import matplotlib

    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return Path(matplotlib.get_data_path()) / "fonts" / "ttf" / name


def _qr_png(link: str, scale: int) -> bytes:
    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()


def _fitted(
    text: str, font: str, size: float, smallest: float, width: float, lines: int
) -> tuple[float, list[str]]:
    """The largest type size (down to ``smallest``) at which ``text`` fits ``width`` in at
    most ``lines`` lines, and its lines; below that, ``smallest`` with as many lines as
    needed (a word too long for a line is broken), so nothing runs off the page."""
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase.pdfmetrics import stringWidth

    step = size
    while True:
        split = simpleSplit(text, font, step, width) or [""]
        fits = all(stringWidth(line, font, step) <= width for line in split)
        if fits and len(split) <= lines:
            return step, split
        if step <= smallest:
            break
        step = max(smallest, step - 1)
    broken: list[str] = []
    for line in split:
        while stringWidth(line, font, smallest) > width:
            cut = len(line) - 1
            while cut > 1 and stringWidth(line[:cut], font, smallest) > width:
                cut -= 1
            broken.append(line[:cut])
            line = line[cut:]
        broken.append(line)
    return smallest, broken


def write_pdf(path: Path, conf: ConferenceInfo, rows: Sequence[SiteLink]) -> None:
    """One A4 page per site: site name, conference, QR code and the link in full.

    A long site name or topic gets smaller type and a second line rather than leaving the
    page; a name longer still pushes the QR code down.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    pdfmetrics.registerFont(TTFont("DejaVuSans", str(_font_path())))
    pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(_font_path(bold=True))))
    words = SHEET.table(conf.language)
    width, height = A4
    left, text_width = 25 * mm, width - 50 * mm
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setTitle(f"Votum – {conf.topic}")
    canvas.setAuthor("Votum")
    heading = printable(f"Votum · {conf.topic} · {conf.date:%d.%m.%Y}")
    heading_size, heading_lines = _fitted(heading, "DejaVuSans", 11, 8, text_width, 2)
    for row in rows:
        canvas.setFont("DejaVuSans", heading_size)
        for index, line in enumerate(heading_lines):
            canvas.drawString(left, height - 25 * mm - index * heading_size * 1.25, line)
        canvas.setFont("DejaVuSans", 14)
        canvas.drawString(left, height - 45 * mm, words["link_for"])
        name_size, name_lines = _fitted(
            printable(row.name), "DejaVuSans-Bold", 22, 14, text_width, 2
        )
        canvas.setFont("DejaVuSans-Bold", name_size)
        y = height - 57 * mm
        for index, line in enumerate(name_lines):
            y = height - 57 * mm - index * name_size * 1.2
            canvas.drawString(left, y, line)
        top = min(height - 75 * mm, y - 12 * mm)  # below the name's last line
        if row.link:
            size = 110 * mm
            image = ImageReader(io.BytesIO(_qr_png(row.link, 10)))
            canvas.drawImage(image, (width - size) / 2, top - size, size, size)
            canvas.setFont("DejaVuSans", 9)
            canvas.drawCentredString(width / 2, top - 7 * mm - size, row.link)
            canvas.setFont("DejaVuSans", 11)
            canvas.drawCentredString(width / 2, top - 17 * mm - size, words["share_within_site"])
        else:
            canvas.setFont("DejaVuSans", 14)
            canvas.drawString(left, top - 5 * mm, words["link_revoked"])
        canvas.setFont("DejaVuSans", 9)
        canvas.drawString(left, 15 * mm, printable(row.code))
        canvas.showPage()
    canvas.save()


def write_png(path: Path, conf: ConferenceInfo, rows: Sequence[SiteLink]) -> None:
    """A sheet of QR codes, four across, each with its site name underneath."""
    from PIL import Image, ImageDraw, ImageFont

    cell_w, qr_px, text_h, columns = 420, 360, 70, 4
    linked = [r for r in rows if r.link]
    lines = max(1, math.ceil(len(linked) / columns))
    sheet = Image.new("RGB", (cell_w * columns, 90 + lines * (qr_px + text_h + 30)), "white")
    draw = ImageDraw.Draw(sheet)
    title_font = ImageFont.truetype(str(_font_path(bold=True)), 30)
    name_font = ImageFont.truetype(str(_font_path()), 20)
    draw.text((30, 25), printable(f"Votum · {conf.topic}"), font=title_font, fill="black")
    for index, row in enumerate(linked):
        x = (index % columns) * cell_w + (cell_w - qr_px) // 2
        y = 90 + (index // columns) * (qr_px + text_h + 30)
        qr = (
            Image.open(io.BytesIO(_qr_png(row.link, 8)))
            .convert("RGB")
            .resize((qr_px, qr_px), Image.Resampling.NEAREST)
        )
        sheet.paste(qr, (x, y))
        shown = printable(row.name)
        name = shown if len(shown) <= 34 else shown[:33] + "…"
        draw.text((x + qr_px // 2, y + qr_px + 8), name, font=name_font, fill="black", anchor="ma")
        draw.text(
            (x + qr_px // 2, y + qr_px + 36),
            printable(row.code),
            font=name_font,
            fill="#555555",
            anchor="ma",
        )
    sheet.save(path, "PNG", optimize=True)
