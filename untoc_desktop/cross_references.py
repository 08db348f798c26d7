"""Cross-references: records already entered in a draft, offered again elsewhere without retyping.

The same law or court case is often cited under several provisions. The
interface lets the user pick from the distinct records of one type (for
example every ``citations`` entry) already given anywhere in the draft; the
record is copied into the new answer, so each answer stays self-contained.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .questionnaire.model import Definition
from .questionnaire.types import RECORD_FIELDS


def _identity(record: Mapping[str, Any], keys: tuple[str, ...]) -> tuple[str, ...]:
    """What makes two records the same: their fields, ignoring case and surrounding spaces."""
    return tuple(
        " ".join(str(record.get(key) if record.get(key) is not None else "").split()).casefold() for key in keys
    )


def known_records(definition: Definition, answers: Mapping[str, Any], record_type: str) -> list[dict[str, Any]]:
    """The distinct records of one type given in any answer of the draft, in questionnaire order.

    Args:
        definition: the questionnaire the answers belong to.
        answers: question id -> stored value (as ``Draft.answers()`` returns).
        record_type: a record-list question type: ``citations``, ``cases``, ``sources``
            or ``statistics`` (see ``types.RECORD_FIELDS``).

    Returns:
        Copies of the records (dicts with the type's fields), first occurrence kept;
        records that differ only in letter case or spacing count once. Entries that
        are not records (malformed data) are skipped.

    Raises:
        KeyError: ``record_type`` is not a record-list type.
    """
    keys = tuple(key for key, _label, _schema in RECORD_FIELDS[record_type])
    seen: set[tuple[str, ...]] = set()
    found: list[dict[str, Any]] = []
    for question in definition.questions():
        if question.type != record_type:
            continue
        value = answers.get(question.id)
        if not isinstance(value, list):
            continue
        for record in value:
            if not isinstance(record, Mapping) or not str(record.get(keys[0]) or "").strip():
                continue
            identity = _identity(record, keys)
            if identity in seen:
                continue
            seen.add(identity)
            found.append({key: record.get(key) for key in keys})
    return found


def describe_record(record: Mapping[str, Any], record_type: str) -> str:
    """One line naming a record, its non-empty fields joined by ", " (for pick lists)."""
    keys = [key for key, _label, _schema in RECORD_FIELDS[record_type]]
    return ", ".join(
        str(record[key]).strip() for key in keys if record.get(key) is not None and str(record[key]).strip()
    )
