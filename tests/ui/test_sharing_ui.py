"""Merging a colleague's copy in the window: menu, conflict view, resolution, completeness, history."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from untoc_desktop.draft import Draft
from untoc_desktop.sharing.conflicts import open_conflicts
from untoc_desktop.ui.dialogs.conflict_dialog import ConflictDialog
from untoc_desktop.ui.dialogs.history_dialog import HistoryDialog

STATUS = "UNTOC.5.1(a).status"
PRACTICE = "UNTOC.5.1(a).practice"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def _colleague_copy(window, draft_path, tmp_path):
    """Both sides change the status and the same sentence of the practice text."""
    window.session.draft.set_answers({PRACTICE: "Police units exist. They have 12 officers. Courts are slow."})
    theirs = tmp_path / "boris.untoc"
    window.session.draft.save_copy(theirs)
    with Draft.open(theirs) as copy:
        copy.set_answers(
            {STATUS: "partly", PRACTICE: "Police units exist. They have 20 officers. Courts are slow."}, "Boris"
        )
    window.session.draft.set_answers({PRACTICE: "Police units exist. They have 15 officers. Courts are slow."})
    window.session.reload()
    return theirs


def test_merge_through_the_menu_shows_the_conflict_view_and_settling_updates_completeness(
    qtbot, window, draft_path, tmp_path, monkeypatch
):
    theirs = _colleague_copy(window, draft_path, tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(theirs), "")))
    assert window.sharing.merge_action.isEnabled()
    window.sharing.merge_action.trigger()  # the merge runs on a worker thread
    qtbot.waitUntil(lambda: window.sharing.conflict_dialog is not None, timeout=10000)

    dialog = window.sharing.conflict_dialog
    assert isinstance(dialog, ConflictDialog) and dialog.isVisible()
    assert window.session.answer(STATUS) == "partly"  # changed on one side only: taken
    assert "1 conflict to settle" in window.summary.text()
    assert "Conflicts to settle (1)" in window.completeness.tree.topLevelItem(0).text(0)
    assert dialog.current().question_id == PRACTICE
    assert "15 officers" in dialog.mine.plain() and "20 officers" in dialog.theirs.plain()
    assert "background-color" in dialog.theirs.text.toHtml()  # the difference is marked
    qtbot.waitExposed(dialog)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    dialog.show_ancestor.setChecked(True)
    dialog.grab().save(str(SCREENSHOTS / "conflict_view.png"))

    qtbot.mouseClick(dialog.keep_theirs, Qt.MouseButton.LeftButton)
    assert not dialog.conflicts
    dialog.close()
    qtbot.waitUntil(lambda: window.sharing.conflict_dialog is None, timeout=3000)
    assert window.session.answer(PRACTICE) == "Police units exist. They have 20 officers. Courts are slow."
    assert "conflict" not in window.summary.text()
    assert not window.session.report.open_conflicts
    assert all(
        "Conflicts to settle" not in window.completeness.tree.topLevelItem(i).text(0)
        for i in range(window.completeness.tree.topLevelItemCount())
    )
    assert open_conflicts(window.session.draft) == []


def test_history_dialog_restores_an_earlier_version(qtbot, window, draft_path):
    window.session.draft.set_answers({PRACTICE: "First words."})
    window.session.draft.set_answers({PRACTICE: "Second words."})
    window.session.reload()
    dialog = window.sharing.show_history(PRACTICE)
    assert isinstance(dialog, HistoryDialog)
    assert dialog.list.count() == 2
    dialog.list.setCurrentRow(1)
    assert "First words." in dialog.version.plain()
    dialog.restore_selected()
    assert window.session.answer(PRACTICE) == "First words."


def test_a_cloud_conflicted_copy_beside_the_draft_is_offered_on_opening(qtbot, window, draft_path, message_boxes):
    window.session.draft.set_answers({PRACTICE: "Text."})
    conflicted = draft_path.with_name("veridia (Boris's conflicted copy 2026-01-01).untoc")
    window.session.draft.save_copy(conflicted)
    with Draft.open(conflicted) as copy:
        copy.set_answers({STATUS: "fully"}, "Boris")
    assert window.close_draft()
    message_boxes.answer = QMessageBox.StandardButton.Yes
    assert window.open_draft(draft_path)
    assert any("conflicted copy" in text for text in message_boxes.texts())
    qtbot.waitUntil(lambda: window.session is not None and window.session.answer(STATUS) == "fully", timeout=10000)
    qtbot.waitUntil(lambda: window.sharing.operation is None, timeout=10000)
    shown = len(message_boxes.shown)
    assert window.close_draft() and window.open_draft(draft_path)
    assert len(message_boxes.shown) == shown  # merged already: not offered again


def test_send_a_copy_writes_the_same_draft_for_a_colleague(qtbot, window, draft_path, tmp_path):
    window.session.draft.set_answers({PRACTICE: "Shared text."})
    written = window.sharing.send_copy_to(tmp_path / "for-boris", "Boris", ["UNTOC.5"])
    assert written == tmp_path / "for-boris.untoc"
    with Draft.open(written) as copy:
        assert copy.info.draft_uuid == window.session.info.draft_uuid
        assert copy.info.author == "Boris"
        assert copy.answer(PRACTICE) == "Shared text."
        assert copy.property("assignment")["articles"] == ["UNTOC.5"]
    assert "Boris" in window.statusBar().currentMessage()
    assert window.open_draft(written)  # the colleague opens it: the assignment is shown
    assert "UNTOC.5" in window.draft_view.notice.message.text() and window.draft_view.notice.isVisibleTo(window)


def test_merging_another_draft_is_refused_with_a_message_and_nothing_changes(
    qtbot, window, draft_path, tmp_path, draft_info, message_boxes
):
    other = tmp_path / "other.untoc"
    Draft.create(other, draft_info).close()
    window.session.draft.set_answers({PRACTICE: "Mine."})
    before = draft_path.read_bytes()
    assert window.sharing.merge_file(other) is not None
    qtbot.waitUntil(lambda: window.sharing.operation is None, timeout=10000)
    assert any("not a copy of this draft" in text for text in message_boxes.texts())
    assert draft_path.read_bytes() == before
    assert window.sharing.merge_action.isEnabled()


def test_edit_history_shows_the_history_of_the_answer_being_edited(qtbot, window, draft_path):
    window.session.draft.set_answers({PRACTICE: "Earlier words."})
    window.session.reload()
    window.draft_view.focus_question(PRACTICE)
    qtbot.waitUntil(lambda: window.draft_view.focused_question_id() == PRACTICE, timeout=3000)
    window.sharing.history_action.trigger()
    dialogs = [w for w in window.findChildren(HistoryDialog) if w.isVisible()]
    assert dialogs and dialogs[-1].list.count() == 1 and dialogs[-1].version.plain() == "Earlier words."


def test_a_merge_can_be_undone_until_the_next_edit(qtbot, window, draft_path, tmp_path, monkeypatch):
    theirs = _colleague_copy(window, draft_path, tmp_path)
    before = window.session.answers()
    assert not window.sharing.undo_merge_action.isEnabled()
    window.sharing.merge_file(theirs, show_conflicts=False)
    qtbot.waitUntil(lambda: window.sharing.undo_merge_action.isEnabled(), timeout=10000)
    assert window.session.answer(STATUS) == "partly" and window.session.report.open_conflicts
    assert window.sharing.undo_merge_action.text() == "Undo the merge of boris.untoc"
    assert window.sharing.undo_merge()
    assert window.session.answers() == before
    assert not window.session.report.open_conflicts and not open_conflicts(window.session.draft)
    assert not window.sharing.undo_merge_action.isEnabled()

    window.sharing.merge_file(theirs, show_conflicts=False)
    qtbot.waitUntil(lambda: window.sharing.undo_merge_action.isEnabled(), timeout=10000)
    window.draft_view.focus_question(PRACTICE)
    editor = window.draft_view.current_page().blocks[PRACTICE].field.editor
    editor.setFocus()
    qtbot.keyClicks(editor, " More.")
    qtbot.waitUntil(lambda: not window.sharing.undo_merge_action.isEnabled(), timeout=3000)  # typed since: kept
