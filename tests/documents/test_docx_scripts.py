"""The Word file names the same bundled fonts as the PDF for every script, and marks right-to-left text."""

from __future__ import annotations

import docx
import pytest
from docx.oxml.ns import qn

from untoc_desktop.documents import model, render

TEXTS = {
    "arabic": "ينص القانون رقم 64 لسنة 2010 على تجريم الاتجار بالبشر",
    "hebrew": "חוק איסור סחר בבני אדם",
    "hindi": "भारतीय दंड संहिता की धारा 370",
    "thai": "พระราชบัญญัติป้องกันและปราบปรามการค้ามนุษย์",
    "khmer": "ច្បាប់ស្តីពីការបង្ក្រាបអំពើជួញដូរមនុស្ស",
    "georgian": "სისხლის სამართლის კოდექსი",
    "chinese": "中华人民共和国刑法",
    "french": "Code pénal, article 450-1",
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    path = tmp_path_factory.mktemp("docx") / "scripts.docx"
    render(model.Document(title="t", blocks=tuple(model.Paragraph(t) for t in TEXTS.values())), path, "docx")
    document = docx.Document(str(path))
    found = {}
    for name, text in TEXTS.items():
        paragraph = next(p for p in document.paragraphs if p.text == text)
        found[name] = (paragraph._p.pPr, paragraph.runs[0]._r.rPr)
    return found


@pytest.mark.parametrize(
    ("name", "slot", "font", "lang"),
    [
        ("arabic", "cs", "Noto Naskh Arabic", "ar"),
        ("hebrew", "cs", "Noto Sans Hebrew", "he"),
        ("hindi", "cs", "Noto Sans Devanagari", "hi"),
        ("thai", "cs", "Noto Sans Thai", "th"),
        ("khmer", "cs", "Noto Sans Khmer", "km"),
        ("georgian", "hAnsi", "Noto Sans Georgian", None),
        ("chinese", "eastAsia", "Droid Sans Fallback", None),
        ("french", "ascii", "Noto Sans", None),
    ],
)
def test_each_script_names_its_bundled_font_and_language(runs, name, slot, font, lang):
    _, rpr = runs[name]
    assert rpr.find(qn("w:rFonts")).get(qn(f"w:{slot}")) == font
    if lang:
        assert rpr.find(qn("w:lang")).get(qn("w:bidi")) == lang


@pytest.mark.parametrize("name", ["arabic", "hebrew"])
def test_right_to_left_paragraphs_and_runs_are_marked(runs, name):
    ppr, rpr = runs[name]
    assert ppr.find(qn("w:bidi")) is not None
    assert rpr.find(qn("w:rtl")) is not None


@pytest.mark.parametrize("name", ["hindi", "thai", "chinese", "french"])
def test_left_to_right_runs_are_not_marked_right_to_left(runs, name):
    ppr, rpr = runs[name]
    assert rpr.find(qn("w:rtl")) is None
    assert ppr is None or ppr.find(qn("w:bidi")) is None
