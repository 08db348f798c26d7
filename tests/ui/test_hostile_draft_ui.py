"""The window meets a hostile draft and a lock it cannot verify (issue 9)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from helpers import sha256
from PySide6.QtWidgets import QMessageBox

from untoc_desktop.draft import Draft
from untoc_desktop.draft.safety import lock_path, read_lock
from untoc_desktop.opening import open_draft

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "safety"))
from hostile_drafts import QID, make_hostile  # noqa: E402


def _locking(window):
    registry = window.questionnaire.registry if hasattr(window.questionnaire, "registry") else None
    window._open_submission = lambda path, break_lock=False: open_draft(
        path, registry, lock=True, break_lock=break_lock
    )
    return window


def test_a_hostile_draft_is_refused_with_a_message_and_no_lock(qtbot, window, tmp_path, draft_info, message_boxes):
    for kind in ("trigger_rewrites_answers_and_erases_history", "wrong_kind_of_answer"):
        path = make_hostile(tmp_path, kind, draft_info)
        before = sha256(path)
        assert not _locking(window).open_draft(path)
        kind_, title, text = message_boxes.shown[-1]
        assert kind_ == "warning" and "was not changed" in text
        assert window.session is None and not lock_path(path).exists() and sha256(path) == before
    assert QID in text  # the bad value is named by its question


def test_a_lock_from_another_computer_can_be_taken_over_after_a_warning(
    qtbot, window, tmp_path, draft_info, message_boxes
):
    path = tmp_path / "shared.untoc"
    with Draft.create(path, draft_info) as draft:
        draft.set_answer(QID, "saved text")
    lock_path(path).write_text(
        json.dumps(
            {
                "pid": 4242,
                "host": "laptop-elsewhere.example",
                "user": "colleague",
                "opened_at": "2026-11-30T10:00:00+00:00",
                "started": 5.0,
            }
        ),
        "utf-8",
    )
    message_boxes.answer = QMessageBox.StandardButton.No
    assert _locking(window).open_draft(path)
    assert window.session.draft.read_only and "cannot tell" in window.draft_view.notice.message.text()
    assert any("Take over" in title for _k, title, _t in message_boxes.shown)
    assert window.close_draft()
    message_boxes.answer = QMessageBox.StandardButton.Yes
    assert _locking(window).open_draft(path)
    assert not window.session.draft.read_only
    assert read_lock(path).pid == os.getpid()


def test_a_value_that_fails_when_the_window_loads_it_is_a_message_and_releases_the_lock(
    qtbot, window, tmp_path, draft_info, message_boxes, monkeypatch
):
    from untoc_desktop.errors import DraftValueError
    from untoc_desktop.ui.window import session as session_module

    path = tmp_path / "d.untoc"
    Draft.create(path, draft_info).close()

    def failing(self, *args, **kwargs):
        raise DraftValueError(f"{path.name} cannot be opened: the answer to question {QID} cannot be used.", QID)

    monkeypatch.setattr(session_module.DraftSession, "__init__", failing)
    assert not _locking(window).open_draft(path)
    assert QID in message_boxes.shown[-1][2]
    assert window.session is None and not lock_path(path).exists()
