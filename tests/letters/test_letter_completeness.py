"""A letter missing its addressee, the sender's address or a signatory is refused, named, and never logged."""

import subprocess
import sys

import pytest

from untoc_desktop.draft.correspondence import letters
from untoc_desktop.letters import LetterError, LetterOptions, Sender, create_letter, save_sender


def test_a_letter_without_addressee_address_or_signatory_is_refused_and_not_logged(draft, cluster1, tmp_path):
    out = tmp_path / "letter.docx"
    with pytest.raises(LetterError) as refused:
        create_letter(draft, cluster1, LetterOptions(kind="engagement", language="en"), out, "docx")
    message = str(refused.value)
    assert "an addressee" in message and "postal address" in message and "a signatory" in message
    assert "no reference number was used" in message
    assert not out.exists()
    assert letters(draft) == []


def test_only_what_is_missing_is_named(letter_draft, cluster1, tmp_path):
    save_sender(
        letter_draft, Sender("", "contact@cjr.example.org", "Dr. Lena Okafor", "Director", "CJR/{year}/{number:03d}")
    )
    before = len(letters(letter_draft))
    with pytest.raises(LetterError) as refused:
        create_letter(
            letter_draft,
            cluster1,
            LetterOptions(kind="engagement", language="en", recipient_uuid=letter_draft.focal.recipient_uuid),
            tmp_path / "l.docx",
            "docx",
        )
    assert "postal address" in str(refused.value)
    assert "addressee" not in str(refused.value) and "signatory" not in str(refused.value)
    assert len(letters(letter_draft)) == before


def test_the_command_line_refuses_an_incomplete_letter_with_the_reason(draft, tmp_path):
    path = draft.path
    draft.close()
    out = tmp_path / "letter.docx"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "untoc_desktop",
            "letter",
            str(path),
            "--kind",
            "engagement",
            "--language",
            "en",
            "--format",
            "docx",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2, result.stderr
    assert "an addressee" in result.stderr and not out.exists()
