"""PDF export: extractable text, embedded fonts, the draft mark on every page, right-to-left text."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pytest
from documents_cases import ARABIC, case_answers_for, full_answers, pdf_pages, squash
from pypdf import PdfReader

from untoc_desktop.documents import export_submission, model, render
from untoc_desktop.documents.pdf_fonts import missing_glyphs
from untoc_desktop.documents.text import clean_text
from untoc_desktop.draft import DraftInfo

DRAFT = "DRAFT – incomplete"


@pytest.fixture(scope="module")
def incomplete_pdf(tmp_path_factory, cluster1):
    """The incomplete draft with every text case, exported once for the module: (path, cases)."""
    info = DraftInfo("Coalition for Justice & Rights", "Republic of Veridia", 1, frozenset({"TIP", "SOM"}))
    answers, cases = case_answers_for(cluster1, info.protocols)
    path = export_submission(cluster1, info, answers, tmp_path_factory.mktemp("pdf") / "submission.pdf", "pdf")
    return path, cases


def _drawable(text: str) -> str:
    """What a reader gets back: the cleaned text, with U+FFFD for what no bundled font draws.

    Characters without a glyph in any bundled font (most emoji faces, flags) are printed as the
    visible substitute U+FFFD (PDF/A forbids drawing a character without a glyph) and logged once
    per export; the zero-width joiners and variation selectors of emoji sequences (format
    characters) are not extracted, variation selectors are.
    """
    text = clean_text(text)
    missing = set(missing_glyphs([text]))
    out = []
    for char in text:
        if unicodedata.category(char) == "Cf":
            continue
        out.append("\ufffd" if char in missing else char)
    return "".join(out)


def _arabic_letters(text: str) -> Counter:
    return Counter(c for c in unicodedata.normalize("NFKC", text) if "\u0600" <= c <= "\u06ff" and c.isalpha())


def _body(pages: list[str]) -> str:
    """The pages' text without the running header, draft mark and footer, so text flows on."""
    header = "Coalition for Justice & Rights — Republic of Veridia — Cluster 1: Criminalization and jurisdiction"
    out = []
    for page in pages:
        page = page.replace(header, "").replace(DRAFT, "")
        out.append(re.sub(r"Page \d+ of \d+\s*$", "", page.rstrip()))
    return "".join(out)


def test_every_left_to_right_text_case_comes_back(incomplete_pdf):
    path, cases = incomplete_pdf
    text = squash(_body(pdf_pages(path)))
    for name, case in cases.items():
        if name.startswith("arabic"):
            continue
        assert squash(_drawable(case)) in text, name


def test_arabic_letters_come_back(incomplete_pdf):
    """Shaped Arabic is extracted as presentation forms in visual order: NFKC and compare letters."""
    path, cases = incomplete_pdf
    extracted = _arabic_letters("".join(pdf_pages(path)))
    for name in ("arabic_starts_with_digit", "arabic_with_latin", "arabic"):
        assert not _arabic_letters(cases[name]) - extracted, name
    text = squash("".join(pdf_pages(path)))
    assert "UNTOC" in text and "2023" in text and "12" in text


def test_arabic_words_come_back_whole(incomplete_pdf):
    """Each Arabic word is extracted as one unit, in its typed (logical) letter order."""
    path, _ = incomplete_pdf
    text = unicodedata.normalize("NFKC", "".join(pdf_pages(path)))
    for word in re.findall(r"[\u0600-\u06ff]+", ARABIC):
        assert word in text, word


def test_forbidden_characters_come_back_as_the_documented_substitute(incomplete_pdf):
    text = squash("".join(pdf_pages(incomplete_pdf[0])))
    assert "before\ufffdafter" in text
    assert "value\ufffdend" in text
    assert "Penaltyrange:0.1<x<0.9and<b>bold</b>isnotmarkup&staysastyped." in text


def test_long_answer_flows_across_pages(incomplete_pdf):
    pages = [squash(p) for p in pdf_pages(incomplete_pdf[0])]
    first = next(i for i, p in enumerate(pages) if "Paragraph1.Thepublic" in p)
    last = next(i for i, p in enumerate(pages) if "Paragraph400.Thepublic" in p)
    assert last - first >= 5


def test_draft_mark_and_page_numbers_on_every_page(incomplete_pdf):
    pages = pdf_pages(incomplete_pdf[0])
    assert len(pages) > 10
    for number, page in enumerate(pages, start=1):
        assert DRAFT in page, number
        assert f"Page {number} of {len(pages)}" in page
        assert "Coalition for Justice & Rights" in page


def test_every_font_is_embedded_truetype(incomplete_pdf):
    names = set()
    for page in PdfReader(str(incomplete_pdf[0])).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            described = descendants[0].get_object() if descendants else font
            descriptor = described["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]
            names.add(str(font["/BaseFont"]).split("+")[-1])
    assert {"NotoSans-Regular", "NotoSans-Bold", "NotoNaskhArabic-Regular", "DroidSansFallback"} <= names
    assert not any("Helvetica" in n for n in names)


def test_not_applicable_and_annex(incomplete_pdf):
    text = " ".join(" ".join(p.split()) for p in pdf_pages(incomplete_pdf[0]))
    assert "Not applicable: the State party is not party to this Protocol." in text
    assert "Annex: answers still missing" in text


def test_complete_draft_has_no_draft_mark(tmp_path, cluster1):
    info = DraftInfo("Org", "Veridia", 1, frozenset({"TIP", "SOM", "FIREARMS"}))
    path = export_submission(cluster1, info, full_answers(cluster1, info.protocols), tmp_path / "ok.pdf", "pdf")
    pages = pdf_pages(path)
    assert not any("DRAFT" in p for p in pages)
    assert not any("Not applicable" in p for p in pages)


def test_arabic_line_is_right_aligned_and_in_visual_order(tmp_path):
    """Right-to-left: the first word typed is drawn rightmost, the number stays '2023'."""
    text = "12 قضية أحيلت إلى المحكمة في عام 2023 (وفق تقرير النيابة)"
    document = model.Document(title="t", blocks=(model.Paragraph(text),))
    path = tmp_path / "ar.pdf"
    render(document, path, "pdf")
    page = PdfReader(str(path)).pages[0]
    positions = []

    def visitor(text_, cm, tm, font, size):
        if text_.strip():
            positions.append((round(cm[5] + tm[5]), cm[4] + tm[4], unicodedata.normalize("NFKC", text_)))

    page.extract_text(visitor_text=visitor)
    line = sorted(
        (x, t) for y, x, t in positions if any("\u0600" <= c <= "\u06ff" for c in t) or t.strip() in ("12", "2023")
    )
    drawn = [t.strip() for _, t in line]
    assert drawn[-1] == "12"  # typed first, drawn at the right
    assert drawn.index("2023") < drawn.index("12")
    assert drawn[0].strip("()") in ("ةباينلا", "النيابة")  # typed last, drawn at the left
    assert max(x for x, _ in line) > 300  # right half of the page


def test_emoji_with_a_glyph_are_drawn_and_the_others_are_placeholders(incomplete_pdf):
    """Noto Sans Symbols 2 draws 👍 and ❤ (extracted as typed, astral ones too); faces, flags and family
    sequences have no glyph in any bundled font: each prints as U+FFFD, never as nothing."""
    text = " ".join("".join(pdf_pages(incomplete_pdf[0])).split())
    assert "Survivors 👍 supported ❤\ufe0f across \ufffd\ufffd and families" in text


def test_the_ogham_space_mark_is_a_character_to_draw_not_a_space_to_skip(cluster1, draft_info, tmp_path):
    """U+1680 is a space with a visible mark: no bundled font has it, so it prints as U+FFFD.

    Found by the property test of any text (tests/safety/test_properties.py): the PDF engine refused
    the whole export ("could not be displayed with font Noto Sans") when it was skipped as a space.
    """
    assert missing_glyphs(["0\u1680 \u00a0\u2003"]) == ["\u1680"]  # the other spaces need no glyph
    answers = {"UNTOC.5.1(a)(i).practice": "before\u1680after"}
    path = export_submission(cluster1, draft_info, answers, tmp_path / "ogham.pdf", "pdf")
    assert "before\ufffdafter" in "".join(pdf_pages(path))
