"""Open conflicts left by a merge: listing them and settling them.

While a conflict is open the answer holds "my" version, the other version
stays beside it (and in the history), and the submission counts as a draft
(see :func:`untoc_desktop.validation.check_completeness`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from ..draft.draft_file import Draft
from ..errors import DraftFileError
from ..i18n import _


@dataclass(frozen=True)
class Conflict:
    """An answer both sides changed differently (plain data).

    Attributes:
        question_id: the question.
        mine / theirs: the merged answer taking my / their version at each conflicting place.
        ancestor: the value both started from (``None`` when both answered independently).
        both: both versions kept (texts and records), or ``None`` when they cannot both be kept.
        theirs_author: who made the other version.
        copy_name: file name of the copy it came from.
    """

    question_id: str
    mine: Any
    theirs: Any
    ancestor: Any
    both: Any
    theirs_author: str = ""
    copy_name: str = ""


#: How a conflict can be settled.
CHOICES = ("mine", "theirs", "both", "edit")


def _has_table(draft: Draft) -> bool:
    from sqlalchemy import inspect

    with draft.reading() as session:
        return inspect(session.connection()).has_table("answer_conflict")


def open_conflicts(draft: Draft) -> list[Conflict]:
    """The draft's open conflicts, by question id (empty for a draft of an older format opened read-only)."""
    from sqlalchemy import select

    from ..draft.models import AnswerConflictRecord

    if draft.read_only and not _has_table(draft):
        return []
    with draft.reading() as session:
        return [
            Conflict(r.question_id, r.mine, r.theirs, r.ancestor, r.both, r.theirs_author, r.copy_name)
            for r in session.scalars(select(AnswerConflictRecord).order_by(AnswerConflictRecord.question_id))
        ]


def open_conflict_ids(draft: Draft) -> tuple[str, ...]:
    """Question ids with an open conflict, sorted (read with plain SQL: opening a draft needs no SQLAlchemy)."""
    if draft.read_only and not draft.query(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'answer_conflict'"
    ):
        return ()  # a draft of an older format, opened read-only
    return tuple(row[0] for row in draft.query("SELECT question_id FROM answer_conflict ORDER BY question_id"))


def resolve(draft: Draft, question_id: str, choice: str, value: Any = None, author: str | None = None) -> Any:
    """Settle one conflict in one transaction: store the chosen answer, record the change, close the conflict.

    Args:
        draft: the open draft.
        question_id: the question with an open conflict.
        choice: "mine", "theirs", "both" (texts and records only) or "edit" (``value`` is stored).
        value: the edited answer, for "edit" (check it with ``answers.check_answer`` first).
        author: recorded with the change (default: the draft's author).

    Returns:
        The answer now stored.

    Raises:
        ValueError: unknown choice, or "both" for a conflict whose versions cannot both be kept.
        DraftFileError: no open conflict for that question, or the write failed.
    """
    from ..draft.models import AnswerChangeRecord, AnswerConflictRecord, AnswerRecord

    if choice not in CHOICES:
        raise ValueError(f"unknown choice {choice!r}")
    author = draft.info.author if author is None else author
    with draft.writing() as session:
        conflict = session.get(AnswerConflictRecord, question_id)
        if conflict is None:
            raise DraftFileError(_("There is no open conflict for {question}.").format(question=question_id))
        if choice == "both" and conflict.both is None:
            raise ValueError("these two versions cannot both be kept")
        chosen = {"mine": conflict.mine, "theirs": conflict.theirs, "both": conflict.both, "edit": value}[choice]
        record = session.get(AnswerRecord, question_id)
        previous = None if record is None else record.value
        now = datetime.now(UTC)
        if previous != chosen:
            if chosen is None:
                session.delete(record)
            elif record is None:
                session.add(AnswerRecord(question_id=question_id, value=chosen, updated_at=now, updated_by=author))
            else:
                record.value, record.updated_at, record.updated_by = chosen, now, author
        # Recorded even when the answer stays the same: a colleague's copy merged later sees that the
        # conflict was settled here (see sharing.merge), and the history shows who decided, when.
        session.add(
            AnswerChangeRecord(
                change_uuid=str(uuid.uuid4()),
                draft_uuid=draft.info.draft_uuid,
                question_id=question_id,
                author=author,
                changed_at=now,
                previous_value=previous,
                new_value=chosen,
            )
        )
        session.delete(conflict)
    return chosen
