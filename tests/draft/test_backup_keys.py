"""Backups are keyed by a digest of the file, never by an identifier read from it (issue 9)."""

from __future__ import annotations

import re
import shutil

from untoc_desktop.draft import Draft
from untoc_desktop.draft.backups import KEEP, backups_folder, list_backups, make_backup

QID = "UNTOC.5.1(b).practice"


def test_two_copies_of_one_draft_keep_their_own_backups(draft, tmp_path):
    root = tmp_path / "backups"
    draft.set_answer(QID, "original")
    make_backup(draft, root)
    copy_path = tmp_path / "copy.untoc"
    shutil.copyfile(draft.path, copy_path)
    with Draft.open(copy_path) as copy:
        assert copy.info.draft_uuid == draft.info.draft_uuid
        for number in range(KEEP + 2):
            copy.set_answer(QID, f"copy {number}")
            make_backup(copy, root)
        assert len(list_backups(copy, root)) == KEEP
        assert backups_folder(copy, root) != backups_folder(draft, root)
    mine = list_backups(draft, root)
    assert len(mine) == 1 and mine[0].draft_path == str(draft.path.resolve())  # not evicted by the copy
    assert len(list_backups(draft.info.draft_uuid, root)) == KEEP + 1  # by id: every copy's backups


def test_a_draft_id_that_looks_like_a_path_never_becomes_one(tmp_path, draft_info):
    from dataclasses import replace

    path = tmp_path / "d.untoc"
    hostile = replace(draft_info, draft_uuid="../../../../outside")
    root = tmp_path / "data" / "backups"
    with Draft.create(path, hostile) as draft:
        backup = make_backup(draft, root)
    assert backup.path.parent.parent == root
    assert re.fullmatch(r"[0-9a-f]{64}", backup.path.parent.name)
    assert not (tmp_path / "outside").exists() and not any(tmp_path.parent.glob("outside"))
