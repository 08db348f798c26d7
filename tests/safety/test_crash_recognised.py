"""A crash is recognised as a crash (issue 9): killed command-line writes, stale and foreign locks."""

from __future__ import annotations

import json
import os
import platform
import shutil
import signal
import subprocess
import sys

import pytest
from helpers import sha256

from untoc_desktop.cli import main
from untoc_desktop.draft import Draft
from untoc_desktop.draft.safety import SidecarError, lock_path, read_lock, sidecars
from untoc_desktop.opening import open_draft

QID = "UNTOC.5.1(b).practice"
STATUS = "UNTOC.5.1(b).status"


def _draft(tmp_path, draft_info, name="d.untoc"):
    path = tmp_path / name
    with Draft.create(path, draft_info) as draft:
        draft.set_answers({QID: "saved before the crash", STATUS: "partly"})
    return path


def _kill_inside_import(path, tmp_path, big=False):
    """Run `untoc import-answers` and SIGKILL it inside its write transaction (every change made, no commit).

    With ``big``, the import is larger than SQLite's page cache, so SQLite has already
    written changed pages into the draft itself: only the journal can restore it.
    """
    answers = tmp_path / "new.json"
    values = {QID: "never committed", STATUS: "fully"}
    if big:
        from untoc_desktop.questionnaire.registry import DefinitionRegistry

        texts = [
            q.id
            for p in DefinitionRegistry().for_cluster(1).paragraphs()
            for q in p.questions
            if q.type == "text" and q.id != QID
        ]
        values.update({qid: f"{qid} " + "never committed " * 4000 for qid in texts[:60]})
    answers.write_text(json.dumps(values), encoding="utf-8")
    env = dict(os.environ, UNTOC_TEST_PAUSE_IN_WRITE="60")
    child = subprocess.Popen(
        [sys.executable, "-m", "untoc_desktop", "import-answers", str(path), str(answers)],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        line = child.stderr.readline()
        assert "inside the write transaction" in line, line
        assert lock_path(path).exists() and sidecars(path)  # the lock note and the hot journal
        note = read_lock(path)
        assert note.pid == child.pid and note.started > 0 and note.path == str(path.resolve())
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()


@pytest.mark.parametrize("big", [False, True], ids=["in-cache", "pages-already-written"])
def test_a_killed_import_is_rolled_back_by_validate_and_reported(tmp_path, draft_info, capsys, big):
    path = _draft(tmp_path, draft_info)
    _kill_inside_import(path, tmp_path, big)
    assert main(["validate", str(path)]) == 1  # reads the draft: incomplete, not "copied while open"
    err = capsys.readouterr().err
    assert "rolled back" in err and "copied" not in err
    assert not sidecars(path)
    opened = open_draft(path, lock=True)  # the window's open path
    try:
        assert opened.draft.answer(QID) == "saved before the crash" and opened.draft.answer(STATUS) == "partly"
        assert "did not close normally" in opened.recovery_report
    finally:
        opened.draft.close()


@pytest.mark.parametrize("big", [False, True], ids=["in-cache", "pages-already-written"])
def test_a_killed_import_is_rolled_back_when_the_window_opens_the_draft(tmp_path, draft_info, big):
    path = _draft(tmp_path, draft_info)
    size = path.stat().st_size
    _kill_inside_import(path, tmp_path, big)
    if big:
        assert path.stat().st_size > size  # the file alone is not the last saved state
    opened = open_draft(path, lock=True)
    try:
        assert not opened.read_only and opened.rolled_back
        assert opened.draft.answers() == {QID: "saved before the crash", STATUS: "partly"}
        assert "did not close normally" in opened.recovery_report and "rolled back" in opened.recovery_report
    finally:
        opened.draft.close()
    assert not sidecars(path) and not lock_path(path).exists()
    assert main(["validate", str(path)]) == 1


def test_a_journal_of_another_draft_leads_to_the_recovered_copy(tmp_path, draft_info):
    path = _draft(tmp_path, draft_info)
    _kill_inside_import(path, tmp_path)
    other = _draft(tmp_path, draft_info, "other.untoc")
    with Draft.open(other) as draft:  # a different history: its header differs from the journal's image
        for number in range(3):
            draft.set_answer(QID, f"other {number}")
    shutil.copyfile(path.with_name(path.name + "-journal"), other.with_name(other.name + "-journal"))
    shutil.copyfile(lock_path(path), lock_path(other))
    before = sha256(other)
    with pytest.raises(SidecarError):
        open_draft(other, lock=True)
    assert sha256(other) == before


def test_a_copy_with_the_lock_note_of_another_place_is_not_taken_for_a_crash(tmp_path, draft_info):
    path = _draft(tmp_path, draft_info)
    _kill_inside_import(path, tmp_path)
    copied = tmp_path / "copied"
    copied.mkdir()
    for file in tmp_path.glob("d.untoc*"):
        shutil.copyfile(file, copied / file.name)
    before = sha256(copied / "d.untoc")
    with pytest.raises(SidecarError, match="copied while it was open"):
        open_draft(copied / "d.untoc", lock=True)
    assert sha256(copied / "d.untoc") == before


def _write_note(path, **fields):
    note = {
        "pid": os.getpid(),
        "host": platform.node(),
        "user": "someone",
        "opened_at": "2026-01-01T00:00:00+00:00",
        "app_version": "0.1",
        "path": str(path.resolve()),
    }
    note.update(fields)
    lock_path(path).write_text(json.dumps(note), encoding="utf-8")


def test_a_lock_whose_process_id_was_reused_is_stale(tmp_path, draft_info):
    path = _draft(tmp_path, draft_info)
    _write_note(path, started=1.0)  # our own (live) process id, but a process started long before
    opened = open_draft(path, lock=True)
    try:
        assert not opened.read_only and "did not close normally" in opened.recovery_report
    finally:
        opened.draft.close()


@pytest.mark.parametrize(
    "note",
    [{"host": "laptop-elsewhere.example", "started": 5.0}, {}],
    ids=["other-computer", "older-note-without-start-time"],
)
def test_an_unverifiable_lock_is_read_only_and_can_be_taken_over(tmp_path, draft_info, capsys, note):
    path = _draft(tmp_path, draft_info)
    _write_note(path, **note)
    opened = open_draft(path, lock=True)
    try:
        assert opened.read_only and opened.lock_can_be_broken and "cannot tell" in opened.read_only_reason
    finally:
        opened.draft.close()
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps({STATUS: "fully"}), encoding="utf-8")
    before = sha256(path)
    assert main(["import-answers", str(path), str(answers)]) == 2
    assert "--break-lock" in capsys.readouterr().err and sha256(path) == before
    assert main(["validate", str(path)]) == 1  # reading is fine
    assert main(["import-answers", str(path), str(answers), "--break-lock"]) == 0
    assert "taking over the lock" in capsys.readouterr().err
    assert not lock_path(path).exists()  # the command line released the lock it took over
    with Draft.open(path) as draft:
        assert draft.answer(STATUS) == "fully"


def test_a_live_verified_holder_is_not_offered_for_take_over(tmp_path, draft_info):
    from untoc_desktop.draft.safety import process_started

    path = _draft(tmp_path, draft_info)
    _write_note(path, started=process_started(os.getpid()))
    opened = open_draft(path, lock=True)
    try:
        assert opened.read_only and not opened.lock_can_be_broken
    finally:
        opened.draft.close()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="read from /proc on Linux only")
def test_this_process_start_time_is_psutils_without_importing_it():
    import psutil

    from untoc_desktop.draft.safety import _own_start, process_started

    assert _own_start(os.getpid()) == pytest.approx(psutil.Process().create_time(), abs=0.005)
    assert process_started(os.getpid()) == pytest.approx(psutil.Process().create_time(), abs=0.005)
    probe = (
        "import os, sys\nfrom untoc_desktop.draft.safety import process_started\n"
        "process_started(os.getpid())\nprint('psutil' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120)
    assert result.stdout.strip() == "False"


def test_another_process_start_time_comes_from_psutil():
    import psutil

    from untoc_desktop.draft.safety import process_started

    parent = os.getppid()
    assert process_started(parent) == pytest.approx(psutil.Process(parent).create_time(), abs=0.005)
