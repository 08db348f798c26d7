"""Letters never replace a draft or their own attachment, and user templates cannot run code."""

from __future__ import annotations

import docx
import pytest
from helpers import sha256

from untoc_desktop.draft import Draft
from untoc_desktop.letters.output import LetterTemplateError, template_fields


def _template(tmp_path, *texts):
    document = docx.Document()
    for text in texts:
        document.add_paragraph(text)
    path = tmp_path / "letterhead.docx"
    document.save(path)
    return path


@pytest.mark.parametrize(
    "code",
    [
        "{{ lipsum.__globals__['os'].popen('id').read() }}",
        "{{ reference.__init__.__globals__ }}",
        "{{ organization.__class__.__mro__ }}",
        "{{ organization | upper }}",
        "{% for x in range(3) %}{{ x }}{% endfor %}",
        "{% set x = 1 %}",
        "{{ organization.xml }}",
    ],
)
def test_a_template_with_code_is_refused_and_nothing_runs(tmp_path, code):
    template = _template(tmp_path, "Dear {{ recipient_name }},", code, "{{ body }}")
    with pytest.raises(LetterTemplateError, match="template code|unknown fields"):
        template_fields(template)


def test_plain_fields_are_accepted(tmp_path):
    template = _template(tmp_path, "{{ organization }} {{ date }}", "{{ body }}")
    assert template_fields(template) == {"organization", "date", "body"}


def test_a_letter_never_replaces_a_draft_or_its_attachment(tmp_path, draft_info):
    from untoc_desktop.cli import main

    draft = tmp_path / "self.untoc"
    Draft.create(draft, draft_info).close()
    attachment = tmp_path / "submission.pdf"
    assert main(["export", str(draft), "--format", "pdf", "-o", str(attachment)]) == 0
    before = {p.name: sha256(p) for p in tmp_path.iterdir()}
    for output in (draft, attachment, tmp_path / "letter.txt"):
        status = main(
            [
                "letter",
                str(draft),
                "--kind",
                "transmission",
                "--language",
                "en",
                "--format",
                "pdf",
                "--attachment",
                str(attachment),
                "-o",
                str(output),
            ]
        )
        assert status == 2, output
    assert {p.name: sha256(p) for p in tmp_path.iterdir()} == before


def test_optional_lines_with_if_are_allowed_but_not_loops(tmp_path):
    template = _template(tmp_path, "{% if recipient_title %}{{ recipient_title }}{% else %}-{% endif %}", "{{ body }}")
    assert template_fields(template) == {"recipient_title", "body"}
    with pytest.raises(LetterTemplateError, match="template code"):
        template_fields(_template(tmp_path, "{% if recipient_title.upper() %}x{% endif %}"))
