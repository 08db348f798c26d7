"""What the letters need from a draft, as small Protocols (the letters never import the storage).

A letter's content (details, answers, questionnaire) comes from a
:class:`~untoc_desktop.snapshot.Snapshot` (``Workspace.snapshot()``); the sender, address book,
letter log, register and review dates come from the open draft as a :class:`LetterSource`.
A :class:`untoc_desktop.draft.store.Draft` satisfies :class:`LetterSource` and :class:`StoredDraft`;
so can any other holder of an open draft (a stand-in in tests). The records exchanged are the
plain ones of :mod:`untoc_desktop.draft.records`.
"""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType
from typing import Any, Protocol

from ..draft.records import DraftInfo, LetterEntry, Recipient, SentEntry
from ..questionnaire.model import Definition
from ..snapshot import Snapshot


class LetterBook(Protocol):
    """A draft's address book, letter log and register of what was sent."""

    def recipients(self) -> list[Recipient]:
        """The address book, in the order entries were added."""
        ...

    def letters(self) -> list[LetterEntry]:
        """The letter log, oldest first."""
        ...

    def record_letter(self, letter: LetterEntry) -> LetterEntry:
        """Add a letter to the log (uuid and time filled in); raises ``DraftFileError`` when the write fails."""
        ...

    def mark_sent(self, letter_uuid: str, sent_on: str, channel: str) -> LetterEntry:
        """Record that a letter was sent (ISO date, channel); raises ``DraftFileError``."""
        ...

    def record_sent(self, entry: SentEntry) -> SentEntry:
        """Add an entry to the register of what was sent; raises ``DraftFileError``."""
        ...

    def latest_sent(self, file_name: str) -> SentEntry | None:
        """The newest register entry recorded for a file name, or None."""
        ...


class LetterSource(Protocol):
    """The open draft a letter is recorded in: its letter book and its properties (sender, review dates)."""

    @property
    def letter_book(self) -> LetterBook:
        """Its address book, letter log and register."""
        ...

    def property(self, key: str, default: Any = None) -> Any:
        """A stored draft property (read through :mod:`untoc_desktop.draft.properties`)."""
        ...

    def set_property(self, key: str, value: Any) -> None:
        """Store a draft property (written through :mod:`untoc_desktop.draft.properties`)."""
        ...


class StoredDraft(LetterSource, Protocol):
    """An open draft whose details and answers are read from its file (scripts and tests holding a ``Draft``)."""

    path: Path
    read_only: bool

    @property
    def info(self) -> DraftInfo:
        """What the draft is about."""
        ...

    def answers(self) -> dict[str, Any]:
        """Every stored answer: question id -> value."""
        ...


def stored_snapshot(draft: StoredDraft, definition: Definition) -> Snapshot:
    """A :class:`~untoc_desktop.snapshot.Snapshot` of the draft as stored in its file (open conflicts not read).

    The application takes its snapshot from the workspace (``Workspace.snapshot()``); this one is
    for a caller holding only an open draft.

    Args:
        draft: the open draft.
        definition: the questionnaire it is answered against.
    """
    return Snapshot(draft.path, definition, draft.info, MappingProxyType(draft.answers()), read_only=draft.read_only)
