import time
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from untoc_desktop.draft import Draft
from untoc_desktop.draft.backups import _STAMP, KEEP, _taken_at, list_backups, make_backup, restore_backup
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


@given(st.datetimes(min_value=datetime(1970, 1, 1), max_value=datetime(9999, 12, 31)))
def test_a_backup_name_is_read_as_strptime_reads_it(when):
    name = when.strftime(_STAMP)
    assert _taken_at(name) == datetime.strptime(name, _STAMP).replace(tzinfo=UTC) == when.replace(tzinfo=UTC)


@pytest.mark.parametrize(
    "name",
    ["notes", "20261202T075800123456", "20261202-075800123456Z", "2026120２T075800123456Z", "20261302T075800123456Z"],
)
def test_a_file_not_named_like_a_backup_is_not_taken_for_one(name):
    with pytest.raises(ValueError):
        _taken_at(name)
