"""The bundled fonts: which family draws which script, and which characters none can draw.

PDF viewers only draw what the file embeds, so every character must come
from a bundled font. The typesetting engine (Typst, see :mod:`.pdf_renderer`)
is given only :data:`FONTS_DIR` and falls back from font to font per
character; this module decides the order of that list for each paragraph
(the font of the paragraph's script first, so its digits and punctuation
match its letters), the language tag of each script, and reports characters
that no bundled font has. Adding a script is one line in
:data:`FONT_FAMILIES` plus its font files in ``resources/fonts/``.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fontTools import unicodedata as font_unicodedata
from fontTools.ttLib import TTFont

from ..errors import ExportError
from ..i18n import _
from ..installed import INSTALLED_FONTS as INSTALLED_FONTS  # re-exported
from ..installed import fonts_folder

log = logging.getLogger(__name__)


def find_fonts_dir() -> Path:
    """The folder of the bundled fonts, in a source tree or an installed package.

    See :func:`untoc_desktop.installed.fonts_folder` (the window finds it there without importing
    this module, which loads fontTools).
    """
    return fonts_folder(Path(__file__).resolve().parent.parent.parent / "resources" / "fonts")


#: Folder of the bundled fonts and their licences.
FONTS_DIR = find_fonts_dir()


@dataclass(frozen=True)
class FontFamily:
    """A bundled font family and the scripts it is first choice for.

    Attributes:
        name: our short name of the family (``UntocArabic``), stable in tests and logs.
        family: the family name inside the font files, as the typesetting engine and
            Word know it (``Noto Naskh Arabic``).
        regular: file name of the regular face in :data:`FONTS_DIR`.
        bold: file name of the bold face, or ``""`` (the engine then emboldens the regular one).
        scripts: ISO 15924 codes of the scripts this family is first choice for.
        lang: language tag used for text of those scripts when the document's own
            language is written in another script (``ar``, ``th``, ``hi``...): it selects
            the engine's line breaking (Thai/Khmer dictionaries, CJK rules) and shaping.
    """

    name: str
    family: str
    regular: str
    bold: str = ""
    scripts: tuple[str, ...] = ()
    lang: str = ""


#: Fallback order: the first family with a glyph for a character draws it (for a paragraph in one of
#: the families' scripts, that family goes first).
FONT_FAMILIES: tuple[FontFamily, ...] = (
    FontFamily("UntocSans", "Noto Sans", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf", ("Latn", "Grek", "Cyrl"), "en"),
    FontFamily(
        "UntocArabic", "Noto Naskh Arabic", "NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf", ("Arab",), "ar"
    ),
    FontFamily(
        "UntocHebrew", "Noto Sans Hebrew", "NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf", ("Hebr",), "he"
    ),
    FontFamily(
        "UntocDevanagari",
        "Noto Sans Devanagari",
        "NotoSansDevanagari-Regular.ttf",
        "NotoSansDevanagari-Bold.ttf",
        ("Deva",),
        "hi",
    ),
    FontFamily(
        "UntocBengali", "Noto Sans Bengali", "NotoSansBengali-Regular.ttf", "NotoSansBengali-Bold.ttf", ("Beng",), "bn"
    ),
    FontFamily("UntocThai", "Noto Sans Thai", "NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf", ("Thai",), "th"),
    FontFamily("UntocKhmer", "Noto Sans Khmer", "NotoSansKhmer-Regular.ttf", "NotoSansKhmer-Bold.ttf", ("Khmr",), "km"),
    FontFamily(
        "UntocMyanmar", "Noto Sans Myanmar", "NotoSansMyanmar-Regular.ttf", "NotoSansMyanmar-Bold.ttf", ("Mymr",), "my"
    ),
    FontFamily(
        "UntocEthiopic",
        "Noto Sans Ethiopic",
        "NotoSansEthiopic-Regular.ttf",
        "NotoSansEthiopic-Bold.ttf",
        ("Ethi",),
        "am",
    ),
    FontFamily(
        "UntocGeorgian",
        "Noto Sans Georgian",
        "NotoSansGeorgian-Regular.ttf",
        "NotoSansGeorgian-Bold.ttf",
        ("Geor",),
        "ka",
    ),
    FontFamily(
        "UntocArmenian",
        "Noto Sans Armenian",
        "NotoSansArmenian-Regular.ttf",
        "NotoSansArmenian-Bold.ttf",
        ("Armn",),
        "hy",
    ),
    FontFamily(
        "UntocCJK", "Droid Sans Fallback", "DroidSansFallback.ttf", "", ("Hani", "Hira", "Kana", "Hang", "Bopo"), "zh"
    ),  # Chinese, Japanese, Korean
    FontFamily(
        "UntocSymbols", "Noto Sans Symbols 2", "NotoSansSymbols2-Regular.ttf", "", ("Zsym",)
    ),  # monochrome emoji, dingbats, arrows
)
BASE = FONT_FAMILIES[0]

#: Language tag of text in a script whose family covers several languages (Kana: Japanese...).
_SCRIPT_LANG = {"Hira": "ja", "Kana": "ja", "Hang": "ko", "Grek": "el", "Cyrl": "ru", "Latn": "en"}
#: What the message about characters without a glyph tells the user to do.
_INSTALL_HINT = "install a font for it, or replace the character"


@cache
def register_fonts() -> tuple[FontFamily, ...]:
    """Check the bundled font files (once per process).

    Returns:
        The families whose files were found, in fallback order.

    Raises:
        ExportError: the base family's font files are missing (a broken installation);
            other families are skipped when missing (their scripts then print as boxes,
            reported by :func:`log_missing_glyphs`).
    """
    available = []
    for family in FONT_FAMILIES:
        files = [FONTS_DIR / family.regular] + ([FONTS_DIR / family.bold] if family.bold else [])
        if not all(path.is_file() for path in files):
            if family is BASE:
                raise ExportError(
                    _(
                        "The fonts needed for PDF export are missing from {fonts_dir}. Reinstall the "
                        "application, or export to Word instead."
                    ).format(fonts_dir=FONTS_DIR)
                )
            log.warning("font files of %s are missing from %s", family.family, FONTS_DIR)
            continue
        available.append(family)
    return tuple(available)


@cache
def glyphs(family: FontFamily) -> frozenset[int]:
    """The code points the regular face of ``family`` has a glyph for (its cmap, read with fontTools)."""
    font = TTFont(str(FONTS_DIR / family.regular), lazy=True)
    try:
        return frozenset(font.getBestCmap() or {})
    finally:
        font.close()


@cache
def family_for(char: str) -> FontFamily:
    """The first available family that has a glyph for ``char`` (the base family if none has)."""
    for family in register_fonts():
        if ord(char) in glyphs(family):
            return family
    return BASE


def script_of(text: str) -> str:
    """The script of most letters of ``text`` (ISO 15924, e.g. ``Arab``), or ``""`` without letters.

    Looks at the first :data:`_SCRIPT_SAMPLE` letters (answers run to thousands of words);
    text with nothing beyond Latin Extended and general punctuation is ``Latn`` at once.
    """
    if _ONLY_LATIN.fullmatch(text):
        return "Latn" if any(c.isalpha() for c in text) else ""
    counts: Counter[str] = Counter()
    letters = 0
    for char in text:
        if char.isalpha():
            counts[font_unicodedata.script(char)] += 1
            letters += 1
            if letters >= _SCRIPT_SAMPLE:
                break
    counts.pop("Zyyy", None)
    counts.pop("Zinh", None)
    if not counts:
        return ""
    return counts.most_common(1)[0][0]


_SCRIPT_SAMPLE = 200
_ONLY_LATIN = re.compile("[\x00-\u024f\u2000-\u206f\u20a0-\u20bf]*")


def family_for_script(script: str) -> FontFamily | None:
    """The bundled family first in line for ``script`` (ISO 15924), or None when none is meant for it."""
    for family in FONT_FAMILIES:
        if script in family.scripts:
            return family
    return None


def script_language(script: str, document_language: str) -> str:
    """The language tag for text in ``script`` inside a document in ``document_language``.

    The document's language when it is written in that script (French text in a
    French document), else the script's usual language (``th`` for Thai, ``ar`` for Arabic,
    ``ja`` for kana...), else the document's language.
    """
    base = document_language.split("-")[0].split("_")[0].lower()
    if script == language_script(base) or (base == "ja" and script in ("Hani", "Hira", "Kana")):
        return base
    family = family_for_script(script)
    return _SCRIPT_LANG.get(script) or (family.lang if family is not None and family.lang else base)


def language_script(language: str) -> str:
    """The script (ISO 15924) a language is usually written in: ``ar`` -> ``Arab``; ``Latn`` by default."""
    return {
        "ar": "Arab",
        "fa": "Arab",
        "ur": "Arab",
        "he": "Hebr",
        "zh": "Hani",
        "ja": "Hani",
        "ko": "Hang",
        "hi": "Deva",
        "bn": "Beng",
        "th": "Thai",
        "km": "Khmr",
        "my": "Mymr",
        "am": "Ethi",
        "ka": "Geor",
        "hy": "Armn",
        "ru": "Cyrl",
        "el": "Grek",
    }.get(language, "Latn")


def fallback_order(script: str) -> tuple[FontFamily, ...]:
    """The available families in fallback order, the one meant for ``script`` first."""
    families = register_fonts()
    first = family_for_script(script)
    if first is None or first is BASE or first not in families:
        return families
    return (first,) + tuple(f for f in families if f is not first)


#: The one space with a mark of its own (OGHAM SPACE MARK, drawn as a line): it needs a glyph.
_VISIBLE_SPACES = frozenset("\u1680")


def _needs_no_glyph(char: str) -> bool:
    # Spaces, joiners, variation selectors and other format characters are never drawn.
    if char in _VISIBLE_SPACES:
        return False
    return char.isspace() or unicodedata.category(char) in ("Cf", "Cc", "Zl", "Zp") or 0xFE00 <= ord(char) <= 0xFE0F


def missing_glyphs(texts: Iterable[str]) -> list[str]:
    """The characters of ``texts`` that no bundled font can draw (the PDF prints U+FFFD instead).

    Args:
        texts: strings to check (cleaned text).

    Returns:
        The distinct characters without a glyph in any available family, in
        code point order (spaces and format characters excluded).
    """
    families = register_fonts()
    seen: set[str] = set()
    for text in texts:
        seen.update(text)
    covered: set[int] = set()
    for family in families:
        covered |= glyphs(family)
    return sorted((c for c in seen if ord(c) not in covered and not _needs_no_glyph(c)), key=ord)


def describe_missing(missing: Iterable[str]) -> str:
    """``😀 (U+1F600, Common script), ...``: each character, its code point and its script's name."""
    parts = []
    for char in missing:
        script = font_unicodedata.script(char)
        name = font_unicodedata.script_name(script, default=script)
        parts.append(f"{char} (U+{ord(char):04X}, {name} script)")
    return ", ".join(parts)


def log_missing_glyphs(texts: Iterable[str]) -> list[str]:
    """Log once, as a warning, the characters of ``texts`` that no bundled font draws.

    One message per call (one export), listing each character, its code point and its
    script, e.g. ``😀 (U+1F600, Common script)``, and what to do; nothing is logged
    when every character has a glyph.

    Args:
        texts: every string the document prints.

    Returns:
        The missing characters (see :func:`missing_glyphs`).
    """
    missing = missing_glyphs(texts)
    if missing:
        log.warning(
            "PDF export: %d character(s) have no glyph in the bundled fonts and print as the substitute \ufffd "
            "(%s): %s",
            len(missing),
            _INSTALL_HINT,
            describe_missing(missing),
        )
    return missing
