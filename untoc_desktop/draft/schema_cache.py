"""The expected schema of each draft format, kept between runs so that opening a draft needs no Alembic.

:mod:`.schema_check` accepts a draft only when its ``sqlite_master`` equals what our
migrations build. Building it means importing Alembic and running every migration into an
in-memory database: about half a second, at every start of the desktop application. The
rows built are the same as long as the migration scripts, the models and the versions of
Alembic, SQLAlchemy and SQLite are, so they are kept as JSON in the user's cache folder
(``platformdirs.user_cache_dir("untoc_desktop")/draft-schemas``), in a file named by the
SHA-256 of all of these. A missing, unreadable or damaged file is built again, never trusted
in part; deleting the folder is always safe.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from ..installed import package_version
from .connection import SQLITE_VERSION

#: Layout of the cached files; raise it when their content changes.
_CACHE_FORMAT = 1

#: One revision's normalised ``sqlite_master`` rows (type, name, tbl_name, sql), sorted.
Rows = tuple[tuple[str, str, str, str], ...]


def schema_cache_folder() -> Path:
    """Where the expected schemas are kept (tests redirect it with ``XDG_CACHE_HOME``)."""
    from ..installed import user_cache_folder

    return user_cache_folder("draft-schemas")


def migrations_fingerprint() -> str:
    """SHA-256 (hexadecimal) of what the expected schemas depend on.

    That is: the migration scripts and the models (their bytes), and the versions of
    Alembic, SQLAlchemy and SQLite.
    """
    digest = hashlib.sha256(f"format {_CACHE_FORMAT}\n".encode())
    for name in ("alembic", "sqlalchemy"):
        digest.update(f"{name} {package_version(name)}\n".encode())
    digest.update(f"sqlite {SQLITE_VERSION}\n".encode())
    package = resources.files("untoc_desktop.draft")
    scripts = [package / "models.py", package / "migrations" / "env.py"]
    versions = package / "migrations" / "versions"
    scripts += sorted((entry for entry in versions.iterdir() if entry.name.endswith(".py")), key=lambda e: e.name)
    for script in scripts:
        data = script.read_bytes()
        digest.update(f"{script.name} {len(data)}\n".encode())
        digest.update(data)
    return digest.hexdigest()


def cached_expected_schemas(schema_version: int, build: Callable[[int], dict[str, Rows]]) -> dict[str, Rows]:
    """Revision -> expected rows for ``schema_version``: from the cache, else ``build(schema_version)`` (kept).

    Args:
        schema_version: a draft's ``user_version``.
        build: computes the rows from the migrations (:func:`.schema_check.build_expected_schemas`).

    Raises:
        Whatever ``build`` raises; problems with the cache itself only cost time.
    """
    try:
        cached = schema_cache_folder() / f"{migrations_fingerprint()}-v{int(schema_version)}.json"
    except OSError:
        return build(schema_version)  # scripts unreadable (a broken installation): no cache
    try:
        return _decode(json.loads(cached.read_text("utf-8")))
    except (OSError, ValueError, TypeError, AttributeError):
        pass  # no cache yet, or a damaged one: build it again
    schemas = build(schema_version)
    try:
        from ..files import atomic_write_text

        atomic_write_text(
            cached, json.dumps({revision: [list(row) for row in rows] for revision, rows in schemas.items()})
        )
    except OSError:
        pass  # a read-only or full cache folder only costs time
    return schemas


def _decode(data: object) -> dict[str, Rows]:
    """The rows of a cached file; ``ValueError`` unless it is exactly the expected shape."""
    if not isinstance(data, dict):
        raise ValueError("not a mapping")
    schemas: dict[str, Rows] = {}
    for revision, rows in data.items():
        if not isinstance(rows, list) or not all(
            isinstance(row, list) and len(row) == 4 and all(isinstance(cell, str) for cell in row) for row in rows
        ):
            raise ValueError("not a list of rows")
        schemas[revision] = tuple(sorted(tuple(row) for row in rows))
    return schemas
