"""Which Protocols apply to a draft, as recorded in it: the ``applicability`` draft property.

The recorded choice maps a Protocol code (``TIP``, ``SOM``, ``FIREARMS``) to where the
answer came from: ``{"party": bool, "source": "table" | "user", "source_date": str,
"origin": str, "confidence": str, "source_url": str}``. ``source`` is ``table`` when the
choice matches a certain cell of the States parties table, else ``user`` (the user decided).

The key, its shape and its typed accessors are defined once, with the other draft
properties, in :mod:`untoc_desktop.draft.properties`; this module keeps the names the
interface and the workspace use.
"""

from __future__ import annotations

from .draft.properties import APPLICABILITY as APPLICABILITY_PROPERTY
from .draft.properties import Applicability, ProtocolChoice, protocol_choice
from .draft.properties import parse_applicability as read_applicability

__all__ = ["APPLICABILITY_PROPERTY", "Applicability", "ProtocolChoice", "protocol_choice", "read_applicability"]
