"""Fixtures for export tests: answer sets with the real-world text cases."""

from __future__ import annotations

import pytest
from documents_cases import ARABIC, FRENCH, MISSING_ID, full_answers, load_text_cases


@pytest.fixture(scope="session")
def text_cases() -> dict[str, str]:
    return load_text_cases()


@pytest.fixture
def complete_answers(cluster1, draft_info) -> dict:
    return full_answers(cluster1, draft_info.protocols)


@pytest.fixture
def case_answers(cluster1, draft_info, text_cases) -> dict:
    """A complete draft whose 'practice' answers carry every text case, Arabic and French.

    Returns answers with one required answer removed, so the draft is incomplete.
    """
    answers = full_answers(cluster1, draft_info.protocols)
    texts = [*text_cases.values(), ARABIC, FRENCH]
    practice = [q.id for q in cluster1.questions() if q.key == "practice" and q.id.startswith("UNTOC.")]
    assert len(practice) >= len(texts)
    for question_id, text in zip(practice, texts):
        answers[question_id] = text
    del answers[MISSING_ID]
    return answers
