"""Saving each edit to the draft file shortly after it is typed, even while typing goes on.

Every field's edits are debounced with a single-shot timer (400 ms by
default) and a ceiling: an edit waits at most :data:`AUTOSAVE_MAX_WAIT_MS`
(measured from the first edit not yet written), so steady typing without a
pause is still written about once a second. Each write is checked and made in
one transaction. Killing the process loses at most the edits of that last
second. Pending edits are flushed on close, quit and when switching drafts, and before
every snapshot of the session (export, signing, letters: see :meth:`DraftSession.snapshot`).

A write that fails, for whatever reason, never drops the edit: the text stays
in the window and in the list of unsaved answers, :attr:`Autosave.failed` is
emitted (the window shows a banner with Try again and offers Save As), and
closing the draft warns first.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from ...errors import InvalidAnswerError, UntocError
from ...i18n import _
from ...questionnaire.model import Question
from .session import DraftSession

#: Debounce delay in milliseconds between the last keystroke and the write.
AUTOSAVE_DELAY_MS = 400
#: Longest wait in milliseconds between the first unsaved keystroke and the write, while typing goes on.
#: Below one second so that the write (a few milliseconds) also ends within the second promised.
AUTOSAVE_MAX_WAIT_MS = 600  # leaves 0.4 s for a busy computer within the promised second

log = logging.getLogger(__name__)

ValueReader = Callable[[], Any]


class Autosave(QObject):
    """Debounced, per-question writes of answers to a :class:`DraftSession`.

    The session's snapshots include the edits still waiting here: it calls :meth:`flush` before
    taking one.

    Args:
        session: where answers are written.
        delay_ms: debounce delay per question, in milliseconds.
        max_wait_ms: longest wait per question from its first unsaved edit, in milliseconds.
    """

    #: (question id, local time) after a value was written or found unchanged.
    saved = Signal(str, object)
    #: (question id, message) when the value in the field is not a valid answer; nothing written.
    rejected = Signal(str, str)
    #: (message) when the draft file could not be written (any error); the edit stays unsaved, in the window.
    failed = Signal(str)
    #: Emitted when every failed write has since succeeded.
    recovered = Signal()

    def __init__(
        self,
        session: DraftSession,
        delay_ms: int = AUTOSAVE_DELAY_MS,
        parent: QObject | None = None,
        max_wait_ms: int = AUTOSAVE_MAX_WAIT_MS,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._delay_ms = delay_ms
        self._max_wait_ms = max(delay_ms, max_wait_ms)
        self._pending: dict[str, tuple[Question, ValueReader]] = {}
        self._timers: dict[str, QTimer] = {}
        self._deadlines: dict[str, QTimer] = {}
        self._failed: dict[str, tuple[Question, ValueReader]] = {}
        self._rejected: set[str] = set()
        session.waiting_edits_stored_by(self.flush)

    def schedule(self, question: Question, read_value: ValueReader) -> None:
        """Write ``read_value()`` to ``question`` once the field has been quiet for the delay.

        While edits keep coming, the write happens at the latest ``max_wait_ms``
        after the first edit not yet written (the ceiling is not restarted by later edits).
        """
        self._pending[question.id] = (question, read_value)
        self._timer(self._timers, question.id).start(self._delay_ms)
        deadline = self._timer(self._deadlines, question.id)
        if not deadline.isActive():
            deadline.start(self._max_wait_ms)

    def _timer(self, timers: dict[str, QTimer], question_id: str) -> QTimer:
        timer = timers.get(question_id)
        if timer is None:
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.setTimerType(Qt.TimerType.PreciseTimer)
            timer.timeout.connect(lambda qid=question_id: self._commit(qid))
            timers[question_id] = timer
        return timer

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
        for question_id, (_question, read_value) in self._failed.items():
            try:
                values[question_id] = read_value()
            except Exception:  # noqa: BLE001 (an unreadable field stays listed as unsaved)
                continue
        return values

    def discard_failed(self, question_ids: Iterable[str] | None = None) -> None:
        """Forget failed writes that were written elsewhere (e.g. into a Save As copy).

        Args:
            question_ids: the answers written elsewhere; None = every failed one.
        """
        for question_id in list(self._failed) if question_ids is None else question_ids:
            self._failed.pop(question_id, None)
        if not self._failed:
            self.recovered.emit()

    def has_pending(self) -> bool:
        """Whether some edit is waiting for its timer."""
        return bool(self._pending)

    def _commit(self, question_id: str) -> None:
        for timers in (self._timers, self._deadlines):
            timer = timers.get(question_id)
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
        except Exception as exc:  # noqa: BLE001 (whatever went wrong, the edit is kept, never dropped)
            self._failed[question_id] = entry
            if isinstance(exc, UntocError):
                message = str(exc)
            else:
                log.error("an answer could not be saved", exc_info=exc)
                message = _(
                    "The answer could not be written to the draft file ({problem}). Your text is still "
                    "in the window: try again, or use Save As to save the draft elsewhere."
                ).format(problem=str(exc) or type(exc).__name__)
            self.failed.emit(message)
            return
        self._rejected.discard(question_id)
        had_failed = bool(self._failed)
        self._failed.pop(question_id, None)
        self.saved.emit(question_id, datetime.now())
        if had_failed and not self._failed:
            self.recovered.emit()
