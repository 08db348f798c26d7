"""The one application service that owns an open draft (Qt-free).

The window (through :class:`untoc_desktop.ui.window.session.DraftSession`) and the
``untoc`` command both go through a :class:`Workspace`: open, set an answer, update the
details, save as, take a snapshot, history, letters, recipients, sender, backups, merge.
Each operation is one transaction of the draft file and returns a :class:`Changes` value
saying what changed, so an interface can refresh exactly that.

The workspace holds the one cache of the draft's answers (and of its open merge
conflicts); exports, signing and letters read :meth:`Workspace.snapshot`, an immutable
picture of definition, details, answers and open conflicts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from .answers import check_answer
from .draft import DRAFT_SUFFIX, AnswerChange, DraftInfo, properties
from .draft.backups import Backup, list_backups, make_backup
from .draft.correspondence import (
    LetterEntry,
    Recipient,
    delete_recipient,
    letters,
    recipients,
    restore_recipient,
    save_recipient,
)
from .draft.draft_file import Draft
from .draft.properties import Applicability
from .draft.register import SentEntry, record_sent, sent_entries
from .errors import DraftFileError, UntocError
from .files import atomic_replace
from .i18n import _
from .opening import OpenedDraft, open_draft
from .questionnaire.model import Definition, Paragraph, Question
from .questionnaire.registry import DefinitionRegistry
from .sharing import history as answer_history
from .sharing.conflicts import Conflict, open_conflict_ids, open_conflicts, resolve
from .snapshot import Snapshot
from .validation import CompletenessReport, check_completeness, paragraph_answers, paragraph_applies

if TYPE_CHECKING:
    from .sharing.merge import MergeReport

#: Descriptive fields of :class:`DraftInfo` the user may change (Draft details).
DETAIL_FIELDS = ("organization", "country", "country_code", "protocols", "language", "author")


@dataclass(frozen=True)
class Changes:
    """What one workspace operation changed (nothing, by default).

    Attributes:
        answers: ids of the questions whose stored value changed.
        info: the draft's details (:class:`DraftInfo`) changed.
        conflicts: the set of open merge conflicts changed.
        properties: keys of draft properties written (``applicability``, ``sender``...).
        letters: the letter log changed.
        recipients: the address book changed.
        sent: the register of what was sent changed.
        reloaded: everything was read again from the file (after a merge or restore).
    """

    answers: frozenset[str] = frozenset()
    info: bool = False
    conflicts: bool = False
    properties: frozenset[str] = frozenset()
    letters: bool = False
    recipients: bool = False
    sent: bool = False
    reloaded: bool = False

    def __bool__(self) -> bool:
        return bool(
            self.answers
            or self.info
            or self.conflicts
            or self.properties
            or self.letters
            or self.recipients
            or self.sent
            or self.reloaded
        )

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.answers | other.answers,
            self.info or other.info,
            self.conflicts or other.conflicts,
            self.properties | other.properties,
            self.letters or other.letters,
            self.recipients or other.recipients,
            self.sent or other.sent,
            self.reloaded or other.reloaded,
        )


NOTHING = Changes()


class Workspace:
    """One open draft with its questionnaire: every read and write of the application goes through it.

    Build it with :meth:`open` (the opening path of the window and the command line) or from an
    already opened draft (:meth:`from_opened`). Close it with :meth:`close` (or use it as a
    context manager); that releases the draft's lock.

    Args:
        draft: the open draft; the workspace closes it.
        definition: the questionnaire of the draft.
        opened: what happened on opening (upgrade, recovery, read-only reason), when known.
    """

    def __init__(self, draft: Draft, definition: Definition, opened: OpenedDraft | None = None) -> None:
        self.draft = draft
        self.definition = definition
        self.opened = opened
        self._answers: dict[str, Any] = opened.answers_at_opening() if opened is not None else draft.answers()
        self._conflicts: tuple[str, ...] = open_conflict_ids(draft)
        self._report = self._check()

    # -- lifecycle -------------------------------------------------------------------

    @staticmethod
    def create(
        path: str | Path, info: DraftInfo, definition: Definition, applicability: Applicability | None = None
    ) -> Path:
        """Create a new draft file for ``definition`` at ``path`` (as given); it is not opened.

        Args:
            path: the new file; never an existing one.
            info: what the draft is about; its definition id and version are taken from ``definition``.
            definition: the questionnaire the draft is written against.
            applicability: which Protocols apply and where that came from (see :mod:`untoc_desktop.applicability`).

        Returns:
            The new file's path.

        Raises:
            DraftExistsError: the file exists. DraftFileError: it could not be written (nothing is left).
        """
        path = Path(path)
        info = replace(info, definition_id=definition.id, definition_version=definition.version)
        draft = Draft.create(path, info)
        try:
            if applicability:
                properties.set_applicability(draft, applicability)
        except UntocError:
            draft.close()
            path.unlink(missing_ok=True)  # all or nothing: no draft without its recorded choice
            raise
        draft.close()
        return path

    @classmethod
    def open(
        cls,
        path: str | Path,
        registry: DefinitionRegistry | None = None,
        *,
        read_only: bool = False,
        lock: bool = False,
        break_lock: bool = False,
    ) -> Workspace:
        """Open a draft with the newest definition of its cluster (see :func:`untoc_desktop.opening.open_draft`).

        Args:
            path: the draft file.
            registry: where definitions are looked up (default: shipped + the user's).
            read_only: never write the draft (``untoc validate``/``export``).
            lock: take the draft's lock (the desktop application does).
            break_lock: take over a lock this computer cannot verify (after the user was warned).

        Raises:
            UntocError: the draft cannot be opened (``SidecarError`` for a copy made while it was open).
        """
        return cls.from_opened(open_draft(path, registry, read_only=read_only, lock=lock, break_lock=break_lock))

    @classmethod
    def from_opened(cls, opened: OpenedDraft) -> Workspace:
        """A workspace over a draft opened by :func:`untoc_desktop.opening.open_draft` (closed on failure).

        Raises:
            UntocError: a stored value cannot be used (the draft is closed, its lock released).
        """
        try:
            return cls(opened.draft, opened.definition, opened)
        except BaseException:
            opened.draft.close()
            raise

    @staticmethod
    def read_info(path: str | Path) -> DraftInfo:
        """What the draft at ``path`` is about, read without writing or locking it.

        Raises:
            UntocError: the file is not a draft this version can read.
        """
        with Draft.open(path, read_only=True) as draft:
            return draft.info

    def close(self) -> None:
        """Release the draft file and its lock."""
        self.draft.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading ---------------------------------------------------------------------

    @property
    def path(self) -> Path:
        """The draft file."""
        return self.draft.path

    @property
    def info(self) -> DraftInfo:
        """What the draft is about."""
        return self.draft.info

    @property
    def read_only(self) -> bool:
        """True when the draft is open read-only."""
        return self.draft.read_only

    @property
    def report(self) -> CompletenessReport:
        """Completeness of the stored answers (open conflicts count as not answered)."""
        return self._report

    @property
    def conflict_ids(self) -> tuple[str, ...]:
        """Ids of the questions with an open merge conflict."""
        return self._conflicts

    def answers(self) -> dict[str, Any]:
        """A copy of every stored answer: question id -> value."""
        return dict(self._answers)

    def answer(self, question_id: str) -> Any:
        """The stored value of one question, or ``None``."""
        return self._answers.get(question_id)

    def paragraph_answers(self, paragraph: Paragraph) -> dict[str, Any]:
        """The stored answers of one paragraph by question key."""
        return paragraph_answers(paragraph, self._answers)

    def applies(self, paragraph: Paragraph) -> bool:
        """Whether the paragraph is reviewed for this State party (Protocol ratified or Convention)."""
        return paragraph_applies(paragraph, self.info.protocols)

    def snapshot(self) -> Snapshot:
        """An immutable picture of definition, details, answers and open conflicts (exports, signing, letters)."""
        return Snapshot(
            self.path,
            self.definition,
            self.info,
            MappingProxyType(dict(self._answers)),
            self._conflicts,
            self.read_only,
        )

    def applicability(self) -> Applicability | None:
        """The recorded Protocol choice, or ``None`` when none was recorded."""
        return properties.applicability(self.draft)

    def property(self, key: str, default: Any = None) -> Any:
        """A stored draft property (JSON data) such as ``assignment``; see :meth:`Draft.property`."""
        return self.draft.property(key, default)

    # -- answers ---------------------------------------------------------------------

    def set_answer(self, question: Question, value: Any) -> Changes:
        """Check and store one answer in one transaction.

        Args:
            question: the question answered.
            value: JSON data; ``None`` removes the answer.

        Returns:
            ``Changes(answers={question.id})``, or nothing when the value was already stored.

        Raises:
            InvalidAnswerError: the value does not fit the question; nothing written.
            DraftFileError: the write failed; nothing written.
        """
        check_answer(question, value)
        changed = self.draft.set_answer(question.id, value)
        if value is None:
            self._answers.pop(question.id, None)
        else:
            self._answers[question.id] = value
        if not changed:
            return NOTHING
        self._report = self._check()
        return Changes(answers=frozenset({question.id}))

    def set_answers(self, values: Mapping[str, Any], author: str | None = None) -> Changes:
        """Store several answers (question id -> value, not checked) in one transaction."""
        before = {qid: self._answers.get(qid) for qid in values}
        self.draft.set_answers(values, author)
        changed = frozenset(qid for qid, value in values.items() if before[qid] != value)
        for qid, value in values.items():
            if value is None:
                self._answers.pop(qid, None)
            else:
                self._answers[qid] = value
        if changed:
            self._report = self._check()
        return Changes(answers=changed)

    def reload(self) -> Changes:
        """Read answers and open conflicts again from the file (after a write made around the workspace)."""
        self._answers = self.draft.answers()
        self._conflicts = open_conflict_ids(self.draft)
        self._report = self._check()
        return Changes(reloaded=True, conflicts=True)

    # -- details ---------------------------------------------------------------------

    def update_details(self, info: DraftInfo, applicability: Applicability | None = None) -> Changes:
        """Store the user-editable details of ``info`` and the Protocol choice, in one transaction.

        The details are the fields of :data:`DETAIL_FIELDS`.

        Raises:
            DraftFileError: the write failed; nothing changed.
        """
        stored = {properties.APPLICABILITY: properties.applicability_value(applicability)} if applicability else None
        self.draft.update_info(stored, **{name: getattr(info, name) for name in DETAIL_FIELDS})
        self._report = self._check()
        return Changes(info=True, properties=frozenset(stored or ()))

    # -- Save As ---------------------------------------------------------------------

    def save_as(self, target: str | Path, carried: Mapping[str, Any] | None = None) -> Path:
        """Write a copy of the draft to ``target`` (``.untoc`` added when missing), with ``carried`` answers.

        ``carried`` maps question ids to values (text the window could not store); they are written
        into the copy.

        The copy is made under a temporary name and renamed into place once complete, so a
        failure leaves ``target`` as it was. The workspace itself stays on the original.

        Returns:
            The copy's path.

        Raises:
            DraftFileError: the copy could not be written.
        """
        target = with_draft_suffix(Path(target))

        def write(temporary: Path) -> None:
            self.draft.save_copy(temporary)
            if carried:
                with Draft.open(temporary) as copy:
                    copy.set_answers(carried)

        try:
            atomic_replace(target, write, create_folder=False)
        except OSError as exc:
            raise DraftFileError(
                _("Could not save a copy to {target}: {problem}. Choose another place.").format(
                    target=target, problem=exc
                )
            ) from None
        return target

    # -- history and conflicts -------------------------------------------------------

    def history(self, question_id: str | None = None) -> list[AnswerChange]:
        """Recorded changes, oldest first (of one question when given); see :meth:`Draft.history`."""
        return self.draft.history(question_id)

    def versions(self, question_id: str) -> list[AnswerChange]:
        """The versions of one answer, newest first (see :func:`untoc_desktop.sharing.history.versions`)."""
        return answer_history.versions(self.draft, question_id)

    def restore(self, question_id: str, change_uuid: str) -> Changes:
        """Store again the value an answer had after ``change_uuid`` (a new change, one transaction).

        Raises:
            KeyError: no such change. DraftFileError: the write failed.
        """
        value = answer_history.restore(self.draft, question_id, change_uuid)
        self._set_cached(question_id, value)
        return Changes(answers=frozenset({question_id}))

    def open_conflicts(self) -> list[Conflict]:
        """The merge conflicts still to settle."""
        return open_conflicts(self.draft)

    def resolve_conflict(self, question_id: str, choice: str, value: Any = None) -> Changes:
        """Settle one merge conflict (see :func:`untoc_desktop.sharing.conflicts.resolve`), one transaction."""
        stored = resolve(self.draft, question_id, choice, value)
        self._set_cached(question_id, stored)
        self._conflicts = open_conflict_ids(self.draft)
        self._report = self._check()
        return Changes(answers=frozenset({question_id}), conflicts=True)

    def merge_copy(self, theirs_path: str | Path, author: str | None = None) -> tuple[MergeReport, Changes]:
        """Merge a colleague's copy into the draft in one transaction.

        See :func:`untoc_desktop.sharing.merge.merge_into`.

        Args:
            theirs_path: the colleague's copy; only read.
            author: recorded with the merge (default: the draft's author).

        Raises:
            DraftFileError: the draft is open read-only because another running program holds it
                (the message names it: merge there); or it cannot be written.
            CopyMismatchError, NotADraftError: the copy cannot be merged. Nothing was written.
        """
        from .sharing.merge import merge_into, open_elsewhere, question_kinds  # merging: loaded when first used

        holder = self.opened.lock_holder if self.opened is not None else None
        if self.read_only and holder is not None:
            raise open_elsewhere(self.path, holder)
        report = merge_into(self.draft, theirs_path, author, kinds=question_kinds(self.definition))
        return report, self.reload()

    def merged_fingerprints(self) -> set[str]:
        """Fingerprints of the copies already merged into the draft."""
        from .sharing.merge import merged_fingerprints

        return merged_fingerprints(self.draft)

    def send_copy(self, target: str | Path, colleague: str, articles: Iterable[str] = ()) -> Path:
        """Write a copy for ``colleague`` (see :func:`untoc_desktop.sharing.send_copy.send_copy`); returns its path."""
        from .sharing.send_copy import send_copy

        return send_copy(self.draft, target, colleague, tuple(articles))

    # -- letters, recipients, sender, sent -------------------------------------------

    def letters(self) -> list[LetterEntry]:
        """The letter log, oldest first."""
        return letters(self.draft)

    def recipients(self) -> list[Recipient]:
        """The address book (focal points)."""
        return recipients(self.draft)

    def save_recipient(self, recipient: Recipient) -> tuple[Recipient, Changes]:
        """Add or update an address-book entry (one transaction)."""
        return save_recipient(self.draft, recipient), Changes(recipients=True)

    def delete_recipient(self, recipient_uuid: str) -> tuple[Recipient, Changes]:
        """Remove an address-book entry (one transaction); returns it so it can be restored."""
        return delete_recipient(self.draft, recipient_uuid), Changes(recipients=True)

    def restore_recipient(self, recipient: Recipient) -> tuple[Recipient, Changes]:
        """Put a removed address-book entry back (one transaction)."""
        return restore_recipient(self.draft, recipient), Changes(recipients=True)

    def sender(self) -> Any:
        """The sender's details (:class:`untoc_desktop.letters.context.Sender`)."""
        from .letters.context import sender_of

        return sender_of(self.draft)

    def save_sender(self, sender: Any) -> Changes:
        """Store the sender's details (one transaction); raises LetterError for an unusable reference scheme."""
        from .letters.context import SENDER_PROPERTY, save_sender

        save_sender(self.draft, sender)
        return Changes(properties=frozenset({SENDER_PROPERTY}))

    def build_letter(self, options: Any, snapshot: Snapshot | None = None) -> Any:
        """A letter's field values (see :func:`untoc_desktop.letters.context.compose_letter`); nothing recorded.

        Args:
            options: the user's choices (:class:`untoc_desktop.letters.LetterOptions`).
            snapshot: the picture of the draft the letter speaks of (default: :meth:`snapshot` now);
                sender, address book, letter log and register are read from the draft.

        Raises:
            LetterError: the letter cannot be composed (the message says why).
        """
        from .letters.context import compose_letter

        return compose_letter(snapshot or self.snapshot(), self.draft, options)

    def create_letter(
        self, options: Any, out: Path, fmt: str, template: Path | None = None, snapshot: Snapshot | None = None
    ) -> tuple[Any, Changes]:
        """Write a letter and record it in the letter log (see :func:`untoc_desktop.letters.letter_log.issue_letter`).

        Args:
            options: the user's choices (:class:`untoc_desktop.letters.LetterOptions`).
            out: the file to write.
            fmt: ``"docx"`` or ``"pdf"``.
            template: the user's own .docx template, or None for the shipped one.
            snapshot: the picture of the draft the letter speaks of (default: :meth:`snapshot` now).

        Returns:
            ``((letter, entry), Changes(letters=True))``.

        Raises:
            LetterError: nothing written, nothing recorded. DraftFileError: the log could not be written.
        """
        from .letters.letter_log import issue_letter

        letter = issue_letter(snapshot or self.snapshot(), self.draft, options, out, fmt, template)
        return letter, Changes(letters=True)

    def mark_letter_sent(self, reference: str, sent_on: Any, channel: str) -> tuple[LetterEntry, Changes]:
        """Record that the letter ``reference`` was sent on ``sent_on`` (a date) by ``channel``.

        See :func:`untoc_desktop.letters.letter_log.letter_sent`.
        """
        from .letters.letter_log import letter_sent

        return letter_sent(self.draft, reference, sent_on, channel), Changes(letters=True, sent=True)

    def export_and_record(
        self, snapshot: Snapshot, out_path: Path, fmt: str, **options: Any
    ) -> tuple[SentEntry, Changes]:
        """Export ``snapshot`` (from :meth:`snapshot`), sign it when an identity is given, record it in the register.

        See :func:`untoc_desktop.submissions.export_and_record` for ``options``.

        May run on a worker thread: the answers come from the snapshot, only the register is written.
        """
        from .submissions import export_and_record

        entry = export_and_record(
            self.draft,
            snapshot.definition,
            out_path,
            fmt,
            answers=snapshot.answers,
            open_conflicts=snapshot.open_conflicts,
            **options,
        )
        return entry, Changes(sent=True)

    def record_signature(
        self, signed_path: Path, source_sha256: str, signatory: str, *, recipient: str = "", channel: str = ""
    ) -> tuple[SentEntry | None, Changes]:
        """Record a counter-signed PDF in the register (see :func:`untoc_desktop.submissions.record_signature`)."""
        from .submissions import record_signature

        entry = record_signature(
            self.draft, signed_path, source_sha256, signatory, recipient=recipient, channel=channel
        )
        return entry, Changes(sent=entry is not None)

    def record_sent(self, entry: SentEntry) -> tuple[SentEntry, Changes]:
        """Record a file sent (exported or signed submission) in the register (one transaction)."""
        return record_sent(self.draft, entry), Changes(sent=True)

    def sent_entries(self) -> list[SentEntry]:
        """The register of what was sent, oldest first."""
        return sent_entries(self.draft)

    def sent_entry(self, number: int) -> SentEntry:
        """The register entry numbered ``number`` (from 1).

        Raises:
            UntocError: there is no such entry.
        """
        from .draft.register import sent_entry

        return sent_entry(self.draft, number)

    def find_letter(self, reference: str) -> LetterEntry:
        """The logged letter with ``reference``.

        Raises:
            LetterError: no such letter.
        """
        from .letters.letter_log import find_letter

        return find_letter(self.draft, reference)

    # -- backups ---------------------------------------------------------------------

    def backup(self, root: Path | None = None) -> Backup:
        """Back the draft up in ``root`` (default: the user's backups folder); see :func:`make_backup`."""
        return make_backup(self.draft, root)

    def backups(self, root: Path | None = None) -> list[Backup]:
        """The draft's backups, newest first."""
        return list_backups(self.draft, root)

    @staticmethod
    def restore_backup(backup: Backup, target: str | Path) -> Path:
        """Write ``backup`` to a new draft file ``target`` (never over an existing one); returns it.

        Raises:
            DraftFileError: ``target`` exists or cannot be written.
        """
        from .draft.backups import restore_backup

        return restore_backup(backup, target)

    @staticmethod
    def recover_copy(source: str | Path, target: str | Path) -> Path:
        """A consistent draft at ``target`` from ``source``, a file copied while it was open (originals untouched).

        Raises:
            DraftFileError: the copy could not be made (``target`` exists, disk full, damaged file).
        """
        from .draft.safety import recover_copy

        return recover_copy(Path(source), Path(target))

    # -- properties ------------------------------------------------------------------

    def assignment(self) -> properties.Assignment | None:
        """In a copy sent to a colleague: who it is for and which articles (see :func:`properties.assignment`)."""
        return properties.assignment(self.draft)

    # -- helpers ---------------------------------------------------------------------

    def _set_cached(self, question_id: str, value: Any) -> None:
        if value is None:
            self._answers.pop(question_id, None)
        else:
            self._answers[question_id] = value
        self._report = self._check()

    def _check(self) -> CompletenessReport:
        return check_completeness(self.definition, self._answers, self.info.protocols, self._conflicts)


def with_draft_suffix(path: Path) -> Path:
    """``path`` with ``.untoc`` added when it has another extension (or none)."""
    return path if path.suffix.lower() == DRAFT_SUFFIX else path.with_name(path.name + DRAFT_SUFFIX)
