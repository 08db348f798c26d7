"""Opening drafts safely: sidecar files, locks between running copies, crash recovery.

A draft that is open in the application has a lock file beside it
(``NAME.untoc.lock``, a small JSON note of who opened it, where and when),
removed when the draft is closed. On the next opening:

* a lock held by another running copy of the application (this computer, live
  process) or by another computer means the draft is opened read-only;
* a lock left by a process that no longer runs means the application did not
  close normally: the draft is opened and a recovery report says what it holds;
* a ``-journal`` or ``-wal`` sidecar beside a draft *without* such a lock means
  the file was copied while open: it is never opened in place (SQLite would
  rewrite it); :func:`recover_copy` makes a consistent copy instead.

Nothing in this module writes to the draft file itself.
"""

from __future__ import annotations

import getpass
import json
import os
import shutil
import platform
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from .. import __version__
from ..errors import DraftFileError

SIDECAR_SUFFIXES = ("-journal", "-wal", "-shm")


class SidecarError(DraftFileError):
    """The draft has a journal or WAL file beside it but no lock of ours: it was copied while open.

    Attributes:
        path: the draft.
        sidecars: the sidecar files found.
    """

    def __init__(self, message: str, path: Path, sidecars: list[Path]) -> None:
        super().__init__(message)
        self.path = path
        self.sidecars = sidecars


@dataclass(frozen=True)
class LockInfo:
    """Who holds a draft open."""

    pid: int
    host: str
    user: str
    opened_at: str
    app_version: str = ""

    def is_alive_here(self) -> bool:
        """True when the holder is a running process on this computer."""
        if self.host != platform.node():
            return False
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True

    @property
    def is_stale(self) -> bool:
        """True when the holder was on this computer and no longer runs (a crash)."""
        return self.host == platform.node() and not self.is_alive_here()


def lock_path(path: Path) -> Path:
    """The lock file of a draft."""
    return path.with_name(f"{path.name}.lock")


def sidecars(path: Path) -> list[Path]:
    """Journal and WAL files beside a draft that may hold data (empty ones hold none)."""
    found = []
    for candidate in (path.with_name(path.name + suffix) for suffix in SIDECAR_SUFFIXES):
        try:
            if candidate.stat().st_size > 0:
                found.append(candidate)
        except OSError:
            continue
    return found


def read_lock(path: Path) -> LockInfo | None:
    """The lock note of a draft, or None when there is none (an unreadable note counts as stale)."""
    try:
        data = json.loads(lock_path(path).read_text("utf-8"))
        return LockInfo(int(data["pid"]), str(data["host"]), str(data.get("user", "")), str(data["opened_at"]),
                        str(data.get("app_version", "")))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return LockInfo(-1, platform.node(), "", "")


def is_wal_mode(path: Path) -> bool:
    """True when the SQLite header says the file is in WAL mode (our drafts never are)."""
    try:
        with path.open("rb") as handle:
            header = handle.read(20)
    except OSError:
        return False
    return len(header) == 20 and (header[18] == 2 or header[19] == 2)


def writable(path: Path) -> bool:
    """Whether the draft and its folder can be written (SQLite needs both for its journal).

    A file or folder without any write permission bit counts as read-only even
    for an administrator, who could write it anyway: the user marked it so.
    """
    try:
        file_mode, folder_mode = path.stat().st_mode, path.parent.stat().st_mode
    except OSError:
        return False
    has_write_bits = bool(file_mode & 0o222) and bool(folder_mode & 0o222)
    return has_write_bits and os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


class DraftLock:
    """The lock this process holds on a draft; release it when the draft is closed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.note = lock_path(path)
        self.released = False

    @classmethod
    def acquire(cls, path: Path, replace_stale: bool = False) -> DraftLock:
        """Write the lock note.

        Args:
            path: the draft.
            replace_stale: take over a lock left by a process that no longer runs.

        Raises:
            FileExistsError: another lock exists (and is not replaced).
            OSError: the folder cannot be written.
        """
        note = lock_path(path)
        if replace_stale:
            note.unlink(missing_ok=True)
        info = {
            "pid": os.getpid(),
            "host": platform.node(),
            "user": getpass.getuser(),
            "opened_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "app_version": __version__,
        }
        descriptor = os.open(note, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(info, handle)
        return cls(path)

    def release(self) -> None:
        """Remove the lock note (idempotent)."""
        if not self.released:
            self.note.unlink(missing_ok=True)
            self.released = True


def recover_copy(path: Path, target: Path) -> Path:
    """Make a consistent draft from a file copied while open, with its sidecars, into ``target``.

    The original file and its sidecars are copied to a temporary folder, where
    SQLite integrates the WAL or rolls back the journal; the result is written to
    ``target`` with SQLite's backup API. The originals are never touched.

    Raises:
        DraftFileError: the copy could not be made (``target`` exists, disk full, damaged file).
    """
    if target.exists():
        raise DraftFileError(f"{target} already exists. Choose another name for the recovered copy.")
    with tempfile.TemporaryDirectory(prefix="untoc-recover-") as folder:
        work = Path(folder) / path.name
        try:
            shutil.copy2(path, work)
            for sidecar in sidecars(path):
                shutil.copy2(sidecar, Path(folder) / sidecar.name)
            source = sqlite3.connect(work)
            try:
                source.execute("PRAGMA journal_mode=DELETE")
                destination = sqlite3.connect(target)
                try:
                    source.backup(destination)
                finally:
                    destination.close()
            finally:
                source.close()
        except (OSError, sqlite3.Error) as exc:
            target.unlink(missing_ok=True)
            raise DraftFileError(f"Could not make a recovered copy of {path.name}: {exc}.") from None
    return target
