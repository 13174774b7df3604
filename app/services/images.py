"""Case images: read from a package (embedded or beside it) and checked by decoding them."""

from __future__ import annotations

import io
from pathlib import Path

from app.models import CaseImage
from app.services.errors import InvalidInput
from app.services.package_schema import PackageImage

#: the largest image a case may carry
MAX_IMAGE_BYTES = 10 * 1024 * 1024


def case_image(
    data: PackageImage, position: int, base_dir: Path | None, stored: set[bytes] | None = None
) -> CaseImage:
    if data.data is not None:
        raw = data.bytes()
    else:
        assert data.path is not None
        if base_dir is None:
            raise InvalidInput(f"Bild {data.filename}: Pfad ohne Paketordner / path without folder")
        target = (base_dir / data.path).resolve()
        if not target.is_relative_to(base_dir.resolve()):
            raise InvalidInput(f"Bild {data.path}: liegt außerhalb des Paketordners / outside")
        if not target.is_file():
            raise InvalidInput(f"Bild {data.path}: Datei fehlt / file missing")
        if target.stat().st_size > MAX_IMAGE_BYTES:
            raise InvalidInput(f"Bild {data.path}: größer als 10 MB / larger than 10 MB")
        raw = target.read_bytes()
    if len(raw) > MAX_IMAGE_BYTES:
        raise InvalidInput(f"Bild {data.filename}: größer als 10 MB / larger than 10 MB")
    if stored is None or raw not in stored:
        check_image(raw, data.mime, data.filename)
    return CaseImage(
        position=position, filename=data.filename, mime=data.mime, caption=data.caption, data=raw
    )


_FORMATS = {"image/png": "PNG", "image/jpeg": "JPEG"}


def check_image(raw: bytes, mime: str, name: str) -> None:
    """Refuse bytes that are not a whole image of the stated kind: PNG and JPEG are
    decoded (Pillow), an SVG must be XML with an ``svg`` root element."""
    if mime == "image/svg+xml":
        _check_svg(raw, name)
        return
    import warnings

    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(raw)) as image:
                kind = image.format
                image.load()  # decodes every pixel: a truncated or forged file fails here
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise InvalidInput(f"Bild {name}: zu viele Pixel / too many pixels") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise InvalidInput(
            f"Bild {name}: kein lesbares PNG- oder JPEG-Bild / not a readable PNG or JPEG image"
        ) from None
    if kind != _FORMATS.get(mime):
        raise InvalidInput(f"Bild {name}: ist {kind}, nicht {mime} / is {kind}, not {mime}")


def _check_svg(raw: bytes, name: str) -> None:
    from xml.etree import ElementTree

    try:
        root = ElementTree.fromstring(raw)
    except ElementTree.ParseError:
        raise InvalidInput(f"Bild {name}: kein SVG (kein XML) / not an SVG (not XML)") from None
    if root.tag.rpartition("}")[2] != "svg":
        raise InvalidInput(f"Bild {name}: kein SVG / not an SVG")
