"""The plain column table (draft/columns.py) describes the SQLAlchemy models exactly."""

from __future__ import annotations

from sqlalchemy import Boolean, Integer, String, Text

from untoc_desktop.draft import columns
from untoc_desktop.draft.models import Base, JSONText, UTCDateTime


def _kind(column_type: object) -> str:
    if isinstance(column_type, JSONText):
        return columns.JSON
    if isinstance(column_type, Boolean):
        return columns.BOOLEAN
    if isinstance(column_type, Integer):
        return columns.INTEGER
    if isinstance(column_type, UTCDateTime):
        return columns.DATETIME
    if isinstance(column_type, (String, Text)):
        return columns.TEXT
    raise AssertionError(f"a model column of a kind the plain table does not know: {column_type!r}")


def test_the_plain_columns_are_the_models_columns_in_the_models_order():
    from_models = tuple(
        columns.Table(table.name, tuple(columns.Column(c.name, _kind(c.type), bool(c.nullable)) for c in table.columns))
        for table in Base.metadata.sorted_tables
    )
    assert columns.TABLES == from_models


def test_integers_and_booleans_are_stored_as_integers_everything_else_as_text():
    kinds = {column.kind: column.sql_kind for table in columns.TABLES for column in table.columns}
    assert kinds == {
        columns.TEXT: "text",
        columns.JSON: "text",
        columns.DATETIME: "text",
        columns.INTEGER: "integer",
        columns.BOOLEAN: "integer",
    }
