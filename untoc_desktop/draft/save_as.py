"""Save As: a consistent copy of an open draft written to another file.

SQLite's online backup API copies the database page by page while it may be in use, into the
temporary file of :func:`untoc_desktop.files.atomic_replace`, which then takes the target's
name: ``target`` holds the old file or the whole copy, never half of one. Used by Save As,
the rolling backups and Send a copy.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DraftFileError
from ..files import atomic_replace
from ..i18n import _
from .connection import Connection, SQLiteError, backup_into, draft_connection

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine


def save_copy(engine: Engine, target: str | Path) -> Path:
    """Write a consistent copy of the database behind ``engine`` to ``target``.

    Args:
        engine: the open draft's engine (see :func:`.connection.make_engine`).
        target: the copy; an existing file there is replaced only when the copy is complete.

    Returns:
        ``target`` as a Path.

    Raises:
        DraftFileError: the copy could not be written; ``target`` is left as it was and no
            temporary file is left beside it.
    """
    target = Path(target)
    try:
        source = engine.raw_connection()
        try:
            driver = source.driver_connection
            assert isinstance(driver, Connection)  # make_engine's connections are sqlite3 ones
            atomic_replace(target, lambda temporary: backup_into(driver, temporary), create_folder=False)
        finally:
            source.close()
    except (OSError, SQLiteError) as exc:
        raise DraftFileError(
            _("Could not save a copy to {target}: {problem}. Choose another place.").format(target=target, problem=exc)
        ) from None
    return target


def save_draft_copy(path: str | Path, target: str | Path, *, read_only: bool = False) -> Path:
    """Write a consistent copy of the open draft at ``path`` to ``target``, without SQLAlchemy.

    The same copy as :func:`save_copy`, read through a connection of
    :func:`.connection.draft_connection` (``read_only`` as the draft was opened).

    Returns:
        ``target`` as a Path.

    Raises:
        DraftFileError: the copy could not be written; ``target`` is left as it was and no
            temporary file is left beside it.
    """
    target = Path(target)
    try:
        with draft_connection(path, read_only=read_only) as source:
            atomic_replace(target, lambda temporary: backup_into(source, temporary), create_folder=False)
    except (OSError, SQLiteError) as exc:
        raise DraftFileError(
            _("Could not save a copy to {target}: {problem}. Choose another place.").format(target=target, problem=exc)
        ) from None
    return target
