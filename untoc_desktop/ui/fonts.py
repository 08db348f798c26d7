"""The bundled fonts made available to the window.

Arabic and Chinese text is then drawn even on a machine without fonts for those scripts (a bare
or old installation, a USB live system).

The fonts of ``resources/fonts`` (the ones the PDF export uses, see
:mod:`untoc_desktop.documents.pdf_fonts`) are registered with Qt as application fonts; with
fontconfig, Qt's font fallback then finds them for characters the system fonts cannot draw. The
system's own fonts keep priority for the scripts they cover. Registering a font only reads its file
(under a millisecond each, once Qt has read the system's fonts); the folder is found without
importing the PDF export's font module (fontTools).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFontDatabase

from ..installed import fonts_folder

log = logging.getLogger(__name__)

#: Font files registered for the interface: the scripts of the six UN languages beyond Latin and
#: Cyrillic (Arabic; Chinese through the CJK fallback font), plus the base family.
INTERFACE_FONT_FILES = (
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
    "NotoNaskhArabic-Regular.ttf",
    "NotoNaskhArabic-Bold.ttf",
    "DroidSansFallback.ttf",
)


def register_interface_fonts(folder: Path | None = None) -> list[str]:
    """Register the bundled interface fonts with Qt; call once after the QApplication exists.

    Args:
        folder: the fonts folder (default: the bundled ``resources/fonts``, wherever installed).

    Returns:
        The font families registered (empty when the folder or its files are missing: the window
        then relies on the system's fonts, and a warning is logged).
    """
    if folder is None:
        folder = fonts_folder()
    families: list[str] = []
    for name in INTERFACE_FONT_FILES:
        path = folder / name
        if not path.is_file():
            log.warning("Interface font %s is missing; text in its script relies on the system's fonts.", path)
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("Qt could not read the interface font %s.", path)
            continue
        families += [f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families]
    return families
