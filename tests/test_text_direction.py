"""A text's direction from Unicode's bidi classes: its first strong character, and whether any is right to left."""

from __future__ import annotations

import pytest

from untoc_desktop.text_direction import has_right_to_left, strong_direction


@pytest.mark.parametrize(
    ("text", "direction", "any_rtl"),
    [
        ("Article 5", "ltr", False),
        ("المادة 5", "rtl", True),
        ("שלום", "rtl", True),  # Hebrew: class R
        ("第5条", "ltr", False),
        ("Статья 5", "ltr", False),
        ("5 — 12.3 (§ 4)", None, False),  # digits and punctuation only
        ("", None, False),
        ("See «المادة 5» of the Convention", "ltr", True),  # English first, Arabic inside
    ],
)
def test_direction_and_right_to_left_characters(text, direction, any_rtl):
    assert strong_direction(text) == direction
    assert has_right_to_left(text) is any_rtl


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("\u2066UNTOC\u2069 المادة 5", "rtl"),  # P2: what is inside an isolate does not count
        ("\u2068Keep records\u2069", None),
        ("\u2066A \u2067ب\u2069 C\u2069 d", "ltr"),  # nested isolates
        ("\u2069 stray PDI, then text", "ltr"),
    ],
)
def test_isolates_are_skipped_when_finding_the_first_strong_character(text, direction):
    assert strong_direction(text) == direction
