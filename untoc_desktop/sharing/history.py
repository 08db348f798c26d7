"""The versions of one answer, from the draft's change history (including changes merged from copies)."""

from __future__ import annotations

from typing import Any

from ..draft import AnswerChange, Draft


def versions(draft: Draft, question_id: str) -> list[AnswerChange]:
    """Every recorded version of an answer, newest first.

    Each entry's ``new_value`` is the answer after that change, with its author and
    time (UTC); ``None`` means the answer was cleared. Changes merged from a colleague's
    copy keep their author and time.
    """
    return sorted(draft.history(question_id), key=lambda c: c.changed_at, reverse=True)


def restore(draft: Draft, question_id: str, change_uuid: str, author: str | None = None) -> Any:
    """Store again the value an answer had after the change ``change_uuid`` (a new change; nothing is erased).

    Returns:
        The value restored.

    Raises:
        KeyError: no such change for that question.
        DraftFileError: the write failed.
    """
    for change in draft.history(question_id):
        if change.change_uuid == change_uuid:
            draft.set_answer(question_id, change.new_value, author)
            return change.new_value
    raise KeyError(change_uuid)
