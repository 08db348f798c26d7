"""Completeness as the user meets it: choosing a status changes what is required, everywhere at once."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

PARAGRAPH = "UNTOC.5.1(a)"  # a "must" paragraph (1(a)(i) is "may" since the reference v2)
STATUS = f"{PARAGRAPH}.status"
CHALLENGES = f"{PARAGRAPH}.challenges"
LEGISLATION = f"{PARAGRAPH}.legislation"


def missing_ids(window):
    return [item.data(0, Qt.ItemDataRole.UserRole + 1) for item in window.completeness.question_items()]


def missing_item(window, question_id):
    items = window.completeness.question_items()
    return next(i for i in items if i.data(0, Qt.ItemDataRole.UserRole + 1) == question_id)


def choose_status(qtbot, window, key):
    combo = window.draft_view.current_page().blocks[STATUS].field.combo
    combo.setFocus()
    combo.setCurrentIndex(combo.findData(key))


def test_status_partly_makes_challenges_required_in_panel_status_bar_and_form(qtbot, window, draft_path):
    window.draft_view.select(PARAGRAPH)
    report = window.session.report
    before = window.summary.text()
    assert before == f"Cluster 1: 0 of {report.required} required answers"
    assert STATUS in missing_ids(window)
    assert CHALLENGES not in missing_ids(window)
    challenges_block = window.draft_view.current_page().blocks[CHALLENGES]
    assert not challenges_block.marker.isVisible()

    choose_status(qtbot, window, "partly")

    qtbot.waitUntil(lambda: CHALLENGES in missing_ids(window), timeout=1000)
    # status answered; legislation and challenges now required
    assert window.summary.text() == f"Cluster 1: 1 of {report.required + 2} required answers"
    assert window.summary.text() == window.session.report.summary()  # same words as the core, translated
    assert STATUS not in missing_ids(window)
    assert LEGISLATION in missing_ids(window)
    assert challenges_block.marker.isVisible()
    assert challenges_block.marker.text() == "Required — not answered yet"
    item = missing_item(window, CHALLENGES)
    assert item.text(2) == "Required because the status is “Partly implemented”"
    assert window.draft_view.model.index_for(PARAGRAPH, 1).data() == "1/3"

    choose_status(qtbot, window, "fully")
    qtbot.waitUntil(lambda: CHALLENGES not in missing_ids(window), timeout=1000)
    assert not challenges_block.marker.isVisible()


def test_answering_the_challenges_removes_it_from_the_panel(qtbot, window, draft_path):
    window.draft_view.select(PARAGRAPH)
    choose_status(qtbot, window, "not_implemented")
    qtbot.waitUntil(lambda: CHALLENGES in missing_ids(window), timeout=1000)

    editor = window.draft_view.current_page().blocks[CHALLENGES].field.editor
    qtbot.keyClicks(editor, "No offence of conspiracy exists.")

    qtbot.waitUntil(lambda: CHALLENGES not in missing_ids(window), timeout=1500)
    assert window.draft_view.current_page().blocks[CHALLENGES].marker.text() == "Required"


def test_double_click_on_a_missing_answer_goes_to_the_field_and_focuses_it(qtbot, window, draft_path):
    window.activateWindow()
    window.draft_view.select("UNTOC.2.(a)")
    window.draft_view.select(PARAGRAPH)
    choose_status(qtbot, window, "partly")
    qtbot.waitUntil(lambda: CHALLENGES in missing_ids(window), timeout=1000)
    window.draft_view.select("TIP.5.1")  # somewhere else
    assert window.draft_view.current_page().article.id == "TIP.5"

    panel_tree = window.completeness.tree
    item = missing_item(window, CHALLENGES)
    panel_tree.scrollToItem(item)
    position = panel_tree.visualItemRect(item).center()
    # a real double-click starts with a press and release (QTest's double-click event alone has none)
    qtbot.mouseClick(panel_tree.viewport(), Qt.MouseButton.LeftButton, pos=position)
    qtbot.mouseDClick(panel_tree.viewport(), Qt.MouseButton.LeftButton, pos=position)

    page = window.draft_view.current_page()
    assert page.article.id == "UNTOC.5"
    editor = page.blocks[CHALLENGES].field.editor
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor, timeout=1000)
    selected = window.draft_view.tree.currentIndex()
    assert window.draft_view.model.data(selected, Qt.ItemDataRole.UserRole + 2) == PARAGRAPH
    # the field is scrolled into view
    qtbot.waitUntil(lambda: not editor.visibleRegion().isEmpty(), timeout=1000)


def test_next_missing_answer_walks_forward_from_the_focused_field(qtbot, window, draft_path):
    window.activateWindow()
    window.draft_view.select(PARAGRAPH)
    choose_status(qtbot, window, "partly")
    qtbot.waitUntil(lambda: CHALLENGES in missing_ids(window), timeout=1000)
    page = window.draft_view.current_page()
    page.blocks[STATUS].field.focus_input()

    window.next_missing_action.trigger()  # F8
    assert QApplication.focusWidget() is page.blocks[LEGISLATION].field.table

    window.next_missing_action.trigger()
    assert QApplication.focusWidget() is page.blocks[CHALLENGES].field.editor

    window.next_missing_action.trigger()  # on to the next paragraph's status
    assert window.draft_view.current_page().blocks["UNTOC.5.1(a)(i).adopted"].field.combo.hasFocus()
