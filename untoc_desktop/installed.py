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
import sys
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


#: Where an installed wheel puts ``resources/fonts`` (``[tool.setuptools.data-files]`` in pyproject.toml).
INSTALLED_FONTS = Path("share") / "untoc-desktop" / "fonts"


def fonts_folder(source: Path | None = None) -> Path:
    """The folder of the bundled fonts, in a source tree or an installed package.

    Looks in ``resources/fonts`` beside the package (a checkout, ``pip install -e``), then in
    ``<prefix>/share/untoc-desktop/fonts`` (``pip install .``: the virtual environment's or the
    system's prefix), then where the installed distribution's metadata says its data files are
    (read only when the others have no fonts: :mod:`importlib.metadata` costs a start-up time).

    Args:
        source: the source tree's fonts folder (default: ``resources/fonts`` beside this package).

    Returns:
        The first folder holding the base font; ``source`` when none does (so an error message
        names a meaningful place).
    """
    if source is None:
        source = Path(__file__).resolve().parent.parent / "resources" / "fonts"
    for folder in (source, Path(sys.prefix) / INSTALLED_FONTS, Path(sys.base_prefix) / INSTALLED_FONTS):
        if (folder / "NotoSans-Regular.ttf").is_file():
            return folder
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        folder = Path(str(distribution("untoc-desktop").locate_file(INSTALLED_FONTS)))
    except PackageNotFoundError:
        return source
    return folder if (folder / "NotoSans-Regular.ttf").is_file() else source
