"""Helpers for the PDF tests: text per page (pypdf) and page images (pdftoppm)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from PIL import Image, ImageStat
from pypdf import PdfReader


def page_texts(path: Path) -> list[str]:
    """Each page's text with whitespace collapsed (line breaks inside sentences vanish)."""
    reader = PdfReader(str(path))
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


def ink_fractions(path: Path, folder: Path, dpi: int = 40) -> list[float]:
    """Render every page with pdftoppm; the share of non-white pixels per page."""
    assert shutil.which("pdftoppm"), "poppler-utils (pdftoppm) is needed"
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", str(path), str(folder / "page")],
        check=True,
        capture_output=True,
        timeout=120,
    )
    fractions = []
    for image_path in sorted(folder.glob("page-*.png")):
        with Image.open(image_path) as image:
            grey = image.convert("L")
            dark = grey.point(lambda v: 255 if v < 200 else 0)
            fractions.append(ImageStat.Stat(dark).mean[0] / 255)
    return fractions
