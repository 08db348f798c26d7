"""Letters and the draft's letter log: issue (compose + render + record), regenerate, mark as sent.

Each generated letter is recorded with what is needed to write it again exactly:
its options, the template used, and the field values as they were (the summary and the
attachment's SHA-256 describe the submission as it was sent, not as the draft is now).
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from ..draft.records import LetterEntry, SentEntry
from ..i18n import _
from ..questionnaire.model import Definition
from ..snapshot import Snapshot
from .context import Letter, LetterError, LetterOptions, compose_letter, fill_letter
from .output import check_template, write_letter
from .source import LetterSource, StoredDraft, stored_snapshot


def create_letter(
    draft: StoredDraft,
    definition: Definition,
    options: LetterOptions,
    out: Path,
    fmt: str,
    template: Path | None = None,
) -> tuple[Letter, LetterEntry]:
    """Build a letter from an open draft as stored in its file, write it, and record it in the letter log.

    :func:`issue_letter` of :func:`~.source.stored_snapshot`; the application issues letters from the
    workspace's snapshot instead (``Workspace.create_letter``).

    Args:
        draft: the open draft.
        definition: its questionnaire.
        options: the user's choices (see :class:`LetterOptions`).
        out: the file to write.
        fmt: ``"docx"`` or ``"pdf"``.
        template: the user's own .docx template, or None for the shipped one.

    Returns:
        The letter and its log entry.

    Raises:
        LetterError, DraftFileError: see :func:`issue_letter`.
    """
    return issue_letter(stored_snapshot(draft, definition), draft, options, out, fmt, template)


def issue_letter(
    snapshot: Snapshot,
    draft: LetterSource,
    options: LetterOptions,
    out: Path,
    fmt: str,
    template: Path | None = None,
) -> tuple[Letter, LetterEntry]:
    """Compose a letter from ``snapshot``, write it, and record it in the draft's letter log.

    Args:
        snapshot: the picture of the draft the letter speaks of (``Workspace.snapshot()``).
        draft: the open draft: sender, address book, letter log (written), register.
        options: the user's choices (see :class:`LetterOptions`).
        out: the file to write.
        fmt: ``"docx"`` or ``"pdf"``.
        template: the user's own .docx template, or None for the shipped one.

    Returns:
        The letter and its log entry.

    Raises:
        LetterError: see :func:`.context.compose_letter` and :func:`.output.write_letter`; on
            error nothing is written and nothing is recorded.
        DraftFileError: the log could not be written (the file is then removed).
    """
    if template is not None:
        check_template(Path(template), options.kind)  # before anything else, so nothing is half done
    letter = compose_letter(snapshot, draft, options)
    issued_at = _dt.datetime.now(_dt.UTC).replace(microsecond=0)  # the file's dates, kept to write it again
    write_letter(letter, out, fmt, template, issued_at=issued_at)
    details = {
        "options": letter.options.to_json(),
        "fields": letter.fields,
        "template": str(template) if template else "",
        "format": fmt,
        "file": str(out),
        "issued_at": issued_at.isoformat(),
    }
    try:
        entry = draft.letter_book.record_letter(
            LetterEntry(
                letter.reference, options.kind, options.language, letter.options.recipient_uuid, details=details
            )
        )
    except Exception:
        Path(out).unlink(missing_ok=True)
        raise
    return letter, entry


def letter_from_entry(entry: LetterEntry) -> Letter:
    """The letter recorded in a log entry, as it was generated.

    Raises:
        LetterError: the entry has no recorded letter (made by another tool).
    """
    try:
        options = LetterOptions.from_json(entry.details["options"])
        fields = entry.details["fields"]
    except (KeyError, TypeError, ValueError):
        raise LetterError(
            _("The letter {reference} was not recorded with its contents and cannot be regenerated.").format(
                reference=entry.reference
            )
        ) from None
    return fill_letter(options, entry.reference, fields)


def regenerate_letter(entry: LetterEntry, out: Path, fmt: str, template: Path | None = None) -> Letter:
    """Write a logged letter again (same reference, date and contents), e.g. in the other format.

    In the format and template it was first written with, the file is the same byte for byte (its
    SHA-256 matches the register's), except a PDF converted by LibreOffice from a user's template.
    Letters logged before the issue time was kept get today's file dates.

    Args:
        entry: a letter of the log (:func:`letters`).
        out: the file to write.
        fmt: ``"docx"`` or ``"pdf"``.
        template: a user template; None = the one used originally (or the shipped one).

    Raises:
        LetterError: see :func:`letter_from_entry` and :func:`.output.write_letter`.
    """
    letter = letter_from_entry(entry)
    original = entry.details.get("template") or None
    if template is None and original and Path(original).is_file():
        template = Path(original)
    try:
        issued_at: _dt.datetime | None = _dt.datetime.fromisoformat(entry.details["issued_at"])
    except (KeyError, TypeError, ValueError):
        issued_at = None
    write_letter(letter, out, fmt, template, issued_at=issued_at)
    return letter


def find_letter(draft: LetterSource, reference: str) -> LetterEntry:
    """The logged letter with ``reference``.

    Raises:
        LetterError: no such letter.
    """
    entry = next((e for e in draft.letter_book.letters() if e.reference == reference), None)
    if entry is None:
        raise LetterError(_("There is no letter {reference!r} in the draft's letter log.").format(reference=reference))
    return entry


def letter_date(entry: LetterEntry) -> _dt.date | None:
    """The date written on a logged letter, else the day it was created (local time); None when neither is known."""
    try:
        options = LetterOptions.from_json(entry.details["options"])
    except (KeyError, TypeError, ValueError):
        options = None
    if options is not None and options.letter_date is not None:
        return options.letter_date
    return entry.created_at.astimezone().date() if entry.created_at else None


def letter_sent(draft: LetterSource, reference: str, sent_on: _dt.date, channel: str) -> LetterEntry:
    """Record that the letter ``reference`` was sent on ``sent_on`` through ``channel``.

    Args:
        draft: the open draft.
        reference: the letter's reference in the log, e.g. "CJR/2026/001".
        sent_on: the day it went out: today or earlier (the computer's local date).
        channel: how it went (e-mail, post, hand delivery…).

    Raises:
        LetterError: no such letter, an empty channel, or a day still to come; nothing recorded.
        DraftFileError: the write failed.
    """
    if not channel.strip():
        raise LetterError(_("Say how the letter was sent (e-mail, post, hand delivery…)."))
    if sent_on > _dt.date.today():
        raise LetterError(
            _("{date} is still to come: mark the letter as sent on the day it goes out, or later.").format(
                date=sent_on.isoformat()
            )
        )
    letter_uuid = find_letter(draft, reference).letter_uuid
    entry = draft.letter_book.mark_sent(letter_uuid, sent_on.isoformat(), channel.strip())
    _record_letter_sent(draft, entry)
    return entry


def _record_letter_sent(draft: LetterSource, entry: LetterEntry) -> None:
    """Add a letter that went out to the register of what was sent (its file's SHA-256 when still there)."""
    from .context import sha256_of

    written = Path(entry.details.get("file") or "")
    digest = sha256_of(written) if written.name and written.is_file() else ""
    book = draft.letter_book
    names = {r.recipient_uuid: r.name for r in book.recipients()}
    book.record_sent(
        SentEntry(
            kind="letter",
            file_name=written.name or entry.reference,
            format=entry.details.get("format", ""),
            sha256=digest,
            signatories=tuple(filter(None, [entry.details.get("fields", {}).get("signatory_name", "")])),
            recipient=names.get(entry.recipient_uuid or "", ""),
            channel=entry.sent_channel or "",
            snapshot={"reference": entry.reference, "letter": entry.details, "sent_on": entry.sent_on},
        )
    )
