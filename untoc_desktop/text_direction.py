"""The direction of a text from its first strong character (Unicode bidi rule P2), for the window and the documents.

A module of its own, outside :mod:`untoc_desktop.documents`, so that the window's answer fields can
set each text's direction without importing the exporters at start-up. It only reads Unicode's
bidirectional classes (:func:`unicodedata.bidirectional`); the bidi algorithm itself is Qt's, Pango's
or the typesetting engine's, never ours.
"""

from __future__ import annotations

import unicodedata

#: Scripts written right to left, recognised by bidirectional class R or AL.
_RTL_CLASSES = ("R", "AL")


#: Isolate initiators (LRI, RLI, FSI) and their terminator (PDI), UAX #9.
_ISOLATE_INITIATORS, _PDI = frozenset("\u2066\u2067\u2068"), "\u2069"


def strong_direction(s: str) -> str | None:
    """Direction of the first strong character of ``s`` (Unicode bidi rule P2).

    As P2 says, characters between an isolate initiator (U+2066 to U+2068) and its matching PDI
    (U+2069) are skipped: "⁦UNTOC⁩ المادة 5" is right to left.

    Returns:
        ``"rtl"`` (Arabic, Hebrew...), ``"ltr"`` (Latin, Cyrillic, CJK...) or
        ``None`` when ``s`` has no strong character (digits, punctuation only).
    """
    depth = 0
    for char in s:
        if char in _ISOLATE_INITIATORS:
            depth += 1
        elif char == _PDI:
            depth = max(0, depth - 1)
        elif depth == 0:
            bidi_class = unicodedata.bidirectional(char)
            if bidi_class in _RTL_CLASSES:
                return "rtl"
            if bidi_class == "L":
                return "ltr"
    return None


def has_right_to_left(s: str) -> bool:
    """Whether ``s`` holds any right-to-left character (bidirectional class R or AL: Arabic, Hebrew...)."""
    return any(unicodedata.bidirectional(char) in _RTL_CLASSES for char in s)
