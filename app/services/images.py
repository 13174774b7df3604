"""Case images: read from a package (embedded or beside it) and checked by decoding them;
written back into one embedded."""

from __future__ import annotations

import base64
import io
from pathlib import Path

from app.models import CaseImage
from app.services.errors import InvalidInput
from app.services.file_messages import say
from app.services.package_schema import PackageImage

#: the largest image a case may carry
MAX_IMAGE_BYTES = 10 * 1024 * 1024


def _refused(name: str, key: str, **values: object) -> InvalidInput:
    """The image ``name`` refused: ``"Bild x.png: <problem>"`` in each language."""
    return InvalidInput(say("image", name=name, problem=say(key, **values)))


def image_as_package(image: CaseImage) -> PackageImage:
    """A stored image in package form, its bytes embedded (for export and for the editor)."""
    return PackageImage(
        filename=image.filename,
        mime=image.mime,  # type: ignore[arg-type]  # a str column; pydantic checks it
        caption=image.caption,
        data=base64.b64encode(image.data).decode("ascii"),
    )


def case_image(
    data: PackageImage, position: int, base_dir: Path | None, stored: set[bytes] | None = None
) -> CaseImage:
    if data.data is not None:
        raw = data.bytes()
    else:
        assert data.path is not None
        if base_dir is None:
            raise _refused(data.filename, "image_path_without_folder")
        target = (base_dir / data.path).resolve()
        if not target.is_relative_to(base_dir.resolve()):
            raise _refused(data.path, "image_outside_folder")
        if not target.is_file():
            raise _refused(data.path, "image_file_missing")
        if target.stat().st_size > MAX_IMAGE_BYTES:
            raise _refused(data.path, "image_too_large", limit=MAX_IMAGE_BYTES // 1024 // 1024)
        raw = target.read_bytes()
    if len(raw) > MAX_IMAGE_BYTES:
        raise _refused(data.filename, "image_too_large", limit=MAX_IMAGE_BYTES // 1024 // 1024)
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
        raise _refused(name, "image_too_many_pixels") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise _refused(name, "image_unreadable") from None
    if kind != _FORMATS.get(mime):
        raise _refused(name, "image_other_kind", kind=kind, mime=mime)


def _check_svg(raw: bytes, name: str) -> None:
    from xml.etree import ElementTree

    try:
        root = ElementTree.fromstring(raw)
    except ElementTree.ParseError:
        raise _refused(name, "svg_not_xml") from None
    if root.tag.rpartition("}")[2] != "svg":
        raise _refused(name, "not_svg")
