"""File rules written once: replace a file atomically (write beside it, fsync, rename)."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def atomic_replace(target: Path, write: Callable[[Path], None]) -> Path:
    """Write ``target`` through a temporary file in the same folder, then rename it over ``target``.

    A crash or an error leaves either the old file or the new one, never half of one, and the
    temporary file is removed on error.

    Args:
        target: the file to write (its folder is created when missing).
        write: called with the temporary path; writes the whole content there.

    Returns:
        ``target``.

    Raises:
        OSError: the folder cannot be written or the disk is full (``target`` is unchanged).
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        write(temporary)
        with open(temporary, "rb+") as stream:
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return target


def atomic_write_text(target: Path, text: str) -> Path:
    """Write UTF-8 text to ``target`` atomically (see :func:`atomic_replace`)."""
    return atomic_replace(target, lambda path: path.write_text(text, encoding="utf-8"))


def sha256_file(path: str | Path) -> str:
    """SHA-256 of a file as 64 lowercase hexadecimal digits, read in 1 MiB blocks.

    Raises:
        OSError: the file cannot be read.
    """
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
