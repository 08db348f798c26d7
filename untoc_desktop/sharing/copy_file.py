"""Reading a colleague's copy of a draft: checked first, then read only, never written.

A copy comes from someone else: it is checked by its header (another program's
file, a newer format: refused like any file, see
:func:`untoc_desktop.draft.check_draft_file`) and by its schema (only tables
and indexes, no views or triggers that could run statements of their own)
before any statement reads it; then it is opened read-only.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..draft import DraftInfo, check_draft_file, properties
from ..draft.connection import SQLiteError, connect
from ..draft.correspondence import LetterEntry, Recipient, letters, recipients
from ..draft.draft_file import Draft
from ..draft.register import SentEntry, sent_entries
from ..draft.schema_check import check_contents
from ..errors import NotADraftError
from ..i18n import _

_REQUIRED_TABLES = {"draft", "answer", "answer_change"}


@dataclass(frozen=True)
class CopiedChange:
    """One row of the copy's change history, checked, with its stored JSON kept to be copied as it is.

    Attributes:
        change_uuid / question_id / author: as recorded.
        changed_at: ISO 8601 UTC time, as stored.
        previous_json / new_json: the stored JSON text (``None``: no value).
        new_value: ``new_json`` decoded.
    """

    change_uuid: str
    question_id: str
    author: str
    changed_at: str
    previous_json: str | None
    new_json: str | None
    new_value: Any


@dataclass(frozen=True)
class CopyContents:
    """Everything a merge takes from a colleague's copy, as plain data.

    Attributes:
        path: the copy's file.
        fingerprint: SHA-256 of the file (hex), recorded in the merge log.
        info: what the draft is about (``draft_uuid`` is its identity).
        answers: question id -> value.
        history: recorded changes, oldest first (:class:`CopiedChange`).
        conflicts: question id -> (mine, theirs, ancestor, both, theirs_author) of the copy's own
            open conflicts (schema 3 copies).
        recipients / letters: the address book and the letter log.
        sent: the register of what was sent (submissions and letters that went out).
        sender: the ``sender`` property (letterhead details) or ``None``.
    """

    path: Path
    fingerprint: str
    info: DraftInfo
    answers: dict[str, Any]
    history: list[CopiedChange]
    conflicts: dict[str, tuple[Any, Any, Any, Any, str]] = field(default_factory=dict)
    recipients: list[Recipient] = field(default_factory=list)
    letters: list[LetterEntry] = field(default_factory=list)
    sent: list[SentEntry] = field(default_factory=list)
    sender: Any = None


def fingerprint(path: Path) -> str:
    """SHA-256 of a file's bytes (hex)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _damaged(path: Path, reason: object) -> NotADraftError:
    return NotADraftError(
        _("{name} is damaged and cannot be read ({reason}). Nothing was changed.").format(name=path.name, reason=reason)
    )


def _read_rows(path: Path) -> tuple[set[str], dict[str, Any], list[CopiedChange]]:
    """The copy's tables, answers and history, after checking that its schema holds only tables and indexes.

    Raises:
        NotADraftError: views, triggers or missing tables (a damaged or crafted file), or values
            that are not what a draft stores.
    """
    try:
        connection = connect(path, read_only=True)  # trusted_schema off, limits on values and SQL
        try:
            rows = connection.execute("SELECT type, name FROM sqlite_master").fetchall()
            kinds = {kind for kind, _name in rows}
            tables = {name for kind, name in rows if kind == "table"}
            if kinds - {"table", "index"} or not _REQUIRED_TABLES <= tables:
                raise NotADraftError(
                    _(
                        "{name} is not a draft made by this application (its tables are not those "
                        "of a draft). Nothing was changed."
                    ).format(name=path.name)
                )
            answers = connection.execute("SELECT question_id, value FROM answer").fetchall()
            history = connection.execute(
                "SELECT change_uuid, question_id, author, changed_at, previous_value, new_value "
                "FROM answer_change ORDER BY id"
            ).fetchall()
        finally:
            connection.close()
    except SQLiteError as exc:
        raise _damaged(path, exc) from None
    try:
        values = {str(question_id): json.loads(value) for question_id, value in answers}
        changes = []
        for change_uuid, question_id, author, changed_at, previous, new in history:
            if not all(isinstance(v, str) for v in (change_uuid, question_id, author, changed_at)):
                raise ValueError("a history row is not text")
            if previous is not None:
                json.loads(previous)
            when = datetime.fromisoformat(changed_at)
            if when.tzinfo is None:
                raise ValueError("a change without its time zone")
            changed_at = when.astimezone(UTC).isoformat(timespec="microseconds")  # as the store writes it
            changes.append(
                CopiedChange(
                    change_uuid,
                    question_id,
                    author,
                    changed_at,
                    previous,
                    new,
                    None if new is None else json.loads(new),
                )
            )
    except (TypeError, ValueError, RecursionError) as exc:
        raise _damaged(path, exc) from None
    return tables, values, changes


def read_copy(path: str | Path) -> CopyContents:
    """Read a colleague's copy of a draft without writing to it.

    Raises:
        NotADraftError: not a draft, damaged, or a crafted schema.
        NewerDraftError: written by a newer version of the application.
        DraftFileError: unreadable, or copied while open (sidecar files beside it).
    """
    from ..draft.models import AnswerConflictRecord

    path = Path(path)
    header = check_draft_file(path)
    check_contents(path, header.user_version)  # exactly our schema, sound pages and values (like any draft opened)
    tables, answers, history = _read_rows(path)
    with Draft.open(path, read_only=True) as copy:
        conflicts: dict[str, tuple[Any, Any, Any, Any, str]] = {}
        if "answer_conflict" in tables:
            with copy.reading() as session:
                for record in session.query(AnswerConflictRecord):
                    conflicts[record.question_id] = (
                        record.mine,
                        record.theirs,
                        record.ancestor,
                        record.both,
                        record.theirs_author,
                    )
        return CopyContents(
            path=path,
            fingerprint=fingerprint(path),
            info=copy.info,
            answers=answers,
            history=history,
            conflicts=conflicts,
            recipients=recipients(copy) if "recipient" in tables else [],
            letters=letters(copy) if "letter" in tables else [],
            sent=sent_entries(copy) if "sent_entry" in tables else [],
            # Merged as stored (a colleague's details are taken whole); read through properties.sender when used.
            sender=copy.property(properties.SENDER) if "draft_property" in tables else None,
        )
