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


def write_pdf(path: Path, conf: ConferenceInfo, rows: Sequence[SiteLink]) -> None:
    """One A4 page per site: site name, conference, QR code and the link in full."""
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
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setTitle(f"Votum – {conf.topic}")
    canvas.setAuthor("Votum")
    heading = printable(f"Votum · {conf.topic} · {conf.date:%d.%m.%Y}")
    for row in rows:
        canvas.setFont("DejaVuSans", 11)
        canvas.drawString(25 * mm, height - 25 * mm, heading)
        canvas.setFont("DejaVuSans", 14)
        canvas.drawString(
            25 * mm,
            height - 45 * mm,
            words["link_for"],
        )
        canvas.setFont("DejaVuSans-Bold", 22)
        canvas.drawString(25 * mm, height - 57 * mm, printable(row.name))
        if row.link:
            size = 110 * mm
            image = ImageReader(io.BytesIO(_qr_png(row.link, 10)))
            canvas.drawImage(image, (width - size) / 2, height - 75 * mm - size, size, size)
            canvas.setFont("DejaVuSans", 9)
            canvas.drawCentredString(width / 2, height - 82 * mm - size, row.link)
            canvas.setFont("DejaVuSans", 11)
            canvas.drawCentredString(width / 2, height - 92 * mm - size, words["share_within_site"])
        else:
            canvas.setFont("DejaVuSans", 14)
            canvas.drawString(25 * mm, height - 80 * mm, words["link_revoked"])
        canvas.setFont("DejaVuSans", 9)
        canvas.drawString(25 * mm, 15 * mm, printable(row.code))
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
