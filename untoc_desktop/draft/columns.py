"""The columns of a draft's tables as plain data: what a stored value must be, without SQLAlchemy.

:mod:`.schema_check` checks every stored value against these before a draft is opened, and
:mod:`.store` reads details, answers and properties with plain SQL, so opening and reading a
draft never imports SQLAlchemy. They describe the models of :mod:`.models` column by column, in
the order of ``Base.metadata.sorted_tables``; ``tests/draft/test_columns.py`` proves they agree,
so a change to a model without a change here fails the tests.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Kinds of column: text (``String``/``Text``), JSON text, UTC date and time (ISO 8601 text),
#: whole number, true or false (0 or 1).
TEXT, JSON, DATETIME, INTEGER, BOOLEAN = "text", "json", "datetime", "integer", "boolean"


@dataclass(frozen=True)
class Column:
    """One column: its name, its kind (:data:`TEXT`, :data:`JSON`...) and whether it may be NULL."""

    name: str
    kind: str
    nullable: bool = False

    @property
    def sql_kind(self) -> str:
        """What SQLite's ``typeof()`` gives for a stored value: ``integer`` or ``text``."""
        return "integer" if self.kind in (INTEGER, BOOLEAN) else "text"


@dataclass(frozen=True)
class Table:
    """One table and its columns, in the models' order."""

    name: str
    columns: tuple[Column, ...]


#: Every table of the current format, in the order of the models' ``sorted_tables``.
TABLES: tuple[Table, ...] = (
    Table(
        "answer",
        (
            Column("question_id", TEXT),
            Column("value", JSON),
            Column("updated_at", DATETIME),
            Column("updated_by", TEXT),
        ),
    ),
    Table(
        "answer_conflict",
        (
            Column("question_id", TEXT),
            Column("mine", JSON, nullable=True),
            Column("theirs", JSON, nullable=True),
            Column("ancestor", JSON, nullable=True),
            Column("both", JSON, nullable=True),
            Column("copy_name", TEXT),
            Column("copy_fingerprint", TEXT),
            Column("theirs_author", TEXT),
            Column("created_at", DATETIME),
        ),
    ),
    Table(
        "draft",
        (
            Column("id", INTEGER),
            Column("draft_uuid", TEXT),
            Column("created_at", DATETIME),
            Column("organization", TEXT),
            Column("country", TEXT),
            Column("country_code", TEXT),
            Column("cluster", INTEGER),
            Column("protocols", JSON),
            Column("language", TEXT),
            Column("author", TEXT),
            Column("definition_id", TEXT),
            Column("definition_version", TEXT),
            Column("app_version", TEXT),
        ),
    ),
    Table(
        "draft_property",
        (
            Column("key", TEXT),
            Column("value", JSON),
            Column("updated_at", DATETIME),
        ),
    ),
    Table(
        "merge_log",
        (
            Column("id", INTEGER),
            Column("merge_uuid", TEXT),
            Column("merged_at", DATETIME),
            Column("author", TEXT),
            Column("copy_name", TEXT),
            Column("copy_fingerprint", TEXT),
            Column("copy_author", TEXT),
            Column("details", JSON),
        ),
    ),
    Table(
        "recipient",
        (
            Column("id", INTEGER),
            Column("recipient_uuid", TEXT),
            Column("name", TEXT),
            Column("title", TEXT),
            Column("agency", TEXT),
            Column("postal_address", TEXT),
            Column("email", TEXT),
            Column("is_focal_point", BOOLEAN),
            Column("created_at", DATETIME),
        ),
    ),
    Table(
        "sent_entry",
        (
            Column("id", INTEGER),
            Column("entry_uuid", TEXT),
            Column("kind", TEXT),
            Column("recorded_at", DATETIME),
            Column("file_name", TEXT),
            Column("format", TEXT),
            Column("sha256", TEXT),
            Column("signatories", JSON),
            Column("recipient", TEXT),
            Column("channel", TEXT),
            Column("snapshot", JSON),
        ),
    ),
    Table(
        "answer_change",
        (
            Column("id", INTEGER),
            Column("change_uuid", TEXT),
            Column("draft_uuid", TEXT),
            Column("question_id", TEXT),
            Column("author", TEXT),
            Column("changed_at", DATETIME),
            Column("previous_value", JSON, nullable=True),
            Column("new_value", JSON, nullable=True),
        ),
    ),
    Table(
        "letter",
        (
            Column("id", INTEGER),
            Column("letter_uuid", TEXT),
            Column("reference", TEXT),
            Column("kind", TEXT),
            Column("language", TEXT),
            Column("recipient_uuid", TEXT, nullable=True),
            Column("created_at", DATETIME),
            Column("sent_on", TEXT, nullable=True),
            Column("sent_channel", TEXT, nullable=True),
            Column("details", JSON),
        ),
    ),
)

#: The tables by name.
BY_NAME: dict[str, Table] = {table.name: table for table in TABLES}
