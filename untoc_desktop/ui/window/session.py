"""One open draft as the window sees it: the draft file, its questionnaire and its completeness."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from ...answers import check_answer
from ...draft import Draft, DraftInfo
from ...questionnaire.model import Definition, Paragraph, Question
from ...sharing.conflicts import open_conflict_ids
from ...validation import CompletenessReport, check_completeness, paragraph_answers, paragraph_applies


class DraftSession(QObject):
    """An open draft, its questionnaire definition and a cache of its answers.

    Reads come from the cache (plain data); every write goes straight to the
    draft file in one transaction, then the completeness report is recomputed
    and :attr:`completeness_changed` is emitted.

    Args:
        draft: the open draft; the session closes it in :meth:`close`.
        definition: the questionnaire of the draft's cluster.
    """

    #: Emitted with the new :class:`CompletenessReport` after an answer changed.
    completeness_changed = Signal(object)

    def __init__(self, draft: Draft, definition: Definition, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.draft = draft
        self.definition = definition
        self._answers: dict[str, Any] = draft.answers()
        self._conflicts = open_conflict_ids(draft)
        self._report = check_completeness(definition, self._answers, draft.info.protocols, self._conflicts)

    @property
    def path(self) -> Path:
        """The draft file."""
        return self.draft.path

    @property
    def info(self) -> DraftInfo:
        """What the draft is about."""
        return self.draft.info

    @property
    def report(self) -> CompletenessReport:
        """Completeness of the stored answers."""
        return self._report

    def answers(self) -> dict[str, Any]:
        """A copy of every stored answer: question id -> value."""
        return dict(self._answers)

    def answer(self, question_id: str) -> Any:
        """The stored value of one question, or ``None``."""
        return self._answers.get(question_id)

    def paragraph_answers(self, paragraph: Paragraph) -> dict[str, Any]:
        """The stored answers of one paragraph by question key."""
        return paragraph_answers(paragraph, self._answers)

    def applies(self, paragraph: Paragraph) -> bool:
        """Whether the paragraph is reviewed for this State party (Protocol ratified or Convention)."""
        return paragraph_applies(paragraph, self.info.protocols)

    def set_answer(self, question: Question, value: Any) -> bool:
        """Check and store one answer (one transaction), then update completeness.

        Args:
            question: the question answered.
            value: JSON data; ``None`` removes the answer.

        Returns:
            False when the value was already stored.

        Raises:
            InvalidAnswerError: the value does not fit the question; nothing written.
            DraftFileError: the write failed; nothing written.
        """
        check_answer(question, value)
        changed = self.draft.set_answer(question.id, value)
        if value is None:
            self._answers.pop(question.id, None)
        else:
            self._answers[question.id] = value
        if changed:
            self._report = check_completeness(self.definition, self._answers, self.info.protocols, self._conflicts)
            self.completeness_changed.emit(self._report)
        return changed

    def reload(self) -> None:
        """Read the answers and open conflicts again from the file, then update completeness.

        Used after a merge, a restored version or a settled conflict; emits :attr:`completeness_changed`.
        """
        self._answers = self.draft.answers()
        self._conflicts = open_conflict_ids(self.draft)
        self._report = check_completeness(self.definition, self._answers, self.info.protocols, self._conflicts)
        self.completeness_changed.emit(self._report)

    def close(self) -> None:
        """Release the draft file."""
        self.draft.close()

