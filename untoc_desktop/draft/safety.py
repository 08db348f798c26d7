"""Opening drafts safely: sidecar files, locks between running copies, crash recovery.

A draft that is open in the application has a lock file beside it
(``NAME.untoc.lock``, a small JSON note of who opened it, where and when),
removed when the draft is closed. On the next opening:

* the window and the ``untoc`` command line write under the same note;
* a lock held by another running copy of the application (this computer, live
  process with the recorded start time) or by another computer means the draft
  is opened read-only; the user may take it over after a warning, since a lock
  from another computer or an unverifiable process cannot be judged from here;
* a lock left by a process that no longer runs (or whose process id now belongs
  to another process, started later) means the application did not close
  normally: the draft is opened, SQLite rolls back a save that was under way
  (its hot ``-journal``), and a recovery report says what it holds;
* a ``-journal`` or ``-wal`` sidecar beside a draft *without* a lock of its own
  process (no note, or a note copied from another place or another draft), or
  a journal that does not belong to this file, means the file was copied while
  open: it is never opened in place (SQLite would rewrite it);
  :func:`recover_copy` makes a consistent copy instead.

Nothing in this module writes to the draft file itself.
"""

from __future__ import annotations

import functools
import getpass
import json
import os
import platform
import shutil
import struct
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .. import __version__
from ..errors import DraftFileError
from ..files import atomic_replace
from ..i18n import _
from .connection import SQLiteError, backup_into, connect
from .header import check_draft_file

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


def process_started(pid: int) -> float | None:
    """When process ``pid`` of this computer started (seconds since the epoch), or None when it does not run.

    Together with the process id this identifies one process: a process id reused
    after the holder died (or after a reboot) has a later start time. The value is psutil's
    (``psutil.Process(pid).create_time()``); for this very process on Linux it is read the way
    psutil reads it, see :func:`_own_start`.
    """
    if pid == os.getpid():
        started = _own_start(pid)
        if started is not None:
            return started
    import psutil  # about 9 ms to import: only to judge another process's lock, or off Linux

    try:
        return psutil.Process(pid).create_time()
    except (psutil.NoSuchProcess, psutil.ZombieProcess):
        return None
    except (psutil.Error, OSError, ValueError):
        return None


@functools.cache
def _own_start(pid: int) -> float | None:
    """This process's start time as psutil gives it on Linux, read without importing psutil; None elsewhere.

    ``pid`` (this process's id) keys the cache: a process forked from this one reads its own.

    psutil's Linux ``create_time()`` is the process's start in clock ticks since boot (field 22
    of ``/proc/self/stat``) divided by ``SC_CLK_TCK``, plus the boot time (``btime`` in
    ``/proc/stat``). These are the same two numbers, read at every opening of a draft (the lock
    note records them); ``tests/safety/test_crash_recognised.py`` holds the result equal to
    psutil's, since other processes judge the note with psutil.
    """
    try:
        with open("/proc/self/stat", "rb") as handle:
            stat = handle.read()
        with open("/proc/stat", "rb") as handle:
            boot = next(line for line in handle if line.startswith(b"btime "))
        # Fields after the command name, which is in parentheses and may itself hold spaces or ")".
        ticks = int(stat[stat.rindex(b")") + 2 :].split()[19])
        return ticks / os.sysconf("SC_CLK_TCK") + float(boot.split()[1])
    except (OSError, ValueError, IndexError, StopIteration, AttributeError):
        return None  # not Linux (no /proc, or no sysconf name): psutil


@dataclass(frozen=True)
class LockInfo:
    """Who holds a draft open.

    Attributes:
        pid / host / user: the holding process, its computer (``platform.node()``) and user.
        opened_at: when it opened the draft (UTC, ISO 8601).
        app_version: the application version of the holder.
        started: the holder's start time (seconds since the epoch; 0 in notes of older versions).
        path: the absolute path of the draft the note was written for ("" in older notes).
        draft_uuid: the id of the draft the note was written for ("" in older notes).
    """

    pid: int
    host: str
    user: str
    opened_at: str
    app_version: str = ""
    started: float = 0.0
    path: str = ""
    draft_uuid: str = ""

    def _holder_state(self) -> str:
        """``dead``, ``verified`` (running, start time matches) or ``unverified`` (running, cannot tell)."""
        if self.host != platform.node() or self.pid <= 0:
            return "dead"
        started = process_started(self.pid)
        if started is not None:
            if not self.started:
                return "unverified"  # an older note: any process with that id might be the holder
            return "verified" if abs(started - self.started) < 1.0 else "dead"  # a reused process id
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return "dead"
        except OSError:
            return "unverified"  # it runs, but belongs to someone we may not inspect
        return "unverified"

    def is_alive_here(self) -> bool:
        """True when the holder may be a running process on this computer.

        With a recorded start time the process must also have started then (a
        reused process id is not the holder); without one (older notes) any live
        process with that id counts, see :attr:`verified`.
        """
        return self._holder_state() != "dead"

    @property
    def is_stale(self) -> bool:
        """True when the holder was on this computer and no longer runs (a crash)."""
        return self.host == platform.node() and not self.is_alive_here()

    @property
    def verified(self) -> bool:
        """True when the holder is known for sure to be running here (process id and start time match)."""
        return self._holder_state() == "verified"

    def belongs_to(self, path: Path) -> bool:
        """False when the note was written for another file (it was copied along with a draft)."""
        if not self.path or self.host != platform.node():
            return True  # older note, or a path on another computer: cannot tell, assume it is this file's
        try:
            return Path(self.path) == path.resolve()
        except OSError:
            return True


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
        text = lock_path(path).read_bytes()[:4096].decode("utf-8")
        data = json.loads(text)
        return LockInfo(
            int(data["pid"]),
            str(data["host"])[:255],
            str(data.get("user", ""))[:255],
            str(data["opened_at"])[:64],
            str(data.get("app_version", ""))[:32],
            float(data.get("started", 0) or 0),
            str(data.get("path", ""))[:4096],
            str(data.get("draft_uuid", ""))[:64],
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
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
    def acquire(cls, path: Path, replace_stale: bool = False, draft_uuid: str = "") -> DraftLock:
        """Write the lock note.

        Args:
            path: the draft.
            replace_stale: take over a lock left by a process that no longer runs (or that the
                user chose to take over).
            draft_uuid: the draft's id, recorded so a note copied with another draft is recognised.

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
            "opened_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "app_version": __version__,
            "started": process_started(os.getpid()) or 0,
            "path": str(path.resolve()),
            "draft_uuid": draft_uuid,
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
        raise DraftFileError(
            _("{target} already exists. Choose another name for the recovered copy.").format(target=target)
        )
    with tempfile.TemporaryDirectory(prefix="untoc-recover-") as folder:
        work = Path(folder) / path.name
        try:
            shutil.copy2(path, work)
            for sidecar in sidecars(path):
                shutil.copy2(sidecar, Path(folder) / sidecar.name)
            from .schema_check import check_contents

            source = connect(work)  # SQLite rolls back the journal (or integrates the WAL) in the copy
            try:
                source.execute("PRAGMA journal_mode=DELETE")
                source.execute("SELECT count(*) FROM sqlite_master").fetchone()
                # What is copied must be a draft of ours: schema, pages and values are checked first.
                check_contents(work, check_draft_file(work).user_version)
                atomic_replace(
                    target, lambda temporary: backup_into(source, temporary), overwrite=False, create_folder=False
                )
            finally:
                source.close()
        except FileExistsError:
            raise DraftFileError(
                _("{target} already exists. Choose another name for the recovered copy.").format(target=target)
            ) from None
        except (OSError, SQLiteError) as exc:
            raise DraftFileError(
                _("Could not make a recovered copy of {name}: {problem}.").format(name=path.name, problem=exc)
            ) from None
    return target


_JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")


def discard_cold_journal(path: Path) -> bool:
    """Delete a ``-journal`` beside ``path`` whose header was never written (it restores nothing).

    SQLite writes a journal's header only when it syncs the journal before changing the
    file; a process killed before that leaves a journal that SQLite ignores. Called after
    SQLite had its chance to roll back (the file was opened for writing), so the draft has
    no sidecar left. Returns True when a journal was deleted.
    """
    journal = path.with_name(path.name + "-journal")
    try:
        with journal.open("rb") as handle:
            if handle.read(8).strip(b"\0"):
                return False  # a real (hot) journal: only SQLite may handle it
        journal.unlink()
    except OSError:
        return False
    return True


def journal_belongs_to(path: Path) -> bool:
    """Whether the ``-journal`` beside ``path`` can be this file's own unfinished save.

    A rollback journal keeps the original image of each page it will restore; page 1
    (the file header) is always among them. It belongs to this file when its page size
    is the file's and its page-1 image is this file's header before the save: same
    application id and a change counter equal to the file's, or one less (the save had
    started writing). A journal of another draft, or a damaged one, fails this test.
    A journal with no page image yet restores nothing and is accepted.
    """
    journal = path.with_name(path.name + "-journal")
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
        with journal.open("rb") as handle:
            journal_header = handle.read(28)
            if len(journal_header) < 28 or journal_header[:8] != _JOURNAL_MAGIC:
                # No magic yet: SQLite had not synced the journal, so it restores nothing (not hot).
                return not journal_header[:8].strip(b"\0")
            sector_size, page_size = struct.unpack(">II", journal_header[20:28])
            file_page_size = struct.unpack(">H", header[16:18])[0]
            file_page_size = 65536 if file_page_size == 1 else file_page_size
            if page_size != file_page_size or not 512 <= sector_size <= 65536:
                return False
            handle.seek(sector_size)
            while True:
                number = handle.read(4)
                if len(number) < 4:
                    return True  # no image of page 1: nothing that identifies another file
                image = handle.read(page_size)
                handle.read(4)  # checksum
                if len(image) < page_size:
                    return True
                if struct.unpack(">I", number)[0] == 1:
                    break
    except OSError:
        return False
    if image[68:72] != header[68:72] or image[:16] != header[:16]:
        return False
    counter, old_counter = struct.unpack(">I", header[24:28])[0], struct.unpack(">I", image[24:28])[0]
    return counter in (old_counter, (old_counter + 1) & 0xFFFFFFFF)
