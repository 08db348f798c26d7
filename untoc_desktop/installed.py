"""What the installed libraries are and where the application's caches live, found without importing anything heavy.

The start-up caches (checked definitions, expected draft schemas, the six languages' CLDR facts)
are named after the versions of the libraries they were computed with, so that an upgrade
computes them again. :func:`package_version` reads the version from the package's own
``__init__.py``: :mod:`importlib.metadata` would import the :mod:`email` package, and importing
the library itself would cost what the cache is there to save.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

#: ``__version__ = "2.1.9"`` in a package's ``__init__.py``.
_VERSION_LINE = re.compile(r"""^__version__\s*=\s*["']([^"']+)["']""", re.MULTILINE)


def package_version(name: str) -> str:
    """The ``__version__`` in an installed package's ``__init__.py``, read without importing it (``"?"`` if none).

    Alembic, SQLAlchemy and Babel declare it there.

    Args:
        name: the top-level package, e.g. ``"babel"``.
    """
    try:
        spec = importlib.util.find_spec(name)
        origin = spec.origin if spec is not None else None
        found = _VERSION_LINE.search(Path(origin).read_text("utf-8")) if origin else None
    except (ImportError, OSError, ValueError):
        return "?"
    return found.group(1) if found else "?"


def user_cache_folder(name: str) -> Path:
    """A folder of the application's cache (``platformdirs.user_cache_dir("untoc_desktop")/name``); not created.

    Tests redirect it with ``XDG_CACHE_HOME``. Deleting it is always safe: what it holds is computed again.
    """
    import platformdirs

    return Path(platformdirs.user_cache_dir("untoc_desktop", appauthor=False)) / name
