"""Question types and the JSON Schema that a valid answer value of each type satisfies.

A question's ``type`` in a definition file is one of :data:`QUESTION_TYPES`.
An answer value is plain JSON data (what :func:`json.loads` returns); the
schemas here say which values are acceptable, and :func:`is_answered` says
whether a value counts as an answer for completeness.
"""

from __future__ import annotations

from typing import Any

#: Implementation status choices, in display order, with their English labels.
STATUS_CHOICES: tuple[tuple[str, str], ...] = (
    ("fully", "Fully implemented"),
    ("partly", "Partly implemented"),
    ("not_implemented", "Not implemented"),
    ("unknown", "Unknown"),
)

_TEXT_MAX = 200_000  # characters; about 30,000 words, far above any real answer

_LINK = {"type": "string", "maxLength": 2000}

#: Field specifications of the record-list types: (key, English label, JSON Schema).
CITATION_FIELDS: tuple[tuple[str, str, dict[str, Any]], ...] = (
    ("title", "Title of the law or regulation", {"type": "string", "minLength": 1, "maxLength": 2000}),
    ("provision", "Article or section", {"type": "string", "maxLength": 500}),
    ("year", "Year", {"type": ["integer", "null"], "minimum": 1000, "maximum": 2999}),
    ("link", "Link (optional)", _LINK),
)
SOURCE_FIELDS: tuple[tuple[str, str, dict[str, Any]], ...] = (
    ("title", "Title", {"type": "string", "minLength": 1, "maxLength": 2000}),
    ("publisher", "Publisher or author", {"type": "string", "maxLength": 1000}),
    ("date", "Date", {"type": "string", "maxLength": 100}),
    ("link", "Link (optional)", _LINK),
)

#: Record-list types and their fields.
RECORD_FIELDS: dict[str, tuple[tuple[str, str, dict[str, Any]], ...]] = {
    "citations": CITATION_FIELDS,
    "sources": SOURCE_FIELDS,
}


def _record_list_schema(fields: tuple[tuple[str, str, dict[str, Any]], ...]) -> dict[str, Any]:
    return {
        "type": "array",
        "maxItems": 500,
        "items": {
            "type": "object",
            "properties": {key: schema for key, _label, schema in fields},
            "required": [fields[0][0]],
            "additionalProperties": False,
        },
    }


#: JSON Schema of a valid value, per question type.
VALUE_SCHEMAS: dict[str, dict[str, Any]] = {
    "status": {"type": "string", "enum": [key for key, _ in STATUS_CHOICES]},
    "text": {"type": "string", "maxLength": _TEXT_MAX},
    "citations": _record_list_schema(CITATION_FIELDS),
    "sources": _record_list_schema(SOURCE_FIELDS),
}

QUESTION_TYPES: tuple[str, ...] = tuple(VALUE_SCHEMAS)


def value_schema(question_type: str) -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) that a valid value of ``question_type`` satisfies.

    Args:
        question_type: one of :data:`QUESTION_TYPES`.

    Raises:
        KeyError: for an unknown type (definition files are schema-checked first,
            so this only happens on a programming error).
    """
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **VALUE_SCHEMAS[question_type]}


def is_answered(value: Any) -> bool:
    """Tell whether ``value`` counts as an answer for completeness.

    ``None``, a string of white space only and an empty list do not count.
    """
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, (list, tuple, dict)):
        return bool(value)
    return True


def status_label(key: str) -> str:
    """English label of a status choice key (the key itself when unknown)."""
    return dict(STATUS_CHOICES).get(key, key)
