"""Word export: every answer comes back when the .docx is read, with Word's own structures."""

from __future__ import annotations

import docx
import pytest
from documents_cases import ARABIC, FRENCH, docx_texts, words
from docx.oxml.ns import qn

from untoc_desktop.documents import export_submission
from untoc_desktop.documents.text import split_paragraphs


@pytest.fixture
def incomplete_docx(tmp_path, cluster1, draft_info, case_answers):
    return export_submission(cluster1, draft_info, case_answers, tmp_path / "submission.docx", "docx")


def test_every_text_case_comes_back_from_the_docx(incomplete_docx, text_cases):
    body = words("\n".join(docx_texts(incomplete_docx)["body"]))
    for name, text in {**text_cases, "arabic": ARABIC, "french": FRENCH}.items():
        for paragraph in split_paragraphs(text):
            assert words(paragraph) in body, name


def test_forbidden_characters_come_back_as_the_documented_substitute(incomplete_docx):
    body = docx_texts(incomplete_docx)["body"]
    assert "before\ufffdafter" in body
    assert "value\ufffdend" in body
    assert "First line\nsecond line after Shift+Enter" in body  # vertical tab -> line break
    assert "page one\npage two" in body  # form feed -> line break
    assert "Penalty range: 0.1 < x < 0.9 and <b>bold</b> is not markup & stays as typed." in body
    assert "Item\tvalue" in body


def test_headings_use_word_heading_styles(incomplete_docx, cluster1):
    document = docx.Document(str(incomplete_docx))
    styles = {p.text: p.style.name for p in document.paragraphs}
    assert styles[cluster1.instruments[0].title] == "Heading 1"
    assert styles["Article 5. Criminalization of participation in an organized criminal group"] == "Heading 2"
    assert styles[f"Paragraph 1(a) — {cluster1.paragraph('UNTOC.5.1(a)').label}"] == "Heading 3"


def test_header_names_the_submission_and_marks_the_draft(incomplete_docx):
    texts = docx_texts(incomplete_docx)
    assert texts["header"] == [
        "Coalition for Justice & Rights — Republic of Veridia — Cluster 1: Criminalization and jurisdiction",
        "DRAFT – incomplete",
    ]


def test_footer_has_page_and_page_count_fields(incomplete_docx):
    footer = docx.Document(str(incomplete_docx)).sections[0].footer
    instructions = [el.text.strip() for el in footer._element.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]


def test_arabic_paragraph_is_right_to_left_and_latin_is_not(incomplete_docx):
    document = docx.Document(str(incomplete_docx))
    arabic = next(p for p in document.paragraphs if p.text == ARABIC)
    assert arabic._p.pPr.find(qn("w:bidi")) is not None
    assert arabic.alignment is None  # a bidi paragraph starts at the right; jc="right" would mean left
    for run in arabic.runs:
        assert run._r.rPr.find(qn("w:rtl")) is not None
        assert run._r.rPr.find(qn("w:rFonts")).get(qn("w:cs"))
    starts_with_digit = next(p for p in document.paragraphs if p.text.startswith("12 قضية"))
    assert starts_with_digit._p.pPr.find(qn("w:bidi")) is not None
    french = next(p for p in document.paragraphs if p.text == FRENCH)
    assert french._p.pPr is None or french._p.pPr.find(qn("w:bidi")) is None


def test_not_applicable_protocol_line_present(incomplete_docx):
    assert "Not applicable: the State party is not party to this Protocol." in docx_texts(incomplete_docx)["body"]


def test_annex_lists_the_missing_answer(incomplete_docx, cluster1):
    body = docx_texts(incomplete_docx)["body"]
    assert "Annex: answers still missing" in body
    assert "UNTOC art. 5, para. 1(a)" in body


def test_complete_draft_has_no_draft_mark(tmp_path, cluster1, draft_info, complete_answers):
    path = export_submission(cluster1, draft_info, complete_answers, tmp_path / "done.docx", "docx")
    texts = docx_texts(path)
    assert not any("DRAFT" in t for t in texts["header"] + texts["body"])
    assert "Annex: answers still missing" not in texts["body"]
