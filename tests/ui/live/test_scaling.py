"""The main window with the live console fits the laptop screens of the round at the
display scalings Windows offers for them: 1366×768 at 100 and 125 %, 1920×1080 at 125 and
150 %, in German and English; nothing needed during a question is cut off or scrolled.

Qt takes ``QT_SCALE_FACTOR`` only before its application starts: each scaling runs
:mod:`tests.ui.live.scaling_probe` in a process of its own on an offscreen screen of that
many physical pixels."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SCALINGS = [((1366, 768), 1.0), ((1366, 768), 1.25), ((1920, 1080), 1.25), ((1920, 1080), 1.5)]


def run_probe(size: tuple[int, int], factor: float, lang: str, folder: Path) -> dict:  # type: ignore[type-arg]
    screen = folder / "screen.json"
    width, height = size
    screen.write_text(
        json.dumps(
            {"screens": [{"name": "laptop", "x": 0, "y": 0, "width": width, "height": height,
                          "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}
        ),
        "utf-8",
    )  # fmt: skip
    out = folder / "probe.json"
    env = os.environ | {
        "QT_SCALE_FACTOR": str(factor),
        "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
    }
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.live.scaling_probe", lang, str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(out.read_text("utf-8"))  # type: ignore[no-any-return]


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize(("size", "factor"), SCALINGS, ids=lambda v: str(v))
def test_the_console_fits_at_each_scaling(
    tmp_path: Path, size: tuple[int, int], factor: float, lang: str
) -> None:
    found = run_probe(size, factor, lang, tmp_path)
    assert found["ratio"] == factor
    assert tuple(found["screen"]) == (round(size[0] / factor), round(size[1] / factor))
    assert found["problems"] == []
    # the buttons name their shortcuts wherever the row has room (not at 1093 px wide)
    assert found["compact"] is (size == (1366, 768) and factor == 1.25)
