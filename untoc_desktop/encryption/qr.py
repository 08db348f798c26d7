"""A public key as a QR code (``segno``, pure Python), to show on screen or hand over as an image."""

from __future__ import annotations

import io
from pathlib import Path

from ..errors import ExportError
from ..files import atomic_replace
from ..i18n import _


def qr_png(text: str, scale: int = 6) -> bytes:
    """``text`` as a PNG QR code (error correction M, 4-module quiet zone), ``scale`` pixels per module."""
    import segno  # on first use: the preferences page is built with the window (start-up time)

    buffer = io.BytesIO()
    segno.make(text, error="m", micro=False).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


def write_qr(text: str, path: Path) -> Path:
    """Write ``text`` as a QR code to ``path``: SVG when it ends in ``.svg``, else PNG.

    Raises:
        ExportError: the file cannot be written.
    """
    import segno

    path = Path(path)
    try:
        kind = "svg" if path.suffix.lower() == ".svg" else "png"
        code = segno.make(text, error="m", micro=False)
        atomic_replace(
            path, lambda temporary: code.save(str(temporary), kind=kind, scale=6, border=4), create_folder=False
        )
    except OSError as exc:
        raise ExportError(
            _("The QR code could not be saved to {path} ({problem}).").format(path=path, problem=exc.strerror)
        ) from None
    return path
