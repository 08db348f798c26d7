"""SQLAlchemy 2.x models of a draft file (``.untoc``).

A draft file is one SQLite database. Its first 100 bytes carry
``PRAGMA application_id`` (:data:`APPLICATION_ID`) and ``PRAGMA user_version``
(:data:`SCHEMA_VERSION`), which is how a draft is told from any other SQLite
file without opening it for writing.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, Integer, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from .header import APPLICATION_ID as APPLICATION_ID  # re-exported: defined with the header checks
from .header import SCHEMA_VERSION as SCHEMA_VERSION
from .json_values import decode_json

_NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with a naming convention, so migrations can name constraints."""

    metadata = MetaData(naming_convention=_NAMING)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime stored as ISO 8601 text (SQLite has no datetime type)."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> str | None:
        """The stored text of an aware datetime (ISO 8601 in UTC, microseconds); naive ones are refused."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; use datetime.now(timezone.utc)")
        return value.astimezone(UTC).isoformat(timespec="microseconds")

    def process_result_value(self, value: str | None, dialect: Any) -> datetime | None:
        """The aware datetime of a stored text."""
        return None if value is None else datetime.fromisoformat(value)


class JSONText(TypeDecorator[Any]):
    """Any JSON value stored as text; non-ASCII is escaped so lone surrogates survive storage."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        """The stored text of a JSON value (ASCII, compact; NaN and infinities refused)."""
        return None if value is None else json.dumps(value, ensure_ascii=True, separators=(",", ":"), allow_nan=False)

    def process_result_value(self, value: str | None, dialect: Any) -> Any:
        """The JSON value of a stored text, decoded within the limits for untrusted files."""
        return None if value is None else decode_json(value)  # limits: a draft may come from anyone


class DraftRecord(Base):
    """The single row describing the draft: who writes it, about which State party and cluster."""

    __tablename__ = "draft"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    draft_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    organization: Mapped[str] = mapped_column(Text)
    country: Mapped[str] = mapped_column(Text)
    country_code: Mapped[str] = mapped_column(String(3), default="")
    cluster: Mapped[int] = mapped_column(Integer)
    protocols: Mapped[list[str]] = mapped_column(JSONText())
    language: Mapped[str] = mapped_column(String(35))
    author: Mapped[str] = mapped_column(Text, default="")
    definition_id: Mapped[str] = mapped_column(String(100))
    definition_version: Mapped[str] = mapped_column(String(20))
    app_version: Mapped[str] = mapped_column(String(20))


class AnswerRecord(Base):
    """The current value of one answered question."""

    __tablename__ = "answer"

    question_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    value: Mapped[Any] = mapped_column(JSONText())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_by: Mapped[str] = mapped_column(Text, default="")


class AnswerChangeRecord(Base):
    """One change to an answer: the history view and merging of copies build on these rows."""

    __tablename__ = "answer_change"
    __table_args__ = (Index("ix_answer_change_question", "question_id", "changed_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    change_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    draft_uuid: Mapped[str] = mapped_column(ForeignKey("draft.draft_uuid"))
    question_id: Mapped[str] = mapped_column(String(200))
    author: Mapped[str] = mapped_column(Text, default="")
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    previous_value: Mapped[Any | None] = mapped_column(JSONText(), nullable=True)
    new_value: Mapped[Any | None] = mapped_column(JSONText(), nullable=True)


class DraftPropertyRecord(Base):
    """A named piece of draft-wide data stored as JSON (schema 2).

    Keys in use: ``applicability`` (how the Protocols were chosen: from the
    States parties table, with its date, or by the user), ``sender`` (the
    organisation's letterhead details and reference scheme).
    """

    __tablename__ = "draft_property"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSONText())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class RecipientRecord(Base):
    """An entry of the draft's address book: a focal point or other official (schema 2)."""

    __tablename__ = "recipient"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    recipient_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text, default="")
    agency: Mapped[str] = mapped_column(Text, default="")
    postal_address: Mapped[str] = mapped_column(Text, default="")
    email: Mapped[str] = mapped_column(Text, default="")
    is_focal_point: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class LetterRecord(Base):
    """A letter generated from the draft, and whether and how it was sent (schema 2)."""

    __tablename__ = "letter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    letter_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    reference: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40))
    language: Mapped[str] = mapped_column(String(35))
    recipient_uuid: Mapped[str | None] = mapped_column(ForeignKey("recipient.recipient_uuid"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    sent_on: Mapped[str | None] = mapped_column(String(10), nullable=True)
    sent_channel: Mapped[str | None] = mapped_column(Text, nullable=True)
    details: Mapped[Any] = mapped_column(JSONText())


class SentEntryRecord(Base):
    """One entry of the register of what was sent (schema 4).

    ``kind`` is ``submission`` (an exported or signed submission) or ``letter``.
    ``snapshot`` is everything needed to write the file again byte for byte (for a
    submission: the answers, draft information, definition version, document language
    and export options as they were; for a letter: its log entry's details).
    """

    __tablename__ = "sent_entry"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entry_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())
    file_name: Mapped[str] = mapped_column(Text)
    format: Mapped[str] = mapped_column(String(10))
    sha256: Mapped[str] = mapped_column(String(64))
    signatories: Mapped[Any] = mapped_column(JSONText())
    recipient: Mapped[str] = mapped_column(Text, default="")
    channel: Mapped[str] = mapped_column(Text, default="")
    snapshot: Mapped[Any] = mapped_column(JSONText())


class AnswerConflictRecord(Base):
    """An answer both colleagues changed differently, still open after a merge (schema 3).

    The answer itself holds ``mine`` until the conflict is settled; ``theirs`` keeps the
    other copy's version so that none of its text is lost.
    """

    __tablename__ = "answer_conflict"

    question_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    mine: Mapped[Any | None] = mapped_column(JSONText(), nullable=True)
    theirs: Mapped[Any | None] = mapped_column(JSONText(), nullable=True)
    ancestor: Mapped[Any | None] = mapped_column(JSONText(), nullable=True)
    both: Mapped[Any | None] = mapped_column(JSONText(), nullable=True)
    copy_name: Mapped[str] = mapped_column(Text)
    copy_fingerprint: Mapped[str] = mapped_column(String(64))
    theirs_author: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class MergeLogRecord(Base):
    """One merge of a colleague's copy into this draft: who, when, from which copy, what (schema 3)."""

    __tablename__ = "merge_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    merge_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    merged_at: Mapped[datetime] = mapped_column(UTCDateTime())
    author: Mapped[str] = mapped_column(Text)
    copy_name: Mapped[str] = mapped_column(Text)
    copy_fingerprint: Mapped[str] = mapped_column(String(64))
    copy_author: Mapped[str] = mapped_column(Text)
    details: Mapped[Any] = mapped_column(JSONText())
