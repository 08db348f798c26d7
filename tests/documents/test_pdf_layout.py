"""Pieces of the PDF renderer: per-script font fallback and word-level bidi ordering."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle

from untoc_desktop.documents.pdf_bidi import BidiParagraph, shaped_runs, visual_order
from untoc_desktop.documents.pdf_fonts import FONT_FAMILIES, family_for, markup, register_fonts, split_runs


def _visual(words: list[str], base: str) -> list[str]:
    return [words[i] for i in visual_order(words, base)]


def test_rtl_line_is_reversed_with_numbers_kept_in_place():
    assert _visual(["12", "قضية", "أحيلت"], "rtl") == ["أحيلت", "قضية", "12"]


def test_latin_phrase_inside_rtl_keeps_its_own_order():
    assert _visual(["في", "New", "York", "2024", "اليوم"], "rtl") == ["اليوم", "New", "York", "2024", "في"]


def test_arabic_phrase_inside_ltr_is_reversed_alone():
    assert _visual(["English", "عبارة", "عربية", "end"], "ltr") == ["English", "عربية", "عبارة", "end"]


def test_neutral_between_rtl_words_follows_them():
    assert _visual(["أ", "-", "ب"], "rtl") == ["ب", "-", "أ"]


def test_each_script_gets_a_font_that_has_it():
    register_fonts()
    assert family_for("a").name == "UntocSans"
    assert family_for("Ж").name == "UntocSans"
    assert family_for("ệ").name == "UntocSans"
    assert family_for("ق").name == "UntocArabic"
    assert family_for("ש").name == "UntocHebrew"
    assert family_for("刑").name == "UntocCJK"
    assert family_for("👍").name == "UntocSymbols"  # monochrome emoji from Noto Sans Symbols 2
    assert [f.name for f in FONT_FAMILIES][-2:] == ["UntocCJK", "UntocSymbols"]  # fallback order: one line per script


def test_runs_split_by_script_and_punctuation_joins_its_word():
    register_fonts()
    runs = [(family.name, text) for family, text in split_runs("Art. 5 تطبق المادة. 刑法")]
    assert runs == [("UntocSans", "Art. 5"), ("UntocArabic", " تطبق المادة. "), ("UntocCJK", "刑法")]


def test_markup_escapes_text_that_looks_like_markup():
    register_fonts()
    assert markup("<b>M&E</b>") == '<font face="UntocSans">&lt;b&gt;M&amp;E&lt;/b&gt;</font>'


def test_bracket_run_in_rtl_word_is_reversed_and_mirrored():
    register_fonts()
    runs = shaped_runs("(وفق", bold=False, size=10)
    assert [name for name, _, _ in runs] == ["UntocArabic", "UntocSans"]
    assert runs[1][1] == ")"


def test_bidi_paragraph_splits_between_lines_across_pages():
    register_fonts()
    style = ParagraphStyle("t", fontName="UntocSans", fontSize=10, leading=14)
    paragraph = BidiParagraph(" ".join(["تطبق المادة الخامسة"] * 200), style)
    width, height = paragraph.wrap(400, 10_000)
    assert height > 14 * 10
    first, rest = paragraph.split(400, 14 * 5 + 3)
    assert first.wrap(400, 1000)[1] == 14 * 5
    assert rest.wrap(400, 10_000)[1] == height - 14 * 5
    assert paragraph.split(400, 10) == []


def test_bidi_paragraph_leaves_no_widow_or_orphan_line():
    register_fonts()
    style = ParagraphStyle("t", fontName="UntocSans", fontSize=10, leading=14)
    paragraph = BidiParagraph(" ".join(["تطبق المادة الخامسة"] * 200), style)
    lines = round(paragraph.wrap(400, 10_000)[1] / 14)
    first, rest = paragraph.split(400, 14 * (lines - 1) + 3)  # room for all but the last line
    assert rest.wrap(400, 10_000)[1] == 14 * 2  # the last line does not go over alone
    assert first.wrap(400, 10_000)[1] == 14 * (lines - 2)
    assert paragraph.split(400, 14 * 1 + 3) == []  # the first line never stays alone at a page's foot


def test_missing_fonts_give_a_clear_export_error(tmp_path, monkeypatch, cluster1, draft_info, complete_answers):
    import pytest

    from untoc_desktop.documents import export_submission, pdf_fonts
    from untoc_desktop.errors import ExportError

    monkeypatch.setattr(pdf_fonts, "FONTS_DIR", tmp_path / "nowhere")
    pdf_fonts.register_fonts.cache_clear()
    try:
        with pytest.raises(ExportError, match="fonts needed for PDF export are missing"):
            export_submission(cluster1, draft_info, complete_answers, tmp_path / "out.pdf", "pdf")
    finally:
        monkeypatch.undo()
        pdf_fonts.register_fonts.cache_clear()
    assert not (tmp_path / "out.pdf").exists()


def test_numbers_separated_by_a_space_keep_right_to_left_order():
    # UAX #9: "المادة 5, 1991" shows as "1991 ,5 المادة" (reading right to left: article, 5, 1991).
    assert _visual(["المادة", "5,", "1991"], "rtl") == ["1991", "5,", "المادة"]


def test_number_after_arabic_in_ltr_text_goes_with_the_arabic():
    assert _visual(["In", "عام", "2023", "we"], "ltr") == ["In", "2023", "عام", "we"]


def test_rtl_list_item_has_its_bullet_on_the_right(tmp_path):
    from pypdf import PdfReader

    from untoc_desktop.documents import model, render

    render(model.Document(title="t", blocks=(model.CitationList("citations", ("قانون العقوبات، المادة 5",)),)),
           tmp_path / "b.pdf", "pdf")
    found = []
    PdfReader(str(tmp_path / "b.pdf")).pages[0].extract_text(
        visitor_text=lambda text, cm, tm, font, size: found.append((cm[4] + tm[4], text)) if text.strip() else None
    )
    bullet_x = next(x for x, t in found if t.strip() == "•")
    assert bullet_x > max(x for x, t in found if any("\u0600" <= c <= "\u06ff" for c in t))


def test_punctuation_after_a_number_in_arabic_text_goes_to_the_numbers_left():
    """Typed "(... 2024)." in Arabic reads ".(2024" left to right, the bracket mirrored (UAX #9)."""
    from untoc_desktop.documents.pdf_bidi import edge_punctuation_in_rtl, shaped_runs

    def text(word, previous="", following=""):
        runs = edge_punctuation_in_rtl(word, shaped_runs(word, bold=False, size=10), bold=False, size=10,
                                       previous=previous, following=following)
        return "".join(run[1] for run in runs)

    assert text("2024).") == ".(2024"
    assert text("UNTOC)،") == "،(UNTOC"
    assert text("(2024") == "2024)"
    assert text("41") == "41"
    # between two Latin words the comma stays with them (an English title in an Arabic document)
    assert text("Prevent,", previous="to", following="Suppress") == "Prevent,"
    assert text("Persons,", previous="in", following="قضية") == ",Persons"
    assert text("(وفق") == "".join(r[1] for r in shaped_runs("(وفق", bold=False, size=10))  # Arabic: unchanged
