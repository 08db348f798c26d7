"""Hostile drafts, generated: each is a real draft changed the way an attacker (or a broken tool) would.

Each builder takes a freshly created draft (closed, one saved answer) and alters it
with plain sqlite3 - the only place in the tests where SQL is run on a draft
outside the application's connection factory.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from untoc_desktop.draft import Draft, DraftInfo

QID = "UNTOC.5.1(b).practice"
SAVED = "saved text"


def _sql(*statements: str) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        connection = sqlite3.connect(path)
        try:
            for statement in statements:
                connection.execute(statement)
            connection.commit()
        finally:
            connection.close()

    return build


def _rebuild_answer_table(extra_column_sql: str) -> Callable[[Path], None]:
    """Replace the answer table by one with an extra definition (CHECK, generated column), rows kept."""
    return _sql(
        "ALTER TABLE answer RENAME TO answer_old",
        "CREATE TABLE answer (question_id VARCHAR(200) NOT NULL, value TEXT NOT NULL, updated_at VARCHAR(32) NOT "
        f"NULL, updated_by TEXT NOT NULL, {extra_column_sql}, CONSTRAINT pk_answer PRIMARY KEY (question_id))",
        "INSERT INTO answer (question_id, value, updated_at, updated_by) "
        "SELECT question_id, value, updated_at, updated_by FROM answer_old",
        "DROP TABLE answer_old",
    )


def _damage_answer_page(path: Path) -> None:
    connection = sqlite3.connect(path)
    try:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name='answer'").fetchone()[0]
    finally:
        connection.close()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\x0d\xff\xff\xff" + b"\xa5" * 60)  # a leaf page header with impossible cell counts


def _set_value(sql_value: str) -> Callable[[Path], None]:
    return _sql(f"UPDATE answer SET value = {sql_value} WHERE question_id = '{QID}'")


#: kind -> (builder, the question a value problem must be reported for, or None).
HOSTILE: dict[str, tuple[Callable[[Path], None], str | None]] = {
    "trigger_rewrites_answers_and_erases_history": (
        _sql(
            "CREATE TRIGGER rewrite AFTER INSERT ON answer_change BEGIN "
            "UPDATE answer SET value = '\"forged\"'; DELETE FROM answer_change; END"
        ),
        None,
    ),
    "trigger_on_open_wipes_answers": (
        _sql(
            "CREATE TRIGGER wipe AFTER UPDATE ON draft BEGIN DELETE FROM answer; END",
            "CREATE TRIGGER wipe_too AFTER INSERT ON draft_property BEGIN DELETE FROM answer; END",
            "UPDATE draft SET definition_version = '0.0.1'",
        ),
        None,
    ),  # an older definition: opening would upgrade it
    "view_shadowing_a_table": (
        _sql(
            "ALTER TABLE answer RENAME TO answer_real",
            "CREATE VIEW answer AS SELECT question_id, '\"forged\"' AS value, updated_at, updated_by FROM answer_real",
        ),
        None,
    ),
    "check_constraint": (_rebuild_answer_table("CHECK (length(value) < 20)"), None),
    "generated_column": (_rebuild_answer_table("padding BLOB GENERATED ALWAYS AS (zeroblob(4000000)) STORED"), None),
    "extra_index": (_sql("CREATE INDEX ix_evil ON answer (value, updated_by)"), None),
    "extra_table": (_sql("CREATE TABLE payload (x BLOB)", "INSERT INTO payload VALUES (zeroblob(1000))"), None),
    "never_returning_trigger": (
        _sql(
            "CREATE TRIGGER forever AFTER INSERT ON answer_change BEGIN "
            "SELECT count(*) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c); "
            "END"
        ),
        None,
    ),
    "altered_table_sql": (
        _sql(
            "PRAGMA writable_schema=ON",
            "UPDATE sqlite_master SET sql = replace(sql, 'updated_by TEXT NOT NULL', "
            "'updated_by TEXT NOT NULL DEFAULT (random())') WHERE name = 'answer'",
        ),
        None,
    ),
    "deep_json_value": (_set_value("'" + "[" * 100_000 + "]" * 100_000 + "'"), QID),
    "invalid_utf8_value": (_set_value("CAST(x'22ff2022' AS TEXT)"), QID),
    "wrong_sql_type": (_set_value("42.5"), QID),
    "wrong_kind_of_answer": (_set_value('\'["a list", "for a text question"]\''), QID),
    "nan_number": (_set_value("'NaN'"), QID),
    "damaged_page": (_damage_answer_page, None),
}


def make_hostile(folder: Path, kind: str, info: DraftInfo) -> Path:
    """A draft of ``kind`` (see :data:`HOSTILE`) in ``folder``; it held ``SAVED`` under ``QID`` before."""
    path = folder / f"{kind}.untoc"
    with Draft.create(path, info) as draft:
        draft.set_answer(QID, SAVED)
    HOSTILE[kind][0](path)
    return path
