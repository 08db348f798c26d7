"""Opening anything a user can hand us (issue 5): clear message, bytes unchanged, or read-only with a reason."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys

import pytest
from helpers import copy_while_open_in_wal_mode, sha256

from untoc_desktop.draft import Draft
from untoc_desktop.draft.safety import SidecarError, lock_path, recover_copy
from untoc_desktop.errors import DraftFileError, UntocError
from untoc_desktop.opening import open_draft

QID = "UNTOC.5.1(b).practice"


def _folder_state(folder):
    return {p.name: sha256(p) for p in folder.iterdir() if p.is_file()}


def _make(tmp_path, draft_info, name="d.untoc", text="saved text"):
    path = tmp_path / name
    with Draft.create(path, draft_info) as draft:
        draft.set_answer(QID, text)
    return path


def _wal_copy(tmp_path, draft_info):
    """A draft copied (with its -wal file) while another program had it open in WAL mode."""
    source = _make(tmp_path, draft_info, "source.untoc")
    return copy_while_open_in_wal_mode(source, QID, "text only in the wal", tmp_path / "copied")


@pytest.mark.parametrize("lock", [False, True])
def test_copy_with_wal_sidecar_is_not_opened_in_place_and_can_be_recovered(tmp_path, draft_info, lock):
    copy = _wal_copy(tmp_path, draft_info)
    before = _folder_state(copy.parent)
    with pytest.raises(SidecarError, match="copied while it was open"):
        open_draft(copy, lock=lock)
    assert _folder_state(copy.parent) == before  # no byte changed, no lock or journal left
    recovered = recover_copy(copy, tmp_path / "recovered.untoc")
    assert _folder_state(copy.parent) == before
    with Draft.open(recovered) as draft:
        assert draft.answer(QID) == "text only in the wal"


def test_wal_mode_copy_without_its_wal_is_refused(tmp_path, draft_info):
    copy = _wal_copy(tmp_path, draft_info)
    (copy.parent / "copy.untoc-wal").unlink()
    before = _folder_state(copy.parent)
    with pytest.raises(SidecarError):
        open_draft(copy, lock=True)
    assert _folder_state(copy.parent) == before


@pytest.mark.parametrize(
    "make",
    [
        lambda p, src: p.write_bytes(b""),
        lambda p, src: p.write_bytes(src.read_bytes()[:4096]),
        lambda p, src: p.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(3000)),
        lambda p, src: (
            sqlite3.connect(p).executescript("CREATE TABLE photos(x); INSERT INTO photos VALUES (1);").close()
        ),
        lambda p, src: (
            p.write_bytes(src.read_bytes()),
            sqlite3.connect(p).execute("PRAGMA user_version=99").connection.close(),
        ),
    ],
    ids=["zero-bytes", "truncated", "png", "other-program", "newer-version"],
)
def test_bad_files_get_a_message_and_stay_unchanged(tmp_path, draft_info, make):
    source = _make(tmp_path, draft_info, "source.untoc", "x" * 50000)
    folder = tmp_path / "handed"
    folder.mkdir()
    path = folder / "handed.untoc"
    make(path, source)
    before = _folder_state(folder)
    with pytest.raises(UntocError) as caught:
        opened = open_draft(path, lock=True)
        opened.draft.answers()
    assert str(caught.value).strip()
    assert _folder_state(folder) == before


def test_read_only_file_opens_read_only_with_a_reason(tmp_path, draft_info):
    path = _make(tmp_path, draft_info)
    path.chmod(0o444)
    before = _folder_state(tmp_path)
    opened = open_draft(path, lock=True)
    try:
        assert opened.read_only and "cannot be written" in opened.read_only_reason
        assert opened.draft.answer(QID) == "saved text"
        with pytest.raises(DraftFileError, match="read-only"):
            opened.draft.set_answer(QID, "changed")
    finally:
        opened.draft.close()
    assert _folder_state(tmp_path) == before


def test_read_only_folder_opens_read_only(tmp_path, draft_info):
    folder = tmp_path / "locked"
    folder.mkdir()
    path = _make(folder, draft_info)
    folder.chmod(0o555)
    try:
        opened = open_draft(path, lock=True)
        assert opened.read_only and opened.read_only_reason
        opened.draft.close()
        assert sorted(p.name for p in folder.iterdir()) == ["d.untoc"]
    finally:
        folder.chmod(0o755)


def test_non_ascii_path(tmp_path, draft_info):
    folder = tmp_path / "données" / "مسودة"
    folder.mkdir(parents=True)
    path = _make(folder, draft_info, "brouillon ü 草稿.untoc", "texte")
    opened = open_draft(path, lock=True)
    assert opened.draft.answer(QID) == "texte" and not opened.read_only
    assert lock_path(path).exists()
    opened.draft.close()
    assert not lock_path(path).exists()


HOLDER = """
import sys, time
from untoc_desktop.opening import open_draft
opened = open_draft(sys.argv[1], lock=True)
print("open", flush=True)
time.sleep(60)
"""


def _start_holder(path):
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "open"
    return child


def test_second_instance_opens_read_only_with_a_banner_reason(tmp_path, draft_info):
    path = _make(tmp_path, draft_info)
    child = _start_holder(path)
    try:
        before = sha256(path)
        opened = open_draft(path, lock=True)
        assert opened.read_only and "already open" in opened.read_only_reason
        assert opened.draft.answer(QID) == "saved text"
        opened.draft.close()
        assert sha256(path) == before and lock_path(path).exists()  # the other instance's lock stays
    finally:
        child.kill()
        child.wait()


def test_after_a_crash_the_next_opening_reports_what_was_recovered(tmp_path, draft_info):
    path = _make(tmp_path, draft_info)
    child = _start_holder(path)
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert lock_path(path).exists()  # left behind by the killed process
    opened = open_draft(path, lock=True)
    try:
        assert not opened.read_only
        assert "did not close normally" in opened.recovery_report
        assert opened.draft.answer(QID) == "saved text"
    finally:
        opened.draft.close()
    assert not lock_path(path).exists()
    assert open_draft(path, lock=True).recovery_report == ""  # a clean close leaves nothing to report


def test_the_command_line_only_reads_a_draft_open_in_the_application(tmp_path, draft_info, capsys):
    from untoc_desktop.cli import main

    path = _make(tmp_path, draft_info)
    answers = tmp_path / "a.json"
    answers.write_text('{"UNTOC.5.1(b).status": "fully"}', encoding="utf-8")
    child = _start_holder(path)
    try:
        assert main(["validate", str(path)]) == 1  # reading works
        before = sha256(path)
        assert main(["import-answers", str(path), str(answers)]) == 2
        assert "open in untoc_desktop" in capsys.readouterr().err
        assert sha256(path) == before
    finally:
        child.kill()
        child.wait()
    assert main(["import-answers", str(path), str(answers)]) == 0  # a stale lock does not block
