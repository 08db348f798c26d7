import pytest

from untoc_desktop.draft.correspondence import (
    LetterEntry,
    Recipient,
    letters,
    mark_sent,
    recipients,
    record_letter,
    save_recipient,
)
from untoc_desktop.errors import DraftFileError


def test_address_book_round_trip(draft):
    focal = Recipient("Ms. A & B <Focal>", "Director", "Ministry of Justice", "1 Main St\nCity", "f@example.org", True)
    saved = save_recipient(draft, focal)
    assert saved.recipient_uuid
    save_recipient(draft, Recipient(**{**saved.__dict__, "title": "Deputy Director"}))
    (only,) = recipients(draft)
    assert only.title == "Deputy Director" and only.name == "Ms. A & B <Focal>" and only.is_focal_point


def test_letter_log_records_creation_and_sending(draft):
    recipient = save_recipient(draft, Recipient("Mr. Focal"))
    letter = record_letter(
        draft, LetterEntry("CJR/2026/001", "engagement", "fr", recipient.recipient_uuid, details={"x": 1})
    )
    assert letter.created_at is not None and not letter.sent_on
    sent = mark_sent(draft, letter.letter_uuid, "2026-11-30", "e-mail")
    assert (sent.sent_on, sent.sent_channel) == ("2026-11-30", "e-mail")
    assert letters(draft)[0].details == {"x": 1}
    with pytest.raises(DraftFileError):
        mark_sent(draft, "no-such-letter", "2026-11-30", "post")


def test_draft_properties(draft):
    assert draft.property("sender", {}) == {}
    draft.set_property("sender", {"reference_scheme": "CJR/{year}/{number:03d}"})
    draft.set_property("sender", {"reference_scheme": "X/{number}"})
    assert draft.property("sender") == {"reference_scheme": "X/{number}"}
