"""Three-way merge of one answer value, by the shape of the value.

* text (``str``): sentence by sentence (:mod:`.text_merge`); a one-word value
  such as a status or a date is one "sentence", so two different choices conflict;
* lists of records (citations, sources, cases, statistics; see
  ``questionnaire.types.RECORD_FIELDS``): record by record, by each record's
  ``row_id`` (:func:`with_row_ids`), never as text;
* lists of strings (multiple choice): option by option;
* anything else (numbers, booleans): the whole value.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

#: Key of the stable identity of a record inside a record-list answer.
ROW_ID = "row_id"


@dataclass(frozen=True)
class ValueMerge:
    """The result of merging one answer.

    Attributes:
        value: the merged value; at a conflict, my version (``mine`` below).
        conflict: True when both sides changed the same part differently.
        mine / theirs / both: with a conflict, the merged value taking my version,
            their version, or both versions at each conflicting place
            (``both`` is ``None`` when the two cannot both be kept, e.g. two statuses).
    """

    value: Any
    conflict: bool = False
    mine: Any = None
    theirs: Any = None
    both: Any = None


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=True, separators=(",", ":"))


def is_record_list(value: Any) -> bool:
    """True for a non-empty list of JSON objects (a record-list answer)."""
    return isinstance(value, list) and bool(value) and all(isinstance(r, Mapping) for r in value)


def with_row_ids(records: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The records, each with a ``row_id``; records without one get an id derived from their content.

    A derived id is the same in every copy of a draft (it depends only on the
    record and how many identical records precede it), so records of drafts made
    before row ids existed are still recognised on both sides of a merge.
    """
    seen: dict[str, int] = {}
    out = []
    for record in records:
        record = dict(record)
        if not record.get(ROW_ID):
            content = _canonical({k: v for k, v in record.items() if k != ROW_ID})
            count = seen.get(content, 0)
            seen[content] = count + 1
            record[ROW_ID] = "h" + hashlib.sha256(f"{content}#{count}".encode()).hexdigest()[:15]
        out.append(record)
    return out


def _order(ancestor: list[str], sides: list[list[str]], keep: set[str]) -> list[str]:
    """Row order: the ancestor's, with each side's new rows after the row they follow there.

    New rows inserted after the same row by both sides are ordered by their first id,
    so the order does not depend on which copy is "mine".
    """
    anchored: dict[str | None, list[list[str]]] = {}
    for ids in sides:
        previous: str | None = None
        group: list[str] = []
        anchor: str | None = None
        for row in ids:
            if row in ancestor:
                if group:
                    anchored.setdefault(anchor, []).append(group)
                    group = []
                previous = row
            else:
                if not group:
                    anchor = previous
                group.append(row)
        if group:
            anchored.setdefault(anchor, []).append(group)
    result: list[str] = []

    def place(anchor: str | None) -> None:
        for group in sorted(anchored.get(anchor, []), key=lambda g: g[0]):
            for row in group:
                if row in keep and row not in result:
                    result.append(row)

    place(None)
    for row in ancestor:
        if row in keep and row not in result:
            result.append(row)
        place(row)
    return result


def _merge_records(ancestor: Any, mine: list[Any], theirs: list[Any]) -> ValueMerge:
    a = with_row_ids(ancestor) if is_record_list(ancestor) else []
    m, t = with_row_ids(mine or []), with_row_ids(theirs or [])
    by_a = {r[ROW_ID]: r for r in a}
    by_m = {r[ROW_ID]: r for r in m}
    by_t = {r[ROW_ID]: r for r in t}
    chosen_m: dict[str, Any] = {}
    chosen_t: dict[str, Any] = {}
    extra_both: dict[str, Any] = {}
    conflict = False
    for row in set(by_a) | set(by_m) | set(by_t):
        ra, rm, rt = by_a.get(row), by_m.get(row), by_t.get(row)
        if rm == rt or rt == ra:
            chosen_m[row] = chosen_t[row] = rm
        elif rm == ra:
            chosen_m[row] = chosen_t[row] = rt
        else:  # both changed this record differently (or one removed what the other edited)
            conflict = True
            chosen_m[row], chosen_t[row] = rm, rt
            if rm is not None and rt is not None:
                extra_both[row] = dict(rt, **{ROW_ID: row + "-2"})
    order = _order(
        [r[ROW_ID] for r in a], [[r[ROW_ID] for r in m], [r[ROW_ID] for r in t]], set(by_a) | set(by_m) | set(by_t)
    )

    def build(chosen: Mapping[str, Any], extra: Mapping[str, Any] | None = None) -> list[Any] | None:
        out = []
        for row in order:
            if chosen.get(row) is not None:
                out.append(chosen[row])
            elif extra is not None and chosen_t.get(row) is not None:
                out.append(chosen_t[row])  # "both": a record removed on one side, edited on the other, stays
            if extra and row in extra:
                out.append(extra[row])
        return out or None

    merged_m = build(chosen_m)
    if not conflict:
        return ValueMerge(merged_m)
    return ValueMerge(merged_m, True, merged_m, build(chosen_t), build(chosen_m, extra_both))


def _merge_options(ancestor: Any, mine: list[Any], theirs: list[Any]) -> ValueMerge:
    a = set(map(_canonical, ancestor)) if isinstance(ancestor, list) else set()
    m, t = {_canonical(x): x for x in mine}, {_canonical(x): x for x in theirs}
    keep = {k for k in set(m) | set(t) if (k in m and k in t) or (k not in a)}
    first, second = sorted((mine, theirs), key=_canonical)  # order independent of the side
    out, seen = [], set()
    for item in list(first) + list(second):
        key = _canonical(item)
        if key in keep and key not in seen:
            seen.add(key)
            out.append(item)
    return ValueMerge(out or None)


def _is_prose(value: Any) -> bool:
    return value is None or (isinstance(value, str) and any(ch.isspace() for ch in value.strip()))


def merge_values(ancestor: Any, mine: Any, theirs: Any, kind: str | None = None) -> ValueMerge:
    """Merge two versions of one answer with their common ancestor.

    Args:
        ancestor: the value both started from (``None``: no answer).
        mine: my current value (JSON data, ``None`` for no answer).
        theirs: the colleague's current value.
        kind: the question type (``questionnaire.types.QUESTION_TYPES``) when known. Without it the
            shape of the values decides; a string without spaces (a status, a choice, a date) is
            then one value, not a text.

    Returns:
        A :class:`ValueMerge`. A change made on one side only is taken as is.
    """
    if mine == theirs or theirs == ancestor:
        return ValueMerge(mine)
    if mine == ancestor:
        return ValueMerge(theirs)
    if kind is None:
        text_like = all(v is None or isinstance(v, str) for v in (ancestor, mine, theirs)) and any(
            _is_prose(v) and v is not None for v in (mine, theirs)
        )
    else:
        text_like = kind == "text" and all(v is None or isinstance(v, str) for v in (ancestor, mine, theirs))
    if text_like and mine is not None and theirs is not None:
        from .text_merge import merge_texts  # merge3: loaded by the first merge, not by the window's record tables

        merged = merge_texts(ancestor or "", mine, theirs)
        if not merged.conflicts:
            return ValueMerge(merged.text() or None)
        both = merged.text("both")
        return ValueMerge(
            merged.text("mine"),
            True,
            merged.text("mine"),
            merged.text("theirs"),
            both if both not in (merged.text("mine"), merged.text("theirs")) else None,
        )
    lists = [v for v in (ancestor, mine, theirs) if v is not None]
    if kind in (None, "multi_choice", "citations", "sources", "cases", "statistics") and all(
        isinstance(v, list) for v in lists
    ):
        if all(is_record_list(v) or v == [] for v in lists) and any(is_record_list(v) for v in lists):
            return _merge_records(ancestor, mine or [], theirs or [])
        if all(all(isinstance(x, str) for x in v) for v in lists):
            return _merge_options(ancestor, mine or [], theirs or [])
    # Scalars, a value removed on one side and changed on the other, or values of different shapes.
    return ValueMerge(mine, True, mine, theirs, None)
