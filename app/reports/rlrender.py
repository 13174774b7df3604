"""A matplotlib renderer that draws a figure straight into a reportlab vector Drawing.

The protocol's charts are the same :class:`~matplotlib.figure.Figure` the screen shows;
drawing them without the detour through SVG text and svglib's parser is several times
faster and keeps text as text in the embedded DejaVu font. It covers what the chart
builder uses (paths, collections, text); anything else falls back to SVG + svglib.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from matplotlib.backend_bases import GraphicsContextBase, RendererBase
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.path import Path as MplPath
from matplotlib.transforms import Affine2DBase, Transform
from numpy.typing import ArrayLike
from reportlab.graphics.shapes import Drawing, Group, String
from reportlab.graphics.shapes import Path as RlPath
from reportlab.lib.colors import Color

from app.reports.pdfstyle import FONT, FONT_BOLD


class Unsupported(Exception):
    """The figure holds something this renderer does not draw (an image, math text)."""


def _colour(rgba: Any, alpha: float | None = None) -> Color | None:
    if rgba is None:
        return None
    r, g, b, *rest = (float(v) for v in rgba)
    a = rest[0] if rest else 1.0
    if alpha is not None:
        a = alpha
    return None if a <= 0 else Color(r, g, b, alpha=a)


class DrawingRenderer(RendererBase):
    """Renders at 72 dpi, so one display unit is one PDF point; y grows upwards as in PDF."""

    def __init__(self, width: float, height: float) -> None:
        super().__init__()
        self.width, self.height = width, height
        self.drawing = Drawing(width, height)

    def flipy(self) -> bool:
        return False

    def get_canvas_width_height(self) -> tuple[float, float]:
        return self.width, self.height

    def points_to_pixels(self, points: ArrayLike) -> ArrayLike:
        return points

    def get_text_width_height_descent(
        self, s: str, prop: FontProperties, ismath: bool | str
    ) -> tuple[float, float, float]:
        if ismath:
            raise Unsupported("math text")
        return _metrics(s, prop.copy())

    def new_gc(self) -> GraphicsContextBase:
        return GraphicsContextBase()

    def option_image_nocomposite(self) -> bool:
        return True

    def draw_image(
        self,
        gc: GraphicsContextBase,
        x: float,
        y: float,
        im: ArrayLike,
        transform: Affine2DBase | None = None,
    ) -> None:
        raise Unsupported("image")

    def draw_path(
        self,
        gc: GraphicsContextBase,
        path: MplPath,
        transform: Transform,
        rgbFace: Any = None,
    ) -> None:
        shape = RlPath()
        current = (0.0, 0.0)
        for vertices, code in path.iter_segments(transform, simplify=False, curves=True):
            if code == MplPath.MOVETO:
                shape.moveTo(*vertices[-2:])
            elif code == MplPath.LINETO:
                shape.lineTo(*vertices[-2:])
            elif code == MplPath.CURVE3:
                (qx, qy), (ex, ey) = vertices[:2], vertices[2:4]
                sx, sy = current
                shape.curveTo(
                    sx + 2 / 3 * (qx - sx),
                    sy + 2 / 3 * (qy - sy),
                    ex + 2 / 3 * (qx - ex),
                    ey + 2 / 3 * (qy - ey),
                    ex,
                    ey,
                )
            elif code == MplPath.CURVE4:
                shape.curveTo(*vertices[:6])
            elif code == MplPath.CLOSEPOLY:
                shape.closePath()
            if code != MplPath.CLOSEPOLY and len(vertices) >= 2:
                current = (float(vertices[-2]), float(vertices[-1]))
        alpha = gc.get_alpha() if gc.get_forced_alpha() else None
        fill = _colour(rgbFace, alpha) if rgbFace is not None else None
        line_width = gc.get_linewidth()
        stroke = _colour(gc.get_rgb(), alpha) if line_width > 0 else None
        shape.fillColor = fill
        shape.strokeColor = stroke
        shape.strokeWidth = line_width
        shape.strokeLineCap = 0
        if fill is None and stroke is None:
            return
        self.drawing.add(shape)

    def draw_text(
        self,
        gc: GraphicsContextBase,
        x: float,
        y: float,
        s: str,
        prop: FontProperties,
        angle: float,
        ismath: bool | str = False,
        mtext: Any = None,
    ) -> None:
        if ismath:
            raise Unsupported("math text")
        weight = prop.get_weight()
        bold = weight == "bold" or (isinstance(weight, int) and weight >= 600)
        string = String(
            0,
            0,
            s,
            fontName=FONT_BOLD if bold else FONT,
            fontSize=prop.get_size_in_points(),
            fillColor=_colour(gc.get_rgb()),
        )
        group = Group(string)
        group.translate(x, y)
        if angle:
            group.rotate(angle)
        self.drawing.add(group)


@lru_cache(maxsize=8192)
def _metrics(text: str, prop: FontProperties) -> tuple[float, float, float]:
    """Width, height and descent in points, cached across figures (matplotlib caches per
    renderer, and every figure gets a renderer of its own)."""
    return RendererBase().get_text_width_height_descent(text, prop, False)


def figure_drawing(figure: Figure) -> Drawing:
    """The figure as a reportlab Drawing of its size in points (text stays text)."""
    width_in, height_in = figure.get_size_inches()
    renderer = DrawingRenderer(width_in * 72, height_in * 72)
    dpi = figure.dpi
    set_dpi = getattr(figure, "_set_dpi", None)  # without resizing any canvas
    if set_dpi is None:
        raise Unsupported("matplotlib without Figure._set_dpi")
    set_dpi(72, forward=False)
    try:
        figure.draw(renderer)
    finally:
        set_dpi(dpi, forward=False)
    return renderer.drawing
