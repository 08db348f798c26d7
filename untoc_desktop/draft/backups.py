"""Rolling backups of open drafts in the user's data folder.

Each backup is a consistent copy made with SQLite's backup API, kept under
``platformdirs.user_data_dir("untoc_desktop")/backups/<draft id>/`` and named by
its UTC time; the newest :data:`KEEP` are kept per draft. Restoring never
overwrites anything: it writes the backup to a new file the user chooses.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import platformdirs

from ..errors import DraftFileError
from .store import Draft

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


def backups_folder(draft_uuid: str, root: Path | None = None) -> Path:
    """The folder of one draft's backups."""
    base = root if root is not None else Path(platformdirs.user_data_dir("untoc_desktop", appauthor=False)) / "backups"
    return base / draft_uuid


def make_backup(draft: Draft, root: Path | None = None) -> Backup:
    """Copy the open draft into its backups folder and drop the oldest beyond :data:`KEEP`.

    Raises:
        DraftFileError: the copy could not be written (the draft itself is never touched).
    """
    folder = backups_folder(draft.info.draft_uuid, root)
    taken_at = datetime.now(timezone.utc)
    target = folder / f"{taken_at.strftime(_STAMP)}.untoc"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        draft.save_copy(target)
        (folder / f"{target.name}.origin").write_text(str(draft.path.resolve()), encoding="utf-8")
    except (OSError, DraftFileError) as exc:
        raise DraftFileError(f"Could not make a backup copy of {draft.path.name} in {folder}: {exc}") from None
    for old in list_backups(draft.info.draft_uuid, root)[KEEP:]:
        old.path.unlink(missing_ok=True)
        old.path.with_name(f"{old.path.name}.origin").unlink(missing_ok=True)
    return _describe(target)


def _describe(path: Path) -> Backup:
    taken_at = datetime.strptime(path.stem, _STAMP).replace(tzinfo=timezone.utc)
    origin = path.with_name(f"{path.name}.origin")
    draft_path = origin.read_text("utf-8") if origin.exists() else ""
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            answers = connection.execute("SELECT COUNT(*) FROM answer").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.Error:
        answers = -1
    return Backup(path, taken_at, draft_path, answers)


def list_backups(draft_uuid: str, root: Path | None = None) -> list[Backup]:
    """The backups of a draft, newest first."""
    folder = backups_folder(draft_uuid, root)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*.untoc"):
        try:
            found.append(_describe(path))
        except ValueError:
            continue  # not one of ours
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def restore_backup(backup: Backup, target: str | Path) -> Path:
    """Write a backup to a new file ``target`` (never over an existing one).

    Raises:
        DraftFileError: ``target`` exists or cannot be written.
    """
    target = Path(target)
    if target.exists():
        raise DraftFileError(f"{target} already exists. Choose a new name for the restored draft.")
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        shutil.copyfile(backup.path, temporary)
        os.replace(temporary, target)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise DraftFileError(f"Could not restore the backup to {target}: {exc.strerror}.") from None
    return target
