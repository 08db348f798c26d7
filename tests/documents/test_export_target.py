import os
import sqlite3

import pytest
from helpers import sha256

from untoc_desktop.documents import export_submission
from untoc_desktop.draft import Draft
from untoc_desktop.errors import ExportError


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_an_export_never_replaces_a_draft(tmp_path, draft_info, cluster1, fmt):
    draft = tmp_path / f"same.{fmt}"
    Draft.create(draft, draft_info).close()  # a draft that happens to carry the export's extension
    other = tmp_path / f"other.{fmt}"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    for target in (draft, other):
        before = sha256(target)
        with pytest.raises(ExportError, match="will never replace it"):
            export_submission(cluster1, draft_info, {}, target, fmt)
        assert sha256(target) == before


def test_the_name_must_match_the_format(tmp_path, draft_info, cluster1):
    for name in ("veridia.untoc", "note.txt", "veridia.docx"):
        target = tmp_path / name
        target.write_bytes(b"keep me")
        with pytest.raises(ExportError, match="does not end with .pdf"):
            export_submission(cluster1, draft_info, {}, target, "pdf")
        assert target.read_bytes() == b"keep me"


def test_folders_and_devices_are_refused(tmp_path, draft_info, cluster1):
    folder = tmp_path / "folder.pdf"
    folder.mkdir()
    with pytest.raises(ExportError, match="not an ordinary file"):
        export_submission(cluster1, draft_info, {}, folder, "pdf")
    if os.path.exists("/dev/null"):
        link = tmp_path / "null.pdf"
        link.symlink_to("/dev/null")
        with pytest.raises(ExportError, match="not an ordinary file"):
            export_submission(cluster1, draft_info, {}, link, "pdf")
        assert link.is_symlink()


def test_a_symbolic_link_is_followed(tmp_path, draft_info, cluster1):
    real = tmp_path / "real.pdf"
    real.write_bytes(b"%PDF old")
    link = tmp_path / "link.pdf"
    link.symlink_to(real)
    export_submission(cluster1, draft_info, {}, link, "pdf")
    assert link.is_symlink() and real.read_bytes().startswith(b"%PDF") and real.stat().st_size > 1000
