"""Typed access to the draft's properties (table ``draft_property``: a key and a JSON value).

One pair of functions per key: a reader that returns only data of the key's shape (a draft
from someone else may hold anything under any key, so anything else reads as "not set"), and
a writer that refuses a value of another shape with :class:`PropertyShapeError` before
anything is written. Nothing else in the core calls ``Draft.property`` / ``set_property``
with a key of its own.

The functions take any :class:`PropertyStore` (a :class:`~untoc_desktop.draft.store.Draft`,
or a stand-in in tests); this module imports neither SQLAlchemy nor the store.

Keys and shapes:

``applicability``
    How the Protocols were chosen: Protocol code -> ``{"party": bool, "source": "table" |
    "user", "source_date": str, "origin": str, "confidence": str, "source_url": str}``
    (only ``party`` is required: drafts of schema 2 recorded ``party`` and ``source``).
``sender``
    The organisation's letterhead details: ``{"address", "email", "signatory",
    "signatory_title", "reference_scheme"}``, each a string, each optional.
``review_timeline``
    ``{"group": int | None, "started_on": "YYYY-MM-DD" | None}``.
``recipient_forms_of_address``
    Recipient uuid -> ``"neutral" | "ms" | "mr" | "excellency"``.
``assignment`` (in a copy sent to a colleague) and each item of ``copies_sent`` (in the original)
    ``{"colleague": str, "articles": [str, ...], "sent_by": str, "sent_at": str, "copy_name": str}``.
``last_recovery``
    ``{"opened_at": str, "host": str, "recovered_at": str}``: the crashed session last recovered.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from typing import Any, Protocol, TypedDict


class PropertyStore(Protocol):
    """Where draft properties are kept (a :class:`~untoc_desktop.draft.store.Draft`)."""

    def property(self, key: str, default: Any = None) -> Any: ...  # noqa: D102

    def set_property(self, key: str, value: Any) -> None: ...  # noqa: D102


class PropertyShapeError(ValueError):
    """A value given to a property writer does not have the key's JSON shape (a programming error)."""


APPLICABILITY = "applicability"
SENDER = "sender"
REVIEW_TIMELINE = "review_timeline"
FORMS_OF_ADDRESS = "recipient_forms_of_address"
ASSIGNMENT = "assignment"
COPIES_SENT = "copies_sent"
LAST_RECOVERY = "last_recovery"
#: Every key in use, for the schema documentation and tests.
KEYS = (APPLICABILITY, SENDER, REVIEW_TIMELINE, FORMS_OF_ADDRESS, ASSIGNMENT, COPIES_SENT, LAST_RECOVERY)


def _refuse(key: str, reason: str) -> PropertyShapeError:
    return PropertyShapeError(f"draft property {key!r}: {reason}")


def _strings(key: str, value: Any, fields: Sequence[str], required: Sequence[str] = ()) -> dict[str, str]:
    """Check that ``value`` maps some of ``fields`` (all of ``required``) to strings, and copy it."""
    if not isinstance(value, Mapping):
        raise _refuse(key, f"expected an object, got {type(value).__name__}")
    unknown = sorted(str(k) for k in value if k not in fields)
    if unknown:
        raise _refuse(key, f"unknown field(s) {', '.join(unknown)}")
    missing = [name for name in required if name not in value]
    if missing:
        raise _refuse(key, f"missing field(s) {', '.join(missing)}")
    for name, item in value.items():
        if not isinstance(item, str):
            raise _refuse(key, f"{name} must be text, got {type(item).__name__}")
    return dict(value)


# -- applicability ------------------------------------------------------------------------------


class ProtocolChoice(TypedDict, total=False):
    """Whether the State is party to one Protocol, and where that answer came from."""

    party: bool
    source: str
    source_date: str
    origin: str
    confidence: str
    source_url: str


#: Protocol code (``TIP``, ``SOM``, ``FIREARMS``) -> its recorded choice.
Applicability = dict[str, ProtocolChoice]
#: Where an applicability answer came from: the States parties table, or the user.
APPLICABILITY_SOURCES = ("table", "user")
_APPLICABILITY_TEXT = ("source_date", "origin", "confidence", "source_url")


def protocol_choice(
    party: bool,
    from_table: bool,
    *,
    source_date: str = "",
    origin: str = "",
    confidence: str = "",
    source_url: str = "",
) -> ProtocolChoice:
    """One Protocol's entry: ``source`` is ``table`` when ``from_table``, else ``user``."""
    return ProtocolChoice(
        party=party,
        source="table" if from_table else "user",
        source_date=source_date,
        origin=origin,
        confidence=confidence,
        source_url=source_url,
    )


def _read_choice(entry: Mapping[Any, Any]) -> ProtocolChoice | None:
    """The well-formed fields of a stored entry; None without a true/false ``party``."""
    if not isinstance(entry.get("party"), bool):
        return None
    choice = ProtocolChoice(party=entry["party"])
    if entry.get("source") in APPLICABILITY_SOURCES:
        choice["source"] = entry["source"]
    for name in _APPLICABILITY_TEXT:
        if isinstance(entry.get(name), str):
            choice[name] = entry[name]  # type: ignore[literal-required]
    return choice


def parse_applicability(stored: Any) -> Applicability | None:
    """The recorded choice from a stored property value, or ``None`` when there is none.

    A draft from someone else may hold anything here: entries that are not objects with a
    true/false ``party`` are left out, and so are unknown or mistyped fields of an entry.
    """
    if not isinstance(stored, Mapping):
        return None
    found: Applicability = {}
    for code, entry in stored.items():
        choice = _read_choice(entry) if isinstance(entry, Mapping) else None
        if choice is not None:
            found[str(code)] = choice
    return found


def applicability(store: PropertyStore) -> Applicability | None:
    """The recorded Protocol choice (see :func:`parse_applicability`), or ``None`` when none was recorded."""
    return parse_applicability(store.property(APPLICABILITY))


def applicability_value(value: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """The JSON data to store for a Protocol choice, after checking its shape.

    For callers that store it with other changes in one transaction (``Draft.update_info``).

    Raises:
        PropertyShapeError: an entry is not ``{party: bool, source: table|user, source_date,
            origin, confidence, source_url: text}`` (only ``party`` required).
    """
    if not isinstance(value, Mapping):
        raise _refuse(APPLICABILITY, f"expected an object, got {type(value).__name__}")
    record: dict[str, dict[str, Any]] = {}
    for code, entry in value.items():
        if not isinstance(code, str) or not isinstance(entry, Mapping) or _read_choice(entry) != dict(entry):
            raise _refuse(APPLICABILITY, f"the entry for {code!r} is not {{party: bool, source: table|user, ...}}")
        record[code] = dict(entry)
    return record


def set_applicability(store: PropertyStore, value: Mapping[str, Mapping[str, Any]]) -> None:
    """Record the Protocol choice (see :func:`applicability_value` for the shape).

    Raises:
        PropertyShapeError: an entry is not of the shape (nothing is written).
        DraftFileError: the write failed.
    """
    store.set_property(APPLICABILITY, applicability_value(value))


# -- sender -------------------------------------------------------------------------------------


#: The fields of the ``sender`` property (those of :class:`untoc_desktop.letters.Sender`).
SENDER_FIELDS = ("address", "email", "signatory", "signatory_title", "reference_scheme")


def sender(store: PropertyStore) -> dict[str, str]:
    """The sender's letterhead details that were set: field -> text (``{}`` when none)."""
    stored = store.property(SENDER, {}) or {}
    if not isinstance(stored, Mapping):
        return {}  # a draft from someone else may hold anything here
    return {k: str(v) for k, v in stored.items() if k in SENDER_FIELDS and v is not None}


def set_sender(store: PropertyStore, details: Mapping[str, str]) -> None:
    """Record the sender's letterhead details (a subset of :data:`SENDER_FIELDS`, each text).

    Raises:
        PropertyShapeError: an unknown field or a value that is not text (nothing is written).
        DraftFileError: the write failed.
    """
    store.set_property(SENDER, _strings(SENDER, details, SENDER_FIELDS))


# -- review timeline ----------------------------------------------------------------------------


class ReviewTimeline(TypedDict):
    """The review group and the ISO date the review started, each ``None`` when not known."""

    group: int | None
    started_on: str | None


def _iso_date(text: Any) -> str | None:
    if not isinstance(text, str):
        return None
    try:
        _dt.date.fromisoformat(text)
    except ValueError:
        return None
    return text


def review_timeline(store: PropertyStore) -> ReviewTimeline | None:
    """The recorded review start, or ``None`` when none is recorded or it is not an object.

    A group that is not a whole number, or a date that is not ``YYYY-MM-DD``, reads as ``None``.
    """
    stored = store.property(REVIEW_TIMELINE)
    if not isinstance(stored, Mapping):
        return None
    group = stored.get("group")
    return ReviewTimeline(
        group=group if isinstance(group, int) else None, started_on=_iso_date(stored.get("started_on"))
    )


def set_review_timeline(store: PropertyStore, value: Mapping[str, Any]) -> None:
    """Record the review start ``{"group": int | None, "started_on": "YYYY-MM-DD" | None}``.

    Raises:
        PropertyShapeError: another shape (nothing is written).
        DraftFileError: the write failed.
    """
    if not isinstance(value, Mapping) or set(value) != {"group", "started_on"}:
        raise _refuse(REVIEW_TIMELINE, "expected {group, started_on}")
    group, started = value["group"], value["started_on"]
    if group is not None and (isinstance(group, bool) or not isinstance(group, int)):
        raise _refuse(REVIEW_TIMELINE, "group must be a whole number or null")
    if started is not None and _iso_date(started) is None:
        raise _refuse(REVIEW_TIMELINE, "started_on must be a YYYY-MM-DD date or null")
    store.set_property(REVIEW_TIMELINE, {"group": group, "started_on": started})


# -- forms of address ---------------------------------------------------------------------------


#: How a letter may greet its recipient.
FORMS = ("neutral", "ms", "mr", "excellency")


def forms_of_address(store: PropertyStore) -> dict[str, str]:
    """Each recipient's form of address: recipient uuid -> one of :data:`FORMS` (others are left out)."""
    stored = store.property(FORMS_OF_ADDRESS, {})
    if not isinstance(stored, Mapping):
        return {}
    return {str(k): v for k, v in stored.items() if isinstance(v, str) and v in FORMS}


def set_forms_of_address(store: PropertyStore, forms: Mapping[str, str]) -> None:
    """Record every recipient's form of address (recipient uuid -> one of :data:`FORMS`).

    Raises:
        PropertyShapeError: a form not in :data:`FORMS` (nothing is written).
        DraftFileError: the write failed.
    """
    if not isinstance(forms, Mapping):
        raise _refuse(FORMS_OF_ADDRESS, f"expected an object, got {type(forms).__name__}")
    for uuid, form in forms.items():
        if not isinstance(uuid, str) or form not in FORMS:
            raise _refuse(FORMS_OF_ADDRESS, f"{form!r} for {uuid!r} is not one of {', '.join(FORMS)}")
    store.set_property(FORMS_OF_ADDRESS, dict(forms))


# -- copies sent to colleagues ------------------------------------------------------------------


class Assignment(TypedDict):
    """A copy sent to a colleague: to whom, by whom, when, which articles (empty: all), the copy's name."""

    colleague: str
    articles: list[str]
    sent_by: str
    sent_at: str
    copy_name: str


_ASSIGNMENT_TEXT = ("colleague", "sent_by", "sent_at", "copy_name")


def _assignment(value: Any) -> Assignment | None:
    if not isinstance(value, Mapping) or set(value) != {"articles", *_ASSIGNMENT_TEXT}:
        return None
    articles = value["articles"]
    if not isinstance(articles, list) or not all(isinstance(a, str) for a in articles):
        return None
    if not all(isinstance(value[name], str) for name in _ASSIGNMENT_TEXT):
        return None
    return Assignment(
        colleague=value["colleague"],
        articles=list(articles),
        sent_by=value["sent_by"],
        sent_at=value["sent_at"],
        copy_name=value["copy_name"],
    )


def _checked_assignment(key: str, value: Any) -> Assignment:
    checked = _assignment(value)
    if checked is None:
        raise _refuse(key, "expected {colleague, articles: [text], sent_by, sent_at, copy_name}")
    return checked


def assignment(store: PropertyStore) -> Assignment | None:
    """What this copy was sent for (see :class:`Assignment`), or ``None`` (not a copy, or another shape)."""
    return _assignment(store.property(ASSIGNMENT))


def set_assignment(store: PropertyStore, value: Assignment) -> None:
    """Record, in a copy, what it was sent for.

    Raises:
        PropertyShapeError: not an :class:`Assignment` (nothing is written).
        DraftFileError: the write failed.
    """
    store.set_property(ASSIGNMENT, dict(_checked_assignment(ASSIGNMENT, value)))


def copies_sent(store: PropertyStore) -> list[Assignment]:
    """The copies sent from this draft, oldest first (entries of another shape are left out)."""
    stored = store.property(COPIES_SENT, [])
    if not isinstance(stored, list):
        return []
    return [checked for checked in map(_assignment, stored) if checked is not None]


def add_copy_sent(store: PropertyStore, value: Assignment) -> None:
    """Add a copy to the list of copies sent from this draft.

    Raises:
        PropertyShapeError: not an :class:`Assignment` (nothing is written).
        DraftFileError: the write failed.
    """
    added = _checked_assignment(COPIES_SENT, value)
    store.set_property(COPIES_SENT, [dict(entry) for entry in [*copies_sent(store), added]])


# -- crash recovery -----------------------------------------------------------------------------


class Recovery(TypedDict):
    """The crashed session last recovered: when it had opened the draft, on which computer, when recovered."""

    opened_at: str
    host: str
    recovered_at: str


_RECOVERY = ("opened_at", "host", "recovered_at")


def last_recovery(store: PropertyStore) -> Recovery | None:
    """The last recovery recorded, or ``None``."""
    stored = store.property(LAST_RECOVERY)
    if not isinstance(stored, Mapping) or set(stored) != set(_RECOVERY):
        return None
    if not all(isinstance(v, str) for v in stored.values()):
        return None
    return Recovery(opened_at=stored["opened_at"], host=stored["host"], recovered_at=stored["recovered_at"])


def set_last_recovery(store: PropertyStore, opened_at: str, host: str, recovered_at: str) -> None:
    """Record that the session opened at ``opened_at`` on ``host`` was recovered at ``recovered_at``.

    Raises:
        PropertyShapeError: a value that is not text (nothing is written).
        DraftFileError: the write failed.
    """
    value = {"opened_at": opened_at, "host": host, "recovered_at": recovered_at}
    store.set_property(LAST_RECOVERY, _strings(LAST_RECOVERY, value, _RECOVERY, _RECOVERY))
