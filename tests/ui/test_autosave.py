"""Autosave as the user meets it: type, wait, find the text in the file; errors are shown, never lost."""

from PySide6.QtCore import Qt
from ui_helpers import stored

from untoc_desktop.draft import Draft
from untoc_desktop.errors import DraftFileError

PARAGRAPH = "UNTOC.5.1(a)(i)"
PRACTICE = f"{PARAGRAPH}.practice"
LEGISLATION = f"{PARAGRAPH}.legislation"


def click_in_tree(qtbot, window, provision_id):
    tree = window.draft_view.tree
    index = window.draft_view.model.index_for(provision_id)
    tree.scrollTo(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center())


def test_typed_text_reaches_the_draft_file_within_a_second_without_saving(qtbot, window, draft_path):
    click_in_tree(qtbot, window, PARAGRAPH)
    page = window.draft_view.current_page()
    assert page.article.id == "UNTOC.5"
    editor = page.blocks[PRACTICE].field.editor

    qtbot.keyClicks(editor, "Prosecutors rarely use the conspiracy offence.")

    qtbot.waitUntil(
        lambda: stored(draft_path, PRACTICE) == "Prosecutors rarely use the conspiracy offence.", timeout=1000
    )
    assert window.statusBar().currentMessage().startswith("Saved at ")
    with Draft.open(draft_path) as reopened:
        assert reopened.answer(PRACTICE) == "Prosecutors rarely use the conspiracy offence."
        assert reopened.history(PRACTICE)[-1].author == "A. Researcher"


def test_pending_edit_is_written_when_the_draft_is_closed(qtbot, window, draft_path):
    window.draft_view.select(PARAGRAPH)
    editor = window.draft_view.current_page().blocks[PRACTICE].field.editor
    qtbot.keyClicks(editor, "last words")

    assert window.close_draft()  # at once, before the debounce timer fires

    assert stored(draft_path, PRACTICE) == "last words"
    assert window.session is None
    assert window.windowTitle() == "UNTOC Review submission"


def test_a_year_that_is_not_a_number_is_shown_inline_and_not_saved(qtbot, window, draft_path):
    window.draft_view.select(PARAGRAPH)
    block = window.draft_view.current_page().blocks[LEGISLATION]
    table_field = block.field
    qtbot.mouseClick(table_field.add_button, Qt.MouseButton.LeftButton)
    table_field.table.item(0, 0).setText("Criminal Code")
    table_field.table.item(0, 2).setText("20l5")

    qtbot.waitUntil(lambda: block.problem.isVisible(), timeout=1000)
    assert "whole number" in block.problem.text()
    assert stored(draft_path, LEGISLATION) is None

    table_field.table.item(0, 2).setText("2015")
    qtbot.waitUntil(lambda: stored(draft_path, LEGISLATION) is not None, timeout=1000)
    (record,) = stored(draft_path, LEGISLATION)
    assert record.pop("row_id")  # each record keeps an identity (merging colleagues' copies)
    assert record == {"title": "Criminal Code", "provision": "", "year": 2015, "link": ""}
    assert not block.problem.isVisible()


def test_write_error_shows_a_banner_keeps_the_text_and_retry_saves_it(qtbot, window, draft_path, monkeypatch):
    window.draft_view.select(PARAGRAPH)
    editor = window.draft_view.current_page().blocks[PRACTICE].field.editor
    draft = window.session.draft

    def disk_full(*_args, **_kwargs):
        raise DraftFileError("Could not write to veridia.untoc: disk is full. Your text is still in the window.")

    monkeypatch.setattr(draft, "set_answer", disk_full)
    qtbot.keyClicks(editor, "important text")

    banner = window.draft_view.banner
    qtbot.waitUntil(banner.isVisible, timeout=1000)
    assert "disk is full" in banner.message.text()
    assert editor.toPlainText() == "important text"
    assert stored(draft_path, PRACTICE) is None

    monkeypatch.undo()
    qtbot.mouseClick(banner.retry, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=1000)
    assert stored(draft_path, PRACTICE) == "important text"


def test_closing_with_an_unsaved_answer_asks_first(qtbot, window, draft_path, monkeypatch, message_boxes):
    window.draft_view.select(PARAGRAPH)
    editor = window.draft_view.current_page().blocks[PRACTICE].field.editor
    monkeypatch.setattr(
        window.session.draft, "set_answer", lambda *a, **k: (_ for _ in ()).throw(DraftFileError("read-only medium"))
    )
    qtbot.keyClicks(editor, "unsaved")

    assert not window.close_draft()  # the user answers Cancel
    assert window.session is not None
    assert "could not be saved" in message_boxes.texts()[-1]
