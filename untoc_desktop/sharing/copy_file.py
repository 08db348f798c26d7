"""Reading a colleague's copy of a draft: checked first, then read only, never written.

A copy comes from someone else: it is checked by its header (another program's
file, a newer format: refused like any file, see
:func:`untoc_desktop.draft.check_draft_file`) and by its schema (only tables
and indexes, no views or triggers that could run statements of their own)
before any statement reads it; then it is opened read-only.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..draft import AnswerChange, Draft, DraftInfo, check_draft_file
from ..draft.correspondence import LetterEntry, Recipient, letters, recipients
from ..draft.models import AnswerConflictRecord
from ..errors import NotADraftError
from ..i18n import _

_REQUIRED_TABLES = {"draft", "answer", "answer_change"}


@dataclass(frozen=True)
class CopyContents:
    """Everything a merge takes from a colleague's copy, as plain data.

    Attributes:
        path: the copy's file.
        fingerprint: SHA-256 of the file (hex), recorded in the merge log.
        info: what the draft is about (``draft_uuid`` is its identity).
        answers: question id -> value.
        history: recorded changes, oldest first.
        conflicts: question id -> (mine, theirs, ancestor, both, theirs_author) of the copy's own
            open conflicts (schema 3 copies).
        recipients / letters: the address book and the letter log.
        sender: the ``sender`` property (letterhead details) or ``None``.
    """

    path: Path
    fingerprint: str
    info: DraftInfo
    answers: dict[str, Any]
    history: list[AnswerChange]
    conflicts: dict[str, tuple[Any, Any, Any, Any, str]] = field(default_factory=dict)
    recipients: list[Recipient] = field(default_factory=list)
    letters: list[LetterEntry] = field(default_factory=list)
    sender: Any = None


def fingerprint(path: Path) -> str:
    """SHA-256 of a file's bytes (hex)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _tables(path: Path) -> set[str]:
    """The copy's table names, after checking that its schema holds only tables and indexes.

    Raises:
        NotADraftError: views, triggers or missing tables (a damaged or crafted file).
    """
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            connection.execute("PRAGMA trusted_schema=OFF")
            rows = connection.execute("SELECT type, name FROM sqlite_master").fetchall()
        finally:
            connection.close()
    except sqlite3.Error as exc:
        raise NotADraftError(_("{name} is damaged and cannot be read ({reason}). Nothing was changed.").format(
            name=path.name, reason=exc)) from None
    kinds = {kind for kind, _name in rows}
    tables = {name for kind, name in rows if kind == "table"}
    if kinds - {"table", "index"} or not _REQUIRED_TABLES <= tables:
        raise NotADraftError(_("{name} is not a draft made by this application (its tables are not those of a "
                               "draft). Nothing was changed.").format(name=path.name))
    return tables


def read_copy(path: str | Path) -> CopyContents:
    """Read a colleague's copy of a draft without writing to it.

    Raises:
        NotADraftError: not a draft, damaged, or a crafted schema.
        NewerDraftError: written by a newer version of the application.
        DraftFileError: unreadable, or copied while open (sidecar files beside it).
    """
    path = Path(path)
    check_draft_file(path)
    tables = _tables(path)
    with Draft.open(path, read_only=True) as copy:
        conflicts: dict[str, tuple[Any, Any, Any, Any, str]] = {}
        if "answer_conflict" in tables:
            with copy.reading() as session:
                for record in session.query(AnswerConflictRecord):
                    conflicts[record.question_id] = (record.mine, record.theirs, record.ancestor, record.both,
                                                     record.theirs_author)
        return CopyContents(
            path=path,
            fingerprint=fingerprint(path),
            info=copy.info,
            answers=copy.answers(),
            history=copy.history(),
            conflicts=conflicts,
            recipients=recipients(copy) if "recipient" in tables else [],
            letters=letters(copy) if "letter" in tables else [],
            sender=copy.property("sender") if "draft_property" in tables else None,
        )
