"""The register of what was sent, stored in the draft (schema 4): plain data in, plain data out.

Entries are only ever added: the register is the organisation's proof of what left the
office, so nothing here edits or deletes one.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from ..errors import UntocError
from ..i18n import ngettext
from .records import SentEntry

if TYPE_CHECKING:
    from .store import Draft

__all__ = ["SentEntry", "latest_for_file", "record_sent", "sent_entries", "sent_entry"]


def record_sent(draft: Draft, entry: SentEntry) -> SentEntry:
    """Add an entry to the register, in one transaction.

    Returns:
        The entry as stored (uuid, time and number filled in).

    Raises:
        DraftFileError: the write failed (read-only draft, disk full); nothing was recorded.
    """
    from .models import SentEntryRecord

    entry_uuid = entry.entry_uuid or str(uuid.uuid4())
    recorded_at = entry.recorded_at or datetime.now(UTC)
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
    from sqlalchemy import select

    from .models import SentEntryRecord

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
            ngettext(
                "The register of {name} has {count} entry; there is no number {number}.",
                "The register of {name} has {count} entries; there is no number {number}.",
                len(entries),
            ).format(name=draft.path.name, count=len(entries), number=number)
        )
    return entries[number - 1]


def latest_for_file(draft: Draft, file_name: str) -> SentEntry | None:
    """The newest entry recorded for a file name, or None."""
    matches = [e for e in sent_entries(draft) if e.file_name == file_name]
    return matches[-1] if matches else None
