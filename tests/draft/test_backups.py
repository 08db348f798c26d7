import time

import pytest

from untoc_desktop.draft import Draft
from untoc_desktop.draft.backups import KEEP, list_backups, make_backup, restore_backup
from untoc_desktop.errors import DraftFileError

QID = "UNTOC.5.1(b).practice"


def test_backups_roll_and_keep_the_last_ten(draft, tmp_path):
    root = tmp_path / "backups"
    for number in range(KEEP + 3):
        draft.set_answer(QID, f"version {number}")
        make_backup(draft, root)
        time.sleep(0.002)
    backups = list_backups(draft.info.draft_uuid, root)
    assert len(backups) == KEEP
    assert backups[0].taken_at > backups[-1].taken_at
    assert backups[0].draft_path == str(draft.path.resolve()) and backups[0].answers == 1
    restored = restore_backup(backups[-1], tmp_path / "restored.untoc")  # the oldest one kept
    with Draft.open(restored) as old:
        assert old.answer(QID) == f"version {3}"


def test_restore_never_overwrites(draft, tmp_path):
    backup = make_backup(draft, tmp_path / "b")
    existing = tmp_path / "existing.untoc"
    existing.write_bytes(b"keep")
    with pytest.raises(DraftFileError, match="already exists"):
        restore_backup(backup, existing)
    assert existing.read_bytes() == b"keep"
