"""Paragraph references stay one left-to-right unit in right-to-left documents ("1(b)", never "(b)1")."""

from untoc_desktop.documents.labels import labels_for
from untoc_desktop.documents.submission import paragraph_heading


def test_an_arabic_heading_isolates_the_reference_and_the_label(cluster1):
    paragraph = cluster1.paragraph("UNTOC.5.1(b)")
    heading = paragraph_heading(labels_for("ar"), paragraph, "ar")
    assert heading.startswith("الفقرة \u20661(b)\u2069 — \u2068")
    assert heading.endswith("\u2069")


def test_left_to_right_headings_are_plain_text(cluster1):
    paragraph = cluster1.paragraph("UNTOC.5.1(b)")
    for language in ("en", "fr", "es", "ru", "zh"):
        heading = paragraph_heading(labels_for(language), paragraph, language)
        assert "1(b)" in heading and not any(c in heading for c in "\u2066\u2068\u2069")
