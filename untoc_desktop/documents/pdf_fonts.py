"""Embedded TrueType fonts for PDF export, and per-script font fallback.

PDF viewers only draw what the file embeds, so every character must come
from a bundled font (the base-14 Helvetica has no Arabic or Cyrillic and
would print boxes). Each character is drawn with the first family in
:data:`FONT_FAMILIES` whose font has a glyph for it; adding a script is one
line there plus the font file in ``resources/fonts/``.
"""

from __future__ import annotations

import logging
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from ..errors import ExportError

log = logging.getLogger(__name__)

#: Where an installed wheel puts ``resources/fonts`` (``[tool.setuptools.data-files]`` in pyproject.toml).
INSTALLED_FONTS = Path("share") / "untoc-desktop" / "fonts"


def find_fonts_dir() -> Path:
    """The folder of the bundled fonts, in a source tree or an installed package.

    Looks in ``resources/fonts`` beside the package (a checkout, ``pip install -e``),
    then in ``<prefix>/share/untoc-desktop/fonts`` (``pip install .``: the
    virtual environment's or the system's prefix), then where the installed
    distribution's metadata says its data files are.

    Returns:
        The first folder holding the base font; the source-tree folder when none
        does (so the error message names a meaningful place).
    """
    source = Path(__file__).resolve().parent.parent.parent / "resources" / "fonts"
    candidates = [source, Path(sys.prefix) / INSTALLED_FONTS, Path(sys.base_prefix) / INSTALLED_FONTS]
    try:
        from importlib.metadata import PackageNotFoundError, distribution

        try:
            candidates.append(Path(distribution("untoc-desktop").locate_file(INSTALLED_FONTS)))
        except PackageNotFoundError:
            pass
    except ImportError:  # pragma: no cover - Python < 3.8
        pass
    for folder in candidates:
        if (folder / "NotoSans-Regular.ttf").is_file():
            return folder
    return source


#: Folder of the bundled fonts and their licences.
FONTS_DIR = find_fonts_dir()


@dataclass(frozen=True)
class FontFamily:
    """A font family: registered names and files of its regular and bold faces.

    Attributes:
        name: registered name of the regular face (the bold one is ``name + "-Bold"``).
        regular: file name in :data:`FONTS_DIR`.
        bold: file name of the bold face, or ``""`` to use the regular one.
    """

    name: str
    regular: str
    bold: str = ""

    def face(self, bold: bool) -> str:
        """Registered name of the face to use."""
        return f"{self.name}-Bold" if bold and self.bold else self.name


#: Fallback order: the first family with a glyph for a character draws it.
FONT_FAMILIES: tuple[FontFamily, ...] = (
    FontFamily("UntocSans", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),  # Latin, Greek, Cyrillic, Vietnamese
    FontFamily("UntocArabic", "NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf"),
    FontFamily("UntocHebrew", "NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf"),
    FontFamily("UntocCJK", "DroidSansFallback.ttf"),  # Chinese, Japanese, Korean
    FontFamily("UntocSymbols", "NotoSansSymbols2-Regular.ttf"),  # monochrome emoji, dingbats, arrows
)
BASE = FONT_FAMILIES[0]


def _to_unicode_cmap(fontname: str, subset: list) -> str:
    """Return reportlab's ToUnicode CMap, with characters beyond U+FFFF as UTF-16 surrogate pairs.

    reportlab 5.1 writes ``<1F44D>`` (an odd-length hex string that PDF readers
    reject) for an emoji, so its text could not be copied or searched; the PDF
    specification (9.10.3) wants the UTF-16BE code units, ``<D83DDC4D>``.
    """

    def hex_of(value: object) -> str:
        text = chr(value) if isinstance(value, int) else str(value)
        return text.encode("utf-16-be", "surrogatepass").hex().upper()

    cmap = _ORIGINAL_CMAP(fontname, subset).split("\n")
    start = cmap.index(f"{len(subset)} beginbfchar") + 1
    cmap[start:start + len(subset)] = [f"<{i:02X}> <{hex_of(v)}>" for i, v in enumerate(subset)]
    return "\n".join(cmap)


_ORIGINAL_CMAP = ttfonts.makeToUnicodeCMap
ttfonts.makeToUnicodeCMap = _to_unicode_cmap


@cache
def register_fonts() -> tuple[FontFamily, ...]:
    """Register every bundled font with reportlab (once per process).

    Returns:
        The families whose files were found, in fallback order.

    Raises:
        ExportError: the base family's font files are missing or unreadable
            (a broken installation); other families are skipped when missing.
    """
    available = []
    for family in FONT_FAMILIES:
        files = [FONTS_DIR / family.regular] + ([FONTS_DIR / family.bold] if family.bold else [])
        if not all(path.is_file() for path in files):
            if family is BASE:
                raise ExportError(
                    f"The fonts needed for PDF export are missing from {FONTS_DIR}. "
                    "Reinstall the application, or export to Word instead."
                )
            continue
        pdfmetrics.registerFont(TTFont(family.name, str(files[0])))
        if family.bold:
            pdfmetrics.registerFont(TTFont(f"{family.name}-Bold", str(files[1])))
        available.append(family)
    return tuple(available)


@cache
def _glyph_table(name: str) -> frozenset[int]:
    return frozenset(pdfmetrics.getFont(name).face.charToGlyph)


def _sticks_to_previous(char: str) -> bool:
    """Characters drawn with the font of the character before them.

    Spaces, combining marks, joiners and variation selectors must not split a
    run: splitting would break Arabic joining and Vietnamese stacked accents.
    """
    return char.isspace() or unicodedata.category(char) in ("Mn", "Me", "Cf") or 0xFE00 <= ord(char) <= 0xFE0F


@cache
def family_for(char: str) -> FontFamily:
    """The first registered family that has a glyph for ``char`` (the base family if none has)."""
    for family in register_fonts():
        if ord(char) in _glyph_table(family.name):
            return family
    return BASE


@cache
def _base_characters() -> frozenset[str]:
    register_fonts()
    return frozenset(chr(code) for code in _glyph_table(BASE.name))


def _has_glyph(family: FontFamily, char: str) -> bool:
    return ord(char) in _glyph_table(family.name)


def split_runs(text: str) -> list[tuple[FontFamily, str]]:
    """Split text into runs that one font can draw.

    Letters take the first family that has them. Everything else (spaces,
    digits, punctuation, combining marks, joiners) takes the family of the
    nearest letter before it in the same word -- else after it -- when that
    font has the glyph, so that ``(وفق`` or ``2023م`` stay one run in the
    Arabic font: HarfBuzz shapes a word with a single font.

    Args:
        text: cleaned text (see :func:`~.text.clean_text`), without markup.

    Returns:
        ``[(family, run_text), ...]`` covering ``text`` in order.
    """
    if _base_characters().issuperset(text):
        return [(BASE, text)] if text else []  # the common case: every character in the base font
    letters = [family_for(c) if unicodedata.category(c).startswith("L") else None for c in text]
    chosen: list[FontFamily] = []
    for i, char in enumerate(text):
        family = letters[i]
        if family is None:
            family = _neighbour_family(text, letters, i, char)
        chosen.append(family)
    runs: list[tuple[FontFamily, list[str]]] = []
    for family, char in zip(chosen, text):
        if runs and runs[-1][0] is family:
            runs[-1][1].append(char)
        else:
            runs.append((family, [char]))
    return [(family, "".join(chars)) for family, chars in runs]


def _neighbour_family(text: str, letters: list[FontFamily | None], i: int, char: str) -> FontFamily:
    """Font for a non-letter: that of the closest letter in the same word that has its glyph."""
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(text) and not text[j].isspace():
            family = letters[j]
            if family is not None:
                if _has_glyph(family, char) or _sticks_to_previous(char):
                    return family
                break
            j += step
    if char.isspace() or _sticks_to_previous(char):
        # Between words: keep the run going (fewer font switches); any font has a space.
        for j in range(i - 1, -1, -1):
            if letters[j] is not None:
                return letters[j]
        return BASE
    return family_for(char)


def markup(text: str, *, bold: bool = False) -> str:
    """Platypus paragraph markup for plain text: escaped, with a font per run.

    ``&``, ``<`` and ``>`` are escaped so text that looks like markup prints as
    typed; each run names the font that has its glyphs. Line breaks must be
    handled by the caller (this function is for one line).

    Args:
        text: one line of cleaned text.
        bold: use the families' bold faces.
    """
    return "".join(
        f'<font face="{family.face(bold)}">{escape(run)}</font>' for family, run in split_runs(text)
    )


_SHAPED = re.compile("[\u0590-\u08ff\ufb1d-\ufefc\u0900-\u0dff]")
_CJK = re.compile("[\u3040-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def needs_shaping(text: str) -> bool:
    """True when ``text`` has letters that must be shaped (Arabic, Hebrew points, Indic...).

    Latin text is left unshaped so that PDF text extraction returns plain
    letters rather than ligature glyphs.
    """
    return _SHAPED.search(text) is not None


def needs_cjk_wrap(text: str) -> bool:
    """True when ``text`` has CJK ideographs or kana, which may break between any two characters."""
    return _CJK.search(text) is not None


def _needs_no_glyph(char: str) -> bool:
    # Spaces, joiners, variation selectors and other format characters are never drawn.
    return char.isspace() or unicodedata.category(char) in ("Cf", "Cc") or 0xFE00 <= ord(char) <= 0xFE0F


def missing_glyphs(texts: Iterable[str]) -> list[str]:
    """The characters of ``texts`` that no bundled font can draw (they print as empty boxes).

    Args:
        texts: strings to check (cleaned text).

    Returns:
        The distinct characters without a glyph in any registered family, in
        code point order (spaces and format characters excluded).
    """
    families = register_fonts()
    seen: set[str] = set()
    for text in texts:
        seen.update(text)
    return sorted(
        (c for c in seen if not _needs_no_glyph(c) and not any(_has_glyph(f, c) for f in families)),
        key=ord,
    )


def log_missing_glyphs(texts: Iterable[str]) -> list[str]:
    """Log once, as a warning, the characters of ``texts`` that no bundled font draws.

    One message per call (one export), listing each character and its code
    point, e.g. ``😀 (U+1F600)``; nothing is logged when every character has a glyph.

    Args:
        texts: every string the document prints.

    Returns:
        The missing characters (see :func:`missing_glyphs`).
    """
    missing = missing_glyphs(texts)
    if missing:
        listed = ", ".join(f"{c} (U+{ord(c):04X})" for c in missing)
        log.warning(
            "PDF export: %d character(s) have no glyph in the bundled fonts and print as empty boxes: %s",
            len(missing), listed,
        )
    return missing
