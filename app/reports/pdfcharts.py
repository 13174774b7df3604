"""Charts into the PDF: the same matplotlib figure, as a vector drawing the width of the text."""

from __future__ import annotations

import io

from matplotlib.figure import Figure
from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Flowable, Image

from app.reports.figures import figure_bytes, question_figure
from app.reports.pdfstyle import FONT, TEXT_WIDTH, register_fonts
from app.reports.rlrender import Unsupported, figure_drawing
from app.services.results import QuestionResult


def figure_flowable(figure: Figure, width: float = TEXT_WIDTH) -> Flowable:
    """The figure as a vector drawing scaled to ``width`` points.

    Drawn directly (:mod:`app.reports.rlrender`); should the figure hold something that
    renderer does not know, through SVG and svglib; failing that, as a 300-dpi PNG.
    """
    register_fonts()
    try:
        return scaled(figure_drawing(figure), width)
    except Unsupported:
        pass
    svg = figure_bytes(figure, "svg")
    from svglib.svglib import svg2rlg

    drawing = svg2rlg(io.BytesIO(svg))
    if drawing is None or not drawing.width:
        return png_flowable(figure, width)
    return scaled(drawing, width)


def scaled(drawing: Drawing, width: float) -> Drawing:
    factor = width / drawing.width
    drawing.width, drawing.height = width, drawing.height * factor
    drawing.scale(factor, factor)
    drawing.hAlign = "LEFT"
    # else reportlab sets (and lists) non-embedded Helvetica; an attribute its stubs lack
    drawing.initialFontName = FONT  # type: ignore[attr-defined]
    return drawing


def png_flowable(figure: Figure, width: float = TEXT_WIDTH) -> Image:
    png = figure_bytes(figure, "png")
    w_in, h_in = figure.get_size_inches()
    image = Image(io.BytesIO(png), width=width, height=width * h_in / w_in)
    image.hAlign = "LEFT"
    return image


def chart(result: QuestionResult, lang: str, round_one: QuestionResult | None = None) -> Flowable:
    """The protocol's chart of one question (both rounds when ``round_one`` is given)."""
    return figure_flowable(question_figure(result, lang=lang, round_one=round_one))
