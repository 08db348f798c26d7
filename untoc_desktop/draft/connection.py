"""The one way a draft file (or a copy of one) is opened as a SQLite database.

Every connection to a draft, a backup, a recovered copy, a colleague's copy or
an in-memory database comes from :func:`connect` (or :func:`connect_in_memory`),
and every SQLAlchemy engine from :func:`make_engine` (or :func:`memory_engine`),
so every one of them runs with the same guards:

* ``PRAGMA trusted_schema=OFF``: SQL functions with side effects and virtual
  tables cannot be used from a file's views, triggers or CHECK constraints;
* SQLite's defensive mode (``SQLITE_DBCONFIG_DEFENSIVE``: no writable schema,
  no direct writes to shadow tables) where the Python driver exposes it
  (Python 3.12 and later); with Python 3.11 the schema check of
  :mod:`.schema_check` is the guard;
* limits on the length of a value and of a SQL statement, on expression and
  trigger depth, so a hostile file cannot make SQLite build huge values or
  recurse without end;
* a busy timeout of 5 seconds;
* on engines: ``PRAGMA foreign_keys=ON``, and for writing the rollback journal
  (``journal_mode=DELETE``) with ``synchronous=FULL``: a crash loses at most the
  transaction under way, and a closed draft is one self-contained file.

Other modules never import :mod:`sqlite3` or call ``create_engine``; they catch
the driver's errors through the names below (:data:`SQLiteError`...).

The draft's own schema is never trusted: :func:`.schema_check.check_schema`
compares it with ours before any statement runs.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # SQLAlchemy is imported by the functions that build an engine (a draft's first write)
    from sqlalchemy.engine import Engine

#: The driver's connection type and errors, for modules that use a connection from here.
Connection = sqlite3.Connection
SQLiteError = sqlite3.Error
SQLiteDatabaseError = sqlite3.DatabaseError
SQLiteOperationalError = sqlite3.OperationalError
#: The version of the SQLite library the driver uses (e.g. ``3.45.1``).
SQLITE_VERSION = sqlite3.sqlite_version

#: Largest string or blob SQLite builds on a draft connection, in bytes (an answer is far smaller).
MAX_VALUE_LENGTH = 64 * 1024 * 1024
#: Largest SQL statement, in bytes (ours are a few kilobytes).
MAX_SQL_LENGTH = 1024 * 1024
#: Deepest expression tree.
MAX_EXPR_DEPTH = 200
#: Deepest nesting of triggers (our schema has none; a hostile one could recurse).
MAX_TRIGGER_DEPTH = 10
#: Most terms in a compound SELECT.
MAX_COMPOUND_SELECT = 50

_LIMITS = (
    ("SQLITE_LIMIT_LENGTH", MAX_VALUE_LENGTH),
    ("SQLITE_LIMIT_SQL_LENGTH", MAX_SQL_LENGTH),
    ("SQLITE_LIMIT_EXPR_DEPTH", MAX_EXPR_DEPTH),
    ("SQLITE_LIMIT_TRIGGER_DEPTH", MAX_TRIGGER_DEPTH),
    ("SQLITE_LIMIT_COMPOUND_SELECT", MAX_COMPOUND_SELECT),
)


def connect(path: str | Path, *, read_only: bool = False, timeout: float = 5.0) -> sqlite3.Connection:
    """Open ``path`` as SQLite with the guards described in the module docstring.

    Args:
        path: the database file (it is created when missing and ``read_only`` is false).
        read_only: open with ``mode=ro``: nothing can be written, not even a journal rollback.
        timeout: seconds to wait for another process's lock.

    Returns:
        A connection usable from any thread (``check_same_thread=False``), in autocommit-off
        mode as Python's driver opens it.

    Raises:
        sqlite3.Error: the file cannot be opened.
    """
    path = Path(path)
    if read_only:
        connection = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=timeout, check_same_thread=False
        )
    else:
        connection = sqlite3.connect(str(path), timeout=timeout, check_same_thread=False)
    try:
        harden(connection)
    except BaseException:
        connection.close()
        raise
    return connection


def harden(connection: sqlite3.Connection) -> None:
    """Apply the guards to an open connection (before it reads anything from the file)."""
    for name, value in _LIMITS:
        category = getattr(sqlite3, name, None)
        if category is not None:
            connection.setlimit(category, value)
    defensive = getattr(sqlite3, "SQLITE_DBCONFIG_DEFENSIVE", None)
    if defensive is not None and hasattr(connection, "setconfig"):  # Python 3.12+
        connection.setconfig(defensive, True)
    connection.execute("PRAGMA trusted_schema=OFF")


def connect_in_memory() -> sqlite3.Connection:
    """A hardened, empty in-memory database (to build the schema our migrations create).

    Raises:
        sqlite3.Error: SQLite cannot allocate it.
    """
    connection = sqlite3.connect(":memory:", check_same_thread=False)
    try:
        harden(connection)
    except BaseException:
        connection.close()
        raise
    return connection


def set_draft_pragmas(connection: sqlite3.Connection, read_only: bool) -> None:
    """The pragmas of every connection to an open draft: foreign keys; for writing, the rollback journal.

    Args:
        connection: a connection from :func:`connect`.
        read_only: the connection was opened with ``mode=ro`` (no journal settings then).
    """
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    if not read_only:
        cursor.execute("PRAGMA journal_mode=DELETE")
        cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


@contextmanager
def draft_connection(path: str | Path, *, read_only: bool = False) -> Iterator[sqlite3.Connection]:
    """A connection to an open draft for plain SQL reads, closed when the block ends.

    The same connection as an engine of :func:`make_engine` gets (guards, limits, pragmas),
    without SQLAlchemy: reading a draft (its details, answers, properties) never imports it.

    Raises:
        sqlite3.Error: the file cannot be opened or read.
    """
    connection = connect(path, read_only=read_only)
    try:
        set_draft_pragmas(connection, read_only)
        yield connection
    finally:
        connection.close()


def _set_pragmas(engine: Engine, read_only: bool) -> None:
    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        set_draft_pragmas(dbapi_connection, read_only)


def make_engine(path: str | Path, *, read_only: bool = False) -> Engine:
    """A SQLAlchemy engine on a draft file whose every connection comes from :func:`connect`.

    It holds no connection between uses (``NullPool``), so nothing keeps the file open between
    two user actions; :meth:`Engine.dispose` is still called when the draft is closed.

    Args:
        path: the draft file (created on the first connection when missing and not ``read_only``).
        read_only: every connection opens the file with ``mode=ro`` and no journal settings.

    Returns:
        The engine; connecting may raise ``sqlalchemy.exc.OperationalError`` / ``DatabaseError``.
    """
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    path = Path(path)

    def creator() -> sqlite3.Connection:
        return connect(path, read_only=read_only)

    engine = create_engine("sqlite://", creator=creator, poolclass=NullPool)
    _set_pragmas(engine, read_only)
    return engine


@contextmanager
def memory_engine() -> Iterator[tuple[Engine, sqlite3.Connection]]:
    """An engine on one hardened in-memory database, with that database's raw connection.

    Used to build the schema our migrations create (see :mod:`.schema_check`); no pragma is
    set, as the migrations expect. Both are closed when the block ends.
    """
    from sqlalchemy import create_engine
    from sqlalchemy.pool import StaticPool

    raw = connect_in_memory()
    engine = create_engine("sqlite://", creator=lambda: raw, poolclass=StaticPool)
    try:
        yield engine, raw
    finally:
        engine.dispose()
        raw.close()


def backup_into(source: sqlite3.Connection, target: str | Path) -> None:
    """Copy the database of ``source`` into the file ``target`` with SQLite's online backup API.

    The copy is consistent even while ``source`` is in use; ``target`` (an empty or missing
    file, usually the temporary file of :func:`untoc_desktop.files.atomic_replace`) is opened
    through :func:`connect`.

    Raises:
        sqlite3.Error: the copy failed (disk full, unreadable source).
    """
    destination = connect(target)
    try:
        source.backup(destination)
    finally:
        destination.close()
