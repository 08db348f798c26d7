"""Every real-world text case, with blank lines, line/paragraph separators and mixed directions, in both formats.

Each case of ``shared/cases/text-cases.json`` is exported (Word and PDF, English and Arabic
documents) three ways: twice with blank lines between, joined by U+2028 LINE SEPARATOR and
U+2029 PARAGRAPH SEPARATOR, and between right-to-left sentences in paragraphs separated by
blank lines. Nothing fails (an answer mixing right-to-left text with blank lines used to stop
the PDF export with "max() arg is an empty sequence"), and every word comes back: from the PDF
with its letters in typed order (read by poppler, which honours the /ActualText Typst writes
where one glyph stands for different texts), from Word as typed.
"""

from __future__ import annotations

import unicodedata

import pytest
from documents_cases import docx_texts, full_answers, pdf_pages, pdf_text_poppler, squash, words

from untoc_desktop.documents import export_submission
from untoc_desktop.documents.pdf_fonts import missing_glyphs
from untoc_desktop.documents.text import clean_text, split_paragraphs
from untoc_desktop.draft import DraftInfo

RTL = "12 قضية أحيلت إلى المحكمة في عام 2023 (وفق تقرير النيابة)"
#: Answers that broke the former PDF layout: right-to-left text around blank lines.
RTL_WITH_BLANK_LINES = {
    "rtl_blank_lines": "12 قضية أحيلت\n\n\n\nإلى المحكمة",
    "rtl_only_blank_lines_around": "\n\n\u200fقضية\n \n\n",
    "rtl_paragraph_separators": "قضية\u2029\u2029UNTOC\u2028\u2028٢٠٢٣",
    "rtl_then_blank_line_then_latin": "المادة 5\n\nArticle 5 (UNTOC)\n\n\n(وفق)",
}


def _variants(cases: dict[str, str]) -> dict[str, str]:
    out = dict(RTL_WITH_BLANK_LINES)
    for name, case in cases.items():
        if name == "very_long_answer_paragraphs":
            continue  # 400 paragraphs: exported and checked in test_pdf_export / test_six_languages
        out[f"{name}/blank_lines"] = f"{case}\n\n\n{case}"
        out[f"{name}/separators"] = f"{case}\u2028{case}\u2029{case}"
        out[f"{name}/mixed_directions"] = f"{RTL}\n\n{case}\n \n{RTL} {case}"
    return out


@pytest.fixture(scope="module")
def exported(tmp_path_factory, cluster1, text_cases):
    """The variants exported in both formats and both directions: (paths by (fmt, language), variants)."""
    info = DraftInfo("Coalition for Justice & Rights", "Republic of Veridia", 1, frozenset({"TIP", "SOM"}))
    answers = full_answers(cluster1, info.protocols)
    variants = _variants(text_cases)
    questions = [q.id for q in cluster1.questions() if q.type == "text" and q.id.startswith("UNTOC.")]
    assert len(questions) >= len(variants)
    for question_id, text in zip(questions[: len(variants)], variants.values(), strict=True):
        answers[question_id] = text
    folder = tmp_path_factory.mktemp("cases")
    paths = {}
    for language in ("en", "ar"):
        for fmt in ("docx", "pdf"):
            paths[fmt, language] = export_submission(
                cluster1, info, answers, folder / f"c-{language}.{fmt}", fmt, language=language
            )
    return paths, variants


def _tokens(text: str) -> list[str]:
    """The words of a cleaned text, without surrounding punctuation and format characters."""
    missing = set(missing_glyphs([text]))
    out = []
    for token in clean_text(text).split():
        token = "".join("\ufffd" if c in missing else c for c in token if unicodedata.category(c) != "Cf")
        token = token.strip("()[]{}.,:;،!?\"'")
        if token:
            out.append(token)
    return out


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_word_of_every_variant_comes_back_from_the_pdf(exported, language):
    paths, variants = exported
    text = "".join(c for c in squash(pdf_text_poppler(paths["pdf", language])) if unicodedata.category(c) != "Cf")
    for name, variant in variants.items():
        for token in _tokens(variant):
            assert squash(token) in text, (name, token)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_paragraph_of_every_variant_comes_back_from_the_docx(exported, language):
    paths, variants = exported
    body = words("\n".join(docx_texts(paths["docx", language])["body"]))
    for name, variant in variants.items():
        for paragraph in split_paragraphs(variant):
            assert words(paragraph) in body, name


def test_markup_like_answers_are_printed_not_run(tmp_path, cluster1, draft_info):
    """Typst's own syntax in an answer is printed as typed: the engine only ever sees it as a string."""
    hostile = (
        '#set page(width: 2cm) #panic("x") #read("/etc/passwd") [link] {1 + 1} \\u{41} $x^2$ '
        "*bold* _em_ <label> @ref = heading - item + enum / term: `raw` ~ -- ---"
    )
    answers = {q.id: hostile for q in cluster1.questions() if q.key == "practice"}
    out = export_submission(cluster1, draft_info, answers, tmp_path / "m.pdf", "pdf")
    text = squash("".join(pdf_pages(out)))
    assert squash(hostile) in text
    assert "root:" not in text
