"""The draft store: creating, opening and closing a draft file (``.untoc``); reading and writing its answers.

Each user action is one short SQLAlchemy session and one transaction; no
session stays open while the user types. The engine (pragmas, limits) comes
from :mod:`.connection`; the file is recognised by :mod:`.header` before
anything opens it; older formats are migrated by :mod:`.migrate`, with a copy
kept; the answer history is read by :mod:`.history`; Save As is
:mod:`.save_as`; typed property access is :mod:`.properties`; the plain
records returned live in :mod:`.records`.

The names that used to live here (``DraftInfo``, ``read_header``,
``check_draft_file``, ``backup_path``...) are re-exported, so existing imports
keep working.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from .. import __version__
from ..errors import DraftExistsError, DraftFileError, NotADraftError
from ..files import atomic_replace
from ..i18n import _
from . import history as _history
from . import save_as as _save_as
from .connection import SQLiteOperationalError, make_engine
from .header import APPLICATION_ID, DRAFT_SUFFIX, SCHEMA_VERSION, FileHeader, check_draft_file, read_header
from .letter_book import LetterBook
from .migrate import backup_path, migrate_with_backup, upgrade_to_head
from .models import AnswerChangeRecord, AnswerRecord, DraftPropertyRecord, DraftRecord
from .records import AnswerChange, DraftInfo
from .safety import SidecarError, is_wal_mode, sidecars
from .schema_check import check_contents

__all__ = [
    "APPLICATION_ID", "DRAFT_SUFFIX", "SCHEMA_VERSION", "AnswerChange", "Draft", "DraftInfo", "FileHeader",
    "backup_path", "check_draft_file", "read_header",
]


#: Tests only: seconds to pause inside the write transaction of :meth:`Draft.set_answers`, after every
#: change reached SQLite but before the commit (so a test can kill the process while the journal is hot).
_TEST_PAUSE_IN_WRITE = "UNTOC_TEST_PAUSE_IN_WRITE"


def _pause_in_write(session: Session) -> None:
    import sys
    import time

    session.flush()
    print("untoc-test: inside the write transaction", file=sys.stderr, flush=True)
    time.sleep(float(os.environ[_TEST_PAUSE_IN_WRITE]))


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _draft_record(info: DraftInfo) -> DraftRecord:
    """The one ``draft`` row of a new file; ``draft_uuid`` and ``created_at`` filled in when empty."""
    return DraftRecord(
        id=1,
        draft_uuid=info.draft_uuid or str(uuid.uuid4()),
        created_at=info.created_at or _now(),
        organization=info.organization,
        country=info.country,
        country_code=info.country_code,
        cluster=info.cluster,
        protocols=sorted(info.protocols),
        language=info.language,
        author=info.author,
        definition_id=info.definition_id,
        definition_version=info.definition_version,
        app_version=__version__,
    )


class Draft:
    """An open draft file.

    Use :meth:`create` or :meth:`open`; close with :meth:`close` (or use as a
    context manager). Reads return plain data; every write is one transaction.
    """

    def __init__(self, path: Path, engine: Engine, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self._engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._info = self._load_info()
        self._on_close: list[Callable[[], None]] = []

    # -- lifecycle -------------------------------------------------------------------

    @classmethod
    def create(cls, path: str | Path, info: DraftInfo) -> Draft:
        """Create a new draft file at ``path`` and open it.

        The file is built under a temporary name in the same folder and renamed
        into place, so a failure never leaves a half-made draft.

        Args:
            path: the new file; ``.untoc`` is the expected extension.
            info: what the draft is about; ``draft_uuid`` and ``created_at`` are
                filled in when empty.

        Raises:
            DraftExistsError: ``path`` already exists (it is never overwritten).
            DraftFileError: the folder is not writable or the disk is full.
        """
        path = Path(path)
        if path.is_dir():
            raise DraftExistsError(_("{path} is a folder. Choose a file name for the new draft.").format(path=path))
        if path.exists():
            raise DraftExistsError(_("{path} already exists. Choose another name; the existing file was "
                                     "not changed.").format(path=path))
        if not path.parent.is_dir():
            raise DraftFileError(_("The folder {parent} does not exist. Choose an existing folder.").format(
                                     parent=path.parent))
        if not info.organization.strip() or not info.country.strip():
            raise DraftFileError(_("A draft needs the organisation's name and the State party under review."))

        def build(temporary: Path) -> None:
            engine = make_engine(temporary)
            try:
                with engine.begin() as connection:
                    connection.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
                    upgrade_to_head(connection)
                with Session(engine) as session, session.begin():
                    session.add(_draft_record(info))
            finally:
                engine.dispose()

        try:
            atomic_replace(path, build, overwrite=False)
        except FileExistsError:
            raise DraftExistsError(_("{path} already exists. Choose another name; the existing file was "
                                     "not changed.").format(path=path))
        except (OSError, SQLAlchemyError) as exc:
            reason = getattr(exc, "strerror", None) or str(getattr(exc, "orig", exc))
            raise DraftFileError(_("Cannot create the draft {path}: {problem}. Choose another folder.").format(
                                     path=path, problem=reason)) from None
        return cls.open(path)

    @classmethod
    def open(cls, path: str | Path, read_only: bool = False, allow_sidecars: bool = False,
             migrate: bool = True) -> Draft:
        """Open an existing draft.

        The header is checked first by reading bytes only, so a foreign or newer
        file is refused without being touched.

        Args:
            path: the draft file.
            read_only: open without ever writing (no migration, no journal).
            allow_sidecars: open even when a ``-journal``/``-wal`` file lies beside it;
                only for our own crashed session (see :mod:`.safety`), where SQLite's
                rollback of the unfinished transaction is the right recovery.
            migrate: bring an older draft format to the current one (with a copy kept beside
                it); when false, an older draft is opened as it is (for a read, or a rollback).

        Raises:
            NotADraftError, NewerDraftError, DraftFileError: see :func:`check_draft_file`;
                also a damaged database.
            SidecarError: the file was copied while open (sidecar, or WAL mode) and
                ``allow_sidecars`` is false; nothing was touched.
        """
        path = Path(path)
        header = check_draft_file(path)
        found = sidecars(path)
        if (found and not allow_sidecars) or (is_wal_mode(path) and not found):
            names = ", ".join(p.name for p in found) or "without its -wal file"
            raise SidecarError(
                _("{name} was copied while it was open in another program ({names}). It was not opened, "
                  "so nothing was changed. The desktop application offers to make a recovered copy when "
                  "you open it; or ask for a copy made after the draft was closed.").format(
                    name=path.name, names=names),
                path,
                found,
            )
        try:
            # Before any statement runs: the schema must be ours, the pages sound, the values usable.
            check_contents(path, header.user_version, has_sidecars=bool(found))
        except SQLiteOperationalError as exc:
            raise DraftFileError(
                _("{name} is in use by another program that is saving it right now ({problem}). Wait a "
                  "moment and try again.").format(name=path.name, problem=exc)
            ) from None
        if header.user_version < SCHEMA_VERSION and not read_only and migrate:
            migrate_with_backup(path, header.user_version)
        engine = make_engine(path, read_only=read_only)
        try:
            return cls(path, engine, read_only=read_only)
        except (DatabaseError, OperationalError) as exc:
            engine.dispose()
            if "locked" in str(exc.orig) or "busy" in str(exc.orig):
                raise DraftFileError(
                    _("{name} is in use by another program that is saving it right now. Wait a moment and "
                      "try again.").format(name=path.name)
                ) from None
            raise NotADraftError(
                _("{name} is damaged and cannot be read ({problem}). It was not changed. Open a backup "
                  "copy, or ask the person who sent it for a new copy.").format(name=path.name, problem=exc.orig)
            ) from None
        except LookupError:
            engine.dispose()
            raise NotADraftError(_("{name} is an incomplete draft file. It was not changed.").format(
                                     name=path.name)) from None

    def close(self) -> None:
        """Release the file (and its lock, when one was taken). No sidecar file is left behind."""
        self._engine.dispose()
        while self._on_close:
            self._on_close.pop()()

    def call_on_close(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` when the draft is closed (used to release its lock)."""
        self._on_close.append(callback)

    def __enter__(self) -> Draft:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A short read-only session (for modules that add their own records, such as letters)."""
        with self._sessions() as session:
            yield session

    def writing(self) -> AbstractContextManager[Session]:
        """A session in one transaction; raises :class:`DraftFileError` when the write fails or the draft is read-only."""
        return self._write()

    @contextmanager
    def _write(self) -> Iterator[Session]:
        if self.read_only:
            raise DraftFileError(
                _("{name} is open read-only (it is open in untoc_desktop, or the file or its folder "
                  "cannot be written). Close it in the application, or work on a copy (Save As).").format(
                    name=self.path.name)
            )
        try:
            with self._sessions() as session, session.begin():
                yield session
        except OperationalError as exc:
            raise DraftFileError(
                _("Could not write to {name}: {problem}. Your text is still in the window; free some disk "
                  "space or use Save As to keep it elsewhere.").format(name=self.path.name, problem=exc.orig)
            ) from None

    # -- reading ---------------------------------------------------------------------

    def _load_info(self) -> DraftInfo:
        with self._sessions() as session:
            record = session.get(DraftRecord, 1)
            if record is None:
                raise LookupError("no draft row")
            return DraftInfo(
                organization=record.organization,
                country=record.country,
                country_code=record.country_code,
                cluster=record.cluster,
                protocols=frozenset(record.protocols),
                language=record.language,
                author=record.author,
                definition_id=record.definition_id,
                definition_version=record.definition_version,
                draft_uuid=record.draft_uuid,
                created_at=record.created_at,
            )

    @property
    def info(self) -> DraftInfo:
        """What the draft is about (cached; updated by :meth:`update_info`)."""
        return self._info

    def answers(self) -> dict[str, Any]:
        """Every stored answer: question id -> value (JSON data)."""
        with self._sessions() as session:
            return {r.question_id: r.value for r in session.scalars(select(AnswerRecord))}

    def answer(self, question_id: str) -> Any:
        """The stored value of one question, or ``None``."""
        with self._sessions() as session:
            record = session.get(AnswerRecord, question_id)
            return None if record is None else record.value

    def history(self, question_id: str | None = None) -> list[AnswerChange]:
        """Recorded changes, oldest first; only those of ``question_id`` when given.

        Raises:
            DraftValueError: a recorded value cannot be used (names its question); the history
                of a draft may be large, so its text is checked when read, not when opened.
        """
        return _history.answer_history(self, question_id)

    @property
    def letter_book(self) -> LetterBook:
        """The address book, letter log and register of what was sent of this draft (see :mod:`.letter_book`)."""
        return LetterBook(self)

    # -- writing ---------------------------------------------------------------------

    def set_answer(self, question_id: str, value: Any, author: str | None = None) -> bool:
        """Store one answer and record the change, in one transaction.

        Args:
            question_id: stable question id (not checked here; see
                :func:`untoc_desktop.answers.check_answer`).
            value: JSON data; ``None`` removes the answer.
            author: recorded with the change; defaults to the draft's author.

        Returns:
            False when the value was already stored (nothing written).

        Raises:
            DraftFileError: the write failed (disk full, file read-only...); nothing was written.
        """
        return self.set_answers({question_id: value}, author) > 0

    def set_answers(self, values: Mapping[str, Any], author: str | None = None) -> int:
        """Store several answers in one transaction; returns how many changed."""
        author = self._info.author if author is None else author
        changed = 0
        with self._write() as session:
            now = _now()
            for question_id, value in values.items():
                record = session.get(AnswerRecord, question_id)
                previous = None if record is None else record.value
                if previous == value:
                    continue
                if value is None:
                    session.delete(record)
                elif record is None:
                    session.add(AnswerRecord(question_id=question_id, value=value, updated_at=now, updated_by=author))
                else:
                    record.value, record.updated_at, record.updated_by = value, now, author
                session.add(
                    AnswerChangeRecord(
                        change_uuid=str(uuid.uuid4()),
                        draft_uuid=self._info.draft_uuid,
                        question_id=question_id,
                        author=author,
                        changed_at=now,
                        previous_value=previous,
                        new_value=value,
                    )
                )
                changed += 1
            if changed and _TEST_PAUSE_IN_WRITE in os.environ:
                _pause_in_write(session)
        return changed

    def property(self, key: str, default: Any = None) -> Any:
        """A stored draft property (JSON data), e.g. ``applicability`` or ``sender``."""
        with self._sessions() as session:
            record = session.get(DraftPropertyRecord, key)
            return default if record is None else record.value

    def set_property(self, key: str, value: Any) -> None:
        """Store a draft property (JSON data) in one transaction.

        Raises:
            DraftFileError: the write failed.
        """
        with self._write() as session:
            record = session.get(DraftPropertyRecord, key)
            if record is None:
                session.add(DraftPropertyRecord(key=key, value=value, updated_at=_now()))
            else:
                record.value, record.updated_at = value, _now()

    def update_info(self, properties: Mapping[str, Any] | None = None, **fields: Any) -> DraftInfo:
        """Change descriptive fields (organization, country, country_code, protocols, language, author,
        definition_id, definition_version), and store ``properties`` (key -> JSON data) in the same transaction.

        Raises:
            ValueError: for a field that cannot be changed.
            DraftFileError: the write failed.
        """
        allowed = {
            "organization", "country", "country_code", "protocols", "language", "author",
            "definition_id", "definition_version",
        }
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"cannot change {', '.join(sorted(unknown))}")
        with self._write() as session:
            record = session.get(DraftRecord, 1)
            assert record is not None
            for name, value in fields.items():
                setattr(record, name, sorted(value) if name == "protocols" else value)
            for key, value in (properties or {}).items():
                stored = session.get(DraftPropertyRecord, key)
                if stored is None:
                    session.add(DraftPropertyRecord(key=key, value=value, updated_at=_now()))
                else:
                    stored.value, stored.updated_at = value, _now()
        self._info = self._load_info()
        return self._info

    def move_answers(self, moves: Mapping[str, str], author: str | None = None) -> int:
        """Move answers from old to new question ids in one transaction (definition upgrade).

        Each move is recorded as two changes (the old id emptied, the new id set),
        so the history keeps the text under both ids.

        Returns:
            The number of answers moved.
        """
        current = self.answers()
        values: dict[str, Any] = {}
        for old, new in moves.items():
            if old in current and new not in current:
                values[new] = current[old]
                values[old] = None
        self.set_answers(values, author)
        return len(values) // 2

    def save_copy(self, target: str | Path) -> None:
        """Write a consistent copy of the draft to ``target`` (Save As).

        Uses SQLite's online backup into a temporary file, then renames it into place (see :mod:`.save_as`).

        Raises:
            DraftFileError: the copy could not be written; ``target`` is left as it was.
        """
        _save_as.save_copy(self._engine, target)
