"""The history of answers: every recorded change, the versions of one answer, restoring one.

Every write of an answer records a change (author, UTC time, previous and new value); changes
merged from a colleague's copy keep their author and time. Restoring a version is a new
change: nothing is ever erased.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import DraftValueError
from ..i18n import _
from .json_values import JSONValueError
from .records import AnswerChange
from .schema_check import check_table_values

if TYPE_CHECKING:
    from .store import Draft


def answer_history(draft: Draft, question_id: str | None = None) -> list[AnswerChange]:
    """Recorded changes, oldest first; only those of ``question_id`` when given.

    Raises:
        DraftValueError: a recorded value cannot be used (names its question); the history
            of a draft may be large, so its text is checked when read, not when opened.
    """
    from sqlalchemy import select
    from sqlalchemy.exc import DatabaseError

    from .models import AnswerChangeRecord

    statement = select(AnswerChangeRecord).order_by(AnswerChangeRecord.id)
    if question_id is not None:
        statement = statement.where(AnswerChangeRecord.question_id == question_id)
    try:
        with draft.reading() as session:
            return [
                AnswerChange(r.change_uuid, r.question_id, r.author, r.changed_at, r.previous_value, r.new_value)
                for r in session.scalars(statement)
            ]
    except (JSONValueError, ValueError, DatabaseError) as exc:
        check_table_values(draft.path, "answer_change")  # names the question of the bad value
        raise DraftValueError(
            _("The history of {name} holds a value that cannot be used ({problem}). The file was not changed.").format(
                name=draft.path.name, problem=exc
            ),
            question_id=question_id,
        ) from None


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
