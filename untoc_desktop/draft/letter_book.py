"""An open draft's address book, letter log and register of what was sent, as one object.

The letters package works on whatever it is handed that offers these calls (see
:class:`untoc_desktop.letters.source.LetterSource`); a :class:`~.store.Draft` hands out a
:class:`LetterBook` bound to itself (``draft.letter_book``), so the letters never import the
store. Each call is one short session on the draft, as in :mod:`.correspondence` and
:mod:`.register`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import correspondence, register
from .records import LetterEntry, Recipient, SentEntry

if TYPE_CHECKING:
    from .store import Draft


class LetterBook:
    """The address book, the letter log and the register of one open draft.

    Args:
        draft: the open draft (kept, not copied: each call reads or writes it).
    """

    def __init__(self, draft: Draft) -> None:
        self._draft = draft

    def recipients(self) -> list[Recipient]:
        """The address book, in the order entries were added."""
        return correspondence.recipients(self._draft)

    def letters(self) -> list[LetterEntry]:
        """The letter log, oldest first."""
        return correspondence.letters(self._draft)

    def record_letter(self, letter: LetterEntry) -> LetterEntry:
        """Add a letter to the log (see :func:`.correspondence.record_letter`).

        Raises:
            DraftFileError: the write failed.
        """
        return correspondence.record_letter(self._draft, letter)

    def mark_sent(self, letter_uuid: str, sent_on: str, channel: str) -> LetterEntry:
        """Record that a letter was sent on ``sent_on`` (ISO date) through ``channel``.

        Raises:
            DraftFileError: the write failed or the letter is not in the log.
        """
        return correspondence.mark_sent(self._draft, letter_uuid, sent_on, channel)

    def record_sent(self, entry: SentEntry) -> SentEntry:
        """Add an entry to the register of what was sent (see :func:`.register.record_sent`).

        Raises:
            DraftFileError: the write failed; nothing was recorded.
        """
        return register.record_sent(self._draft, entry)

    def sent_entries(self) -> list[SentEntry]:
        """Every register entry, oldest first, numbered from 1."""
        return register.sent_entries(self._draft)

    def latest_sent(self, file_name: str) -> SentEntry | None:
        """The newest register entry recorded for a file name, or None."""
        return register.latest_for_file(self._draft, file_name)
