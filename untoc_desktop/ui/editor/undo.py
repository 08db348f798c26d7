"""Undo and redo for the edits that are not typing: choices, status, numbers, dates, table rows.

One :class:`QUndoStack` per open draft. Free-text fields keep their own undo history
while they have the focus (Ctrl+Z there undoes typing, as in any editor); every
other change of an answer is a command on the draft's stack, named after what it
did ("Remove law “Criminal Code…”"), so a removed row comes back with Ctrl+Z instead
of being confirmed first. Undoing writes the earlier value to the draft like any edit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from ...errors import UntocError
from ...i18n import N_, _
from ...questionnaire import display
from ...questionnaire.model import Question
from .answer_widgets import AnswerField, TextField

#: Record kinds, as the undo action names them.
RECORD_KINDS: dict[str, str] = {
    "citations": N_("law"),
    "cases": N_("case"),
    "sources": N_("source"),
    "statistics": N_("figure"),
}

#: Fields whose consecutive edits form one undo step (typing a number or a date).
_TYPED = ("number", "date")


def _short(text: str, limit: int = 32) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _record_title(record: Any) -> str:  # noqa: ANN401 (JSON data)
    if isinstance(record, dict):
        for cell in record.values():
            if isinstance(cell, str) and cell.strip():
                return _short(cell)
    return ""


def describe_change(question: Question, old: Any, new: Any) -> str:  # noqa: ANN401 (JSON data)
    """What an answer change did, in words, for the Undo and Redo menu entries.

    Args:
        question: the question whose answer changed.
        old: the value before (JSON data or ``None``).
        new: the value after.
    """
    kind = RECORD_KINDS.get(question.type)
    if kind is not None:
        before, after = list(old or []), list(new or [])
        if len(after) < len(before):
            gone = [r for r in before if r not in after] or before[len(after) :]
            title = _record_title(gone[0]) if gone else ""
            return (
                _("Remove {kind} “{title}”").format(kind=_(kind), title=title)
                if title
                else _("Remove {kind}").format(kind=_(kind))
            )
        if len(after) > len(before):
            added = [r for r in after if r not in before] or after[len(before) :]
            title = _record_title(added[0]) if added else ""
            return (
                _("Add {kind} “{title}”").format(kind=_(kind), title=title)
                if title
                else _("Add {kind}").format(kind=_(kind))
            )
        changed = next((r for r, s in zip(after, before, strict=True) if r != s), None)
        title = _record_title(changed)
        return (
            _("Edit {kind} “{title}”").format(kind=_(kind), title=title)
            if title
            else _("Edit {kind}").format(kind=_(kind))
        )
    return _("Change “{question}”").format(question=_short(display.question_label(question)))


class AnswerChange(QUndoCommand):
    """One change of one answer, from ``old`` to ``new`` (already applied when pushed).

    Args:
        history: the draft's :class:`AnswerUndo`.
        question: the question answered.
        old: value before (JSON data or ``None``).
        new: value after.
    """

    def __init__(self, history: AnswerUndo, question: Question, old: Any, new: Any) -> None:  # noqa: ANN401
        super().__init__(describe_change(question, old, new))
        self.history = history
        self.question = question
        self.old = old
        self.new = new
        self._done = True  # the user already made the change; the first redo() only records it

    def id(self) -> int:  # noqa: A003 (Qt override)
        """Typed numbers and dates merge into one step per question; other changes never merge."""
        return 1 if self.question.type in _TYPED else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt override)
        """Join consecutive typing in the same number or date field."""
        if not isinstance(other, AnswerChange) or other.question.id != self.question.id:
            return False
        self.new = other.new
        return True

    def undo(self) -> None:
        """Put the earlier value back (shown and saved)."""
        self.history.apply(self.question, self.old)

    def redo(self) -> None:
        """Apply the change again (nothing to do the first time: the user made it)."""
        if self._done:
            self._done = False
            return
        self.history.apply(self.question, self.new)


class AnswerUndo(QObject):
    """The undo history of one open draft's answers.

    Args:
        stored: question id -> the value stored in the draft (the session's answers).
        field_for: question id -> its input when its page is built, else ``None``.
        save: writes a value: ``save(question, value)`` (through autosave).
        show: brings a question into view (its page and paragraph).
        parent: owner.
    """

    def __init__(
        self,
        stored: Callable[[str], Any],
        field_for: Callable[[str], AnswerField | None],
        save: Callable[[Question, Any], None],
        show: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.stack = QUndoStack(self)
        self._stored = stored
        self._field_for = field_for
        self._save = save
        self._show = show
        self._known: dict[str, Any] = {}
        self._applying = False

    def record(self, question: Question, field: AnswerField) -> AnswerChange | None:
        """Record the user's edit of a non-text input as an undoable step (text fields undo by themselves).

        Returns the step pushed, or ``None`` (typing, an input that cannot be read yet, no change).
        """
        if self._applying or isinstance(field, TextField):
            return None
        try:
            new = field.value()
        except UntocError:
            return None  # the field shows the problem; the step is recorded once the value can be read
        old = self._known.get(question.id, self._stored(question.id))
        if old == new:
            return None
        self._known[question.id] = new
        command = AnswerChange(self, question, old, new)
        self.stack.push(command)
        return command

    def apply(self, question: Question, value: Any) -> None:  # noqa: ANN401 (JSON data)
        """Show ``value`` in the question's input and save it (used by undo and redo)."""
        self._applying = True
        try:
            self._show(question.id)
            field = self._field_for(question.id)
            if field is not None:
                field.set_value(value)
            self._known[question.id] = value
            self._save(question, value)
        finally:
            self._applying = False
