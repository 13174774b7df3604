"""QR codes for voting links: segno renders PNG bytes, Qt turns them into a pixmap."""

from __future__ import annotations

import io

from PySide6.QtGui import QPixmap


def qr_pixmap(
    text: str, size: int = 180, *, dark: str = "#000000", light: str = "#ffffff"
) -> QPixmap:
    """A square QR pixmap of about ``size`` device-independent pixels."""
    import segno

    code = segno.make(text, error="m")
    buffer = io.BytesIO()
    modules = code.symbol_size(border=2)[0]
    code.save(
        buffer, kind="png", scale=max(1, (size * 2) // modules), border=2, dark=dark, light=light
    )
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    pixmap.setDevicePixelRatio(max(1.0, pixmap.width() / size))
    return pixmap
