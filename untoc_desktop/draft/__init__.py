"""The draft file: header checks, plain records, and (loaded on first use) the store.

``from untoc_desktop.draft import DraftInfo`` loads only plain modules; ``Draft`` (and the
SQLAlchemy it needs) is imported the first time it is asked for, so the documents and the
letters, which only read plain records, never load the storage.

Rooms, one job each:

* :mod:`.header`: recognise a draft from its first 100 bytes (magic, application id, version);
* :mod:`.records`: plain data classes (``DraftInfo``, ``AnswerChange``, ``Recipient``...);
* :mod:`.connection`: the one SQLite connection and engine factory (guards, pragmas, limits);
* :mod:`.schema_check`: a file's schema and values checked before any statement runs;
* :mod:`.migrate`: Alembic migrations, with a copy of the original kept;
* :mod:`.draft_file`: ``Draft``: create, open, close; details, answers and properties read (plain SQL);
* :mod:`.writes`: answers, details and properties written with plain SQL, one transaction each;
* :mod:`.store`: the SQLAlchemy side: a new file's build, the sessions of ``Draft.reading``/``writing``;
* :mod:`.history`: the answer history, versions, restore;
* :mod:`.save_as`: a consistent copy to another file;
* :mod:`.properties`: typed access to each draft property;
* :mod:`.correspondence`, :mod:`.register`, :mod:`.letter_book`: address book, letter log, register;
* :mod:`.backups`, :mod:`.safety`: rolling backups; locks, sidecars and crash recovery.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .header import APPLICATION_ID, DRAFT_SUFFIX, SCHEMA_VERSION, check_draft_file, read_header
from .records import AnswerChange, DraftInfo

if TYPE_CHECKING:
    from .store import Draft

__all__ = [
    "APPLICATION_ID",
    "DRAFT_SUFFIX",
    "SCHEMA_VERSION",
    "AnswerChange",
    "Draft",
    "DraftInfo",
    "check_draft_file",
    "read_header",
]


def __getattr__(name: str) -> Any:
    """Load the store the first time ``Draft`` is asked for."""
    if name == "Draft":
        from .store import Draft

        return Draft
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
