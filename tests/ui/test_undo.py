"""Undo and redo of every kind of answer edit beyond typing: status, choices, numbers, table rows, Insert existing."""

from PySide6.QtCore import Qt
from ui_helpers import stored

PARAGRAPH = "UNTOC.5.1(a)"
STATUS = f"{PARAGRAPH}.status"
LAWS = f"{PARAGRAPH}.legislation"
PENALTY = "UNTOC.2.(b).max_penalty_years"


def field_of(window, question_id):
    window.draft_view.focus_question(question_id)
    return window.draft_view.current_page().blocks[question_id].field


def test_a_status_change_is_undone_and_redone_with_its_name_in_the_edit_menu(qtbot, window, draft_path):
    field = field_of(window, STATUS)
    field.combo.setCurrentIndex(field.combo.findData("partly"))
    qtbot.waitUntil(lambda: stored(draft_path, STATUS) == "partly", timeout=3000)
    field.combo.setCurrentIndex(field.combo.findData("fully"))
    qtbot.waitUntil(lambda: stored(draft_path, STATUS) == "fully", timeout=3000)
    edit = window.edit_actions
    edit.update_state()
    assert edit.undo.isEnabled() and edit.undo.text().startswith("&Undo Change “")
    edit.undo.trigger()
    assert field.value() == "partly"
    qtbot.waitUntil(lambda: stored(draft_path, STATUS) == "partly", timeout=3000)
    edit.undo.trigger()
    assert field.value() is None
    qtbot.waitUntil(lambda: stored(draft_path, STATUS) is None, timeout=3000)
    edit.redo.trigger()
    edit.redo.trigger()
    assert field.value() == "fully"
    qtbot.waitUntil(lambda: stored(draft_path, STATUS) == "fully", timeout=3000)


def test_a_removed_law_comes_back_with_undo(qtbot, window, draft_path):
    field = field_of(window, LAWS)
    field.insert_record({"title": "Criminal Code of Veridia", "provision": "art. 210"})
    field.insert_record({"title": "Organized Crime Act", "provision": "s. 3"})
    qtbot.waitUntil(lambda: len(stored(draft_path, LAWS) or []) == 2, timeout=3000)
    field.table.selectRow(0)
    field.remove_selected_rows()
    qtbot.waitUntil(lambda: len(stored(draft_path, LAWS) or []) == 1, timeout=3000)
    edit = window.edit_actions
    edit.update_state()
    assert edit.undo.text() == "&Undo Remove law “Criminal Code of Veridia”"
    edit.undo.trigger()
    assert [r["title"] for r in field.value()] == ["Criminal Code of Veridia", "Organized Crime Act"]
    qtbot.waitUntil(lambda: len(stored(draft_path, LAWS) or []) == 2, timeout=3000)
    assert edit.redo.text() == "&Redo Remove law “Criminal Code of Veridia”"
    edit.undo.trigger()  # then the second insertion
    assert [r["title"] for r in field.value()] == ["Criminal Code of Veridia"]


def test_typing_a_number_is_one_undo_step(qtbot, window, draft_path):
    field = field_of(window, PENALTY)
    field.line.setFocus()
    qtbot.keyClicks(field.line, "12")
    qtbot.waitUntil(lambda: stored(draft_path, PENALTY) == 12, timeout=3000)
    window.draft_view.tree.setFocus()  # leave the field: Undo now acts on the draft
    stack = window.draft_view.undo.stack
    assert stack.count() == 1
    window.edit_actions.undo.trigger()
    assert field.line.text() == ""
    qtbot.waitUntil(lambda: stored(draft_path, PENALTY) is None, timeout=3000)


def test_text_fields_keep_their_own_undo_while_focused(qtbot, window, draft_path):
    status = field_of(window, STATUS)
    status.combo.setCurrentIndex(status.combo.findData("partly"))
    editor = field_of(window, f"{PARAGRAPH}.practice").editor
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus, timeout=2000)
    qtbot.keyClicks(editor, "abc")
    window.edit_actions.update_state()
    assert window.edit_actions.undo.text() == "&Undo"
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == ""
    assert status.value() == "partly"


def test_the_undo_history_belongs_to_one_draft(qtbot, window, draft_path, tmp_path, draft_info):
    field = field_of(window, STATUS)
    field.combo.setCurrentIndex(field.combo.findData("partly"))
    assert window.draft_view.undo.stack.canUndo()
    assert window.create_draft(tmp_path / "other.untoc", draft_info)
    assert not window.draft_view.undo.stack.canUndo()
    window.draft_view.tree.setFocus()
    window.edit_actions.update_state()
    assert not window.edit_actions.undo.isEnabled()


def test_a_typed_date_and_a_choice_are_undone(qtbot, window, draft_path):
    date = field_of(window, "TIP.5.1.offence_in_force")
    date.line.setFocus()
    qtbot.keyClicks(date.line, "2016-03-01")
    qtbot.waitUntil(lambda: stored(draft_path, "TIP.5.1.offence_in_force") == "2016-03-01", timeout=3000)
    choice = field_of(window, "UNTOC.8.2.consideration")
    choice.combo.setCurrentIndex(1)
    chosen = choice.value()
    qtbot.waitUntil(lambda: stored(draft_path, "UNTOC.8.2.consideration") == chosen, timeout=3000)
    window.draft_view.tree.setFocus()
    stack = window.draft_view.undo.stack
    assert [stack.text(i).split("“")[0] for i in range(stack.count())] == ["Change ", "Change "]
    window.edit_actions.undo.trigger()
    assert choice.value() is None
    window.edit_actions.undo.trigger()
    assert date.line.text() == ""
    qtbot.waitUntil(lambda: stored(draft_path, "TIP.5.1.offence_in_force") is None, timeout=3000)
    assert stored(draft_path, "UNTOC.8.2.consideration") is None
