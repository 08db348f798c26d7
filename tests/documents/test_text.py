"""The one text-safety rule shared by both renderers, and text direction."""

from __future__ import annotations

import pytest

from untoc_desktop.documents.text import SUBSTITUTE, clean_text, paragraph_direction, split_paragraphs


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("before\u0000after", "before\ufffdafter"),
        ("First line\u000bsecond", "First line\nsecond"),
        ("page one\fpage two", "page one\npage two"),
        ("value\uffffend", "value\ufffdend"),
        ("a\ufffeb", "a\ufffdb"),
        ("lone \ud800 surrogate", "lone \ufffd surrogate"),
        ("bell\x07 esc\x1b", "bell\ufffd esc\ufffd"),
        ("windows\r\nmac\rend", "windows\nmac\nend"),
        ("tab\tkept\nnewline kept", "tab\tkept\nnewline kept"),
        ("M&E <b>bold</b> > 0", "M&E <b>bold</b> > 0"),
        ("line\u2028separator", "line\nseparator"),
        ("emoji 👩‍👩‍👧 ❤️", "emoji 👩‍👩‍👧 ❤️"),
        ("", ""),
    ],
)
def test_clean_text_replaces_what_xml_cannot_hold_and_keeps_the_rest(raw, expected):
    assert clean_text(raw) == expected


def test_clean_text_substitute_is_visible_replacement_character():
    assert SUBSTITUTE == "\ufffd"


def test_split_paragraphs_on_blank_lines_keeps_single_line_breaks():
    text = "Item\tvalue\n\n\n- bullet one\n- bullet two\n\n  \n last"
    assert split_paragraphs(text) == ["Item\tvalue", "- bullet one\n- bullet two", "last"]


def test_split_paragraphs_of_blank_text_is_empty():
    assert split_paragraphs(" \n\n\t") == []


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("12 قضية أحيلت إلى المحكمة", "rtl"),  # starts with a digit, still Arabic
        ("(وفق تقرير)", "rtl"),
        ("שלום עולם", "rtl"),
        ("UNTOC تطبق", "ltr"),  # first strong letter is Latin
        ("2024", "ltr"),
        ("Статья 210", "ltr"),
    ],
)
def test_paragraph_direction_follows_first_strong_character(text, direction):
    assert paragraph_direction(text) == direction
