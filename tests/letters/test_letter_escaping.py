"""Values are inserted as text: every real-world text comes back as typed (after clean_text)."""

import json

import pytest
from docx import Document
from helpers import shared_dir
from letter_helpers import DAY, docx_text, pdf_text, squash

from untoc_desktop.documents.text import clean_text
from untoc_desktop.draft.correspondence import Recipient, save_recipient
from untoc_desktop.letters import LetterOptions, create_letter

TEXTS = json.loads((shared_dir() / "cases" / "text-cases.json").read_text(encoding="utf-8"))["texts"]
CASES = {name: value for name, value in TEXTS.items() if isinstance(value, str)}
CASES.update(
    {
        "jinja_expression": "{{ 7 * 7 }} and {{ organization }}",
        "jinja_statement": "{% for x in range(3) %}x{% endfor %} {# comment #}",
        "docxtpl_escapes": "{_{ a }_} {_% b %_} {{r x }} {%p if 1 %}",
        "xml_entities": "&amp; &lt;w:t&gt; <w:br/> ]]> \"quoted\" 'single'",
        "line_breaks": "first line\nsecond line\r\nthird line\rfourth",
    }
)


def long_text():
    prose = (
        "Civil-society organisations documented the implementation of the provision in several regions; "
        "the findings are summarised here for the reviewers. "
    )
    return "\n\n".join(f"{n}. {prose * 3}" for n in range(TEXTS["very_long_answer_paragraphs"]))


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_text_comes_back_as_typed_in_word(letter_draft, cluster1, tmp_path, name):
    value = CASES[name]
    letter_draft.update_info(organization=value)
    person = save_recipient(letter_draft, Recipient(value, "Director", value, f"{value}\nCity", "x@example.org"))
    letter_draft.set_answer(next(q.id for q in next(cluster1.paragraphs()).questions if q.type == "text"), value)
    out = tmp_path / "letter.docx"
    letter, _entry = create_letter(
        letter_draft,
        cluster1,
        LetterOptions("engagement", "en", person.recipient_uuid, salutation=value, letter_date=DAY),
        out,
        "docx",
    )

    expected = clean_text(value)
    assert letter.fields["recipient_name"] == letter.fields["organization"] == expected
    document = Document(str(out))
    cell = document.tables[0].rows[0].cells[0].paragraphs[0].text
    assert cell.split("\nDirector\n")[0] == expected  # exactly as typed, line breaks and tabs included
    paragraphs = [p.text for p in document.paragraphs]
    assert expected in paragraphs  # the salutation paragraph on its own
    assert paragraphs[0] == expected  # the organisation at the top
    assert f"{expected} is a civil-society organisation" in docx_text(out)


@pytest.mark.parametrize(
    "name",
    [
        "markup_like",
        "ampersand_acronyms",
        "html_paste",
        "jinja_expression",
        "jinja_statement",
        "docxtpl_escapes",
        "xml_entities",
        "french",
        "russian",
    ],
)
def test_each_text_comes_back_as_typed_in_pdf(letter_draft, cluster1, tmp_path, name):
    value = CASES[name]
    letter_draft.update_info(organization=value)
    out = tmp_path / "letter.pdf"
    create_letter(
        letter_draft,
        cluster1,
        LetterOptions("engagement", "en", letter_draft.focal.recipient_uuid, letter_date=DAY),
        out,
        "pdf",
    )
    assert squash(clean_text(value)) in squash(pdf_text(out))


def test_a_very_long_text_flows_across_pages_in_both_formats(letter_draft, cluster1, tmp_path):
    from pypdf import PdfReader

    person = save_recipient(letter_draft, Recipient("Ms. Long", postal_address=long_text()))
    for fmt in ("docx", "pdf"):
        out = tmp_path / f"long.{fmt}"
        create_letter(
            letter_draft, cluster1, LetterOptions("engagement", "fr", person.recipient_uuid, letter_date=DAY), out, fmt
        )
    assert len(PdfReader(str(tmp_path / "long.pdf")).pages) > 20
    assert "399. Civil-society organisations" in docx_text(tmp_path / "long.docx")


@pytest.mark.parametrize("language", ["zh-cn", "zh-Hans-CN", "en_UK", "fr_CA.UTF-8", "C", "", "xx"])
def test_an_unusual_language_code_is_refused_with_a_message(letter_draft, cluster1, tmp_path, language):
    from untoc_desktop.letters import LetterError

    with pytest.raises(LetterError, match="No letters in"):
        create_letter(
            letter_draft, cluster1, LetterOptions("engagement", language, letter_date=DAY), tmp_path / "x.docx", "docx"
        )
    assert not (tmp_path / "x.docx").exists()
