"""An edit whose write fails, for any reason, is never dropped (issue 9).

It stays in the window and in the unsaved list, the banner offers Try again and
Save As, closing warns first, and the crash message never calls unsaved answers safe.
"""

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from ui_helpers import stored

from untoc_desktop.draft import Draft
from untoc_desktop.errors import UntocError
from untoc_desktop.ui.app import unexpected_error_hook

PARAGRAPH = "UNTOC.5.1(a)"
PRACTICE = f"{PARAGRAPH}.practice"

FAILURES = {
    "oserror": lambda: OSError(5, "Input/output error"),
    "sqlite": lambda: sqlite3.OperationalError("database is locked"),
    "generic": lambda: RuntimeError("something unforeseen"),
    "untoc": lambda: UntocError("The draft refused the answer."),
}


def _fail_writes(monkeypatch, draft, kind):
    def broken(*_args, **_kwargs):
        raise FAILURES[kind]()

    monkeypatch.setattr(draft, "set_answer", broken)


@pytest.mark.parametrize("kind", sorted(FAILURES))
def test_a_failed_write_of_any_kind_keeps_the_text_shows_the_banner_and_warns_on_close(
    qtbot, window, draft_path, monkeypatch, message_boxes, kind
):
    window.draft_view.select(PARAGRAPH)
    editor = window.draft_view.current_page().blocks[PRACTICE].field.editor
    _fail_writes(monkeypatch, window.session.draft, kind)

    qtbot.keyClicks(editor, "words that must not be lost")

    banner = window.draft_view.banner
    qtbot.waitUntil(banner.isVisible, timeout=2000)
    assert banner.message.text().startswith("Not saved:")
    assert "Traceback" not in banner.message.text()
    assert banner.save_as.isVisible() and banner.retry.isVisible()
    assert editor.toPlainText() == "words that must not be lost"
    assert PRACTICE in window.autosave.unsaved()
    assert window.autosave.failed_values() == {PRACTICE: "words that must not be lost"}
    assert stored(draft_path, PRACTICE) is None

    assert not window.close_draft()  # the user answers Cancel to the warning
    assert "could not be saved" in message_boxes.texts()[-1]
    assert window.session is not None and editor.toPlainText() == "words that must not be lost"
    assert banner.isVisible()

    monkeypatch.undo()  # the cause is gone: Try again writes the text
    qtbot.mouseClick(banner.retry, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=2000)
    assert stored(draft_path, PRACTICE) == "words that must not be lost"
    assert window.autosave.unsaved() == []


def test_save_as_from_the_banner_carries_the_unsaved_text_into_the_copy(
    qtbot, window, draft_path, tmp_path, monkeypatch
):
    window.draft_view.select(PARAGRAPH)
    editor = window.draft_view.current_page().blocks[PRACTICE].field.editor
    _fail_writes(monkeypatch, window.session.draft, "generic")
    qtbot.keyClicks(editor, "rescued text")
    banner = window.draft_view.banner
    qtbot.waitUntil(banner.isVisible, timeout=2000)
    copy = tmp_path / "elsewhere.untoc"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(copy), "")))

    qtbot.mouseClick(banner.save_as, Qt.MouseButton.LeftButton)

    assert window.session is not None and window.session.path == copy
    with Draft.open(copy) as saved:
        assert saved.answer(PRACTICE) == "rescued text"


def test_the_crash_message_does_not_call_answers_safe_while_some_are_unsaved(monkeypatch, message_boxes, qapp):
    unsaved = [1]
    hook = unexpected_error_hook(QApplication.instance(), lambda: unsaved[0])
    hook(RuntimeError, RuntimeError("boom"), None)
    assert "safe" not in message_boxes.texts()[-1]
    assert "not saved" in message_boxes.texts()[-1] and "Save As" in message_boxes.texts()[-1]

    unsaved[0] = 0
    hook(RuntimeError, RuntimeError("boom"), None)
    assert "saved so far are safe" in message_boxes.texts()[-1]


def test_a_backup_that_fails_unexpectedly_never_stops_closing(qtbot, window, draft_path, monkeypatch):
    import untoc_desktop.workspace as draft_safety  # backups are made through the workspace

    window.draft_view.select(PARAGRAPH)
    editor = window.draft_view.current_page().blocks[PRACTICE].field.editor
    qtbot.keyClicks(editor, "kept")
    monkeypatch.setattr(draft_safety, "make_backup", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("no room")))
    window.safety.answers_changed()

    assert window.close_draft()

    assert stored(draft_path, PRACTICE) == "kept"
    assert "backup could not be made" in window.statusBar().currentMessage()
