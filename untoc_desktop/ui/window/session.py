"""The open draft as the window sees it: a thin Qt adapter over :class:`untoc_desktop.workspace.Workspace`.

Every read and write goes to the workspace (the one answers cache); the adapter only turns the
:class:`~untoc_desktop.workspace.Changes` each operation returns into Qt signals.

A snapshot taken through the session (export, signing, letters, Sent submissions) first stores
the edits still waiting for the autosave's timer (:meth:`DraftSession.snapshot`), so what was typed
a moment ago is in it; no command has to save pending edits itself before reading the draft.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from ...draft import DraftInfo
from ...questionnaire.model import Definition, Paragraph, Question
from ...validation import CompletenessReport
from ...workspace import NOTHING, Changes, Snapshot, Workspace


class DraftSession(QObject):
    """An open draft for the window: the workspace, plus signals saying what changed.

    Args:
        workspace: the open draft and its questionnaire; the session closes it in :meth:`close`.
    """

    #: Emitted with the new :class:`CompletenessReport` after answers, conflicts or details changed.
    completeness_changed = Signal(object)
    #: Emitted with the :class:`~untoc_desktop.workspace.Changes` of every operation that changed something.
    changed = Signal(object)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._store_waiting_edits: Callable[[], object] | None = None

    # -- reading (from the workspace's cache) ---------------------------------------

    @property
    def draft(self) -> Any:
        """The open :class:`~untoc_desktop.draft.Draft` (for core functions that take one, and tests)."""
        return self.workspace.draft

    @property
    def definition(self) -> Definition:
        """The questionnaire of the draft."""
        return self.workspace.definition

    @property
    def path(self) -> Path:
        """The draft file."""
        return self.workspace.path

    @property
    def info(self) -> DraftInfo:
        """What the draft is about."""
        return self.workspace.info

    @property
    def read_only(self) -> bool:
        """True when the draft is open read-only."""
        return self.workspace.read_only

    @property
    def report(self) -> CompletenessReport:
        """Completeness of the stored answers."""
        return self.workspace.report

    def answers(self) -> dict[str, Any]:
        """A copy of every stored answer: question id -> value."""
        return self.workspace.answers()

    def answer(self, question_id: str) -> Any:
        """The stored value of one question, or ``None``."""
        return self.workspace.answer(question_id)

    def paragraph_answers(self, paragraph: Paragraph) -> dict[str, Any]:
        """The stored answers of one paragraph by question key."""
        return self.workspace.paragraph_answers(paragraph)

    def applies(self, paragraph: Paragraph) -> bool:
        """Whether the paragraph is reviewed for this State party (Protocol ratified or Convention)."""
        return self.workspace.applies(paragraph)

    def snapshot(self) -> Snapshot:
        """An immutable picture of the draft (what export, signing and letters use), with every edit typed so far.

        The edits still waiting for the autosave's timer are stored first (one transaction each,
        see :meth:`waiting_edits_stored_by`); an edit that cannot be stored stays in the window, listed as
        unsaved, and the picture holds the answer as stored. Call it on the window's thread.
        """
        if self._store_waiting_edits is not None:
            self._store_waiting_edits()
        return self.workspace.snapshot()

    def waiting_edits_stored_by(self, store: Callable[[], object] | None) -> None:
        """Have :meth:`snapshot` call ``store()`` first (the :class:`~.autosave.Autosave` writing to this session).

        Args:
            store: stores the edits typed but not yet written (``Autosave.flush``); None forgets it.
        """
        self._store_waiting_edits = store

    # -- writing ---------------------------------------------------------------------

    def set_answer(self, question: Question, value: Any) -> bool:
        """Check and store one answer (one transaction); False when the value was already stored.

        Raises:
            InvalidAnswerError: the value does not fit the question; nothing written.
            DraftFileError: the write failed; nothing written.
        """
        changes = self.workspace.set_answer(question, value)
        self.announce(changes)
        return bool(changes.answers)

    def reload(self) -> None:
        """Read the answers and open conflicts again from the file (after a merge, restore or settled conflict)."""
        self.announce(self.workspace.reload())

    def announce(self, changes: Changes) -> Changes:
        """Emit the signals for ``changes`` (the result of a workspace operation); returns ``changes``."""
        if changes is NOTHING or not changes:
            return changes
        if changes.answers or changes.conflicts or changes.info or changes.reloaded:
            self.completeness_changed.emit(self.workspace.report)
        self.changed.emit(changes)
        return changes

    def close(self) -> None:
        """Release the draft file."""
        self._store_waiting_edits = None
        self.workspace.close()
