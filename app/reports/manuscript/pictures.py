"""The manuscript's figures: the protocol's chart of each asked question as PNG at 300 dpi.

Drawing a chart's text is most of the time and holds the interpreter's lock, so many
charts are drawn by worker processes beside this one (one per spare core, started fresh,
"spawn": safe beside Qt's threads and the same on Windows). The PNG is a palette image of
the chart's own colours: a few flat colours and their anti-aliased edges, about 230 in
all, mapped exactly (lossless, and faster than quantizing); a chart of more colours is
quantized to 64. Either file is about half of a true-colour one.
"""

from __future__ import annotations

import io
import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from app.reports.figures import PNG_DPI
from app.services.results import QuestionResult

if TYPE_CHECKING:
    import numpy as np
    from PIL import Image

#: Fewer charts than this per worker are drawn here: a worker costs a second to start.
CHARTS_PER_WORKER = 8
MAX_WORKERS = 8
#: Charts handed to a worker at a time.
CHUNK = 3


@dataclass(frozen=True)
class Chart:
    """One figure to draw: a question's result, with round 1 beside it when repeated."""

    result: QuestionResult
    round_one: QuestionResult | None
    lang: str


def png(chart: Chart) -> bytes:
    """The chart as a PNG of 300 dpi (the protocol's figure, the same builder)."""
    import matplotlib
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from app.reports.figures import question_figure

    figure = question_figure(chart.result, lang=chart.lang, round_one=chart.round_one)
    canvas = FigureCanvasAgg(figure)
    figure.set_dpi(PNG_DPI)
    with matplotlib.rc_context({"text.hinting": "none"}):  # no pixel grid to fit at 300 dpi
        canvas.draw()
    image = palette_image(np.asarray(canvas.buffer_rgba()))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", dpi=(PNG_DPI, PNG_DPI), compress_level=3)
    return buffer.getvalue()


#: RGB (as one number, red in the low byte) to its index in the chart's palette; 16 MB,
#: made on first use, each chart writes the entries of its own colours.
_INDEX: np.ndarray | None = None


def palette_image(rgba: np.ndarray) -> Image.Image:
    """An opaque RGBA picture as a palette image: its colours exactly when there are at
    most 256, else quantized to 64 (the background staying paper white)."""
    global _INDEX
    import numpy as np
    from PIL import Image

    image = Image.fromarray(rgba)
    colours = image.getcolors(256)
    if colours is None:
        return _quantized(image)
    if _INDEX is None:
        _INDEX = np.zeros(1 << 24, dtype=np.uint8)
    palette: list[int] = []
    for index, (_count, colour) in enumerate(colours):
        red, green, blue = cast("tuple[int, int, int, int]", colour)[:3]
        _INDEX[red | green << 8 | blue << 16] = index
        palette += (red, green, blue)
    packed = rgba.view("<u4")[..., 0] & 0xFFFFFF  # the bytes R, G, B, A: red the lowest
    indexed = Image.fromarray(_INDEX[packed], mode="P")
    indexed.putpalette(palette)
    return indexed


def _quantized(image: Image.Image) -> Image.Image:
    from PIL import Image

    palette = image.convert("RGB").quantize(64, method=Image.Quantize.FASTOCTREE)
    colours = palette.getpalette() or []
    for start in range(0, len(colours), 3):  # the background stays paper white
        if min(colours[start : start + 3]) >= 248:
            colours[start : start + 3] = [255, 255, 255]
    palette.putpalette(colours)
    return palette


def workers_for(n_charts: int) -> int:
    """How many worker processes help this one draw ``n_charts`` (0: it draws alone)."""
    spare = (os.cpu_count() or 1) - 1
    return max(0, min(spare, MAX_WORKERS, n_charts // CHARTS_PER_WORKER))


def _drawn(charts: Sequence[Chart]) -> list[bytes]:
    return [png(chart) for chart in charts]


def _ready() -> None:
    """A worker's first task: import what drawing needs while the conference is read."""
    from app.reports import figures  # noqa: F401
    from app.services import results  # noqa: F401


class Painter:
    """Draws the charts of one draft. Made before the conference is read, it starts its
    worker processes at once (one per spare core, for ``expected`` charts), so that their
    start overlaps the reading; :meth:`pngs` hands them chunks of charts while this process
    draws the chunks from the end that no worker has started."""

    def __init__(self, expected: int) -> None:
        self._pool: ProcessPoolExecutor | None = None
        workers = workers_for(expected)
        if not workers:
            return
        context = multiprocessing.get_context("spawn")
        try:
            self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
            for _ in range(workers):
                self._pool.submit(_ready)
        except (OSError, RuntimeError):  # no processes here: drawn here, slower, not lost
            self.close()

    def __enter__(self) -> Painter:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def pngs(self, charts: Sequence[Chart]) -> list[bytes]:
        """Every chart as PNG, in order."""
        if self._pool is None:
            return _drawn(charts)
        chunks = [charts[i : i + CHUNK] for i in range(0, len(charts), CHUNK)]
        try:
            futures = [self._pool.submit(_drawn, chunk) for chunk in chunks]
            here = {
                index: _drawn(chunks[index])
                for index in reversed(range(len(chunks)))
                if futures[index].cancel()
            }
            return [
                picture
                for index, future in enumerate(futures)
                for picture in (here[index] if index in here else future.result())
            ]
        except (OSError, RuntimeError, BrokenProcessPool):
            self.close()
            return _drawn(charts)


def pngs(charts: Sequence[Chart]) -> list[bytes]:
    """Every chart as PNG, in order (workers started for them alone)."""
    with Painter(len(charts)) as painter:
        return painter.pngs(charts)
