"""What the window's controllers receive from the window: the open draft, and where to show messages.

The controllers (file, questionnaire, desk, sharing and encrypted-copy commands) never import
the main window. Each gets a parent widget, a :class:`Notices` and an object satisfying one of
the small protocols below; :class:`~untoc_desktop.ui.window.main_window.MainWindow` satisfies
them with public members only.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QMessageBox, QStatusBar, QWidget

if TYPE_CHECKING:
    from ..editor.draft_view import DraftView
    from .autosave import Autosave
    from .session import DraftSession

#: How long a status bar message stays by default, in milliseconds.
STATUS_MS = 15000


class Notices:
    """Message boxes over the window and lines in its status bar.

    Args:
        parent: the widget message boxes are shown over.
        status_bar: returns the window's status bar (called at each message).
    """

    def __init__(self, parent: QWidget, status_bar: Callable[[], QStatusBar]) -> None:
        self.parent = parent
        self._status_bar = status_bar

    def warn(self, title: str, text: str) -> None:
        """A warning box (``title``, ``text``: translated sentences)."""
        QMessageBox.warning(self.parent, title, text)

    def status(self, message: str, timeout_ms: int = STATUS_MS) -> None:
        """Show ``message`` in the status bar for ``timeout_ms`` milliseconds (0: until replaced)."""
        self._status_bar().showMessage(message, timeout_ms)

    def clear_status(self) -> None:
        """Remove the status bar message."""
        self._status_bar().clearMessage()


class OpenDraft(Protocol):
    """The draft open in the window, as a controller reads it (each member ``None`` when no draft is open)."""

    @property
    def session(self) -> DraftSession | None:
        """The open draft."""

    @property
    def autosave(self) -> Autosave | None:
        """Its pending edits."""

    @property
    def draft_view(self) -> DraftView | None:
        """The tree and pages showing it."""


class DraftSwitcher(OpenDraft, Protocol):
    """An :class:`OpenDraft` that can also close the draft and open another one."""

    def open_draft(self, path: str | Path) -> bool:
        """Open a draft file in the window, replacing the open one; False (after a message) on failure."""

    def close_draft(self) -> bool:
        """Save pending edits and close the draft; False when the user kept it open."""


def flush_edits(holder: OpenDraft) -> bool:
    """Write the open draft's pending edits; False when some could not be written (shown in the window)."""
    return holder.autosave is None or holder.autosave.flush()
