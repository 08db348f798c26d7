"""Which Protocols apply to a draft, as recorded in it: the ``applicability`` draft property.

The recorded choice maps a Protocol code (``TIP``, ``SOM``, ``FIREARMS``) to where the
answer came from: ``{"party": bool, "source": "table" | "user", "source_date": str,
"origin": str, "confidence": str, "source_url": str}``. ``source`` is ``table`` when the
choice matches a certain cell of the States parties table, else ``user`` (the user decided).
A draft from someone else may hold anything under this key: :func:`read_applicability`
keeps only well-formed entries.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict

#: Draft property holding the recorded choice.
APPLICABILITY_PROPERTY = "applicability"


class ProtocolChoice(TypedDict, total=False):
    """One Protocol's recorded choice (see the module docstring for the fields)."""

    party: bool
    source: str
    source_date: str
    origin: str
    confidence: str
    source_url: str


#: Protocol code -> its recorded choice.
Applicability = dict[str, ProtocolChoice]


def protocol_choice(party: bool, from_table: bool, *, source_date: str = "", origin: str = "",
                    confidence: str = "", source_url: str = "") -> ProtocolChoice:
    """One Protocol's entry: ``source`` is ``table`` when ``from_table``, else ``user``."""
    return ProtocolChoice(party=party, source="table" if from_table else "user", source_date=source_date,
                          origin=origin, confidence=confidence, source_url=source_url)


def read_applicability(stored: Any) -> Applicability | None:
    """The recorded choice from a stored property value, or ``None`` when there is none.

    Entries that are not mappings are left out (a draft from someone else may hold anything).
    """
    if not isinstance(stored, Mapping):
        return None
    return {str(code): ProtocolChoice(**{k: v for k, v in entry.items() if k in ProtocolChoice.__annotations__})
            for code, entry in stored.items() if isinstance(entry, Mapping)}
