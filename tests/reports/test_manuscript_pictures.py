"""The manuscript's figures as palette PNGs: a chart's own colours kept exactly (its text's
anti-aliased edges included), a picture of more colours quantized to 64 on paper white."""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from PIL import Image

from app.db import Database
from app.reports.data import gather
from app.reports.figures import PNG_DPI, question_figure
from app.reports.manuscript import pictures


@pytest.mark.parametrize("backend", ["sqlite"])  # drawing does not depend on the database
def test_a_chart_keeps_its_own_colours_exactly(db: Database, demo_id: int) -> None:
    result = next(r for r in gather(db, demo_id).results if r.ballots)
    drawn = Image.open(io.BytesIO(pictures.png(pictures.Chart(result, None, "en"))))
    assert drawn.mode == "P" and [round(x) for x in drawn.info["dpi"]] == [PNG_DPI, PNG_DPI]
    figure = question_figure(result, lang="en")
    canvas = FigureCanvasAgg(figure)
    figure.set_dpi(PNG_DPI)
    with matplotlib.rc_context({"text.hinting": "none"}):
        canvas.draw()
    expected = np.asarray(canvas.buffer_rgba())[..., :3]
    assert np.array_equal(np.asarray(drawn.convert("RGB")), expected)
    assert 64 < len(drawn.getcolors(256) or []) <= 256  # more than quantizing would keep


def test_a_picture_of_many_colours_is_quantized_on_paper_white() -> None:
    ramp = np.arange(300 * 400, dtype=np.uint32).reshape(300, 400)
    rgba = np.stack(
        [ramp % 256, ramp // 256 % 256, ramp // 7 % 256, np.full_like(ramp, 255)], axis=-1
    ).astype(np.uint8)
    rgba[:50] = 255  # a white margin
    image = pictures.palette_image(rgba)
    assert image.mode == "P" and len(image.getcolors(256) or []) <= 64
    assert image.convert("RGB").getpixel((0, 0)) == (255, 255, 255)
