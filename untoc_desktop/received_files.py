"""Reading a file the user chose (answers, definitions, tables): a regular file, size-limited, read once.

A named pipe would block the reader forever and a device such as ``/dev/zero``
would fill memory, so only regular files are read, and never more than the
limit plus one byte (a file that grows while it is read is still refused).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import UntocError
from .i18n import _


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB" if size < 1024 * 1024 * 1024 else f"{size / 1024**3:.1f} GB"


def read_regular_file(path: str | Path, max_bytes: int, error: type[UntocError] = UntocError) -> bytes:
    """The bytes of a regular file of at most ``max_bytes`` bytes.

    Args:
        path: the file the user chose.
        max_bytes: the largest size accepted, in bytes.
        error: the :class:`UntocError` subclass raised (ImportFileError, DefinitionError...).

    Raises:
        error: missing or unreadable, not a regular file (folder, pipe, device), or larger than
            ``max_bytes``; the message names the file and says what to do.
    """
    path = Path(path)
    try:
        info = os.stat(path)
    except OSError as exc:
        raise error(_("Cannot read {path}: {problem}.").format(path=path, problem=exc.strerror or exc)) from None
    not_regular = _("{name} is not a regular file (it is a folder, a pipe or a device). Choose the file itself.")
    too_large = _("{name} is {size}; at most {limit} is accepted here.")
    if not stat.S_ISREG(info.st_mode):
        raise error(not_regular.format(name=path.name or str(path)))
    if info.st_size > max_bytes:
        raise error(too_large.format(name=path.name, size=_megabytes(info.st_size), limit=_megabytes(max_bytes)))
    try:
        # O_NONBLOCK: should the file be swapped for a pipe after the check, opening it does not hang.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(descriptor, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise error(not_regular.format(name=path.name or str(path)))
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise error(_("Cannot read {path}: {problem}.").format(path=path, problem=exc.strerror or exc)) from None
    if len(data) > max_bytes:
        raise error(
            too_large.format(
                name=path.name,
                size=_("more than {limit}").format(limit=_megabytes(max_bytes)),
                limit=_megabytes(max_bytes),
            )
        )
    return data
