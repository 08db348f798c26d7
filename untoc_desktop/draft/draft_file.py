"""An open draft file (``.untoc``): :class:`Draft`, opened, read and written with plain SQL.

Opening a draft (header, sidecars, schema and values checked, details read), reading it
(answers, one answer, properties) and writing answers, details and properties (:mod:`.writes`:
one ``BEGIN IMMEDIATE`` transaction per user action) go through
:func:`.connection.draft_connection` with plain SQL, so they never import SQLAlchemy: the
desktop window shows a draft and saves what the user types without it. A new file's build and
the sessions of :meth:`Draft.reading` and :meth:`Draft.writing` (letters, register, address
book, history, merges) import :mod:`.store`, the SQLAlchemy side, on first use: one short
session and one transaction per user action, no session held open while the user types.

``from untoc_desktop.draft import Draft`` and ``from untoc_desktop.draft.store import Draft``
give this same class (the package loads the store with it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import DraftExistsError, DraftFileError, DraftReadOnlyError, NotADraftError
from ..files import atomic_replace
from ..i18n import _
from . import writes
from .connection import Connection, SQLiteDatabaseError, SQLiteOperationalError, draft_connection
from .header import SCHEMA_VERSION, check_draft_file
from .json_values import decode_json
from .records import AnswerChange, DraftInfo
from .safety import SidecarError, is_wal_mode, sidecars
from .schema_check import check_contents

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session, sessionmaker

    from .letter_book import LetterBook


#: The columns of the ``draft`` row that make a :class:`DraftInfo`, in its field order.
_INFO_COLUMNS = (
    "organization",
    "country",
    "country_code",
    "cluster",
    "protocols",
    "language",
    "author",
    "definition_id",
    "definition_version",
    "draft_uuid",
    "created_at",
)


class Draft:
    """An open draft file.

    Use :meth:`create` or :meth:`open`; close with :meth:`close` (or use as a
    context manager). Reads return plain data; every write is one transaction.

    Args:
        path: the draft file (already checked: use :meth:`open`).
        engine: an engine on it from :func:`.connection.make_engine`; made on the first write when omitted.
        read_only: never write (every connection opens the file with ``mode=ro``).
    """

    def __init__(self, path: Path, engine: Engine | None = None, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self._engine_made: Engine | None = engine
        self._session_factory: sessionmaker[Session] | None = None
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
        from . import store

        path = Path(path)
        if path.is_dir():
            raise DraftExistsError(_("{path} is a folder. Choose a file name for the new draft.").format(path=path))
        if path.exists():
            raise DraftExistsError(
                _("{path} already exists. Choose another name; the existing file was not changed.").format(path=path)
            )
        if not path.parent.is_dir():
            raise DraftFileError(
                _("The folder {parent} does not exist. Choose an existing folder.").format(parent=path.parent)
            )
        if not info.organization.strip() or not info.country.strip():
            raise DraftFileError(_("A draft needs the organisation's name and the State party under review."))
        try:
            atomic_replace(path, lambda temporary: store.build_new_file(temporary, info), overwrite=False)
        except FileExistsError:
            raise DraftExistsError(
                _("{path} already exists. Choose another name; the existing file was not changed.").format(path=path)
            ) from None
        except (OSError, store.SQLAlchemyError) as exc:
            reason = getattr(exc, "strerror", None) or str(getattr(exc, "orig", exc))
            raise DraftFileError(
                _("Cannot create the draft {path}: {problem}. Choose another folder.").format(path=path, problem=reason)
            ) from None
        return cls.open(path)

    @classmethod
    def open(
        cls, path: str | Path, read_only: bool = False, allow_sidecars: bool = False, migrate: bool = True
    ) -> Draft:
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
                _(
                    "{name} was copied while it was open in another program ({names}). It was not opened, "
                    "so nothing was changed. The desktop application offers to make a recovered copy when "
                    "you open it; or ask for a copy made after the draft was closed."
                ).format(name=path.name, names=names),
                path,
                found,
            )
        try:
            # Before any statement runs: the schema must be ours, the pages sound, the values usable.
            check_contents(path, header.user_version, has_sidecars=bool(found))
        except SQLiteOperationalError as exc:
            raise DraftFileError(
                _(
                    "{name} is in use by another program that is saving it right now ({problem}). Wait a "
                    "moment and try again."
                ).format(name=path.name, problem=exc)
            ) from None
        if header.user_version < SCHEMA_VERSION and not read_only and migrate:
            from .migrate import migrate_with_backup

            migrate_with_backup(path, header.user_version)
        try:
            return cls(path, read_only=read_only)
        except SQLiteDatabaseError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise DraftFileError(
                    _(
                        "{name} is in use by another program that is saving it right now. Wait a moment and try again."
                    ).format(name=path.name)
                ) from None
            raise NotADraftError(
                _(
                    "{name} is damaged and cannot be read ({problem}). It was not changed. Open a backup "
                    "copy, or ask the person who sent it for a new copy."
                ).format(name=path.name, problem=exc)
            ) from None
        except LookupError:
            raise NotADraftError(
                _("{name} is an incomplete draft file. It was not changed.").format(name=path.name)
            ) from None

    def close(self) -> None:
        """Release the file (and its lock, when one was taken). No sidecar file is left behind."""
        if self._engine_made is not None:
            self._engine_made.dispose()
        while self._on_close:
            self._on_close.pop()()

    def call_on_close(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` when the draft is closed (used to release its lock)."""
        self._on_close.append(callback)

    def __enter__(self) -> Draft:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def _engine(self) -> Engine:
        """The SQLAlchemy engine on the file, made (and SQLAlchemy imported) the first time it is needed."""
        if self._engine_made is None:
            from .connection import make_engine

            self._engine_made = make_engine(self.path, read_only=self.read_only)
        return self._engine_made

    @property
    def _sessions(self) -> sessionmaker[Session]:
        if self._session_factory is None:
            from .store import make_sessions

            self._session_factory = make_sessions(self._engine)
        return self._session_factory

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A short read-only session (for modules that add their own records, such as letters)."""
        with self._sessions() as session:
            yield session

    def writing(self) -> AbstractContextManager[Session]:
        """A session in one transaction.

        Raises:
            DraftFileError: the write failed, or the draft is read-only.
        """
        return self._write()

    def _refuse_read_only(self) -> None:
        if self.read_only:
            raise DraftReadOnlyError(
                _(
                    "{name} is open read-only (it is open in untoc_desktop, or the file or its folder "
                    "cannot be written). Close it in the application, or work on a copy (Save As)."
                ).format(name=self.path.name),
                self.path,
            )

    def _write_failed(self, problem: object) -> DraftFileError:
        return DraftFileError(
            _(
                "Could not write to {name}: {problem}. Your text is still in the window; free some disk "
                "space or use Save As to keep it elsewhere."
            ).format(name=self.path.name, problem=problem)
        )

    @contextmanager
    def _write(self) -> Iterator[Session]:
        """A SQLAlchemy session in one transaction (for :meth:`writing`)."""
        self._refuse_read_only()
        from .store import OperationalError

        try:
            with self._sessions() as session, session.begin():
                yield session
        except OperationalError as exc:
            raise self._write_failed(exc.orig) from None

    @contextmanager
    def _transaction(self) -> Iterator[Connection]:
        """A plain SQL connection in one ``BEGIN IMMEDIATE`` transaction (see :mod:`.writes`); no SQLAlchemy.

        Raises:
            DraftFileError: the draft is read-only, or SQLite could not write (disk full, file
                read-only, locked by another writer); nothing was written.
        """
        self._refuse_read_only()
        try:
            with writes.transaction(self.path) as connection:
                yield connection
        except SQLiteOperationalError as exc:
            raise self._write_failed(exc) from None

    # -- reading (plain SQL, no SQLAlchemy) --------------------------------------------

    def query(self, sql: str, parameters: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """The rows of one reading statement in plain SQL, on a connection of its own (closed at once).

        For the modules of this package that read their own records without SQLAlchemy. ``sql`` is
        always a fixed statement of ours; values from anywhere else go in ``parameters``, never into it.
        JSON columns come back as stored text (decode them with :func:`.json_values.decode_json`).

        Raises:
            sqlite3.Error: the statement failed (a table missing from an older format, a damaged file).
        """
        with draft_connection(self.path, read_only=self.read_only) as connection:
            return connection.execute(sql, parameters).fetchall()

    def _load_info(self) -> DraftInfo:
        rows = self.query(f"SELECT {', '.join(_INFO_COLUMNS)} FROM draft WHERE id = 1")
        if not rows:
            raise LookupError("no draft row")
        values = dict(zip(_INFO_COLUMNS, rows[0], strict=True))
        values["protocols"] = frozenset(decode_json(values["protocols"]))
        values["created_at"] = datetime.fromisoformat(values["created_at"])
        return DraftInfo(**values)

    @property
    def info(self) -> DraftInfo:
        """What the draft is about (cached; updated by :meth:`update_info`)."""
        return self._info

    def answers(self) -> dict[str, Any]:
        """Every stored answer: question id -> value (JSON data)."""
        return {
            question_id: decode_json(value)
            for question_id, value in self.query("SELECT question_id, value FROM answer")
        }

    def answer(self, question_id: str) -> Any:
        """The stored value of one question, or ``None``."""
        rows = self.query("SELECT value FROM answer WHERE question_id = ?", (question_id,))
        return decode_json(rows[0][0]) if rows else None

    def history(self, question_id: str | None = None) -> list[AnswerChange]:
        """Recorded changes, oldest first; only those of ``question_id`` when given.

        Raises:
            DraftValueError: a recorded value cannot be used (names its question); the history
                of a draft may be large, so its text is checked when read, not when opened.
        """
        from .history import answer_history

        return answer_history(self, question_id)

    @property
    def letter_book(self) -> LetterBook:
        """The address book, letter log and register of what was sent of this draft (see :mod:`.letter_book`)."""
        from .letter_book import LetterBook

        return LetterBook(self)

    def property(self, key: str, default: Any = None) -> Any:
        """A stored draft property (JSON data), e.g. ``applicability`` or ``sender``."""
        rows = self.query("SELECT value FROM draft_property WHERE key = ?", (key,))
        return decode_json(rows[0][0]) if rows else default

    # -- writing (plain SQL of :mod:`.writes`, no SQLAlchemy) ---------------------------

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
        """Store several answers in one transaction; returns how many changed.

        Args:
            values: question id -> JSON data (``None`` removes the answer); an answer already
                stored with an equal value is skipped, nothing recorded for it.
            author: recorded with each change; defaults to the draft's author.

        Raises:
            DraftFileError: the write failed (disk full, file read-only...); nothing was written.
        """
        author = self._info.author if author is None else author
        with self._transaction() as connection:
            return writes.write_answers(connection, values, author, self._info.draft_uuid)

    def set_property(self, key: str, value: Any) -> None:
        """Store a draft property (JSON data) in one transaction.

        Raises:
            DraftFileError: the write failed.
        """
        with self._transaction() as connection:
            writes.write_property(connection, key, value)

    def update_info(self, properties: Mapping[str, Any] | None = None, **fields: Any) -> DraftInfo:
        """Change descriptive fields and store ``properties`` (key -> JSON data) in the same transaction.

        The fields: organization, country, country_code, protocols, language, author, definition_id,
        definition_version.

        Raises:
            ValueError: for a field that cannot be changed.
            DraftFileError: the write failed.
        """
        unknown = set(fields) - set(writes.INFO_FIELDS)
        if unknown:
            raise ValueError(f"cannot change {', '.join(sorted(unknown))}")
        with self._transaction() as connection:
            writes.write_info(connection, fields, properties or {})
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
        from .save_as import save_draft_copy

        save_draft_copy(self.path, target, read_only=self.read_only)
