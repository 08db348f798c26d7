"""Question types and the JSON Schema that a valid answer value of each type satisfies.

A question's ``type`` in a definition file is one of :data:`QUESTION_TYPES`.
An answer value is plain JSON data (what :func:`json.loads` returns); the
schemas here say which values are acceptable, and :func:`is_answered` says
whether a value counts as an answer for completeness.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..i18n import N_

#: Implementation status choices, in display order, with their English labels.
STATUS_CHOICES: tuple[tuple[str, str], ...] = (
    ("fully", N_("Fully implemented")),
    ("partly", N_("Partly implemented")),
    ("not_implemented", N_("Not implemented")),
    ("unknown", N_("Unknown")),
)

_TEXT_MAX = 200_000  # characters; about 30,000 words, far above any real answer

_LINK = {"type": "string", "maxLength": 2000}
_ROW_ID = {"type": "string", "maxLength": 64}

#: Field specifications of the record-list types: (key, English label, JSON Schema).
CITATION_FIELDS: tuple[tuple[str, str, dict[str, Any]], ...] = (
    ("title", N_("Title of the law or regulation"), {"type": "string", "minLength": 1, "maxLength": 2000}),
    ("provision", N_("Article or section"), {"type": "string", "maxLength": 500}),
    ("year", N_("Year"), {"type": ["integer", "null"], "minimum": 1000, "maximum": 2999}),
    ("link", N_("Link (optional)"), _LINK),
)
SOURCE_FIELDS: tuple[tuple[str, str, dict[str, Any]], ...] = (
    ("title", N_("Title"), {"type": "string", "minLength": 1, "maxLength": 2000}),
    ("publisher", N_("Publisher or author"), {"type": "string", "maxLength": 1000}),
    ("date", N_("Date"), {"type": "string", "maxLength": 100}),
    ("link", N_("Link (optional)"), _LINK),
)
CASE_FIELDS: tuple[tuple[str, str, dict[str, Any]], ...] = (
    ("court", N_("Court or authority"), {"type": "string", "minLength": 1, "maxLength": 1000}),
    ("year", N_("Year"), {"type": ["integer", "null"], "minimum": 1000, "maximum": 2999}),
    ("reference", N_("Case reference"), {"type": "string", "maxLength": 1000}),
    ("outcome", N_("Outcome"), {"type": "string", "maxLength": 20000}),
)
STATISTIC_FIELDS: tuple[tuple[str, str, dict[str, Any]], ...] = (
    ("year", N_("Year"), {"type": "integer", "minimum": 1000, "maximum": 2999}),
    ("figure", N_("Figure"), {"type": ["number", "null"]}),
    ("unit", N_("Unit (what is counted)"), {"type": "string", "maxLength": 500}),
    ("source", N_("Source"), {"type": "string", "maxLength": 2000}),
)

#: Record-list types and their fields; the first field is required in each record.
RECORD_FIELDS: dict[str, tuple[tuple[str, str, dict[str, Any]], ...]] = {
    "citations": CITATION_FIELDS,
    "sources": SOURCE_FIELDS,
    "cases": CASE_FIELDS,
    "statistics": STATISTIC_FIELDS,
}

#: Choices of the yes / yes in part / no type.
YES_NO_CHOICES: tuple[tuple[str, str], ...] = (
    ("yes", N_("Yes")),
    ("yes_in_part", N_("Yes, in part")),
    ("no", N_("No")),
)


def _record_list_schema(fields: tuple[tuple[str, str, dict[str, Any]], ...]) -> dict[str, Any]:
    return {
        "type": "array",
        "maxItems": 500,
        "items": {
            "type": "object",
            # row_id: the record's stable identity, so merging colleagues' copies matches records
            # (optional: records of older drafts get one derived from their content; see sharing.values)
            "properties": {**{key: schema for key, _label, schema in fields}, "row_id": _ROW_ID},
            "required": [fields[0][0]],
            "additionalProperties": False,
        },
    }


#: JSON Schema of a valid value, per question type, before a question's own
#: options, bounds and pattern are applied (see :func:`value_schema`).
VALUE_SCHEMAS: dict[str, dict[str, Any]] = {
    "status": {"type": "string", "enum": [key for key, _ in STATUS_CHOICES]},
    "yes_no": {"type": "string", "enum": [key for key, _ in YES_NO_CHOICES]},
    "text": {"type": "string", "maxLength": _TEXT_MAX},
    "citations": _record_list_schema(CITATION_FIELDS),
    "sources": _record_list_schema(SOURCE_FIELDS),
    "cases": _record_list_schema(CASE_FIELDS),
    "statistics": _record_list_schema(STATISTIC_FIELDS),
    "choice": {"type": "string"},
    "multi_choice": {"type": "array", "uniqueItems": True, "items": {"type": "string"}},
    "number": {"type": "number"},
    "date": {"type": "string", "pattern": r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"},
}

QUESTION_TYPES: tuple[str, ...] = tuple(VALUE_SCHEMAS)


def value_schema(
    question_type: str,
    options: Sequence[str] = (),
    minimum: float | None = None,
    maximum: float | None = None,
    pattern: str | None = None,
) -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) that a valid answer value satisfies.

    Args:
        question_type: one of :data:`QUESTION_TYPES`.
        options: the declared option values of a ``choice`` or ``multi_choice`` question.
        minimum: lower bound of a ``number`` question (inclusive), or None for none.
        maximum: upper bound of a ``number`` question (inclusive), or None for none.
        pattern: regular expression a ``text`` answer must match.

    Raises:
        KeyError: for an unknown type (definition files are schema-checked first,
            so this only happens on a programming error).
    """
    schema: dict[str, Any] = {"$schema": "https://json-schema.org/draft/2020-12/schema", **VALUE_SCHEMAS[question_type]}
    if question_type == "choice" and options:
        schema["enum"] = list(options)
    if question_type == "multi_choice" and options:
        schema["items"] = {"enum": list(options)}
    if minimum is not None:
        schema["minimum"] = minimum
    if maximum is not None:
        schema["maximum"] = maximum
    if pattern is not None:
        schema["pattern"] = pattern
    return schema


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
    """English label of a status or yes/no choice key (the key itself when unknown)."""
    return dict(STATUS_CHOICES + YES_NO_CHOICES).get(key, key)
