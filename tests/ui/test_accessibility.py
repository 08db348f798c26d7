"""Every control a user can reach has a name that says what and where, as a screen reader hears it.

The walk (``a11y_walk``) takes the names from Qt's accessibility layer, so a control named only by a
label is accepted when the label is its buddy, and a name set in code counts only if Qt passes it on.
"""

import pytest
from a11y_walk import accessible_name, controls, describe, duplicate_names, unnamed_controls
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from untoc_desktop.ui.dialogs.new_draft_dialog import NewDraftDialog
from untoc_desktop.ui.dialogs.signing_dialogs import CreateIdentityDialog

#: Pages of each instrument (the Firearms Protocol is not ratified in the test draft: its page is disabled).
PARAGRAPHS = ("UNTOC.2.(a)", "UNTOC.5.1(a)(i)", "UNTOC.6.1(a)(i)", "TIP.5.1", "SOM.3.(a)", "FIREARMS.5.1(a)")


def assert_named_and_distinct(root):
    assert controls(root), "nothing to check"
    assert describe(unnamed_controls(root)) == []
    assert {name: len(widgets) for name, widgets in duplicate_names(root).items()} == {}


def test_every_control_of_the_pages_of_several_paragraphs_has_its_own_name(qtbot, window, draft_path):
    definition = window.session.definition
    for paragraph_id in PARAGRAPHS:
        definition.paragraph(paragraph_id)  # the test draft's questionnaire has it
        window.draft_view.select(paragraph_id)
        page = window.draft_view.current_page()
        assert page.sections[paragraph_id]
        assert_named_and_distinct(page)
    # The window as shown: tree, filter, current page, completeness panel, timeline panel.
    window.timeline_dock.show()
    assert_named_and_distinct(window)


def test_record_buttons_and_answer_fields_say_which_paragraph_and_article(window, draft_path):
    window.draft_view.select("UNTOC.5.1(a)(i)")
    page = window.draft_view.current_page()
    laws = page.blocks["UNTOC.5.1(a)(i).legislation"].field
    assert accessible_name(laws.add_button) == "Add a law to paragraph 1(a)(i), article 5 (Convention)"
    assert (
        accessible_name(laws.remove_button) == "Remove the selected laws from paragraph 1(a)(i), article 5 (Convention)"
    )
    sources = page.blocks["UNTOC.5.1(a)(i).sources"].field
    assert accessible_name(sources.add_button) == "Add a source to paragraph 1(a)(i), article 5 (Convention)"
    block = page.blocks["UNTOC.5.1(a)(i).adopted"]
    combo = block.field.combo
    assert accessible_name(combo) == f"{block.question.label} — paragraph 1(a)(i), article 5 (Convention)"
    assert combo.accessibleDescription() == block.question.help  # the help text is the description
    assert accessible_name(block.title) == accessible_name(combo)  # the label Linux screen readers follow

    window.draft_view.select("UNTOC.6.1(a)(i)")
    other = window.draft_view.current_page().blocks["UNTOC.6.1(a)(i).status"].field.combo
    assert accessible_name(other).endswith("paragraph 1(a)(i), article 6 (Convention)")
    assert accessible_name(window.draft_view.current_page()).startswith("Article 6: ")


DIALOGS = (
    "New draft",
    "New letter",
    "Address book",
    "Sender",
    "Letter log",
    "Word count",
    "Find and replace",
    "Verify",
    "Sign and export",
    "Create identity",
    "Sent submissions",
    "History",
    "Preferences",
)


def _dialogs(window):
    """How each dialog is opened: through the window's own commands where it has one (they know what to pass)."""
    return {
        "New draft": lambda: NewDraftDialog([1], "en", {}, window),
        "New letter": window.letters_menu.new_letter,
        "Address book": window.letters_menu.address_book,
        "Sender": window.letters_menu.sender_details,
        "Letter log": window.letters_menu.letter_log,
        "Word count": window.desk.show_word_count,
        "Find and replace": window.desk.show_find,
        "Verify": window.signing.verify,
        "Sign and export": window.signing.sign,
        "Create identity": lambda: CreateIdentityDialog("A. Researcher", "Coalition", window),
        "Sent submissions": window.signing.sent,
        "History": lambda: window.sharing.show_history("UNTOC.5.1(b).practice"),
        "Preferences": window.encrypted.preferences_dialog,
    }


@pytest.mark.parametrize("name", DIALOGS)
def test_every_field_of_the_main_dialogs_is_named(qtbot, window, draft_path, name):
    makers = _dialogs(window)
    assert set(makers) == set(DIALOGS)
    dialog = makers[name]()
    assert dialog is not None
    dialog.show()
    QApplication.processEvents()
    try:
        assert_named_and_distinct(dialog)
    finally:
        dialog.close()


def test_the_trees_answer_counts_are_said_in_words(window, draft_path):
    model = window.draft_view.model
    article = model.index_for("UNTOC.5", 1)
    assert article.data() == "0/6"
    assert article.data(Qt.ItemDataRole.AccessibleTextRole) == "0 of 6 required answers given"
    assert model.index_for("FIREARMS", 1).data(Qt.ItemDataRole.AccessibleTextRole) == "not applicable"
