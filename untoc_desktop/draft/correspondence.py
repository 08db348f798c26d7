"""The draft's address book (recipients such as focal points) and its log of letters.

Plain data in, plain data out; each call is one short session on the draft.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from ..errors import DraftFileError
from ..i18n import _
from . import properties
from .records import LetterEntry, Recipient

if TYPE_CHECKING:
    from .models import LetterRecord, RecipientRecord
    from .store import Draft

__all__ = [
    "FORMS_PROPERTY",
    "LetterEntry",
    "Recipient",
    "delete_recipient",
    "letters",
    "mark_sent",
    "recipients",
    "record_letter",
    "restore_recipient",
    "save_recipient",
]


def _recipient(record: RecipientRecord) -> Recipient:
    return Recipient(
        record.name,
        record.title,
        record.agency,
        record.postal_address,
        record.email,
        record.is_focal_point,
        record.recipient_uuid,
    )


def _letter(record: LetterRecord) -> LetterEntry:
    return LetterEntry(
        record.reference,
        record.kind,
        record.language,
        record.recipient_uuid or "",
        record.created_at,
        record.sent_on or "",
        record.sent_channel or "",
        dict(record.details),
        record.letter_uuid,
    )


#: Draft property holding each recipient's form of address: {recipient_uuid: form}.
FORMS_PROPERTY = properties.FORMS_OF_ADDRESS


def recipients(draft: Draft) -> list[Recipient]:
    """The address book, in the order entries were added."""
    from sqlalchemy import select

    from .models import RecipientRecord

    forms = properties.forms_of_address(draft)
    with draft.reading() as session:
        found = [_recipient(r) for r in session.scalars(select(RecipientRecord).order_by(RecipientRecord.id))]
    return [replace(r, form_of_address=forms.get(r.recipient_uuid, "neutral")) for r in found]


def new_recipient_record(recipient: Recipient) -> RecipientRecord:
    """The address-book row of ``recipient``, created now (also used when merging a colleague's copy)."""
    from .models import RecipientRecord

    return RecipientRecord(
        recipient_uuid=recipient.recipient_uuid,
        name=recipient.name,
        title=recipient.title,
        agency=recipient.agency,
        postal_address=recipient.postal_address,
        email=recipient.email,
        is_focal_point=recipient.is_focal_point,
        created_at=datetime.now(UTC),
    )


def _store_form(draft: Draft, recipient: Recipient) -> None:
    forms = properties.forms_of_address(draft)
    form = recipient.form_of_address if recipient.form_of_address in properties.FORMS else "neutral"
    if forms.get(recipient.recipient_uuid, "neutral") != form:
        forms[recipient.recipient_uuid] = form
        properties.set_forms_of_address(draft, forms)


def delete_recipient(draft: Draft, recipient_uuid: str) -> Recipient:
    """Remove a recipient from the address book (letters already logged keep their text).

    Returns:
        The recipient as it was, so that it can be put back with :func:`restore_recipient`.

    Raises:
        DraftFileError: the write failed, or the recipient is not in the address book.
    """
    from sqlalchemy import select

    from .models import RecipientRecord

    removed = next((r for r in recipients(draft) if r.recipient_uuid == recipient_uuid), None)
    if removed is None:
        raise DraftFileError(_("That recipient is no longer in the address book."))
    with draft.writing() as session:
        record = session.scalars(
            select(RecipientRecord).where(RecipientRecord.recipient_uuid == recipient_uuid)
        ).first()
        if record is not None:
            session.delete(record)
    return removed


def restore_recipient(draft: Draft, recipient: Recipient) -> Recipient:
    """Put a deleted recipient back with the same identity (undo of :func:`delete_recipient`).

    Raises:
        DraftFileError: the write failed.
    """
    with draft.writing() as session:
        session.add(new_recipient_record(recipient))
    _store_form(draft, recipient)
    return recipient


def save_recipient(draft: Draft, recipient: Recipient) -> Recipient:
    """Add a recipient (empty ``recipient_uuid``) or update an existing one.

    Raises:
        DraftFileError: the write failed, or the recipient to update does not exist.
    """
    from sqlalchemy import select

    from .models import RecipientRecord

    with draft.writing() as session:
        if not recipient.recipient_uuid:
            recipient = replace(recipient, recipient_uuid=str(uuid.uuid4()))
            session.add(new_recipient_record(recipient))
            added = True
        else:
            added = False
        record = (
            None
            if added
            else session.scalars(
                select(RecipientRecord).where(RecipientRecord.recipient_uuid == recipient.recipient_uuid)
            ).first()
        )
        if not added and record is None:
            raise DraftFileError(_("That recipient is no longer in the address book."))
        if record is not None:
            for name in ("name", "title", "agency", "postal_address", "email", "is_focal_point"):
                setattr(record, name, getattr(recipient, name))
    _store_form(draft, recipient)
    return recipient


def letters(draft: Draft) -> list[LetterEntry]:
    """The letter log, oldest first."""
    from sqlalchemy import select

    from .models import LetterRecord

    with draft.reading() as session:
        return [_letter(r) for r in session.scalars(select(LetterRecord).order_by(LetterRecord.id))]


def record_letter(draft: Draft, letter: LetterEntry) -> LetterEntry:
    """Add a letter to the log (its ``letter_uuid`` and ``created_at`` are filled in).

    Raises:
        DraftFileError: the write failed.
    """
    from .models import LetterRecord

    letter = replace(
        letter, letter_uuid=letter.letter_uuid or str(uuid.uuid4()), created_at=letter.created_at or datetime.now(UTC)
    )
    with draft.writing() as session:
        session.add(
            LetterRecord(
                letter_uuid=letter.letter_uuid,
                reference=letter.reference,
                kind=letter.kind,
                language=letter.language,
                recipient_uuid=letter.recipient_uuid or None,
                created_at=letter.created_at,
                sent_on=letter.sent_on or None,
                sent_channel=letter.sent_channel or None,
                details=letter.details,
            )
        )
    return letter


def mark_sent(draft: Draft, letter_uuid: str, sent_on: str, channel: str) -> LetterEntry:
    """Record that a letter was sent on ``sent_on`` (ISO date) through ``channel``.

    Raises:
        DraftFileError: the write failed or the letter is not in the log.
    """
    from sqlalchemy import select

    from .models import LetterRecord

    with draft.writing() as session:
        record = session.scalars(select(LetterRecord).where(LetterRecord.letter_uuid == letter_uuid)).first()
        if record is None:
            raise DraftFileError(_("That letter is not in the draft's letter log."))
        record.sent_on, record.sent_channel = sent_on, channel
        return _letter(record)
