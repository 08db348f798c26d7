"""One date style per language: the cover of a submission, its letters and the window write a day alike."""

import datetime as dt

import pytest
from letter_helpers import DAY

from untoc_desktop import languages
from untoc_desktop.documents.labels import labels_for
from untoc_desktop.documents.submission import build_submission
from untoc_desktop.letters import LetterOptions, build_letter
from untoc_desktop.validation import check_completeness


@pytest.mark.parametrize("language", languages.CODES)
def test_the_cover_and_the_letter_write_the_same_date(letter_draft, cluster1, language):
    letter = build_letter(
        letter_draft,
        cluster1,
        LetterOptions("engagement", language, letter_draft.focal.recipient_uuid, letter_date=DAY),
    )
    answers = letter_draft.answers()
    report = check_completeness(cluster1, answers, letter_draft.info.protocols)
    document = build_submission(cluster1, letter_draft.info, answers, report, language, today=DAY)
    cover_line = labels_for(language)["date"].format(date=letter.fields["date"])
    assert cover_line in [getattr(block, "text", None) for block in document.blocks[:8]]
    assert letter.fields["date"] == languages.format_date(DAY, language)
    # the review's dates in the letter follow the same style
    assert letter.fields["review_started"] == languages.format_date(dt.date(2026, 9, 1), language)


def test_english_is_written_day_month_year_everywhere(letter_draft, cluster1):
    letter = build_letter(
        letter_draft,
        cluster1,
        LetterOptions("engagement", "en", letter_draft.focal.recipient_uuid, letter_date=dt.date(2026, 12, 2)),
    )
    assert letter.fields["date"] == "2 December 2026"
    answers = letter_draft.answers()
    report = check_completeness(cluster1, answers, letter_draft.info.protocols)
    document = build_submission(cluster1, letter_draft.info, answers, report, "en", today=dt.date(2026, 12, 2))
    assert "Date: 2 December 2026" in [getattr(block, "text", None) for block in document.blocks[:8]]
