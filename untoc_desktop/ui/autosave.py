"""Saving each edit to the draft file shortly after the user stops typing.

Every field's edits are debounced with a single-shot timer (400 ms by
default), then checked and written in one transaction. Killing the process
loses at most the edits of that last interval. Pending edits are flushed on
close, quit and when switching drafts.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ..errors import DraftFileError, InvalidAnswerError
from ..questionnaire.model import Question
from .session import DraftSession

#: Debounce delay in milliseconds between the last keystroke and the write.
AUTOSAVE_DELAY_MS = 400

ValueReader = Callable[[], Any]


class Autosave(QObject):
    """Debounced, per-question writes of answers to a :class:`DraftSession`.

    Args:
        session: where answers are written.
        delay_ms: debounce delay per question, in milliseconds.
    """

    #: (question id, local time) after a value was written or found unchanged.
    saved = Signal(str, object)
    #: (question id, message) when the value in the field is not a valid answer; nothing written.
    rejected = Signal(str, str)
    #: (message) when the draft file could not be written; the edit stays pending.
    failed = Signal(str)
    #: Emitted when every failed write has since succeeded.
    recovered = Signal()

    def __init__(self, session: DraftSession, delay_ms: int = AUTOSAVE_DELAY_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._delay_ms = delay_ms
        self._pending: dict[str, tuple[Question, ValueReader]] = {}
        self._timers: dict[str, QTimer] = {}
        self._failed: dict[str, tuple[Question, ValueReader]] = {}
        self._rejected: set[str] = set()

    def schedule(self, question: Question, read_value: ValueReader) -> None:
        """Write ``read_value()`` to ``question`` once the field has been quiet for the delay."""
        self._pending[question.id] = (question, read_value)
        timer = self._timers.get(question.id)
        if timer is None:
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda qid=question.id: self._commit(qid))
            self._timers[question.id] = timer
        timer.start(self._delay_ms)

    def save_now(self, question: Question, read_value: ValueReader) -> None:
        """Write at once (choices from a list, where there is no typing to wait for)."""
        self._pending[question.id] = (question, read_value)
        self._commit(question.id)

    def flush(self) -> bool:
        """Write every pending edit now.

        Returns:
            True when nothing is left unsaved (no write failure, no invalid value).
        """
        for question_id in list(self._pending):
            self._commit(question_id)
        return not self.unsaved()

    def retry(self) -> bool:
        """Try the failed writes again; True when all succeeded."""
        self._pending.update(self._failed)
        return self.flush()

    def unsaved(self) -> list[str]:
        """Ids of questions whose value in the window is not in the file (failed or invalid)."""
        return sorted(set(self._failed) | self._rejected | set(self._pending))

    def failed_values(self) -> dict[str, Any]:
        """Current values in the window of the answers whose write failed (for Save As elsewhere)."""
        values = {}
        for question_id, (question, read_value) in self._failed.items():
            try:
                values[question_id] = read_value()
            except InvalidAnswerError:
                continue
        return values

    def discard_failed(self) -> None:
        """Forget failed writes (they were written elsewhere, e.g. into a Save As copy)."""
        self._failed.clear()
        self.recovered.emit()

    def has_pending(self) -> bool:
        """Whether some edit is waiting for its timer."""
        return bool(self._pending)

    def _commit(self, question_id: str) -> None:
        timer = self._timers.get(question_id)
        if timer is not None:
            timer.stop()
        entry = self._pending.pop(question_id, None)
        if entry is None:
            return
        question, read_value = entry
        try:
            self._session.set_answer(question, read_value())
        except InvalidAnswerError as exc:
            self._rejected.add(question_id)
            self._failed.pop(question_id, None)
            self.rejected.emit(question_id, str(exc))
            return
        except DraftFileError as exc:
            self._failed[question_id] = entry
            self.failed.emit(str(exc))
            return
        self._rejected.discard(question_id)
        had_failed = bool(self._failed)
        self._failed.pop(question_id, None)
        self.saved.emit(question_id, datetime.now())
        if had_failed and not self._failed:
            self.recovered.emit()
