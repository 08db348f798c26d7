"""Checking a draft file from someone else before any statement runs against it.

A draft is an SQLite database, and a database can carry SQL of its own:
triggers, views, CHECK constraints, generated columns, extra indexes. None of
ours has any beyond what our Alembic migrations create, so a draft is accepted
only when its ``sqlite_master`` equals *exactly* the schema those migrations
build for the file's ``user_version``. The expected schema is not written by
hand: the migrations are run once into an in-memory database per schema
version and its ``sqlite_master`` rows are kept, so a new migration is covered
with no change here.

Then every stored value is checked against the models (types, sizes, UTF-8,
JSON depth, no NaN or Infinity), so a bad value is reported by question,
never as a traceback; and ``PRAGMA quick_check`` finds damaged pages.

Nothing here writes to the file: it is read through a read-only connection
from :func:`.connection.connect`; a file with a hot journal is checked on a
rolled-back copy in a temporary folder.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import DraftValueError, HostileDraftError, NotADraftError
from ..i18n import _
from .columns import BOOLEAN, BY_NAME, DATETIME, INTEGER, JSON, TABLES, Column, Table
from .connection import Connection, SQLiteDatabaseError, SQLiteError, connect, memory_engine
from .json_values import MAX_TEXT_BYTES, JSONValueError, decode_json

#: Normalised ``sqlite_master`` rows: (type, name, tbl_name, sql), sorted.
SchemaRows = tuple[tuple[str, str, str, str], ...]

# -- the expected schema ----------------------------------------------------------------------


def _normalise_sql(sql: str | None) -> str:
    """``sql`` with runs of white space outside quotes collapsed to one space (meaning unchanged)."""
    if sql is None:
        return ""
    parts = re.split(r"""('(?:[^']|'')*'|"(?:[^"]|"")*"|`[^`]*`|\[[^\]]*\])""", sql)
    return "".join(part if index % 2 else re.sub(r"\s+", " ", part) for index, part in enumerate(parts)).strip()


def schema_rows(connection: Connection) -> SchemaRows:
    """The normalised ``sqlite_master`` rows (type, name, tbl_name, sql) of a database, sorted."""
    rows = connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return tuple(sorted((str(t), str(n), str(tb), _normalise_sql(s)) for t, n, tb, s in rows))


def revisions_by_schema_version() -> dict[int, list[str]]:
    """Every migration revision, grouped by the ``schema_version`` it declares."""
    from alembic.script import ScriptDirectory

    from .migrate import alembic_config

    found: dict[int, list[str]] = {}
    for script in ScriptDirectory.from_config(alembic_config()).walk_revisions():
        found.setdefault(int(script.module.schema_version), []).append(script.revision)
    return found


_EXPECTED: dict[str, SchemaRows] = {}


def expected_schema(revision: str) -> SchemaRows:
    """The schema our migrations create, from an empty file up to ``revision`` (cached per revision)."""
    from .migrate import MIGRATIONS_LOCK

    with MIGRATIONS_LOCK:
        if revision not in _EXPECTED:
            _EXPECTED[revision] = _build_expected_schema(revision)
        return _EXPECTED[revision]


def _build_expected_schema(revision: str) -> SchemaRows:
    from alembic import command

    from .migrate import alembic_config

    with memory_engine() as (engine, raw):
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), revision)
        return schema_rows(raw)


def expected_schemas(schema_version: int) -> dict[str, SchemaRows]:
    """Revision -> expected schema, for every revision that declares ``schema_version``.

    Built from the migrations once, then kept between runs (:mod:`.schema_cache`).
    """
    from .schema_cache import cached_expected_schemas

    return cached_expected_schemas(schema_version, build_expected_schemas)


def build_expected_schemas(schema_version: int) -> dict[str, SchemaRows]:
    """Revision -> expected schema for ``schema_version``, built by running the migrations (Alembic)."""
    return {revision: expected_schema(revision) for revision in revisions_by_schema_version().get(schema_version, [])}


# -- the check --------------------------------------------------------------------------------


@contextmanager
def _checking_connection(path: Path, has_sidecars: bool) -> Iterator[Connection]:
    """A read-only connection to the draft, or (with a journal beside it) to a rolled-back copy."""
    if not has_sidecars:
        connection = connect(path, read_only=True)
        try:
            yield connection
        finally:
            connection.close()
        return
    with tempfile.TemporaryDirectory(prefix="untoc-check-") as folder:
        work = Path(folder) / path.name
        shutil.copyfile(path, work)
        for suffix in ("-journal", "-wal"):
            sidecar = path.with_name(path.name + suffix)
            if sidecar.is_file():
                shutil.copyfile(sidecar, Path(folder) / sidecar.name)
        connection = connect(work)  # SQLite rolls the journal back in the copy, as it will in the file
        try:
            yield connection
        finally:
            connection.close()


def check_contents(path: str | Path, schema_version: int, has_sidecars: bool = False) -> None:
    """Refuse a draft whose schema is not ours, whose pages are damaged or whose values cannot be used.

    Args:
        path: the draft (its header was already checked, see :func:`..store.check_draft_file`).
        schema_version: its ``user_version``.
        has_sidecars: a ``-journal``/``-wal`` file lies beside it: the check runs on a copy
            where SQLite has rolled it back, since that is what opening the draft will show.

    Raises:
        HostileDraftError: the schema differs from the one our migrations create.
        DraftValueError: a stored value has the wrong type, size or encoding (names the question).
        NotADraftError: the file is damaged or cannot be read as a database.
    """
    path = Path(path)
    name = path.name
    try:
        with _checking_connection(path, has_sidecars) as connection:
            actual = schema_rows(connection)
            candidates = expected_schemas(schema_version)
            revision = next((r for r, rows in candidates.items() if rows == actual), None)
            if revision is None:
                raise HostileDraftError(_schema_difference(name, actual, candidates))
            problems = [row[0] for row in connection.execute("PRAGMA quick_check(5)")]
            if problems != ["ok"]:
                raise NotADraftError(
                    _(
                        "{name} is damaged ({problem}). It was not changed. Open a backup copy, or ask the person "
                        "who sent it for a new copy."
                    ).format(name=name, problem=" ".join(str(problems[0]).split())[:200])  # SQLite's report: one line
                )
            _check_values(connection, name, revision)
    except SQLiteDatabaseError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise  # the caller reports a draft in use
        raise NotADraftError(
            _(
                "{name} is damaged and cannot be read ({reason}). It was not changed. Open a backup copy, or ask "
                "the person who sent it for a new copy."
            ).format(name=name, reason=exc)
        ) from None
    except OSError as exc:
        raise NotADraftError(
            _("{name} cannot be checked ({reason}). It was not changed.").format(name=name, reason=exc.strerror or exc)
        ) from None


def _schema_difference(name: str, actual: SchemaRows, candidates: dict[str, SchemaRows]) -> str:
    expected = set(next(iter(candidates.values()), ()))
    extra = [f"{kind} {item}" for kind, item, _table, _sql in actual if (kind, item, _table, _sql) not in expected]
    known = {(kind, item) for kind, item, _t, _s in expected}
    altered = [entry for entry in extra if tuple(entry.split(" ", 1)) in known]
    added = [entry for entry in extra if entry not in altered]
    details = []
    if added:
        details.append(_("not made by this application: {items}").format(items=", ".join(added[:5])))
    if altered:
        details.append(_("changed: {items}").format(items=", ".join(altered[:5])))
    present = {(kind, item) for kind, item, _t, _s in actual}
    missing = [f"{kind} {item}" for kind, item, _t, _s in expected if (kind, item) not in present]
    if missing:
        details.append(_("missing: {items}").format(items=", ".join(missing[:5])))
    return _(
        "{name} was not opened: its database contains instructions that untoc_desktop does not make ({details}). "
        "A draft file from someone else must never run code on this computer, so it was refused; the file was not "
        "changed. Ask the sender for a draft saved by untoc_desktop, or import their answers from a JSON file."
    ).format(name=name, details="; ".join(details) or _("a different layout"))


def _key_columns(table: str) -> tuple[str, ...]:
    return {"answer": ("question_id",), "answer_change": ("question_id", "id"), "draft_property": ("key",)}.get(
        table, ()
    )


def _check_values(connection: Connection, name: str, revision: str) -> None:
    """Check every stored value against the models' column types (as plain data: :mod:`.columns`)."""
    connection.text_factory = bytes  # decode ourselves, so invalid UTF-8 is found and named
    try:
        stored_revision = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        if stored_revision != [(revision.encode(),)]:
            raise HostileDraftError(
                _("{name} records a migration state that does not match its format. It was not changed.").format(
                    name=name
                )
            )
        for table in TABLES:
            _check_table(connection, name, table, full=table.name not in READ_WHEN_USED)
    finally:
        connection.text_factory = str


def check_table_values(path: str | Path, table_name: str) -> None:
    """Check every value of one table of an open draft in full (used when reading it failed).

    Raises:
        DraftValueError: naming the question (or record) of the first bad value.
    """
    name = Path(path).name
    connection = connect(path, read_only=True)
    try:
        connection.text_factory = bytes
        _check_table(connection, name, BY_NAME[table_name], full=True)
    except SQLiteError as exc:
        raise DraftValueError(
            _("{name} holds a value that cannot be read ({reason}). The file was not changed.").format(
                name=name, reason=exc
            )
        ) from None
    finally:
        connection.close()


def _check_table(connection: Connection, name: str, table: Table, full: bool) -> None:
    """Check the values of one table: SQL kinds of every row, then (``full``) every value in Python."""
    present = {row[1].decode("utf-8", "replace") for row in connection.execute(f'PRAGMA table_info("{table.name}")')}
    columns = [column for column in table.columns if column.name in present]
    if not columns:
        return
    keys = _key_columns(table.name)
    selected = ", ".join(f'"{c.name}"' for c in columns)
    # Kinds first, in SQL (fast, reads no long values): a blob or number where text belongs, NULLs.
    kinds = ", ".join(f'typeof("{c.name}")' for c in columns)
    wrong = " OR ".join(_sql_kind_problem(c) for c in columns)
    for row in connection.execute(f'SELECT {selected}, {kinds} FROM "{table.name}" WHERE {wrong} LIMIT 1'):
        values = dict(zip((c.name for c in columns), row[: len(columns)], strict=True))
        for column, kind in zip(columns, row[len(columns) :], strict=True):
            if _sql_kind_problem_of(column, kind.decode() if isinstance(kind, bytes) else str(kind)):
                reason = (
                    _("it is empty where a value is required")
                    if kind in (b"null", "null")
                    else _("it is stored as {kind}, not as {expected}").format(
                        kind=kind.decode() if isinstance(kind, bytes) else kind, expected=_expected_kind(column)
                    )
                )
                raise _value_error(name, table.name, column.name, keys, values, reason)
    if not full:
        return  # its text and JSON are checked when read (see Draft.history)
    for row in connection.execute(f'SELECT {selected} FROM "{table.name}"'):
        values = dict(zip((c.name for c in columns), row, strict=True))
        for column in columns:
            reason = _value_problem(column, values[column.name])
            if reason:
                raise _value_error(name, table.name, column.name, keys, values, reason)


def _expected_kind(column: Column) -> str:
    return column.sql_kind


def _sql_kind_problem_of(column: Column, kind: str) -> bool:
    return kind != _expected_kind(column) and not (kind == "null" and column.nullable)


#: Tables that may grow large (every save adds a row with the previous and the new value): at opening
#: only the kinds and sizes of their values are checked; their text and JSON are checked when read.
READ_WHEN_USED = frozenset({"answer_change"})


def _sql_kind_problem(column: Column) -> str:
    """A SQL condition true when a value of ``column`` has the wrong kind."""
    quoted = f'"{column.name}"'
    allowed = [f"'{column.sql_kind}'"]
    if column.nullable:
        allowed.append("'null'")
    # typeof() reads no content (SQLite skips overflow pages for it); sizes are capped when read
    # by the connection's SQLITE_LIMIT_LENGTH.
    return f"(typeof({quoted}) NOT IN ({', '.join(allowed)}))"


def _value_problem(column: Column, value: Any) -> str:
    """Why ``value`` cannot be stored in ``column``, or ""."""
    kind = column.kind
    if value is None:
        return "" if column.nullable else _("it is empty where a value is required")
    if kind == JSON:
        try:
            decode_json(value)
        except JSONValueError as exc:
            return str(exc)
        return ""
    if kind == BOOLEAN:
        return "" if isinstance(value, int) and value in (0, 1) else _("it is not true or false")
    if kind == INTEGER:
        return "" if isinstance(value, int) else _("it is not a whole number")
    # TEXT or DATETIME
    if not isinstance(value, bytes):
        return _("it is stored as {kind}, not as text").format(kind=type(value).__name__)
    if len(value) > MAX_TEXT_BYTES:
        return _("it is longer than {size} MB").format(size=MAX_TEXT_BYTES // 2**20)
    try:
        text = value.decode("utf-8")
    except UnicodeDecodeError:
        return _("it is not valid UTF-8 text")
    if kind == DATETIME:
        try:
            when = datetime.fromisoformat(text)
        except ValueError:
            return _("it is not a date and time")
        if when.tzinfo is None:
            return _("it is a date and time without a time zone")
    return ""


def _value_error(
    name: str, table: str, column: str, keys: tuple[str, ...], values: dict[str, Any], reason: str
) -> DraftValueError:
    question = values.get("question_id") if "question_id" in keys else None
    if isinstance(question, bytes):
        question = question.decode("utf-8", "replace")[:200]
    if question is not None and table == "answer":
        where = _("the answer to question {question}").format(question=question)
    elif question is not None:
        where = _("a recorded change to question {question}").format(question=question)
    elif table == "draft_property" and isinstance(values.get("key"), bytes):
        where = _("the draft setting {key}").format(key=values["key"].decode("utf-8", "replace")[:100])
    else:
        where = _("the {column} of a {table} record").format(column=column, table=table)
    return DraftValueError(
        _(
            "{name} cannot be opened: {where} cannot be used ({reason}). The file was not changed. Ask the person "
            "who sent it for a new copy, or open a backup."
        ).format(name=name, where=where, reason=reason),
        question_id=question,
    )
