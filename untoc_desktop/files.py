"""File rules written once: replace a file atomically (write beside it, fsync, rename, fsync the folder).

Every file the core writes for the user (exports, letters, signed and encrypted copies, drafts made
by Save As or restored from a backup, settings, keys) goes through :func:`atomic_replace`, so a
crash, a full disk or a cancelled job leaves either the old file or the new one, never half of one,
and never a temporary file beside it.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from collections.abc import Callable
from pathlib import Path

#: Permission bits of a new file before the process umask (as ``open(path, "w")`` creates it).
DEFAULT_MODE = 0o666


def temporary_name(target: str | Path) -> Path:
    """A hidden, unique name beside ``target`` to write to before the atomic rename.

    The name is only chosen, not created (see :func:`atomic_replace` for a name it creates).
    """
    target = Path(target)
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")


def _create_temporary(target: Path, mode: int) -> Path:
    """Create an empty hidden file beside ``target`` (never an existing one) and return its path."""
    for _attempt in range(100):
        candidate = temporary_name(target)
        try:
            descriptor = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
        except FileExistsError:
            continue
        os.close(descriptor)
        return candidate
    raise FileExistsError(f"no free temporary name beside {target}")  # pragma: no cover - 100 collisions of 32 bits


def fsync_file(path: str | Path) -> None:
    """Flush a file's content to the disk (``os.fsync``).

    Raises:
        OSError: the file cannot be opened or flushed.
    """
    try:
        descriptor = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    except PermissionError:  # a file ``write`` made read-only (POSIX flushes it still)
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def fsync_folder(folder: str | Path) -> None:
    """Flush a folder's entries to the disk, so a rename in it survives a power cut.

    Best effort: Windows cannot open a folder, and some network file systems refuse to flush
    one; the rename is then as durable as the file system makes it.
    """
    if os.name == "nt":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _publish_new(temporary: Path, target: Path) -> None:
    """Give ``temporary`` the name ``target`` only if no file has that name.

    A hard link is atomic and never replaces a file; on a file system without hard links the
    name is reserved with ``O_EXCL`` first and then replaced by the complete file.

    Raises:
        FileExistsError: ``target`` exists.
        OSError: the folder cannot be written.
    """
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise
    except OSError:
        descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(descriptor)
        try:
            os.replace(temporary, target)
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        return
    temporary.unlink()


def atomic_replace(
    target: str | Path,
    write: Callable[[Path], object],
    *,
    temporary: str | Path | None = None,
    mode: int | None = None,
    overwrite: bool = True,
    create_folder: bool = True,
) -> Path:
    """Write ``target`` through a temporary file in the same folder, then rename it over ``target``.

    In order: the temporary file is created (empty) beside ``target``; ``write`` fills it; its
    content is flushed to the disk (``os.fsync``); it is renamed to ``target`` (``os.replace``,
    atomic on one file system); the folder is flushed so the new name survives a power cut. On
    any error (``KeyboardInterrupt`` and other ``BaseException`` included) the temporary file is
    removed and ``target`` is left as it was.

    Args:
        target: the file to write.
        write: called with the temporary path; writes the whole content there. It may check what
            it wrote and raise to abandon the file (a SQLite database built there, a decrypted
            draft checked before it gets its name...). Its return value is ignored.
        temporary: where to write instead of a fresh hidden name; it must be in ``target``'s
            folder (for a child process that writes while its parent may have to remove the file).
            Created when missing; removed on error like any temporary file.
        mode: permission bits of the new file, less the process umask as for :func:`os.open`,
            e.g. ``0o600`` for a private key (default ``0o666``: what ``open()`` creates). ``write``
            may change them (``shutil.copy2`` copies the source's).
        overwrite: when false, ``target`` gets the new file only if no file has that name at the
            moment of the rename (a hard link, never a replacement); :class:`FileExistsError`
            otherwise, and the temporary file is removed.
        create_folder: create ``target``'s folder (and its parents) when missing; when false, a
            missing folder raises :class:`FileNotFoundError` (a place the user chose that is gone).

    Returns:
        ``target`` as a Path.

    Raises:
        FileExistsError: ``overwrite`` is false and ``target`` exists.
        OSError: the folder cannot be written or the disk is full (``target`` is unchanged).
        Exception: whatever ``write`` raises (``target`` is unchanged).
    """
    target = Path(target)
    folder = target.parent
    if create_folder:
        folder.mkdir(parents=True, exist_ok=True)
    if temporary is None:
        working = _create_temporary(target, DEFAULT_MODE if mode is None else mode)
    else:
        working = Path(temporary)
        if working.parent.resolve() != folder.resolve():
            raise ValueError(f"the temporary file {working} must be in the folder of {target}")
    try:
        if temporary is not None:
            descriptor = os.open(working, os.O_WRONLY | os.O_CREAT, DEFAULT_MODE if mode is None else mode)
            os.close(descriptor)
        write(working)
        fsync_file(working)
        if overwrite:
            os.replace(working, target)
        else:
            _publish_new(working, target)
    except BaseException:
        try:
            working.unlink(missing_ok=True)
        except OSError:
            pass  # the original error says more than this one
        raise
    fsync_folder(folder)
    return target


def atomic_write_bytes(
    target: str | Path, data: bytes, *, mode: int | None = None, overwrite: bool = True, create_folder: bool = True
) -> Path:
    """Write ``data`` to ``target`` atomically (see :func:`atomic_replace` for the arguments and errors)."""
    return atomic_replace(
        target, lambda path: path.write_bytes(data), mode=mode, overwrite=overwrite, create_folder=create_folder
    )


def atomic_write_text(
    target: str | Path, text: str, *, mode: int | None = None, overwrite: bool = True, create_folder: bool = True
) -> Path:
    """Write UTF-8 text to ``target`` atomically (see :func:`atomic_replace` for the arguments and errors)."""
    return atomic_replace(
        target,
        lambda path: path.write_text(text, encoding="utf-8"),
        mode=mode,
        overwrite=overwrite,
        create_folder=create_folder,
    )


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
