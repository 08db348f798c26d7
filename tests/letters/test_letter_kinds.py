"""Every kind in every shipped language renders to Word and PDF with every field filled."""

import pytest
from letter_helpers import DAY, docx_text, pdf_text, squash

from untoc_desktop.draft.correspondence import letters
from untoc_desktop.letters import (
    FIELDS,
    KINDS,
    LETTER_LANGUAGES,
    LetterOptions,
    build_letter,
    create_letter,
    fields_for,
    letter_text,
)


def options(draft, kind, language, **extra):
    extra.setdefault("form_of_address", "ms")
    return LetterOptions(
        kind,
        language,
        draft.focal.recipient_uuid,
        attachment=draft.attachment,
        recalls="CJR/2026/001" if kind == "follow-up" else "",
        letter_date=DAY,
        **extra,
    )


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("language", LETTER_LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_and_language_renders_with_every_field_filled(letter_draft, cluster1, tmp_path, kind, language, fmt):
    out = tmp_path / f"{kind}-{language}.{fmt}"
    letter, entry = create_letter(letter_draft, cluster1, options(letter_draft, kind, language), out, fmt)

    for field in fields_for(kind):
        assert letter.fields[field.name].strip(), field.name
    text = docx_text(out) if fmt == "docx" else pdf_text(out)
    for marker in ("{{", "}}", "{%", "%}", "{_", "{count", "{summary"):
        assert marker not in text
    assert letter.reference in text and letter.reference == "CJR/2026/002"
    if kind == "transmission":
        assert letter.fields["attachment_sha256"] in squash(text).replace(" ", "")
    if fmt == "docx":  # Word keeps every filled field exactly (PDF text extraction reorders Arabic)
        flat = squash(text)
        for field in fields_for(kind):
            if field.name != "body":
                assert squash(letter.fields[field.name]) in flat, field.name
    assert (
        entry.kind == kind and entry.language == language and entry.recipient_uuid == letter_draft.focal.recipient_uuid
    )
    assert [e.reference for e in letters(letter_draft)] == ["CJR/2026/001", "CJR/2026/002"]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "29 November 2026"),
        ("fr", "29 novembre 2026"),
        ("es", "29 de noviembre de 2026"),
        ("ru", "29 ноября 2026\u202fг."),
        ("zh", "2026年11月29日"),
        ("ar", "29 نوفمبر 2026"),
    ],
)
def test_dates_are_written_the_way_each_language_writes_them(letter_draft, cluster1, language, expected):
    letter = build_letter(letter_draft, cluster1, options(letter_draft, "follow-up", language))
    assert letter.fields["date"] == expected
    assert "2026" in letter.fields["recalled_date"] and letter.fields["recalled_date"] != expected  # 2 October


def test_french_salutation_and_closing_follow_the_form_of_address(letter_draft, cluster1):
    neutral = build_letter(letter_draft, cluster1, options(letter_draft, "engagement", "fr", form_of_address="neutral"))
    assert neutral.fields["salutation"] == "Madame, Monsieur,"
    assert neutral.fields["closing"].startswith("Veuillez agréer, Madame, Monsieur,")
    own = build_letter(
        letter_draft, cluster1, options(letter_draft, "engagement", "fr", salutation="Madame la Directrice,")
    )
    assert own.fields["salutation"] == "Madame la Directrice,"
    assert own.fields["closing"] == "Veuillez agréer, Madame, l'expression de ma haute considération."


def test_the_preview_is_the_letter_as_plain_text(letter_draft, cluster1):
    letter = build_letter(letter_draft, cluster1, options(letter_draft, "engagement", "en"))
    text = letter_text(letter)
    assert text.startswith("Coalition for Justice & Rights\n\n12 Harbour Street\nPort Vale")
    assert "Dear Madam," in text and "Subject: Review of the implementation" in text
    assert text.rstrip().endswith("Dr. Lena Okafor\nExecutive Director\nCoalition for Justice & Rights")


def test_fields_are_documented_in_fields_md_and_the_readme():
    from helpers import REPO_ROOT

    documented = (REPO_ROOT / "resources" / "letters" / "FIELDS.md").read_text(encoding="utf-8")
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert "## Letters to focal points" in readme and "resources/letters/FIELDS.md" in readme
    for field in FIELDS:
        assert f"`{field.name}`" in documented
