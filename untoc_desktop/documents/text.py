"""Text safety and text direction, shared by the Word and PDF renderers.

Answers are pasted from word processors, e-mails and web pages; some carry
characters that a document format cannot hold. :func:`clean_text` is the one
place that decides what happens to them, so Word and PDF never disagree.
"""

from __future__ import annotations

import re
import unicodedata

from ..text_direction import _RTL_CLASSES
from ..text_direction import strong_direction as strong_direction  # re-exported: the renderers import it from here

#: Visible substitute for a character a document cannot hold (U+FFFD REPLACEMENT CHARACTER).
SUBSTITUTE = "\ufffd"

# Characters that end a line inside a paragraph: Word's Shift+Enter (vertical tab),
# page break (form feed), and the Unicode line and paragraph separators.
_LINE_BREAKS = {"\x0b": "\n", "\x0c": "\n", "\u2028": "\n", "\u2029": "\n"}


def _is_xml_char(code: int) -> bool:
    # XML 1.0, production [2] Char.
    return code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF


def clean_text(s: str) -> str:
    r"""Make any answer text safe for both document formats.

    The rule (the same for Word and PDF):

    * ``\r\n`` and a lone ``\r`` become ``\n``;
    * vertical tab (U+000B, Word's manual line break), form feed (U+000C) and
      the Unicode line/paragraph separators (U+2028, U+2029) become ``\n``,
      a line break;
    * every other character that XML 1.0 cannot hold -- NUL and the other C0
      controls except tab and newline, U+FFFE, U+FFFF and lone surrogates --
      becomes the visible substitute U+FFFD (``\ufffd``), never silently dropped;
    * everything else, including ``&``, ``<``, ``>`` and tabs, is kept exactly
      as typed (escaping for a format is the renderer's job).

    Args:
        s: any Python string (``None`` is treated as empty).

    Returns:
        The cleaned string; same length or shorter (only ``\r\n`` shrinks).
    """
    if not s:
        return ""
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    if _UNSAFE.search(s) is None:
        return s  # the common case, without a loop over every character
    out = []
    for char in s:
        if char in _LINE_BREAKS:
            out.append(_LINE_BREAKS[char])
        elif _is_xml_char(ord(char)):
            out.append(char)
        else:
            out.append(SUBSTITUTE)
    return "".join(out)


# Everything clean_text changes, for its fast path: C0 controls but tab and newline, line and
# paragraph separators, surrogates, U+FFFE and U+FFFF.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\u2028\u2029\ud800-\udfff\ufffe\uffff]")

_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")


def split_paragraphs(s: str) -> list[str]:
    r"""Split an answer into paragraphs on blank lines, after :func:`clean_text`.

    Single line breaks stay inside a paragraph as ``\n``; leading and trailing
    blank lines are dropped.

    Args:
        s: raw answer text.

    Returns:
        Non-empty paragraph texts, in order (an empty list for blank text).
    """
    text = clean_text(s).strip("\n")
    return [part.strip("\n") for part in _BLANK_LINES.split(text) if part.strip()]


def paragraph_direction(s: str) -> str:
    """Base direction of a paragraph: ``"rtl"`` or ``"ltr"`` (the default).

    The first strong character decides (Unicode bidi rule P2), so an Arabic
    answer that starts with a number or a Latin acronym later on is still
    right to left.
    """
    return strong_direction(s) or "ltr"


def has_rtl(s: str) -> bool:
    """True when ``s`` contains any right-to-left letter."""
    if _MAYBE_RTL.search(s) is None:
        return False  # no character from a right-to-left block: skip the per-character check
    return any(unicodedata.bidirectional(c) in _RTL_CLASSES for c in s)


# Blocks holding every character of bidirectional class R or AL (Hebrew to NKo/Samaritan/Mandaic/
# Arabic Extended, presentation forms, and the historic right-to-left scripts of plane 1).
_MAYBE_RTL = re.compile("[\u0590-\u08ff\u200f\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")
