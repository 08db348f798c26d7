"""The engagement letter gives the review's dates from the draft's review timeline, in the letter's language."""

import datetime as dt

import pytest
from letter_helpers import DAY, docx_text

from untoc_desktop.letters import LetterOptions, build_letter, create_letter
from untoc_desktop.timeline import ReviewStart, set_review_start


def _engagement(draft, language="en", day=DAY):
    return LetterOptions("engagement", language, draft.focal.recipient_uuid, form_of_address="ms", letter_date=day)


def test_dates_and_the_sentence_asking_for_a_reply_before_the_self_assessment(letter_draft, cluster1):
    letter = build_letter(letter_draft, cluster1, _engagement(letter_draft))
    assert letter.fields["review_started"] == "1 September 2026"
    assert letter.fields["self_assessment_due"] == "1 March 2027"
    assert letter.fields["feedback_due"] == "1 September 2027"
    assert letter.paragraphs[1] == (
        "The review of your country started on 1 September 2026. The self-assessment is due by 1 March 2027 and the "
        "reviewers' written feedback by 1 September 2027; we would therefore be grateful to hear from you before "
        "1 March 2027."
    )


def test_after_the_self_assessment_the_letter_offers_information_for_the_reviewers(letter_draft, cluster1):
    letter = build_letter(letter_draft, cluster1, _engagement(letter_draft, "fr", dt.date(2027, 4, 1)))
    assert letter.fields["timeline"].startswith(
        "L'examen de votre pays a commencé le 1 septembre 2026 et "
        "l'auto-évaluation devait être remise au plus tard le 1 mars 2027."
    )


def test_without_a_start_date_the_letter_is_as_before(letter_draft, cluster1):
    set_review_start(letter_draft, ReviewStart(None, None))
    letter = build_letter(letter_draft, cluster1, _engagement(letter_draft))
    assert letter.fields["timeline"] == "" and letter.fields["review_started"] == ""
    assert len(letter.paragraphs) == 4


@pytest.mark.parametrize("language", ["ar", "ru", "zh", "es"])
def test_the_shipped_template_carries_the_dates_in_each_language(letter_draft, cluster1, tmp_path, language):
    out = tmp_path / f"engagement-{language}.docx"
    letter, _entry = create_letter(letter_draft, cluster1, _engagement(letter_draft, language), out, "docx")
    text = docx_text(out)
    assert letter.fields["timeline"] and letter.fields["timeline"] in text
    assert letter.fields["self_assessment_due"] in text
