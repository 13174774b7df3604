"""The protocol's look in one place: embedded DejaVu fonts, paragraph and table styles."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, TableStyle

from app.reports.glyphs import printable

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
FONT_BOLD_ITALIC = "DejaVuSans-BoldOblique"

PAGE = A4
MARGIN_X = 2 * cm
MARGIN_TOP = 2.3 * cm
MARGIN_BOTTOM = 2.0 * cm
TEXT_WIDTH = PAGE[0] - 2 * MARGIN_X  # 17 cm: the chart width too

INK = colors.HexColor("#222222")
MUTED = colors.HexColor("#5a5a5a")
RULE = colors.HexColor("#b0b0b0")
LIGHT_RULE = colors.HexColor("#dddddd")
SHADE = colors.HexColor("#f3f5f7")
ACCENT = colors.HexColor("#0072B2")  # Okabe–Ito blue, as in the charts


def font_dir() -> Path:
    """matplotlib ships DejaVu Sans; the protocol embeds the same files as the charts use."""
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


@cache
def register_fonts() -> None:
    """Register DejaVu Sans (regular, bold, italic) with reportlab and svglib, once."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = font_dir()
    files = {
        FONT: "DejaVuSans.ttf",
        FONT_BOLD: "DejaVuSans-Bold.ttf",
        FONT_ITALIC: "DejaVuSans-Oblique.ttf",
        FONT_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
    }
    for name, filename in files.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
    _register_svg_fonts(folder)  # first: svglib adds mappings of its own
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
    )
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    addMapping(FONT, 0, 1, FONT_ITALIC)
    addMapping(FONT, 1, 1, FONT_BOLD_ITALIC)


def _register_svg_fonts(folder: Path) -> None:
    """Chart text ("DejaVu Sans" in the SVG) is drawn with the embedded TrueType font."""
    from svglib.fonts import get_global_font_map

    font_map = get_global_font_map()
    for family in ("DejaVu Sans", "sans-serif"):
        font_map.register_font(family, str(folder / "DejaVuSans.ttf"), rlgFontName=FONT)
        font_map.register_font(
            family, str(folder / "DejaVuSans-Bold.ttf"), weight="bold", rlgFontName=FONT_BOLD
        )


def _style(name: str, size: float, *, leading: float | None = None, **extra: Any) -> ParagraphStyle:
    values: dict[str, Any] = {
        "fontName": FONT,
        "fontSize": size,
        "leading": leading or round(size * 1.38, 1),
        "textColor": INK,
        "alignment": TA_LEFT,
    }
    values.update(extra)
    return ParagraphStyle(name, **values)


@cache
def styles() -> dict[str, ParagraphStyle]:
    """All paragraph styles of the protocol, by role."""
    register_fonts()
    return {
        "title": _style("title", 24, leading=29, fontName=FONT_BOLD, spaceAfter=6),
        "topic": _style("topic", 15, leading=20, spaceAfter=4),
        "subtitle": _style("subtitle", 10.5, textColor=MUTED, spaceAfter=18),
        "h1": _style(
            "h1", 15, leading=19, fontName=FONT_BOLD, spaceBefore=4, spaceAfter=8, keepWithNext=1
        ),
        "h2": _style(
            "h2", 12.5, leading=16, fontName=FONT_BOLD, spaceBefore=10, spaceAfter=4, keepWithNext=1
        ),
        "h3": _style(
            "h3", 10.5, leading=14, fontName=FONT_BOLD, spaceBefore=12, spaceAfter=2, keepWithNext=1
        ),
        "h4": _style(
            "h4", 9, leading=12, fontName=FONT_BOLD, spaceBefore=6, spaceAfter=2, keepWithNext=1
        ),
        "body": _style("body", 9, spaceAfter=4),
        "question": _style("question", 10, leading=13.5, fontName=FONT_BOLD, spaceAfter=6),
        "meta": _style("meta", 8, textColor=MUTED, spaceAfter=4),
        "small": _style("small", 7.5, textColor=MUTED),
        "cell": _style("cell", 8, leading=10.2),
        "cell_bold": _style("cell_bold", 8, leading=10.2, fontName=FONT_BOLD),
        "cell_right": _style("cell_right", 8, leading=10.2, alignment=TA_RIGHT),
        "cell_bold_right": _style(
            "cell_bold_right", 8, leading=10.2, fontName=FONT_BOLD, alignment=TA_RIGHT
        ),
        "cell_head": _style("cell_head", 7.5, leading=9.5, fontName=FONT_BOLD, textColor=MUTED),
        "cell_head_right": _style(
            "cell_head_right",
            7.5,
            leading=9.5,
            fontName=FONT_BOLD,
            textColor=MUTED,
            alignment=TA_RIGHT,
        ),
        "matrix": _style("matrix", 7, leading=8.6),
        "matrix_head": _style("matrix_head", 6.8, leading=8.2, fontName=FONT_BOLD, textColor=MUTED),
        "sentence": _style("sentence", 9.5, leading=13, spaceBefore=2, spaceAfter=1),
        "sentence_other": _style(
            "sentence_other", 8, leading=11, fontName=FONT_ITALIC, textColor=MUTED, spaceAfter=2
        ),
        "note": _style("note", 8.5, leading=12, spaceBefore=4, spaceAfter=2),
        "header": _style("header", 7.5, textColor=MUTED),
    }


def para(text: str, style: str = "body", *, markup: str = "") -> Paragraph:
    """A paragraph of plain text: everything is escaped, newlines become line breaks.

    ``markup`` is trusted reportlab markup put before the escaped text (e.g. a bold label).
    Characters the font lacks (emoji) are named instead of drawn as empty boxes.
    """
    safe = escape(printable(text or "")).replace("\n", "<br/>")
    return Paragraph(printable(markup) + safe, styles()[style])


def label(text: str) -> str:
    """Trusted markup: a bold label for :func:`para`, its text escaped."""
    return f"<b>{escape(printable(text))}</b> "


def table_style(
    *, header_rows: int = 1, total_row: bool = False, right_from: int | None = None
) -> TableStyle:
    """A journal table: rule above and below the header, light rules between rows."""
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, 8),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, INK),
        ("LINEBELOW", (0, -1), (-1, -1), 0.8, INK),
    ]
    if header_rows:
        commands.append(("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.5, RULE))
        commands.append(("LINEBELOW", (0, header_rows), (-1, -2), 0.25, LIGHT_RULE))
    else:
        commands.append(("LINEBELOW", (0, 0), (-1, -2), 0.25, LIGHT_RULE))
    if total_row:
        commands.append(("LINEABOVE", (0, -1), (-1, -1), 0.5, RULE))
    if right_from is not None:
        commands.append(("ALIGN", (right_from, 0), (-1, -1), "RIGHT"))
    return TableStyle(commands)
