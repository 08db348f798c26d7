"""Merging a colleague's copy of a draft into the draft, answer by answer, in one transaction.

The ancestor of each answer is the value after the last change (by
``change_uuid``) that both copies' histories contain, so no base file is
needed. Each answer is then merged three ways (:func:`.values.merge_values`):
a change made on one side only is taken; texts changed on both sides are
merged sentence by sentence; records (citations, sources, cases, statistics)
record by record; what both changed differently stays an *open conflict*
(:mod:`.conflicts`) and keeps the submission a draft. The copy's history rows
are copied in by ``change_uuid`` (their integer keys collide between copies),
so the other side's text stays in the draft's history. The address book, the
letter log and the sender's details are merged by identity.

Everything is written in one transaction: an interrupted merge leaves the
draft as it was. Merging the same copy twice changes nothing.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..draft import properties
from ..draft.draft_file import Draft
from ..draft.safety import DraftLock, LockInfo, read_lock
from ..errors import CopyMismatchError, DraftFileError
from ..i18n import _
from ..questionnaire.model import Definition
from .conflicts import Conflict
from .copy_file import CopyContents, read_copy
from .values import merge_values

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

#: Author recorded for merge changes when none is given and the draft has none.
MERGE_AUTHOR = "merge"
# The store's own encodings of values and times, for rows written with plain statements.
_JSON_TEXT = json.JSONEncoder(ensure_ascii=True, separators=(",", ":")).encode  # as JSONText stores values


def _encode(value: Any) -> str | None:
    return None if value is None else _JSON_TEXT(value)


@dataclass(frozen=True)
class MergeReport:
    """What a merge did.

    Attributes:
        copy_name: file name of the colleague's copy.
        copy_author: the author recorded in the copy.
        taken: question ids whose value was taken from the copy as it was.
        merged: question ids whose value combines both sides' changes.
        conflicts: the new open conflicts.
        open_conflicts: how many conflicts are open in the draft after the merge.
        history_copied: how many of the copy's history rows were added.
        recipients_added / letters_added: address book entries and letters added.
        letters_updated: letters marked sent from the copy.
        sender_taken: the sender's details were taken from the copy.
        changed: False when the merge found nothing new (nothing was written).
    """

    copy_name: str
    copy_author: str
    taken: tuple[str, ...] = ()
    merged: tuple[str, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    open_conflicts: int = 0
    history_copied: int = 0
    recipients_added: int = 0
    letters_added: int = 0
    letters_updated: int = 0
    sender_taken: bool = False
    changed: bool = False
    details: dict[str, Any] = field(default_factory=dict)


def _before_commit(session: Session) -> None:
    """Called inside the merge transaction just before it is committed (a seam for crash tests)."""


def question_kinds(definition: Definition) -> dict[str, str]:
    """Question id -> question type, for :func:`merge_into`."""
    return {q.id: q.type for paragraph in definition.paragraphs() for q in paragraph.questions}


def merge(
    mine_path: str | Path, theirs_path: str | Path, author: str | None = None, kinds: Mapping[str, str] | None = None
) -> MergeReport:
    """Merge the copy ``theirs_path`` into the draft ``mine_path`` (see :func:`merge_into`).

    Raises:
        UntocError: see :func:`merge_into`, and :meth:`Draft.open` for ``mine_path``.
    """
    mine_path = Path(mine_path)
    holder = read_lock(mine_path) if mine_path.is_file() else None
    if holder is not None and not holder.is_stale:
        raise open_elsewhere(mine_path, holder)
    with Draft.open(mine_path, allow_sidecars=holder is not None) as draft:
        # Our lock while merging: if the merge is interrupted, the next opening recognises a crash of ours
        # and lets SQLite roll the unfinished transaction back.
        draft.call_on_close(DraftLock.acquire(mine_path, replace_stale=holder is not None).release)
        return merge_into(draft, theirs_path, author, kinds)


def open_elsewhere(mine_path: Path, holder: LockInfo) -> DraftFileError:
    """The refusal to merge into a draft another running program holds (``holder``, its lock note)."""
    return DraftFileError(
        _(
            "{name} is open in untoc_desktop (by {user} on {host}). Merge the copy there "
            "(File > Merge a colleague's copy), or close it first. Nothing was changed."
        ).format(name=mine_path.name, user=holder.user or "?", host=holder.host)
    )


def merge_into(
    draft: Draft, theirs_path: str | Path, author: str | None = None, kinds: Mapping[str, str] | None = None
) -> MergeReport:
    """Merge a colleague's copy into an open draft, in one transaction.

    Args:
        draft: the open draft ("mine"), written.
        theirs_path: the colleague's copy; only read.
        author: recorded with the merge's changes and in the merge log (default: the draft's author).
        kinds: question id -> question type (see :func:`question_kinds`), so that a status or a choice is
            merged as one value and a text sentence by sentence; without it the values' shapes decide.

    Returns:
        A :class:`MergeReport`.

    Raises:
        CopyMismatchError: the copy is of another draft or cluster, or is the draft itself; nothing written.
        NotADraftError, NewerDraftError, DraftFileError: the copy cannot be used, or the draft cannot be
            written; nothing written.
    """
    theirs_path = Path(theirs_path)
    if theirs_path.exists() and theirs_path.resolve() == draft.path.resolve():
        raise CopyMismatchError(
            _("{name} is the draft itself; choose the copy a colleague sent you.").format(name=theirs_path.name)
        )
    copy = read_copy(theirs_path)
    _check_identity(draft, copy)
    author = author if author is not None else (draft.info.author or MERGE_AUTHOR)
    with draft.writing() as session:
        report = _merge_in_session(session, draft, copy, author, kinds or {})
        _before_commit(session)
    return report


def _check_identity(draft: Draft, copy: CopyContents) -> None:
    mine, theirs = draft.info, copy.info
    if theirs.draft_uuid != mine.draft_uuid:
        raise CopyMismatchError(
            _(
                "{name} is not a copy of this draft: it is another draft ({organization}, {country}, "
                "cluster {cluster}). Only copies made from this draft (File > Send a copy, or a copy of the file) "
                "can be merged. Nothing was changed."
            ).format(
                name=copy.path.name, organization=theirs.organization, country=theirs.country, cluster=theirs.cluster
            )
        )
    if theirs.cluster != mine.cluster:
        raise CopyMismatchError(
            _(
                "{name} is a copy of this draft but answers cluster {theirs}, not cluster {mine}; it cannot be merged. "
                "Nothing was changed."
            ).format(name=copy.path.name, theirs=theirs.cluster, mine=mine.cluster)
        )


def _merge_in_session(
    session: Session, draft: Draft, copy: CopyContents, author: str, kinds: Mapping[str, str]
) -> MergeReport:
    from sqlalchemy import delete, select

    from ..draft.models import AnswerConflictRecord, MergeLogRecord, UTCDateTime

    now = datetime.now(UTC)
    connection = session.connection()
    # Take the write lock before reading (Python's sqlite3 begins the transaction at the first write
    # statement): nothing can change the draft between what the merge reads and what it writes.
    connection.exec_driver_sql("UPDATE draft SET id = id WHERE 0")
    # Plain statements (bound parameters only): thousands of rows are read and written here.
    mine_answers = {q: json.loads(v) for q, v in connection.exec_driver_sql("SELECT question_id, value FROM answer")}
    mine_history = connection.exec_driver_sql(
        "SELECT change_uuid, question_id, new_value FROM answer_change ORDER BY id"
    ).all()
    mine_uuids = {row[0] for row in mine_history}
    theirs_uuids = {c.change_uuid for c in copy.history}
    common: dict[str, str | None] = {}
    mine_last: dict[str, str] = {}
    for change_uuid, question_id, new_json in mine_history:
        mine_last[question_id] = change_uuid
        if change_uuid in theirs_uuids:
            common[question_id] = new_json
    ancestors = {q: None if v is None else json.loads(v) for q, v in common.items()}
    open_conflicts = set(session.scalars(select(AnswerConflictRecord.question_id)))

    theirs_authors: dict[str, str] = {}
    theirs_last: dict[str, Any] = {}
    theirs_last_uuid: dict[str, str] = {}
    for change in copy.history:
        theirs_authors[change.question_id] = change.author
        theirs_last[change.question_id] = change.new_value
        theirs_last_uuid[change.question_id] = change.change_uuid
    # My open conflicts the colleague settled: their copy has none on the answer, it holds my latest
    # change to it, and they changed (or confirmed) it since. Their answer is taken; the conflict closes.
    settled = sorted(
        q
        for q in open_conflicts
        if q not in copy.conflicts
        and mine_last.get(q) in theirs_uuids
        and theirs_last_uuid.get(q) is not None
        and theirs_last_uuid[q] not in mine_uuids
    )
    taken: list[str] = []
    merged: list[str] = []
    conflicts: list[Conflict] = []
    new_values: dict[str, Any] = {}
    for question_id in sorted(set(mine_answers) | set(copy.answers)):
        mine, theirs = mine_answers.get(question_id), copy.answers.get(question_id)
        if mine == theirs:
            continue
        if question_id in settled:
            taken.append(question_id)
            new_values[question_id] = theirs
            continue
        result = merge_values(ancestors.get(question_id), mine, theirs, kinds.get(question_id))
        if result.conflict:
            conflicts.append(
                Conflict(
                    question_id,
                    result.mine,
                    result.theirs,
                    ancestors.get(question_id),
                    result.both,
                    theirs_authors.get(question_id, copy.info.author),
                    copy.path.name,
                )
            )
        elif result.value == theirs and result.value != mine:
            taken.append(question_id)
        elif result.value != mine:
            merged.append(question_id)
        if result.value != mine:
            new_values[question_id] = result.value

    # The copy's own open conflicts come along with the answers taken from it. A conflict of theirs with
    # my own text (their "theirs" is what I have) is shown from my side: I keep my text meanwhile.
    conflicted = {c.question_id for c in conflicts}
    carried = []
    for qid, (c_mine, c_theirs, c_ancestor, c_both, c_author) in sorted(copy.conflicts.items()):
        mine_value = mine_answers.get(qid)
        if qid in open_conflicts or qid in conflicted or new_values.get(qid, mine_value) != copy.answers.get(qid):
            continue
        if c_theirs == mine_value and c_mine != mine_value:
            new_values.pop(qid, None)
            for names in (taken, merged):
                if qid in names:
                    names.remove(qid)
            carried.append(
                Conflict(
                    qid,
                    mine_value,
                    c_mine,
                    c_ancestor,
                    c_both,
                    theirs_authors.get(qid, copy.info.author),
                    copy.path.name,
                )
            )
        else:
            carried.append(Conflict(qid, c_mine, c_theirs, c_ancestor, c_both, c_author, copy.path.name))

    draft_uuid = draft.info.draft_uuid
    # (change uuid, draft uuid, question id, author, changed at, previous JSON, new JSON)
    history_rows: list[tuple[str, str, str, str, str | None, str | None, str | None]] = [
        (c.change_uuid, draft_uuid, c.question_id, c.author, c.changed_at, c.previous_json, c.new_json)
        for c in copy.history
        if c.change_uuid not in mine_uuids
    ]
    copied = len(history_rows)
    taken_set = set(taken)
    stamp = UTCDateTime().process_bind_param(now, None)
    for question_id, value in new_values.items():
        if question_id in taken_set and question_id in theirs_last and theirs_last[question_id] == value:
            continue  # the copied history row already records this value, with its real author
        history_rows.append(
            (
                str(uuid.uuid4()),
                draft_uuid,
                question_id,
                author,
                stamp,
                _encode(mine_answers.get(question_id)),
                _encode(value),
            )
        )
    _write_answers(connection, mine_answers, new_values, stamp, author)
    if history_rows:
        connection.exec_driver_sql(
            "INSERT INTO answer_change (change_uuid, draft_uuid, question_id, author, changed_at, previous_value, "
            "new_value) VALUES (?, ?, ?, ?, ?, ?, ?)",
            history_rows,
        )
    new_conflicts = conflicts + carried
    if settled:
        session.execute(delete(AnswerConflictRecord).where(AnswerConflictRecord.question_id.in_(settled)))
    if new_conflicts:  # a newer conflict on an answer replaces the older one (whose text is in the history)
        session.execute(
            delete(AnswerConflictRecord).where(
                AnswerConflictRecord.question_id.in_([c.question_id for c in new_conflicts])
            )
        )
    for conflict in new_conflicts:
        session.add(
            AnswerConflictRecord(
                question_id=conflict.question_id,
                mine=conflict.mine,
                theirs=conflict.theirs,
                ancestor=conflict.ancestor,
                both=conflict.both,
                copy_name=copy.path.name,
                copy_fingerprint=copy.fingerprint,
                theirs_author=conflict.theirs_author,
                created_at=now,
            )
        )
    recipients_added, letters_added, letters_updated = _merge_correspondence(session, copy)
    sent_added = _merge_register(session, copy)
    sender_taken = _merge_sender(session, copy, now)

    changed = bool(
        new_values
        or history_rows
        or new_conflicts
        or settled
        or recipients_added
        or letters_added
        or letters_updated
        or sender_taken
        or sent_added
    )
    details = {
        "taken": taken,
        "merged": merged,
        "conflicts": [c.question_id for c in new_conflicts],
        "settled_in_copy": settled,
        "history_copied": copied,
        "recipients_added": recipients_added,
        "letters_added": letters_added,
        "letters_updated": letters_updated,
        "sender_taken": sender_taken,
        "sent_added": sent_added,
        "copy_draft_uuid": copy.info.draft_uuid,
    }
    if changed:
        session.add(
            MergeLogRecord(
                merge_uuid=str(uuid.uuid4()),
                merged_at=now,
                author=author,
                copy_name=copy.path.name,
                copy_fingerprint=copy.fingerprint,
                copy_author=copy.info.author,
                details=details,
            )
        )
    session.flush()
    still_open = len(session.scalars(select(AnswerConflictRecord.question_id)).all())
    return MergeReport(
        copy.path.name,
        copy.info.author,
        tuple(taken),
        tuple(merged),
        tuple(new_conflicts),
        still_open,
        copied,
        recipients_added,
        letters_added,
        letters_updated,
        sender_taken,
        changed,
        details,
    )


def _write_answers(
    connection: Any, current: dict[str, Any], values: dict[str, Any], stamp: str | None, author: str
) -> None:
    """Insert, update and delete answers (one statement each, many rows)."""
    inserts = [(q, _encode(v), stamp, author) for q, v in values.items() if v is not None and q not in current]
    updates = [(_encode(v), stamp, author, q) for q, v in values.items() if v is not None and q in current]
    removed = [(q,) for q, v in values.items() if v is None and q in current]
    if inserts:
        connection.exec_driver_sql(
            "INSERT INTO answer (question_id, value, updated_at, updated_by) VALUES (?, ?, ?, ?)", inserts
        )
    if updates:
        connection.exec_driver_sql(
            "UPDATE answer SET value = ?, updated_at = ?, updated_by = ? WHERE question_id = ?", updates
        )
    if removed:
        connection.exec_driver_sql("DELETE FROM answer WHERE question_id = ?", removed)


def _merge_correspondence(session: Session, copy: CopyContents) -> tuple[int, int, int]:
    """Add the copy's address book entries and letters by identity; take "sent" from the copy."""
    from sqlalchemy import select

    from ..draft.correspondence import new_recipient_record
    from ..draft.models import LetterRecord, RecipientRecord

    known = set(session.scalars(select(RecipientRecord.recipient_uuid)))
    recipients_added = 0
    for recipient in copy.recipients:
        if recipient.recipient_uuid not in known:
            session.add(new_recipient_record(recipient))
            known.add(recipient.recipient_uuid)
            recipients_added += 1
    mine_letters = {r.letter_uuid: r for r in session.scalars(select(LetterRecord))}
    letters_added = letters_updated = 0
    for letter in copy.letters:
        record = mine_letters.get(letter.letter_uuid)
        if record is None:
            session.add(
                LetterRecord(
                    letter_uuid=letter.letter_uuid,
                    reference=letter.reference,
                    kind=letter.kind,
                    language=letter.language,
                    recipient_uuid=letter.recipient_uuid if letter.recipient_uuid in known else None,
                    created_at=letter.created_at or datetime.now(UTC),
                    sent_on=letter.sent_on or None,
                    sent_channel=letter.sent_channel or None,
                    details=letter.details,
                )
            )
            letters_added += 1
        elif not record.sent_on and letter.sent_on:
            record.sent_on, record.sent_channel = letter.sent_on, letter.sent_channel or None
            letters_updated += 1
    return recipients_added, letters_added, letters_updated


def _merge_register(session: Session, copy: CopyContents) -> int:
    """Add the copy's register entries (what was sent) that this draft lacks, by identity; returns how many."""
    from sqlalchemy import select

    from ..draft.models import SentEntryRecord

    known = set(session.scalars(select(SentEntryRecord.entry_uuid)))
    added = 0
    for entry in sorted(copy.sent, key=lambda e: e.recorded_at or datetime.min.replace(tzinfo=UTC)):
        if entry.entry_uuid and entry.entry_uuid not in known:
            session.add(
                SentEntryRecord(
                    entry_uuid=entry.entry_uuid,
                    kind=entry.kind,
                    recorded_at=entry.recorded_at or datetime.now(UTC),
                    file_name=entry.file_name,
                    format=entry.format,
                    sha256=entry.sha256,
                    signatories=list(entry.signatories),
                    recipient=entry.recipient,
                    channel=entry.channel,
                    snapshot=entry.snapshot,
                )
            )
            known.add(entry.entry_uuid)
            added += 1
    return added


def _merge_sender(session: Session, copy: CopyContents, now: datetime) -> bool:
    """Take the copy's sender details when this draft has none."""
    from ..draft.models import DraftPropertyRecord

    if not copy.sender:
        return False
    record = session.get(DraftPropertyRecord, properties.SENDER)
    if record is not None and record.value:
        return False
    if record is None:
        session.add(DraftPropertyRecord(key=properties.SENDER, value=copy.sender, updated_at=now))
    else:
        record.value, record.updated_at = copy.sender, now
    return True


def describe_value(value: Any) -> str:
    """A value as one readable text (for the command line and the conflict view)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, indent=1)


def merged_fingerprints(draft: Draft) -> set[str]:
    """SHA-256 fingerprints of the copies already merged into the draft (from its merge log)."""
    return {row[0] for row in draft.query("SELECT copy_fingerprint FROM merge_log")}
