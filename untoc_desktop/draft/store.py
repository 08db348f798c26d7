"""The draft store: the SQLAlchemy side of a draft file (``.untoc``), used from its first write.

:class:`Draft` (defined in :mod:`.draft_file`, re-exported here) opens and reads a draft
with plain SQL; its writes, a new file's build and the sessions of :meth:`Draft.reading` and
:meth:`Draft.writing` come here. Each user action is one short SQLAlchemy session and one
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

import os
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from .. import __version__
from .connection import make_engine
from .draft_file import Draft
from .header import APPLICATION_ID, DRAFT_SUFFIX, SCHEMA_VERSION, FileHeader, check_draft_file, read_header
from .migrate import backup_path, upgrade_to_head
from .models import AnswerChangeRecord, AnswerRecord, DraftPropertyRecord, DraftRecord
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
    "write_answers",
    "write_info",
    "write_property",
]


#: Tests only: seconds to pause inside the write transaction of :meth:`Draft.set_answers`, after every
#: change reached SQLite but before the commit (so a test can kill the process while the journal is hot).
_TEST_PAUSE_IN_WRITE = "UNTOC_TEST_PAUSE_IN_WRITE"


def _pause_in_write(session: Session) -> None:
    import sys
    import time

    session.flush()
    print("untoc-test: inside the write transaction", file=sys.stderr, flush=True)
    time.sleep(float(os.environ[_TEST_PAUSE_IN_WRITE]))


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


def write_answers(session: Session, values: Mapping[str, Any], author: str, draft_uuid: str) -> int:
    """Store answers and record each change in ``session`` (one transaction); returns how many changed.

    Args:
        session: an open write session of the draft.
        values: question id -> JSON data; ``None`` removes the answer.
        author: recorded with each change.
        draft_uuid: the draft's id, recorded with each change.
    """
    changed = 0
    now = _now()
    for question_id, value in values.items():
        record = session.get(AnswerRecord, question_id)
        previous = None if record is None else record.value
        if previous == value:
            continue
        if value is None:
            session.delete(record)
        elif record is None:
            session.add(AnswerRecord(question_id=question_id, value=value, updated_at=now, updated_by=author))
        else:
            record.value, record.updated_at, record.updated_by = value, now, author
        session.add(
            AnswerChangeRecord(
                change_uuid=str(uuid.uuid4()),
                draft_uuid=draft_uuid,
                question_id=question_id,
                author=author,
                changed_at=now,
                previous_value=previous,
                new_value=value,
            )
        )
        changed += 1
    if changed and _TEST_PAUSE_IN_WRITE in os.environ:
        _pause_in_write(session)
    return changed


def write_property(session: Session, key: str, value: Any) -> None:
    """Store one draft property (JSON data) in ``session``."""
    record = session.get(DraftPropertyRecord, key)
    if record is None:
        session.add(DraftPropertyRecord(key=key, value=value, updated_at=_now()))
    else:
        record.value, record.updated_at = value, _now()


def write_info(session: Session, fields: Mapping[str, Any], properties: Mapping[str, Any]) -> None:
    """Change fields of the ``draft`` row (already checked by :meth:`Draft.update_info`) and store ``properties``."""
    record = session.get(DraftRecord, 1)
    assert record is not None
    for name, value in fields.items():
        setattr(record, name, sorted(value) if name == "protocols" else value)
    for key, value in properties.items():
        write_property(session, key, value)
