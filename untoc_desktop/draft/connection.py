"""The one way a draft file (or a copy of one) is opened as a SQLite database.

Every connection to a draft, a backup or a recovered copy comes from
:func:`connect`, so every one of them runs with the same guards:

* ``PRAGMA trusted_schema=OFF``: SQL functions with side effects and virtual
  tables cannot be used from a file's views, triggers or CHECK constraints;
* SQLite's defensive mode (``SQLITE_DBCONFIG_DEFENSIVE``: no writable schema,
  no direct writes to shadow tables) where the Python driver exposes it
  (Python 3.12 and later); with Python 3.11 the schema check of
  :mod:`.schema_check` is the guard;
* limits on the length of a value and of a SQL statement, on expression and
  trigger depth, so a hostile file cannot make SQLite build huge values or
  recurse without end;
* a busy timeout of 5 seconds.

The draft's own schema is never trusted: :func:`.schema_check.check_schema`
compares it with ours before any statement runs.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

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
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=timeout,
                                     check_same_thread=False)
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
