"""Writing a draft with plain SQL: answers, details and properties, one transaction each.

:meth:`Draft.set_answers <.draft_file.Draft.set_answers>`, ``set_property`` and ``update_info``
(and ``move_answers`` through ``set_answers``) write here, on one connection of
:func:`.connection.draft_connection` (the guards, limits and pragmas of every draft connection:
foreign keys, ``journal_mode=DELETE``, ``synchronous=FULL``), inside ``BEGIN IMMEDIATE`` ...
``COMMIT``, rolled back on any error. No SQLAlchemy is imported: the window opens a draft and
saves what the user types without it.

The rows are the ones the models of :mod:`.models` store (``tests/draft/test_plain_writes.py``
writes the same changes through the ORM and compares them): JSON columns as
:class:`.models.JSONText` encodes them (:func:`encode_json`), times as :class:`.models.UTCDateTime`
(:func:`encode_time`); a column whose new value equals the stored one (as Python compares the
decoded values) keeps its stored text, as the ORM leaves an unchanged attribute out of its
``UPDATE``. Every statement is a fixed one of ours; values go in parameters only.
"""

from __future__ import annotations

import json
import os
import sys
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .connection import Connection, SQLiteError, draft_connection
from .json_values import decode_json

__all__ = [
    "INFO_FIELDS",
    "connect_for_writing",
    "encode_json",
    "encode_time",
    "transaction",
    "write_answers",
    "write_info",
    "write_property",
]

#: Tests only: seconds to pause inside the write transaction of :func:`write_answers`, after every
#: change reached SQLite but before the commit (so a test can kill the process while the journal is hot).
TEST_PAUSE_IN_WRITE = "UNTOC_TEST_PAUSE_IN_WRITE"

#: The columns of the ``draft`` row that :meth:`Draft.update_info` may change, in the order of
#: :data:`_UPDATE_INFO`'s parameters.
INFO_FIELDS = (
    "organization",
    "country",
    "country_code",
    "protocols",
    "language",
    "author",
    "definition_id",
    "definition_version",
)

_SELECT_ANSWER = "SELECT value FROM answer WHERE question_id = ?"
_INSERT_ANSWER = "INSERT INTO answer (question_id, value, updated_at, updated_by) VALUES (?, ?, ?, ?)"
_UPDATE_ANSWER = "UPDATE answer SET value = ?, updated_at = ?, updated_by = ? WHERE question_id = ?"
_DELETE_ANSWER = "DELETE FROM answer WHERE question_id = ?"
_INSERT_CHANGE = (
    "INSERT INTO answer_change (change_uuid, draft_uuid, question_id, author, changed_at, previous_value, new_value) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_SELECT_PROPERTY = "SELECT value FROM draft_property WHERE key = ?"
_INSERT_PROPERTY = "INSERT INTO draft_property (key, value, updated_at) VALUES (?, ?, ?)"
_UPDATE_PROPERTY = "UPDATE draft_property SET value = ?, updated_at = ? WHERE key = ?"
_SELECT_INFO = (
    "SELECT organization, country, country_code, protocols, language, author, definition_id, definition_version "
    "FROM draft WHERE id = 1"
)
_UPDATE_INFO = (
    "UPDATE draft SET organization = ?, country = ?, country_code = ?, protocols = ?, language = ?, author = ?, "
    "definition_id = ?, definition_version = ? WHERE id = 1"
)


def _open_connection(path: Path) -> AbstractContextManager[Connection]:
    return draft_connection(path)


#: Opens the connection of one write transaction (write mode), closed when the block ends. A
#: module-level seam: ``tests/safety/test_write_failures.py`` wraps it to make a statement fail
#: as a full disk would. Raises ``sqlite3.Error`` when the file cannot be opened.
connect_for_writing: Callable[[Path], AbstractContextManager[Connection]] = _open_connection


def encode_json(value: Any) -> str | None:
    """The stored text of a JSON value, as :class:`.models.JSONText` stores it; ``None`` for SQL NULL.

    ASCII (non-ASCII escaped, so lone surrogates survive), compact separators.

    Raises:
        ValueError: NaN or an infinity; TypeError: not JSON data.
    """
    return None if value is None else json.dumps(value, ensure_ascii=True, separators=(",", ":"), allow_nan=False)


def encode_time(moment: datetime) -> str:
    """The stored text of an aware datetime, as :class:`.models.UTCDateTime` stores it (ISO 8601 in UTC, µs).

    Raises:
        ValueError: ``moment`` is naive.
    """
    if moment.tzinfo is None:
        raise ValueError("naive datetimes are not stored; use datetime.now(timezone.utc)")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _now() -> datetime:
    return datetime.now(UTC)


@contextmanager
def transaction(path: Path) -> Iterator[Connection]:
    """One write transaction on the draft ``path``: ``BEGIN IMMEDIATE``, the block's statements, ``COMMIT``.

    Any error in the block or at the commit rolls the whole transaction back and is raised again;
    the connection is closed in every case.

    Raises:
        sqlite3.OperationalError: the file is locked by another writer (after the busy timeout),
            read-only, or the disk is full; sqlite3.Error: any other failure of SQLite.
    """
    with connect_for_writing(path) as connection:
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield connection
            connection.commit()
        except BaseException:
            with suppress(SQLiteError):  # closing the connection rolls back too
                connection.rollback()
            raise


def _pause_in_write() -> None:
    print("untoc-test: inside the write transaction", file=sys.stderr, flush=True)
    time.sleep(float(os.environ[TEST_PAUSE_IN_WRITE]))


def write_answers(connection: Connection, values: Mapping[str, Any], author: str, draft_uuid: str) -> int:
    """Store answers and record each change, inside the open transaction of ``connection``.

    An answer whose stored value equals the new one is skipped (no change recorded); ``None``
    deletes the answer. Each change is an ``answer_change`` row (new ``change_uuid``, the draft's
    id, the question, ``author``, the time, the previous and the new value), in the order of ``values``.

    Args:
        connection: a connection inside :func:`transaction`.
        values: question id -> JSON data; ``None`` removes the answer.
        author: recorded with each change (and as the answer's ``updated_by``).
        draft_uuid: the draft's id, recorded with each change.

    Returns:
        How many answers changed.

    Raises:
        sqlite3.Error: a statement failed (the caller rolls back); JSONValueError: a stored value
            cannot be decoded; ValueError, TypeError: a value is not JSON data.
    """
    changed = 0
    stamp = encode_time(_now())
    for question_id, value in values.items():
        row = connection.execute(_SELECT_ANSWER, (question_id,)).fetchone()
        previous = None if row is None else decode_json(row[0])
        if previous == value:
            continue
        if value is None:
            connection.execute(_DELETE_ANSWER, (question_id,))
        elif row is None:
            connection.execute(_INSERT_ANSWER, (question_id, encode_json(value), stamp, author))
        else:
            connection.execute(_UPDATE_ANSWER, (encode_json(value), stamp, author, question_id))
        connection.execute(
            _INSERT_CHANGE,
            (str(uuid.uuid4()), draft_uuid, question_id, author, stamp, encode_json(previous), encode_json(value)),
        )
        changed += 1
    if changed and TEST_PAUSE_IN_WRITE in os.environ:
        _pause_in_write()
    return changed


def write_property(connection: Connection, key: str, value: Any) -> None:
    """Store one draft property (JSON data) inside the open transaction of ``connection``.

    Raises:
        sqlite3.Error: a statement failed; ValueError, TypeError: ``value`` is not JSON data.
    """
    row = connection.execute(_SELECT_PROPERTY, (key,)).fetchone()
    stamp = encode_time(_now())
    if row is None:
        connection.execute(_INSERT_PROPERTY, (key, encode_json(value), stamp))
        return
    # An equal value keeps its stored text (the ORM updated only the time then).
    stored = row[0] if decode_json(row[0]) == value else encode_json(value)
    connection.execute(_UPDATE_PROPERTY, (stored, stamp, key))


def write_info(connection: Connection, fields: Mapping[str, Any], properties: Mapping[str, Any]) -> None:
    """Change fields of the ``draft`` row and store ``properties``, inside the open transaction of ``connection``.

    Args:
        connection: a connection inside :func:`transaction`.
        fields: some of :data:`INFO_FIELDS` -> new value (already checked by :meth:`Draft.update_info`);
            ``protocols`` is any iterable of codes, stored sorted as JSON.
        properties: property key -> JSON data.

    Raises:
        LookupError: the file has no ``draft`` row; sqlite3.Error: a statement failed.
    """
    if fields:
        row = connection.execute(_SELECT_INFO).fetchone()
        if row is None:
            raise LookupError("no draft row")
        stored = dict(zip(INFO_FIELDS, row, strict=True))
        new = dict(stored)
        for name, value in fields.items():
            if name == "protocols":
                protocols = sorted(value)
                if decode_json(stored[name]) != protocols:
                    new[name] = encode_json(protocols)
            elif stored[name] != value:
                new[name] = value
        if new != stored:
            connection.execute(_UPDATE_INFO, tuple(new[name] for name in INFO_FIELDS))
    for key, value in properties.items():
        write_property(connection, key, value)
