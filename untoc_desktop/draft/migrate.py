"""Running the Alembic migrations of a draft file, with a copy of the original kept beside it.

Each migration script declares the ``schema_version`` it brings the file to;
that number is written to ``PRAGMA user_version`` so that a draft can be
recognised (and a newer one refused) from its header alone. Before an older
draft is migrated, :func:`migrate_with_backup` copies it to
``NAME.untoc.bak-vN`` (N its old schema version).

Alembic is imported inside the functions: opening a draft that is already at the
current schema version never needs it (see ``docs/architecture.md``, start-up).
"""

from __future__ import annotations

import shutil
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DraftFileError
from ..files import atomic_replace
from ..i18n import _
from .connection import make_engine

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import Connection

SCRIPT_LOCATION = "untoc_desktop.draft:migrations"
#: Alembic's ``context`` is one module-level proxy: migrations never run in two threads at once.
MIGRATIONS_LOCK = threading.RLock()


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration pointing at the package's scripts (no alembic.ini needed)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest migration revision."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def schema_version_of(revision: str) -> int:
    """The ``schema_version`` a migration revision declares."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config()).get_revision(revision)
    assert script is not None and script.module is not None
    return int(script.module.schema_version)


def current_revision(connection: Connection) -> str | None:
    """The revision a database is at (``None`` for an empty database)."""
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def upgrade_to_head(connection: Connection) -> int:
    """Run every pending migration on ``connection`` and set ``PRAGMA user_version``.

    Returns:
        The schema version now in the file.
    """
    from alembic import command

    with MIGRATIONS_LOCK:
        command.upgrade(alembic_config(connection), "head")
    version = schema_version_of(head_revision())
    connection.exec_driver_sql(f"PRAGMA user_version={version}")
    return version


def backup_path(path: Path, schema_version: int) -> Path:
    """Where the copy made before migrating a draft from ``schema_version`` is kept."""
    return path.with_name(f"{path.name}.bak-v{schema_version}")


def migrate_with_backup(path: Path, from_version: int) -> None:
    """Keep a copy of the draft beside it (once), then bring it to the current schema.

    Args:
        path: the draft, already checked (header, schema and values) and closed.
        from_version: its ``user_version``.

    Raises:
        DraftFileError: the copy or the migration failed; the message names the copy.
    """
    from sqlalchemy.exc import SQLAlchemyError

    backup = backup_path(path, from_version)
    try:
        if not backup.exists():
            atomic_replace(backup, lambda temporary: shutil.copy2(path, temporary))
        engine = make_engine(path)
        try:
            with engine.begin() as connection:
                upgrade_to_head(connection)
        finally:
            engine.dispose()
    except (OSError, SQLAlchemyError) as exc:
        reason = getattr(exc, "strerror", None) or str(getattr(exc, "orig", exc))
        raise DraftFileError(
            _(
                "{name} uses an older draft format and could not be updated ({problem}). A copy of the "
                "original is kept as {backup}."
            ).format(name=path.name, problem=reason, backup=backup.name)
        ) from None
