"""The draft store: the SQLAlchemy side of a draft file (``.untoc``), loaded on first use.

:class:`Draft` (defined in :mod:`.draft_file`, re-exported here) opens, reads and writes a
draft's answers, details and properties with plain SQL (:mod:`.writes`); a new file's build
and the sessions of :meth:`Draft.reading` and :meth:`Draft.writing` (letters, register,
address book, history, merges) come here. Each user action is one short SQLAlchemy session and one
transaction; no session stays open while the user types. The engine (pragmas, limits) comes
from :mod:`.connection`; the file is recognised by :mod:`.header` before anything opens it;
older formats are migrated by :mod:`.migrate`, with a copy kept; the answer history is read
by :mod:`.history`; Save As is :mod:`.save_as`; typed property access is :mod:`.properties`;
the plain records returned live in :mod:`.records`.

The names that used to live here (``DraftInfo``, ``read_header``,
``check_draft_file``, ``backup_path``...) are re-exported, so existing imports
keep working.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from .. import __version__
from .connection import make_engine
from .draft_file import Draft
from .header import APPLICATION_ID, DRAFT_SUFFIX, SCHEMA_VERSION, FileHeader, check_draft_file, read_header
from .migrate import backup_path, upgrade_to_head
from .models import DraftRecord
from .records import AnswerChange, DraftInfo

__all__ = [
    "APPLICATION_ID",
    "DRAFT_SUFFIX",
    "SCHEMA_VERSION",
    "AnswerChange",
    "Draft",
    "DraftInfo",
    "FileHeader",
    "OperationalError",
    "SQLAlchemyError",
    "backup_path",
    "build_new_file",
    "check_draft_file",
    "make_sessions",
    "read_header",
]


def _now() -> datetime:
    return datetime.now(UTC)


def _draft_record(info: DraftInfo) -> DraftRecord:
    """The one ``draft`` row of a new file; ``draft_uuid`` and ``created_at`` filled in when empty."""
    return DraftRecord(
        id=1,
        draft_uuid=info.draft_uuid or str(uuid.uuid4()),
        created_at=info.created_at or _now(),
        organization=info.organization,
        country=info.country,
        country_code=info.country_code,
        cluster=info.cluster,
        protocols=sorted(info.protocols),
        language=info.language,
        author=info.author,
        definition_id=info.definition_id,
        definition_version=info.definition_version,
        app_version=__version__,
    )


def make_sessions(engine: Engine) -> sessionmaker[Session]:
    """The session factory of an open draft: one short session per user action, objects usable after commit."""
    return sessionmaker(engine, expire_on_commit=False)


def build_new_file(temporary: Path, info: DraftInfo) -> None:
    """Build a new draft in the (empty) file ``temporary``: application id, current schema, its ``draft`` row.

    Raises:
        SQLAlchemyError, OSError: the file could not be written.
    """
    engine = make_engine(temporary)
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
            upgrade_to_head(connection)
        with Session(engine) as session, session.begin():
            session.add(_draft_record(info))
    finally:
        engine.dispose()
