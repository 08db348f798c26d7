"""Letters say what the snapshot of the draft holds (the workspace's picture), never what they read from the file."""

import dataclasses
from types import MappingProxyType

from letter_helpers import DAY, docx_text

from untoc_desktop.draft.correspondence import letters
from untoc_desktop.letters import LetterOptions, build_letter, compose_letter, issue_letter
from untoc_desktop.letters.source import stored_snapshot


def _transmission(draft):
    return LetterOptions("transmission", "en", attachment=draft.attachment, letter_date=DAY)


def _no_file_reading(monkeypatch, draft):
    def read():
        raise AssertionError("the letter read the answers from the draft file")

    monkeypatch.setattr(draft, "answers", read)


def test_a_letter_says_what_the_snapshot_holds_not_what_the_file_holds(letter_draft, cluster1, monkeypatch):
    stored = stored_snapshot(letter_draft, cluster1)
    assert build_letter(letter_draft, cluster1, _transmission(letter_draft)).fields["count_assessed"] == "6"
    picture = dataclasses.replace(
        stored,
        info=dataclasses.replace(stored.info, organization="Coalition as pictured"),
        answers=MappingProxyType({}),
    )
    _no_file_reading(monkeypatch, letter_draft)

    letter = compose_letter(picture, letter_draft, _transmission(letter_draft))

    assert letter.fields["organization"] == "Coalition as pictured"
    assert (letter.fields["count_assessed"], letter.fields["count_partly"]) == ("0", "0")
    assert letter.fields["recipient_name"] == "Ms. Amina Diallo"  # the address book is the draft's
    assert letter.reference == "CJR/2026/002"  # numbered after the draft's letter log


def test_an_issued_letter_writes_and_logs_what_the_snapshot_said(letter_draft, cluster1, tmp_path, monkeypatch):
    assert letter_draft.answer("UNTOC.2.(c).status") == "fully"  # in the file
    picture = dataclasses.replace(
        stored_snapshot(letter_draft, cluster1), answers=MappingProxyType({"UNTOC.2.(c).status": "not_implemented"})
    )
    _no_file_reading(monkeypatch, letter_draft)
    out = tmp_path / "transmission.docx"

    letter, entry = issue_letter(picture, letter_draft, _transmission(letter_draft), out, "docx")

    summary = "Convention, article 2: (c) (not implemented)"
    assert letter.fields["summary"] == summary == entry.details["fields"]["summary"]
    assert entry.details["fields"]["count_assessed"] == "1"
    assert [e.reference for e in letters(letter_draft)] == ["CJR/2026/001", letter.reference]
    assert summary in docx_text(out)
