"""Fixtures for export tests: answer sets with the real-world text cases."""

from __future__ import annotations

import pytest
from documents_cases import case_answers_for, full_answers, load_text_cases


@pytest.fixture(scope="session")
def text_cases() -> dict[str, str]:
    return load_text_cases()


@pytest.fixture
def complete_answers(cluster1, draft_info) -> dict:
    return full_answers(cluster1, draft_info.protocols)


@pytest.fixture
def case_answers(cluster1, draft_info) -> dict:
    """An incomplete draft carrying every text case (see documents_cases.case_answers_for)."""
    return case_answers_for(cluster1, draft_info.protocols)[0]
