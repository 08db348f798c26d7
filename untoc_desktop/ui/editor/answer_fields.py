"""The answer input for a question: picks the field class for each question type.

Kept apart from :mod:`.answer_widgets` so that record lists (:mod:`.record_table`), which build on the
simple fields, and the simple fields do not import each other.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from ...questionnaire.display import choices
from ...questionnaire.model import Question
from ...questionnaire.types import RECORD_FIELDS
from .answer_widgets import AnswerField, ChoiceField, DateField, MultiChoiceField, NumberField, TextField
from .record_table import RecordListField


def answer_field_for(
    question: Question,
    parent: QWidget | None = None,
    known_records: Callable[[str], list[dict[str, Any]]] | None = None,
) -> AnswerField:
    """The input widget for a question, chosen by its type.

    Args:
        question: the question.
        parent: parent widget.
        known_records: record type -> records entered elsewhere in the draft (cross-references
            offered by record lists).

    Raises:
        ValueError: for a question type the interface does not know (a programming error).
    """
    if question.type in ("status", "yes_no", "choice"):
        return ChoiceField(question, choices(question), parent)
    if question.type == "multi_choice":
        return MultiChoiceField(question, parent)
    if question.type == "text":
        return TextField(question, parent)
    if question.type == "number":
        return NumberField(question, parent)
    if question.type == "date":
        return DateField(question, parent)
    if question.type in RECORD_FIELDS:
        return RecordListField(question, parent, known_records)
    raise ValueError(f"no input for question type {question.type!r}")
