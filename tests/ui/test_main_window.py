"""The File and Edit menus as the user meets them: open, recent, Save As, errors, undo, new draft."""

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog
from ui_helpers import stored

from untoc_desktop.draft import Draft
from untoc_desktop.ui.dialogs.new_draft_dialog import NewDraftDialog
from untoc_desktop.ui.window.recent import RecentDrafts

PARAGRAPH = "UNTOC.5.1(a)(i)"
PRACTICE = f"{PARAGRAPH}.practice"


def type_practice(qtbot, window, text):
    window.draft_view.select(PARAGRAPH)
    editor = window.draft_view.current_page().blocks[PRACTICE].field.editor
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, text)
    return editor


def test_window_title_names_the_draft_file(window, draft_path):
    assert window.windowTitle() == "veridia.untoc — UNTOC Review submission"
    assert window.save_as_action.isEnabled() and window.export_docx_action.isEnabled()


def test_opening_a_foreign_sqlite_file_shows_the_error_and_the_window_stays_usable(
    qtbot, window, draft_path, tmp_path, message_boxes
):
    foreign = tmp_path / "addresses.untoc"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE contact (name TEXT)")
    connection.commit()
    connection.close()
    before = foreign.read_bytes()

    assert not window.open_draft(foreign)

    kind, title, text = message_boxes.shown[-1]
    assert kind == "warning" and title == "The draft cannot be opened"
    assert "not an untoc draft" in text and "Traceback" not in text
    assert foreign.read_bytes() == before
    assert window.session.path == draft_path  # the open draft stays open and editable
    type_practice(qtbot, window, "still works")
    qtbot.waitUntil(lambda: stored(draft_path, PRACTICE) == "still works", timeout=1000)


def test_opening_a_draft_from_a_newer_version_is_refused_untouched(window, draft, message_boxes):
    draft.close()
    connection = sqlite3.connect(draft.path)
    connection.execute("PRAGMA user_version = 99")
    connection.commit()
    connection.close()
    before = draft.path.read_bytes()

    assert not window.open_draft(draft.path)

    assert "newer version" in message_boxes.texts()[-1]
    assert draft.path.read_bytes() == before
    assert window.central.currentWidget() is window.welcome


def test_opening_garbage_and_missing_files_shows_errors(window, tmp_path, message_boxes):
    garbage = tmp_path / "notes.untoc"
    garbage.write_text("hello")
    assert not window.open_draft(garbage)
    assert not window.open_draft(tmp_path / "nowhere.untoc")
    assert len(message_boxes.shown) == 2
    assert "does not exist" in message_boxes.texts()[1]
    assert window.session is None and window.central.currentWidget() is window.welcome


def test_recent_drafts_are_remembered_and_missing_ones_pruned_with_a_message(
    qtbot, window, settings, tmp_path, draft_info, message_boxes
):
    first, second = tmp_path / "first.untoc", tmp_path / "second.untoc"
    assert window.create_draft(first, draft_info)
    assert window.create_draft(second, draft_info)
    assert RecentDrafts(settings).paths() == [second.resolve(), first.resolve()]  # persisted

    window.recent_menu.aboutToShow.emit()
    entries = [a for a in window.recent_menu.actions() if a.text().startswith("&")]
    assert [a.text() for a in entries] == ["&1 second.untoc", "&2 first.untoc"]
    entries[1].trigger()
    assert window.session.path == first

    window.close_draft()
    first.unlink()
    window.recent_menu.aboutToShow.emit()
    assert RecentDrafts(settings).paths() == [second.resolve()]
    assert "no longer exist" in window.statusBar().currentMessage()
    assert window.welcome.recent.count() == 1


def test_recent_list_keeps_at_most_ten(settings, tmp_path):
    recent = RecentDrafts(settings)
    for number in range(12):
        recent.add(tmp_path / f"d{number}.untoc")
    assert len(recent.paths()) == 10 and recent.paths()[0].name == "d11.untoc"


def test_save_as_switches_to_the_copy(qtbot, window, draft_path, tmp_path):
    type_practice(qtbot, window, "before copy")
    copy = tmp_path / "copy"

    assert window.save_as_path(copy)

    copy = tmp_path / "copy.untoc"
    assert window.session.path == copy
    assert window.windowTitle().startswith("copy.untoc")
    assert stored(copy, PRACTICE) == "before copy"
    type_practice(qtbot, window, " and after")
    qtbot.waitUntil(lambda: stored(copy, PRACTICE) == "before copy and after", timeout=1000)
    assert stored(draft_path, PRACTICE) == "before copy"


def test_undo_in_the_edit_menu_acts_on_the_focused_text_field(qtbot, window, draft_path):
    window.activateWindow()
    editor = type_practice(qtbot, window, "oops")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor, timeout=1000)
    qtbot.waitUntil(lambda: stored(draft_path, PRACTICE) == "oops", timeout=1000)
    assert window.edit_actions.undo.isEnabled()

    window.edit_actions.undo.trigger()

    assert editor.toPlainText() == ""
    qtbot.waitUntil(lambda: stored(draft_path, PRACTICE) is None, timeout=1000)
    assert window.edit_actions.redo.isEnabled()
    window.edit_actions.redo.trigger()
    assert editor.toPlainText() == "oops"


def test_new_draft_asks_what_and_where_then_opens_it(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "mine"

    def fill_and_accept(dialog):
        dialog.organization.setText("Justice Watch")
        dialog.country.setCurrentIndex(dialog.country.findText("Ireland"))
        for code in ("SOM", "FIREARMS"):  # the table does not know: the user confirms
            dialog.protocols[code].setChecked(False)
        dialog.author.setText("R. Writer")
        dialog.language.setCurrentIndex(dialog.language.findData("fr"))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(NewDraftDialog, "exec", fill_and_accept)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))

    assert window.new_draft()

    path = tmp_path / "mine.untoc"
    assert window.session.path == path
    with Draft.open(path) as draft:
        info = draft.info
    assert (info.organization, info.country, info.country_code, info.language) == (
        "Justice Watch",
        "Ireland",
        "IRL",
        "fr",
    )
    assert "TIP" in info.protocols and info.definition_id == "untoc-cluster-1"


def test_new_draft_dialog_says_what_is_missing(qtbot):
    dialog = NewDraftDialog(available_clusters=[1])
    qtbot.addWidget(dialog)
    dialog.show()

    dialog.accept()

    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.problem.isVisible()
    assert "name of your organisation" in dialog.problem.text()
    assert "country under review" in dialog.problem.text()
    cluster_model = dialog.cluster.model()
    assert [cluster_model.item(row).isEnabled() for row in range(4)] == [True, False, False, False]
    assert "coming later" in dialog.cluster.itemText(1)
    assert [dialog.language.itemData(i) for i in range(dialog.language.count())] == ["en", "fr", "es", "ar", "ru", "zh"]


def test_closing_the_window_flushes_the_last_edit(qtbot, window, draft_path):
    type_practice(qtbot, window, "typed just before quitting")
    window.quit_action.trigger()
    assert stored(draft_path, PRACTICE) == "typed just before quitting"


def test_completeness_dock_can_be_hidden_and_shown(window, draft_path):
    toggle = window.completeness_dock.toggleViewAction()
    toggle.trigger()
    assert not window.completeness_dock.isVisible()
    toggle.trigger()
    assert window.completeness_dock.isVisible()
    assert window.completeness.tree.topLevelItemCount() > 0
    assert window.completeness.tree.topLevelItem(0).text(0).startswith("Convention, art. 2")


def test_draft_details_change_the_protocols_and_what_applies(qtbot, window, draft_path, monkeypatch):
    window.draft_view.select("FIREARMS.5.1(a)")
    assert window.draft_view.model.index_for("FIREARMS", 1).data() == "n/a"

    def tick_firearms(dialog):
        assert dialog.windowTitle() == "Draft details"
        assert dialog.organization.text() == "Coalition for Justice & Rights"
        assert not dialog.cluster.isEnabled()
        dialog.protocols["FIREARMS"].setChecked(True)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(NewDraftDialog, "exec", tick_firearms)
    window.details_action.trigger()

    assert window.draft_view.model.index_for("FIREARMS.5.1(a)", 1).data() == "0/1"
    assert window.draft_view.current_page().article.id == "FIREARMS.5"  # still where the user was
    assert window.draft_view.current_page().blocks["FIREARMS.5.1(a).status"].isEnabled()
    with Draft.open(draft_path) as draft:
        assert draft.info.protocols == frozenset({"TIP", "SOM", "FIREARMS"})
