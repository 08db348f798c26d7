"""Rolling backups of open drafts in the user's data folder.

Each backup is a consistent copy made with SQLite's backup API, kept under
``platformdirs.user_data_dir("untoc_desktop")/backups/<key>/`` and named by
its UTC time; the newest :data:`KEEP` are kept per draft file. The folder's
``<key>`` is a SHA-256 digest of the file's absolute path and its draft id:
nothing read from a draft becomes part of a path, and two copies of one draft
(same id, different files) keep their own backups and never evict each
other's. Restoring never overwrites anything: it writes the backup to a new
file the user chooses.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import platformdirs

from ..errors import DraftFileError
from ..files import atomic_replace, atomic_write_text
from ..i18n import _
from .connection import SQLiteError, connect
from .draft_file import Draft

#: How many backups are kept per draft.
KEEP = 10
_STAMP = "%Y%m%dT%H%M%S%fZ"


@dataclass(frozen=True)
class Backup:
    """One backup of a draft.

    Attributes:
        path: the backup file.
        taken_at: when it was made (UTC).
        draft_path: where the draft was when the backup was made.
        answers: how many answers it holds.
    """

    path: Path
    taken_at: datetime
    draft_path: str
    answers: int


_ID_NOTE = "draft-id"


def backups_root(root: Path | None = None) -> Path:
    """Where backups are kept: ``root`` when given, else ``<user data folder>/backups``."""
    return root if root is not None else Path(platformdirs.user_data_dir("untoc_desktop", appauthor=False)) / "backups"


def backup_key(draft_path: str | Path, draft_uuid: str) -> str:
    """The safe folder name of one draft file's backups: hex SHA-256 of its absolute path and draft id."""
    material = f"{Path(draft_path).resolve()}\n{draft_uuid}".encode("utf-8", "surrogatepass")
    return hashlib.sha256(material).hexdigest()


def backups_folder(draft: Draft, root: Path | None = None) -> Path:
    """The folder of one draft file's backups (see :func:`backup_key`)."""
    return backups_root(root) / backup_key(draft.path, draft.info.draft_uuid)


def make_backup(draft: Draft, root: Path | None = None) -> Backup:
    """Copy the open draft into its backups folder and drop the oldest beyond :data:`KEEP`.

    Raises:
        DraftFileError: the copy could not be written (the draft itself is never touched).
    """
    folder = backups_folder(draft, root)
    taken_at = datetime.now(UTC)
    target = folder / f"{taken_at.strftime(_STAMP)}.untoc"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        draft.save_copy(target)
        atomic_write_text(folder / f"{target.name}.origin", str(draft.path.resolve()))
        atomic_write_text(folder / _ID_NOTE, draft.info.draft_uuid)
    except (OSError, DraftFileError) as exc:
        raise DraftFileError(
            _("Could not make a backup copy of {name} in {folder}: {problem}").format(
                name=draft.path.name, folder=folder, problem=exc
            )
        ) from None
    for _taken_at, old in _stamped_in(folder)[KEEP:]:
        old.unlink(missing_ok=True)
        old.with_name(f"{old.name}.origin").unlink(missing_ok=True)
    return _describe(target, taken_at)


def _describe(path: Path, taken_at: datetime) -> Backup:
    origin = path.with_name(f"{path.name}.origin")
    draft_path = origin.read_text("utf-8") if origin.exists() else ""
    try:
        connection = connect(path, read_only=True)
        try:
            answers = connection.execute("SELECT COUNT(*) FROM answer").fetchone()[0]
        finally:
            connection.close()
    except SQLiteError:
        answers = -1
    return Backup(path, taken_at, draft_path, answers)


def list_backups(draft: Draft | str, root: Path | None = None) -> list[Backup]:
    """Backups, newest first.

    Args:
        draft: an open draft (its own file's backups), or a draft id (the backups of
            every copy of that draft, as recorded beside them).
        root: the backups folder (default: in the user's data folder).
    """
    if isinstance(draft, Draft):
        return _backups_in(backups_folder(draft, root))
    base = backups_root(root)
    if not base.is_dir():
        return []
    found = []
    for folder in base.iterdir():
        try:
            if (folder / _ID_NOTE).read_text("utf-8") == draft:
                found.extend(_backups_in(folder))
        except (OSError, UnicodeDecodeError):
            continue
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def _backups_in(folder: Path) -> list[Backup]:
    """The backups in one folder, newest first."""
    return [_describe(path, taken_at) for taken_at, path in _stamped_in(folder)]


def _taken_at(stem: str) -> datetime:
    """When the backup named ``stem`` (``_STAMP``: ``20261202T075800123456Z``, UTC) was taken.

    Read by position rather than with ``strptime``, whose first call builds its locale's patterns
    (about 2 ms at every start, since a backup is made when a draft opens).

    Raises:
        ValueError: ``stem`` is not such a name (a file that is not one of our backups).
    """
    digits = stem[:8] + stem[9:21]
    if len(stem) != 22 or stem[8] != "T" or stem[21] != "Z" or not (digits.isascii() and digits.isdigit()):
        raise ValueError(f"not a backup name: {stem!r}")
    year, month, day = int(stem[0:4]), int(stem[4:6]), int(stem[6:8])
    hour, minute, second, micro = int(stem[9:11]), int(stem[11:13]), int(stem[13:15]), int(stem[15:21])
    return datetime(year, month, day, hour, minute, second, micro, tzinfo=UTC)


def _stamped_in(folder: Path) -> list[tuple[datetime, Path]]:
    """The backup files in one folder and when each was taken (from its name), newest first; nothing opened."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*.untoc"):
        try:
            found.append((_taken_at(path.stem), path))
        except ValueError:
            continue  # not one of ours
    return sorted(found, key=lambda stamped: stamped[0], reverse=True)


def restore_backup(backup: Backup, target: str | Path) -> Path:
    """Write a backup to a new file ``target`` (never over an existing one).

    Raises:
        DraftFileError: ``target`` exists or cannot be written.
    """
    target = Path(target)
    if target.exists():
        raise DraftFileError(
            _("{target} already exists. Choose a new name for the restored draft.").format(target=target)
        )
    try:
        atomic_replace(
            target, lambda temporary: shutil.copyfile(backup.path, temporary), overwrite=False, create_folder=False
        )
    except FileExistsError:
        raise DraftFileError(
            _("{target} already exists. Choose a new name for the restored draft.").format(target=target)
        ) from None
    except OSError as exc:
        raise DraftFileError(
            _("Could not restore the backup to {target}: {problem}.").format(target=target, problem=exc.strerror)
        ) from None
    return target
