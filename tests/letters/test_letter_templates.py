"""A user's own Word template: checked against the fields before anything is written; PDF needs LibreOffice."""

import shutil

import pytest
from docx import Document
from letter_helpers import DAY, docx_text, pdf_text, squash

from untoc_desktop.draft.correspondence import letters
from untoc_desktop.letters import (
    LetterOptions,
    LetterTemplateError,
    OfficeSuiteMissingError,
    create_letter,
    shipped_template,
    template_fields,
)


def letterhead(path, body_lines, header="{{ organization }} — {{ reference }}"):
    document = Document()
    document.sections[0].header.paragraphs[0].text = header
    for line in body_lines:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=1)
    table.rows[0].cells[0].text = "{{ date }}"
    document.save(str(path))
    return path


def options(draft, kind="engagement"):
    return LetterOptions(kind, "fr", draft.focal.recipient_uuid, attachment=draft.attachment, letter_date=DAY)


def test_template_fields_are_found_in_body_tables_and_headers(tmp_path):
    path = letterhead(
        tmp_path / "mine.docx", ["{{ salutation }}", "{% if recipient_title %}{{ recipient_title }}{% endif %}"]
    )
    assert template_fields(path) == {"organization", "reference", "salutation", "recipient_title", "date"}


def test_unknown_fields_are_listed_and_nothing_is_written(letter_draft, cluster1, tmp_path):
    path = letterhead(tmp_path / "mine.docx", ["{{ salutaton }}", "{{ attachment_sha256 }}", "{{ body }}"])
    out = tmp_path / "letter.docx"
    with pytest.raises(LetterTemplateError) as caught:
        create_letter(letter_draft, cluster1, options(letter_draft), out, "docx", template=path)
    assert caught.value.unknown == ["attachment_sha256", "salutaton"]
    assert "attachment_sha256, salutaton" in str(caught.value)
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.name.startswith((".letter", "letter"))]
    assert [e.reference for e in letters(letter_draft)] == ["CJR/2026/001"]  # nothing recorded


def test_missing_required_fields_are_listed(letter_draft, cluster1, tmp_path):
    path = letterhead(tmp_path / "mine.docx", ["{{ salutation }}"], header="{{ organization }}")
    with pytest.raises(LetterTemplateError) as caught:
        create_letter(
            letter_draft, cluster1, options(letter_draft, "transmission"), tmp_path / "t.docx", "docx", template=path
        )
    assert caught.value.missing == ["attachment_name", "attachment_sha256", "reference"]
    assert caught.value.unknown == []
    assert not (tmp_path / "t.docx").exists()


def test_a_letterhead_with_the_body_field_gets_the_kinds_paragraphs(letter_draft, cluster1, tmp_path):
    path = letterhead(tmp_path / "mine.docx", ["{{ salutation }}", "{{ body }}", "{{ closing }}"])
    out = tmp_path / "t.docx"
    letter, _ = create_letter(letter_draft, cluster1, options(letter_draft, "transmission"), out, "docx", template=path)
    document = Document(str(out))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Madame, Monsieur,"
    assert texts[1 : 1 + len(letter.paragraphs)] == list(letter.paragraphs)  # a blank line in body = a new paragraph
    assert document.sections[0].header.paragraphs[0].text == "Coalition for Justice & Rights — CJR/2026/002"
    assert letter.fields["attachment_sha256"] in docx_text(out)


def test_a_template_that_is_not_a_word_file_is_refused(letter_draft, cluster1, tmp_path):
    path = tmp_path / "notes.docx"
    path.write_text("not a zip")
    with pytest.raises(LetterTemplateError, match="cannot be read as a Word"):
        create_letter(letter_draft, cluster1, options(letter_draft), tmp_path / "x.docx", "docx", template=path)
    assert not (tmp_path / "x.docx").exists()


def test_pdf_from_an_own_template_without_libreoffice_gives_a_clear_message(
    letter_draft, cluster1, tmp_path, monkeypatch
):
    monkeypatch.setattr(shutil, "which", lambda name, *args, **kwargs: None)
    path = letterhead(tmp_path / "mine.docx", ["{{ body }}"])
    out = tmp_path / "letter.pdf"
    with pytest.raises(OfficeSuiteMissingError, match="needs LibreOffice, which is not installed"):
        create_letter(letter_draft, cluster1, options(letter_draft), out, "pdf", template=path)
    assert not out.exists() and [e.reference for e in letters(letter_draft)] == ["CJR/2026/001"]
    # The shipped template still gives a PDF: the application draws it itself.
    create_letter(letter_draft, cluster1, options(letter_draft), out, "pdf")
    assert out.read_bytes().startswith(b"%PDF")


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice not installed")
def test_pdf_from_an_own_template_through_libreoffice(letter_draft, cluster1, tmp_path):
    path = letterhead(tmp_path / "mine.docx", ["{{ body }}"])
    out = tmp_path / "letter.pdf"
    letter, _ = create_letter(letter_draft, cluster1, options(letter_draft), out, "pdf", template=path)
    text = squash(pdf_text(out))
    assert "CJR/2026/002" in text and squash(letter.paragraphs[1])[:60] in text


def test_the_shipped_templates_exist_for_every_language_and_kind():
    from untoc_desktop.letters import KINDS, LETTER_LANGUAGES, check_template

    for language in LETTER_LANGUAGES:
        for kind in KINDS:
            assert check_template(shipped_template(language, kind), kind)
