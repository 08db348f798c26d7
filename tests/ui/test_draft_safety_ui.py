"""Data safety as the user meets it: read-only banner, recovery report, recovered copies, backups, Save As."""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest
from helpers import copy_while_open_in_wal_mode
from ui_helpers import stored

from untoc_desktop.draft import Draft
from untoc_desktop.draft.safety import lock_path
from untoc_desktop.errors import DraftFileError
from untoc_desktop.opening import open_draft

PARAGRAPH = "UNTOC.5.1(a)(i)"
PRACTICE = f"{PARAGRAPH}.practice"

HOLDER = """
import sys, time
from untoc_desktop.opening import open_draft
opened = open_draft(sys.argv[1], lock=True)
print("open", flush=True)
time.sleep(60)
"""


def _locking_window(window):
    """The window opens drafts as the application does: with the lock."""
    registry = window.questionnaire.registry if hasattr(window.questionnaire, "registry") else None
    window._open_submission = lambda path: open_draft(path, registry, lock=True)
    return window


def _closed_draft(tmp_path, draft_info, text="saved text"):
    path = tmp_path / "shared.untoc"
    with Draft.create(path, draft_info) as draft:
        draft.set_answer(PRACTICE, text)
    return path


def _holder(path):
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "open"
    return child


def test_a_draft_open_in_another_instance_is_shown_read_only_with_a_banner(qtbot, window, tmp_path, draft_info):
    path = _closed_draft(tmp_path, draft_info)
    child = _holder(path)
    try:
        assert _locking_window(window).open_draft(path)
        view = window.draft_view
        assert view.notice.isVisible() and "already open" in view.notice.message.text()
        view.select(PARAGRAPH)
        editor = view.current_page().blocks[PRACTICE].field.editor
        assert editor.isReadOnly() and editor.toPlainText() == "saved text"
        assert window.session.draft.read_only
    finally:
        child.kill()
        child.wait()


def test_after_a_crash_the_window_says_what_was_recovered(qtbot, window, tmp_path, draft_info, message_boxes):
    path = _closed_draft(tmp_path, draft_info)
    child = _holder(path)
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert _locking_window(window).open_draft(path)
    reports = [text for kind, title, text in message_boxes.shown if kind == "information"]
    assert any("did not close normally" in text for text in reports)
    assert not window.draft_view.notice.isVisible()


def test_a_copy_made_while_open_is_recovered_into_a_new_file(
    qtbot, window, tmp_path, draft_info, message_boxes, monkeypatch
):
    source = _closed_draft(tmp_path, draft_info)
    handed = copy_while_open_in_wal_mode(source, PRACTICE, "only in the wal", tmp_path / "handed").parent
    before = {p.name: p.read_bytes() for p in handed.iterdir()}
    message_boxes.answer = message_boxes.answer.Yes
    recovered = tmp_path / "recovered.untoc"
    monkeypatch.setattr(
        "untoc_desktop.ui.window.draft_safety.QFileDialog.getSaveFileName", lambda *a, **k: (str(recovered), "")
    )

    assert _locking_window(window).open_draft(handed / "copy.untoc")

    assert any("copied while it was open" in text for text in message_boxes.texts())
    assert window.session.path == recovered
    assert stored(recovered, PRACTICE) == "only in the wal"
    assert {p.name: p.read_bytes() for p in handed.iterdir()} == before


def test_backups_are_taken_and_can_be_restored(qtbot, window, draft_path, tmp_path):
    window.safety._root = tmp_path / "backups"
    first = window.safety.backup_now()
    assert first is not None and first.answers == 0
    window.session.draft.set_answer(PRACTICE, "later text")
    window.safety.answers_changed()
    window.safety.backup_if_changed()
    backups = window.safety.backups()
    assert len(backups) == 2 and backups[0].answers == 1
    target = tmp_path / "restored.untoc"
    assert window.safety.restore(backups[-1], target)
    assert window.session.path == target and stored(target, PRACTICE) is None
    assert window.restore_action.isEnabled()


def test_save_as_elsewhere_keeps_text_that_could_not_be_written(qtbot, window, draft_path, tmp_path, monkeypatch):
    window.draft_view.select(PARAGRAPH)
    editor = window.draft_view.current_page().blocks[PRACTICE].field.editor
    original = window.session.draft

    def disk_full(*_args, **_kwargs):
        raise DraftFileError("Could not write to veridia.untoc: database or disk is full.")

    monkeypatch.setattr(original, "set_answer", disk_full)
    qtbot.keyClicks(editor, "words typed on a full disk")
    qtbot.waitUntil(window.draft_view.banner.isVisible, timeout=1000)

    elsewhere = tmp_path / "elsewhere.untoc"
    assert window.save_as_path(elsewhere)

    assert window.session.path == elsewhere
    assert stored(elsewhere, PRACTICE) == "words typed on a full disk"
    assert stored(draft_path, PRACTICE) is None  # nothing partial reached the full disk's file


def test_closing_releases_the_lock(qtbot, window, tmp_path, draft_info):
    path = _closed_draft(tmp_path, draft_info)
    assert _locking_window(window).open_draft(path)
    assert lock_path(path).exists()
    assert window.close_draft()
    assert not lock_path(path).exists()


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "Ctrl+C"])
def test_sigterm_closes_the_application_normally(tmp_path, draft_info, stop):
    import os
    import time

    path = _closed_draft(tmp_path, draft_info)
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
    )
    child = subprocess.Popen([sys.executable, "-m", "untoc_desktop.ui", str(path)], env=env)
    deadline = time.time() + 30
    while not lock_path(path).exists() and time.time() < deadline:
        time.sleep(0.1)
    assert lock_path(path).exists(), "the application did not open the draft"
    child.send_signal(stop)
    assert child.wait(timeout=30) == 0
    assert not lock_path(path).exists()  # closed normally: the lock note is gone
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("shared")) == ["shared.untoc"]
