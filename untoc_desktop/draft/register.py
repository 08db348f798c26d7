"""The register of what was sent, stored in the draft (schema 4): plain data in, plain data out.

Entries are only ever added: the register is the organisation's proof of what left the
office, so nothing here edits or deletes one.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import select

from ..errors import UntocError
from ..i18n import _
from .models import SentEntryRecord
from .store import Draft


@dataclass(frozen=True)
class SentEntry:
    """One submission or letter that went out.

    Attributes:
        number: position in the register, from 1 (set when read back).
        kind: ``"submission"`` or ``"letter"``.
        file_name: the file's name as written (no folder).
        format: ``"pdf"`` or ``"docx"``.
        sha256: SHA-256 of the file that went out (the signed file when signed), 64 hex digits.
        signatories: who signed it (empty when unsigned).
        recipient: to whom it went ("" when not known yet).
        channel: how it went (e-mail, post...; "" when not known yet).
        snapshot: JSON data to write the file again (see :mod:`untoc_desktop.submissions`).
        recorded_at: when it was recorded (UTC).
        entry_uuid: the entry's identifier.
    """

    kind: str
    file_name: str
    format: str
    sha256: str
    signatories: tuple[str, ...] = ()
    recipient: str = ""
    channel: str = ""
    snapshot: dict[str, Any] = field(default_factory=dict)
    recorded_at: datetime | None = None
    entry_uuid: str = ""
    number: int = 0


def record_sent(draft: Draft, entry: SentEntry) -> SentEntry:
    """Add an entry to the register, in one transaction.

    Returns:
        The entry as stored (uuid, time and number filled in).

    Raises:
        DraftFileError: the write failed (read-only draft, disk full); nothing was recorded.
    """
    entry_uuid = entry.entry_uuid or str(uuid.uuid4())
    recorded_at = entry.recorded_at or datetime.now(timezone.utc)
    with draft.writing() as session:
        session.add(
            SentEntryRecord(
                entry_uuid=entry_uuid,
                kind=entry.kind,
                recorded_at=recorded_at,
                file_name=entry.file_name,
                format=entry.format,
                sha256=entry.sha256,
                signatories=list(entry.signatories),
                recipient=entry.recipient,
                channel=entry.channel,
                snapshot=entry.snapshot,
            )
        )
    return next(e for e in sent_entries(draft) if e.entry_uuid == entry_uuid)


def sent_entries(draft: Draft) -> list[SentEntry]:
    """Every register entry, oldest first, numbered from 1."""
    with draft.reading() as session:
        records = list(session.scalars(select(SentEntryRecord).order_by(SentEntryRecord.id)))
    return [
        SentEntry(
            kind=r.kind,
            file_name=r.file_name,
            format=r.format,
            sha256=r.sha256,
            signatories=tuple(r.signatories or ()),
            recipient=r.recipient,
            channel=r.channel,
            snapshot=r.snapshot or {},
            recorded_at=r.recorded_at,
            entry_uuid=r.entry_uuid,
            number=number,
        )
        for number, r in enumerate(records, start=1)
    ]


def sent_entry(draft: Draft, number: int) -> SentEntry:
    """The register entry numbered ``number`` (from 1).

    Raises:
        UntocError: there is no such entry.
    """
    entries = sent_entries(draft)
    if not 1 <= number <= len(entries):
        raise UntocError(
            _("The register of {name} has {count} entr{value}; there is no number {number}.").format(
                name=draft.path.name, count=len(entries), value='y' if len(entries) == 1 else 'ies', number=number)
        )
    return entries[number - 1]


def latest_for_file(draft: Draft, file_name: str) -> SentEntry | None:
    """The newest entry recorded for a file name, or None."""
    matches = [e for e in sent_entries(draft) if e.file_name == file_name]
    return matches[-1] if matches else None
