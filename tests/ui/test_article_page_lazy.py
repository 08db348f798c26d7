"""An article page builds a paragraph's questions only when the user comes near it (issue 11).

The page opens with every paragraph's heading and room for its questions; a paragraph's question
blocks are made when it scrolls into or near view, when Tab reaches it, or when something goes to one
of its questions (the completeness panel, find and replace). Once built, a paragraph is the same as
one built at once: the stored answers, the "required" markers, edits saved.
"""

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget
from ui_helpers import stored

from untoc_desktop.draft import Draft
from untoc_desktop.sharing.values import ROW_ID
from untoc_desktop.ui.editor.article_page import ArticlePage
from untoc_desktop.ui.editor.paragraph_section import ParagraphSection
from untoc_desktop.ui.editor.question_block import QuestionBlock

EXAMPLE_ANSWERS = Path(__file__).resolve().parents[2] / "examples" / "cluster1-answers.json"


@pytest.fixture
def answered(window, tmp_path, draft_info):
    """The fully answered example draft, opened in the window at 1366 x 768 (a small laptop)."""
    path = tmp_path / "example.untoc"
    with Draft.create(path, draft_info) as draft:
        draft.set_answers(json.loads(EXAMPLE_ANSWERS.read_text("utf-8")))
    window.resize(1366, 768)
    assert window.open_draft(path)
    return path


@pytest.fixture
def active(qtbot, window):
    window.activateWindow()
    window.raise_()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    return window


def sections_of(page):
    """The page's paragraph sections, built or not, without building any."""
    return page.widget().findChildren(ParagraphSection)


def in_reach(page, section):
    """Whether a section is in view or within one viewport below it."""
    top = page.verticalScrollBar().value()
    return section.y() < top + 2 * page.viewport().height() and section.y() + section.height() > top


def without_row_ids(value):
    if isinstance(value, list):
        return [{k: v for k, v in row.items() if k != ROW_ID} if isinstance(row, dict) else row for row in value]
    return value


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def test_a_page_opens_with_only_the_paragraphs_in_or_near_view_built(qtbot, window, answered):
    page = window.draft_view.current_page()
    assert page.article.id == "UNTOC.2" and len(page.article.paragraphs) == 10
    sections = sections_of(page)
    assert [s.paragraph.id for s in sections] == [p.id for p in page.article.paragraphs]
    built = page.built_paragraphs()
    assert built and built == [s.paragraph.id for s in sections[: len(built)]]  # from the top down
    assert len(built) < len(sections) / 2
    for section in sections:
        assert section.built == in_reach(page, section), section.paragraph.id
        assert section.heading.isVisible()  # every heading is on the page, built or not
    unbuilt = [s for s in sections if not s.built]
    assert all(not s.findChildren(QuestionBlock) for s in unbuilt)
    assert len(page.widget().findChildren(QuestionBlock)) < sum(len(p.questions) for p in page.article.paragraphs) / 2
    # room is kept for the questions to come, so that the scroll bar is about right
    estimated = {s.paragraph.id: s.height() for s in unbuilt}
    list(page.sections.values())  # asking for every section builds them all
    assert page.built_paragraphs() == [p.id for p in page.article.paragraphs]
    for section in unbuilt:
        assert abs(estimated[section.paragraph.id] - section.height()) < 0.25 * section.height(), section.paragraph.id


def test_scrolling_to_the_end_builds_each_paragraph_before_it_shows_with_its_stored_answers(qtbot, window, answered):
    page = window.draft_view.current_page()
    bar = page.verticalScrollBar()
    sections = sections_of(page)
    while bar.value() < bar.maximum():
        bar.setValue(bar.value() + page.viewport().height() // 2)
        # built synchronously, before the next paint: nothing in view is left empty
        assert all(s.built for s in sections if in_reach(page, s))
    assert page.built_paragraphs() == [p.id for p in page.article.paragraphs]

    answers = window.session.answers()
    missing = {m.question.id for m in window.session.report.missing()}
    blocks = page.built_blocks()
    assert len(blocks) == sum(len(p.questions) for p in page.article.paragraphs)
    for question_id, block in blocks.items():
        assert without_row_ids(block.field.value()) == without_row_ids(answers.get(question_id)), question_id
        if block.marker.isVisibleTo(block):
            assert (block.marker.text() == "Required — not answered yet") == (question_id in missing)
        else:
            assert question_id not in missing
    # an edit in a paragraph built late is saved like any other
    last = page.article.paragraphs[-1].id
    editor = blocks[f"{last}.practice"].field.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " Added later.")
    qtbot.waitUntil(lambda: (stored(answered, f"{last}.practice") or "").endswith(" Added later."), timeout=3000)


def test_tab_goes_from_the_last_built_question_into_the_next_paragraph_and_shift_tab_back(qtbot, active, answered):
    window = active
    page = window.draft_view.current_page()
    built = page.built_paragraphs()
    ids = [p.id for p in page.article.paragraphs]
    here, following = built[-1], ids[len(built)]
    assert following not in page.built_paragraphs()
    here_section = next(s for s in sections_of(page) if s.paragraph.id == here)
    last_question = page.article.paragraphs[len(built) - 1].questions[-1]
    page.blocks[last_question.id].field.focus_input()
    for _press in range(6):
        press(qtbot, Qt.Key.Key_Tab)
        if not here_section.isAncestorOf(QApplication.focusWidget()):
            break
    assert following in page.built_paragraphs()
    status = page.blocks[f"{following}.status"].field.combo
    assert QApplication.focusWidget() is status
    qtbot.waitUntil(lambda: not status.visibleRegion().isEmpty(), timeout=1000)  # scrolled into view

    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert here_section.isAncestorOf(QApplication.focusWidget())

    # Shift+Tab from a paragraph shown by itself into the unbuilt one above it: to its last control
    window.draft_view.select(ids[5])
    assert ids[4] not in page.built_paragraphs()
    page.blocks[f"{ids[5]}.status"].field.focus_input()
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert ids[4] in page.built_paragraphs()
    landed = QApplication.focusWidget()
    assert page.sections[ids[4]].isAncestorOf(landed)
    assert page.blocks[page.article.paragraphs[4].questions[-1].id].isAncestorOf(landed)
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.blocks[f"{ids[5]}.status"].field.combo


def test_going_to_a_missing_answer_in_an_unbuilt_paragraph_builds_it_and_focuses_the_field(qtbot, active, draft_path):
    window = active
    page = window.draft_view.current_page()
    target = "UNTOC.2.(h).status"
    assert "UNTOC.2.(h)" not in page.built_paragraphs()
    panel = window.completeness.tree
    item = next(i for i in window.completeness.question_items() if i.data(0, Qt.ItemDataRole.UserRole + 1) == target)
    panel.scrollToItem(item)
    position = panel.visualItemRect(item).center()
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=position)
    qtbot.mouseDClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=position)

    assert window.draft_view.current_page() is page
    combo = page.blocks[target].field.combo
    qtbot.waitUntil(lambda: QApplication.focusWidget() is combo, timeout=1000)
    qtbot.waitUntil(lambda: not combo.visibleRegion().isEmpty(), timeout=1000)
    built = page.built_paragraphs()
    assert "UNTOC.2.(h)" in built and "UNTOC.2.(d)" not in built  # the paragraphs passed over stay unbuilt
    assert page.blocks[target].marker.text() == "Required — not answered yet"


def test_find_goes_to_a_match_in_an_unbuilt_paragraph_and_replace_all_reaches_every_one(qtbot, window, answered):
    page = window.draft_view.current_page()
    assert "UNTOC.2.(i)" not in page.built_paragraphs()
    dialog = window.desk.show_find(replace=True)
    dialog.find_text.setText("written authorisation")
    matches = dialog.find_all()
    row = next(n for n, m in enumerate(matches) if m.question.id == "UNTOC.2.(i).practice")
    editor = dialog.show_match(row)
    assert editor is page.blocks["UNTOC.2.(i).practice"].field.editor
    assert editor.textCursor().selectedText() == "written authorisation"

    dialog.replace_text.setText("signed authorisation")
    replaced = dialog.replace_everywhere()
    assert replaced == len([m for m in matches if m.replaceable])
    for match in matches:
        if match.replaceable:
            qtbot.waitUntil(
                lambda qid=match.question.id: "written authorisation" not in (stored(answered, qid) or ""),
                timeout=3000,
            )


def test_a_paragraph_built_in_a_read_only_draft_is_read_only(qtbot, window, answered):
    view = window.draft_view
    view.set_read_only("Opened read-only for the test.")
    page = view.current_page()
    assert "UNTOC.2.(j)" not in page.built_paragraphs()
    view.focus_question("UNTOC.2.(j).practice")
    assert page.blocks["UNTOC.2.(j).practice"].field.editor.isReadOnly()
    assert not page.blocks["UNTOC.2.(j).status"].field.combo.isEnabled()


def test_with_assistive_technology_active_the_whole_page_is_built_when_shown(qtbot, cluster1, monkeypatch):
    monkeypatch.setattr(QAccessible, "isActive", staticmethod(lambda: True))
    article = next(a for a in cluster1.articles() if a.id == "UNTOC.2")
    page = ArticlePage(article, "Convention", True, {})
    qtbot.addWidget(page)
    page.resize(900, 600)
    assert page.built_paragraphs() == []  # nothing before it is shown
    page.show()
    assert page.built_paragraphs() == [p.id for p in article.paragraphs]
    assert isinstance(page.blocks["UNTOC.2.(j).status"], QWidget)


def test_building_a_paragraph_above_the_view_leaves_what_is_in_view_in_place(qtbot, window, answered):
    view = window.draft_view
    view.select("UNTOC.2.(f)")
    page = view.current_page()
    shown = next(s for s in sections_of(page) if s.paragraph.id == "UNTOC.2.(f)")
    qtbot.waitUntil(lambda: abs(shown.y() - page.verticalScrollBar().value() - 10) <= 2, timeout=1000)
    offset = shown.y() - page.verticalScrollBar().value()
    assert "UNTOC.2.(c)" not in page.built_paragraphs()
    page.blocks["UNTOC.2.(c).status"]  # e.g. undo of a change made there
    assert "UNTOC.2.(c)" in page.built_paragraphs()
    assert shown.y() - page.verticalScrollBar().value() == offset


def test_tab_passes_over_paragraphs_with_nothing_to_answer_and_leaves_the_page(qtbot, active, draft_path):
    view = active.draft_view
    view.select("FIREARMS.5.1(a)")  # the State is not party to the Firearms Protocol: questions disabled
    page = view.current_page()
    assert len(page.built_paragraphs()) < len(page.article.paragraphs)
    page.setFocus()
    for _press in range(len(page.article.paragraphs) + 2):
        press(qtbot, Qt.Key.Key_Tab)
        if not page.isAncestorOf(QApplication.focusWidget()):
            break
    assert not page.isAncestorOf(QApplication.focusWidget())
    assert page.built_paragraphs() == [p.id for p in page.article.paragraphs]


def test_paragraphs_built_out_of_order_are_tabbed_through_in_page_order_and_tab_then_leaves_the_page(
    qtbot, active, answered
):
    page = active.draft_view.current_page()
    assert len(page.built_paragraphs()) < len(page.article.paragraphs)
    page.blocks["UNTOC.2.(e).status"]  # built out of order: (b) to (d) are not
    list(page.sections.values())
    body = page.widget()
    in_page_order = [
        widget
        for widget in body.findChildren(QWidget)
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(page) and widget.isEnabled()
    ]
    in_page_order[0].setFocus()
    tabbed = [QApplication.focusWidget()]
    for _press in range(len(in_page_order)):
        press(qtbot, Qt.Key.Key_Tab)
        if not body.isAncestorOf(QApplication.focusWidget()):
            break
        tabbed.append(QApplication.focusWidget())
    assert tabbed == in_page_order
    assert not page.isAncestorOf(QApplication.focusWidget())  # on to the next region, not back into the page

    in_page_order[-1].setFocus()
    back = [QApplication.focusWidget()]
    for _press in range(len(in_page_order)):
        press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
        if not body.isAncestorOf(QApplication.focusWidget()):
            break
        back.append(QApplication.focusWidget())
    assert back == list(reversed(in_page_order))  # Shift+Tab: the same widgets, last to first
