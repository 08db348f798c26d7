"""Fixtures for letters: a draft with sender details, a focal point, known statuses and an earlier letter."""

import datetime as dt

import pytest
from letter_helpers import statuses

from untoc_desktop.draft.correspondence import LetterEntry, Recipient, record_letter, save_recipient
from untoc_desktop.letters import Sender, save_sender
from untoc_desktop.timeline import ReviewStart, set_review_start


@pytest.fixture
def letter_draft(draft, cluster1, tmp_path):
    save_sender(
        draft,
        Sender(
            "12 Harbour Street\nPort Vale",
            "contact@cjr.example.org",
            "Dr. Lena Okafor",
            "Executive Director",
            "CJR/{year}/{number:03d}",
        ),
    )
    focal = save_recipient(
        draft,
        Recipient(
            "Ms. Amina Diallo",
            "Director of Legal Affairs",
            "Ministry of Justice",
            "1 Government Square\nVeridia City",
            "fp@justice.example.gov",
            True,
        ),
    )
    set_review_start(draft, ReviewStart(3, dt.date(2026, 9, 1)))  # self-assessment due 1 March 2027
    draft.set_answers({f"{p.id}.status": s for p, s in statuses(cluster1, draft.info.protocols).items()})
    record_letter(
        draft,
        LetterEntry(
            "CJR/2026/001", "engagement", "en", focal.recipient_uuid, sent_on="2026-10-02", sent_channel="post"
        ),
    )
    attachment = tmp_path / "veridia-cluster1.pdf"
    attachment.write_bytes(b"%PDF-1.7 exported submission \x00\xff")
    draft.focal = focal
    draft.attachment = attachment
    return draft
