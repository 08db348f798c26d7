"""Pieces of the PDF renderer: fonts per script, language tags, and text reaching the engine as data."""

from __future__ import annotations

import json

import pytest

from untoc_desktop.documents import model
from untoc_desktop.documents.pdf_fonts import (
    FONT_FAMILIES,
    fallback_order,
    family_for,
    register_fonts,
    script_language,
    script_of,
)
from untoc_desktop.documents.pdf_renderer import document_data


def test_each_script_gets_a_font_that_has_it():
    register_fonts()
    assert family_for("a").name == "UntocSans"
    assert family_for("Ж").name == "UntocSans"
    assert family_for("ệ").name == "UntocSans"
    assert family_for("ق").name == "UntocArabic"
    assert family_for("ש").name == "UntocHebrew"
    assert family_for("क").name == "UntocDevanagari"
    assert family_for("ক").name == "UntocBengali"
    assert family_for("ก").name == "UntocThai"
    assert family_for("ក").name == "UntocKhmer"
    assert family_for("က").name == "UntocMyanmar"
    assert family_for("ሀ").name == "UntocEthiopic"
    assert family_for("ა").name == "UntocGeorgian"
    assert family_for("Ա").name == "UntocArmenian"
    assert family_for("刑").name == "UntocCJK"
    assert family_for("👍").name == "UntocSymbols"  # monochrome emoji from Noto Sans Symbols 2
    assert [f.name for f in FONT_FAMILIES][-2:] == ["UntocCJK", "UntocSymbols"]  # fallback order: one line per script


@pytest.mark.parametrize(
    ("text", "script", "language"),
    [
        ("ตามประมวลกฎหมายอาญา", "Thai", "th"),
        ("ព្រះរាជាណាចក្រកម្ពុជា", "Khmr", "km"),
        ("भारतीय दंड संहिता", "Deva", "hi"),
        ("刑法第二百九十四条", "Hani", "zh"),
        ("تطبق المادة 5 من اتفاقية UNTOC", "Arab", "ar"),
        ("Статья 210", "Cyrl", "ru"),
        ("L'infraction est définie", "Latn", "fr"),
    ],
)
def test_the_script_of_a_text_decides_its_language_tag_in_a_french_document(text, script, language):
    assert script_of(text) == script
    assert script_language(script, "fr") == language


def test_the_family_of_a_paragraphs_script_comes_first():
    order = [f.name for f in fallback_order("Arab")]
    assert order[0] == "UntocArabic" and order[1] == "UntocSans"
    assert [f.name for f in fallback_order("Latn")][0] == "UntocSans"


def test_each_text_carries_its_language_direction_and_fonts():
    document = model.Document(
        title="t",
        language="en",
        blocks=(
            model.Paragraph("Plain English"),
            model.Paragraph("12 قضية أحيلت إلى المحكمة"),
            model.Paragraph("ตามประมวลกฎหมายอาญา"),
        ),
    )
    data = document_data(document)
    english, arabic, thai = (b["x"] for b in data["blocks"])
    assert english == "Plain English"
    assert arabic["l"] == "ar" and arabic["d"] == "rtl" and arabic["f"] == "UntocArabic"
    assert thai["l"] == "th" and "d" not in thai
    assert data["fonts"]["UntocArabic"][0] == "Noto Naskh Arabic"


def test_an_arabic_document_is_right_to_left_and_latin_text_in_it_left_to_right():
    document = model.Document(
        title="t",
        language="ar",
        direction="rtl",
        header="Org — State",
        blocks=(model.Paragraph("UNTOC article 5"), model.Paragraph("المادة 5")),
    )
    data = document_data(document)
    assert data["dir"] == "rtl" and data["lang"] == "ar"
    assert data["header"].get("d", data["dir"]) == "rtl"  # page furniture of an Arabic document starts at the right
    latin, arabic = (b["x"] for b in data["blocks"])
    assert latin["d"] == "ltr" and latin["l"] == "en"
    assert arabic == "المادة 5"


def test_markup_reaches_the_engine_as_a_json_string():
    text = '#set page(width: 1cm) [x] {y} \\ $a$ *b* _c_ <l> @ref #read("/etc/passwd")'
    data = document_data(model.Document(title="t", blocks=(model.Paragraph(text),)))
    assert data["blocks"][0]["x"] == text
    assert json.loads(json.dumps(data)) == data


def test_missing_fonts_give_a_clear_export_error(tmp_path, monkeypatch, cluster1, draft_info, complete_answers):
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


def test_rtl_list_item_has_its_bullet_on_the_right(tmp_path):
    from pypdf import PdfReader

    from untoc_desktop.documents import render

    render(
        model.Document(title="t", blocks=(model.CitationList("citations", ("قانون العقوبات، المادة 5",)),)),
        tmp_path / "b.pdf",
        "pdf",
    )
    found = []
    PdfReader(str(tmp_path / "b.pdf")).pages[0].extract_text(
        visitor_text=lambda text, cm, tm, font, size: found.append((cm[4] + tm[4], text)) if text.strip() else None
    )
    bullet_x = next(x for x, t in found if t.strip() == "•")
    assert bullet_x > max(x for x, t in found if any("\u0600" <= c <= "\u06ff" for c in t))


def _pdf_lines(path) -> list[str]:
    import subprocess

    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True).stdout.decode("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


#: Thai words without combining marks (so text extraction is exact, see test_pdf_archival).
THAI_WORDS = ("ประมวล", "กฎหมาย", "อาญา", "มาตรา", "ความ", "ตาม", "ทาง", "เขต")


def test_thai_without_spaces_breaks_lines_between_words(tmp_path):
    """UAX #14 with a dictionary: every line of a long Thai paragraph starts and ends at a word boundary."""
    import re

    from untoc_desktop.documents import render

    text = "".join(THAI_WORDS[(i * 5) % len(THAI_WORDS)] for i in range(240))
    render(model.Document(title="t", header="h", blocks=(model.Paragraph(text),)), tmp_path / "th.pdf", "pdf")
    lines = [line for line in _pdf_lines(tmp_path / "th.pdf") if re.fullmatch("[\u0e00-\u0e7f]+", line)]
    assert len(lines) >= 5
    assert "".join(lines) == text
    words = "|".join(THAI_WORDS)
    for line in lines:
        assert re.fullmatch(f"(?:{words})+", line), line


def test_chinese_lines_never_start_with_closing_punctuation(tmp_path):
    """Kinsoku: a line of Chinese never starts with "，", "。" or "、" (they stay at the end of the line before)."""
    from untoc_desktop.documents import render

    text = "".join(f"第{i}条规定了组织、领导罪，司法机关依法办理。" for i in range(60))
    render(model.Document(title="t", header="h", blocks=(model.Paragraph(text),)), tmp_path / "zh.pdf", "pdf")
    lines = [line for line in _pdf_lines(tmp_path / "zh.pdf") if "条" in line]
    assert len(lines) >= 5
    assert not [line for line in lines if line[0] in "，。、"]
