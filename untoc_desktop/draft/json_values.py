"""Decoding JSON values read from a draft file, within limits.

A draft from someone else may hold any bytes where we store JSON text: this is
the one decoder for them. It refuses invalid UTF-8, values over
:data:`MAX_TEXT_BYTES`, nesting deeper than :data:`MAX_JSON_DEPTH` (which would
exhaust Python's recursion limit) and the non-standard numbers ``NaN`` and
``Infinity`` (which Python's ``json`` accepts by default).
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..i18n import _

#: Deepest nesting of lists and objects accepted in a JSON value read from a draft.
MAX_JSON_DEPTH = 64
#: Largest text value read from a draft, in bytes of UTF-8 (a long answer is well under 1 MB).
MAX_TEXT_BYTES = 16 * 1024 * 1024

SchemaRows = tuple[tuple[str, str, str, str], ...]


class JSONValueError(ValueError):
    """A stored JSON value cannot be used (the message says why, in plain words)."""


def decode_json(text: str | bytes) -> Any:
    """Decode one JSON value read from a draft, within the limits above.

    Args:
        text: the stored text (``bytes`` are decoded as strict UTF-8).

    Raises:
        JSONValueError: not UTF-8, too long, too deeply nested, not JSON, or a NaN/Infinity number.
    """
    if isinstance(text, bytes):
        if len(text) > MAX_TEXT_BYTES:
            raise JSONValueError(_("it is longer than {size} MB").format(size=MAX_TEXT_BYTES // 2**20))
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise JSONValueError(_("it is not valid UTF-8 text")) from None
    if not isinstance(text, str):
        raise JSONValueError(_("it is stored as {kind}, not as text").format(kind=type(text).__name__))
    if len(text) > MAX_TEXT_BYTES:
        raise JSONValueError(_("it is longer than {size} MB").format(size=MAX_TEXT_BYTES // 2**20))
    # A JSON string (most answers) nests nothing; anything else is scanned when it has many brackets.
    if (
        not text.startswith('"')
        and text.count("[") + text.count("{") > MAX_JSON_DEPTH
        and _json_depth(text) > MAX_JSON_DEPTH
    ):
        raise JSONValueError(_("it is nested more than {depth} levels deep").format(depth=MAX_JSON_DEPTH))
    try:
        return _DECODER.decode(text)
    except JSONValueError:
        raise
    except (ValueError, RecursionError) as exc:
        raise JSONValueError(_("it is not valid JSON ({reason})").format(reason=str(exc)[:200])) from None


def _refuse_constant(name: str) -> Any:
    raise JSONValueError(_("it holds the number {name}, which is not a number").format(name=name))


#: One decoder for every value (``json.loads`` with an option would build a new one per value).
_DECODER = json.JSONDecoder(parse_constant=_refuse_constant)


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_JSON_BRACKET = re.compile(r"[\[\]{}]")


def _json_depth(text: str) -> int:
    """The deepest nesting of brackets outside JSON strings."""
    depth = deepest = 0
    for match in _JSON_BRACKET.finditer(_JSON_STRING.sub('""', text)):
        if match.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest
