"""The writing desk: spell checking while typing, Find and Replace, counts, Print, Open exported, Help, drops."""

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication
from ui_helpers import stored, underlined_words

from untoc_desktop.draft import Draft
from untoc_desktop.ui.dialogs.help_dialogs import about_html

PARAGRAPH = "UNTOC.5.1(a)"
PRACTICE = f"{PARAGRAPH}.practice"
CHALLENGES = f"{PARAGRAPH}.challenges"


def editor_of(window, question_id):
    window.draft_view.focus_question(question_id)
    return window.draft_view.current_page().blocks[question_id].field.editor


def type_into(qtbot, window, question_id, text):
    editor = editor_of(window, question_id)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    if text.isascii():
        qtbot.keyClicks(editor, text)
    else:  # QTest can only type ASCII keys; other text arrives as an input method would commit it
        editor.insertPlainText(text)
    return editor


def position_in(editor, word):
    cursor = editor.textCursor()
    cursor.setPosition(editor.toPlainText().index(word) + 1)
    return editor.cursorRect(cursor).center()


def test_misspelled_words_are_underlined_while_typing(qtbot, window, draft_path):
    editor = type_into(qtbot, window, PRACTICE, "Recieve teh evidence")
    qtbot.waitUntil(lambda: underlined_words(editor) == ["Recieve", "teh"], timeout=3000)


def test_a_suggestion_replaces_the_word_and_undo_brings_it_back(qtbot, window, draft_path):
    editor = type_into(qtbot, window, PRACTICE, "Prosecutors recieve evidence")
    menu = window.draft_view.spelling.menu_for(editor, position_in(editor, "recieve"))
    labels = [a.text() for a in menu.actions()]
    assert labels[0] == "receive"
    assert any("my dictionary" in label for label in labels) and any("Ignore" in label for label in labels)
    menu.actions()[0].trigger()
    assert editor.toPlainText() == "Prosecutors receive evidence"
    qtbot.waitUntil(lambda: stored(draft_path, PRACTICE) == "Prosecutors receive evidence", timeout=3000)
    editor.undo()
    assert editor.toPlainText() == "Prosecutors recieve evidence"


def test_add_to_dictionary_keeps_the_word_in_the_user_data_folder(qtbot, window, draft_path, tmp_path):
    editor = type_into(qtbot, window, PRACTICE, "Veridian courts")
    qtbot.waitUntil(lambda: underlined_words(editor) == ["Veridian"], timeout=3000)
    menu = window.draft_view.spelling.menu_for(editor, position_in(editor, "Veridian"))
    next(a for a in menu.actions() if "my dictionary" in a.text()).trigger()
    assert underlined_words(editor) == []
    personal = window.draft_view.spelling.checker._personal_path
    assert personal.read_text(encoding="utf-8") == "Veridian\n"
    assert str(personal).startswith(str(Path.home())) is False or "xdg_data_home" in str(personal)


def test_french_drafts_are_checked_in_french(qtbot, window, tmp_path, draft_info):
    path = tmp_path / "brouillon.untoc"
    assert window.create_draft(path, draft_info.__class__(**{**draft_info.__dict__, "language": "fr"}))
    editor = type_into(qtbot, window, PRACTICE, "La loi prévoitt des peines")
    qtbot.waitUntil(lambda: underlined_words(editor) == ["prévoitt"], timeout=3000)


def test_spell_checking_can_be_turned_off(qtbot, window, draft_path, settings):
    editor = type_into(qtbot, window, PRACTICE, "Recieve teh")
    qtbot.waitUntil(lambda: underlined_words(editor) == ["Recieve", "teh"], timeout=3000)
    window.desk.spelling_action.setChecked(False)
    assert underlined_words(editor) == []
    assert settings.value("editing/spelling", type=bool) is False


def test_find_lists_every_answer_and_enter_jumps_to_the_match(qtbot, window, draft_path):
    type_into(qtbot, window, PRACTICE, "The Penal Code punishes trafficking.")
    type_into(qtbot, window, CHALLENGES, "Courts rarely apply the penal code.")
    dialog = window.desk.show_find()
    dialog.find_text.setText("penal code")
    matches = dialog.find_all()
    assert [m.question.id for m in matches] == [PRACTICE, CHALLENGES]
    assert "article 5, paragraph 1(a)" in dialog.results.item(0).text()
    dialog.results.setCurrentRow(1)
    qtbot.keyClick(dialog.results, Qt.Key.Key_Return)
    editor = window.draft_view.current_page().blocks[CHALLENGES].field.editor
    assert editor.textCursor().selectedText() == "penal code"
    dialog.match_case.setChecked(True)
    assert [m.question.id for m in dialog.find_all()] == [CHALLENGES]


def test_replace_all_changes_text_answers_saves_them_and_each_can_be_undone(qtbot, window, draft_path):
    type_into(qtbot, window, PRACTICE, "The Penal Code and the penal code.")
    type_into(qtbot, window, CHALLENGES, "Penal Code gaps.")
    dialog = window.desk.show_find(replace=True)
    dialog.find_text.setText("penal code")
    dialog.replace_text.setText("Criminal Code")
    assert dialog.replace_everywhere() == 3
    qtbot.waitUntil(lambda: stored(draft_path, PRACTICE) == "The Criminal Code and the Criminal Code.", timeout=3000)
    qtbot.waitUntil(lambda: stored(draft_path, CHALLENGES) == "Criminal Code gaps.", timeout=3000)
    assert "Replaced 3 times in 2 answers" in dialog.summary.text()
    editor = editor_of(window, CHALLENGES)
    editor.undo()
    assert editor.toPlainText() == "Penal Code gaps."


def test_replace_changes_only_the_selected_match(qtbot, window, draft_path):
    type_into(qtbot, window, PRACTICE, "one two one")
    dialog = window.desk.show_find(replace=True)
    dialog.find_text.setText("one")
    dialog.replace_text.setText("three")
    dialog.find_all()
    dialog.results.setCurrentRow(1)
    assert dialog.replace_current()
    assert editor_of(window, PRACTICE).toPlainText() == "one two three"


def test_word_count_per_answer_article_and_draft(qtbot, window, draft_path):
    type_into(qtbot, window, PRACTICE, "Four words right here.")
    type_into(qtbot, window, CHALLENGES, "中文三")
    dialog = window.desk.show_word_count()
    assert dialog.total.words == 7
    assert dialog.total.characters == len("Four words right here.") + 3
    assert "7 words" in dialog.summary.text()
    block = window.draft_view.current_page().blocks[PRACTICE]
    assert block.field.counts.text() == "4 words, 22 characters"


def test_print_exports_a_pdf_and_opens_it_in_the_reader(qtbot, window, draft_path, fake_export, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    path = window.desk.print_submission()
    qtbot.waitUntil(lambda: opened == [str(path)], timeout=5000)
    assert fake_export.calls[-1][4] == "pdf" and path.read_bytes() == b"exported"
    assert not window.desk.open_exported_action.isEnabled()  # a print is not "the exported file"


def test_open_the_exported_file(qtbot, window, draft_path, fake_export, monkeypatch, tmp_path):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    assert not window.desk.open_exported_action.isEnabled()
    window.start_export(tmp_path / "out.docx", "docx")
    qtbot.waitUntil(window.desk.open_exported_action.isEnabled, timeout=5000)
    window.desk.open_exported_action.trigger()
    assert opened == [str(tmp_path / "out.docx")]


def test_dropping_a_draft_on_the_window_opens_it(qtbot, window, tmp_path, draft_info):
    other = tmp_path / "dropped.untoc"
    Draft.create(other, draft_info).close()
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(tmp_path / "notes.txt")), QUrl.fromLocalFile(str(other))])
    assert window.desk.open_dropped(data.urls())
    assert window.session.path == other
    assert not window.desk.open_dropped([QUrl.fromLocalFile(str(tmp_path / "notes.txt"))])


def test_f1_on_a_question_shows_its_help_and_elsewhere_the_guide(qtbot, window, draft_path):
    editor = editor_of(window, PRACTICE)
    editor.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor, timeout=2000)
    dialog = window.desk.context_help()
    question = window.session.definition.question(PRACTICE)
    assert question.help[:40] in dialog.browser.toPlainText()
    assert "paragraph 1(a)" in dialog.browser.toPlainText()
    window.draft_view.tree.setFocus()
    guide = window.desk.context_help()
    assert "The four clusters" in guide.browser.toPlainText()
    assert window.desk.context_help_action.shortcut().toString() == "F1"


def test_about_box_says_version_licence_fonts_and_data_folder(window):
    text = about_html(window._settings)
    assert "untoc_desktop 0." in text and "General Public License" in text
    assert "OFL" in text or "Open Font License" in text
    assert "xdg_data_home" in text  # the tests' own data folder, never the user's


def test_menus_offer_the_standard_shortcuts(window, draft_path):
    desk = window.desk
    assert desk.find_action.shortcut().toString() == "Ctrl+F"
    assert desk.replace_action.shortcut().toString() == "Ctrl+H"
    assert desk.print_action.shortcut().toString() == "Ctrl+P"
    assert window.help_menu.actions()[0] is desk.guide_action


@pytest.mark.parametrize("language, heading", [("en", "The four clusters"), ("fr", "Les quatre groupes")])
def test_the_guide_is_in_the_interface_language(qapp, language, heading):
    from untoc_desktop.ui.dialogs.help_dialogs import guide_dialog

    assert heading in guide_dialog(language).browser.toPlainText()


def test_opening_a_draft_or_underlining_words_is_never_an_edit(qtbot, window, tmp_path, draft_info, monkeypatch):
    from untoc_desktop.ui.editor import draft_view

    edits = []
    original = draft_view.DraftView._edited
    monkeypatch.setattr(
        draft_view.DraftView,
        "_edited",
        lambda self, question, field: edits.append(question.id) or original(self, question, field),
    )
    assert window.create_draft(tmp_path / "quiet.untoc", draft_info)
    window.desk.spelling_action.setChecked(False)
    window.desk.spelling_action.setChecked(True)  # every field is underlined again
    qtbot.wait(200)
    assert edits == []


def test_a_text_answer_s_context_menu_ends_with_its_history(qtbot, window, draft_path):
    """History… (README: right-click an answer) had gone from text answers: their menu is the spelling one."""
    editor = type_into(qtbot, window, PRACTICE, "Prosecutors recieve evidence")
    asked: list[str] = []
    window.draft_view.history_requested.connect(asked.append)
    for word in ("recieve", "evidence"):  # on a misspelled word (suggestions first) and on a correct one
        menu = window.draft_view.spelling.menu_for(editor, position_in(editor, word))
        last = menu.actions()[-1]
        assert last.text() == "History…"
        last.trigger()
    assert asked == [PRACTICE, PRACTICE]


def test_the_print_folder_is_made_by_the_first_print_only(qtbot, window, draft_path, fake_export, monkeypatch):
    """A window that never prints (or is killed) leaves no empty untoc-print-* folder behind."""
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    assert window.desk._print_folder is None
    path = window.desk.print_submission()
    assert path is not None and path.parent.name.startswith("untoc-print-") and path.parent.is_dir()
    qtbot.waitUntil(lambda: path.exists(), timeout=5000)
