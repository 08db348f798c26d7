"""The window used with the keyboard only: regions (F6), the tree's Enter, Tab order, a paragraph answered."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QPlainTextEdit
from ui_helpers import stored

PARAGRAPH = "UNTOC.5.1(b)"


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    """A key pressed wherever the focus is, as the user does."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier)


def focus_region(qtbot, window, name):
    for _press in range(6):
        if window.regions.current() is not None and window.regions.current().name == name:
            return
        press(qtbot, Qt.Key.Key_F6)
    raise AssertionError(f"F6 never reached the {name}")


@pytest.fixture
def active(qtbot, window, draft_path):
    window.activateWindow()
    window.raise_()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    window.draft_view.tree.setFocus()  # where the focus is after opening a draft
    return window


def tree_to(qtbot, tree, provision_id, model):
    """Walk the tree with the arrow keys (opening articles with Right) until ``provision_id`` is current."""
    from untoc_desktop.ui.models.navigation import ProvisionRole

    for _press in range(200):
        index = tree.currentIndex()
        current = index.data(ProvisionRole.ID)
        if current == provision_id:
            return
        if provision_id.startswith(f"{current}.") and not tree.isExpanded(index):
            qtbot.keyClick(tree, Qt.Key.Key_Right)
        else:
            qtbot.keyClick(tree, Qt.Key.Key_Down)
    raise AssertionError(f"{provision_id} not reached with the arrow keys")


def test_after_opening_a_draft_the_keyboard_is_in_the_provision_tree(qtbot, window, draft_path):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    assert QApplication.focusWidget() is window.draft_view.tree
    assert window.regions.current() is not None and window.regions.current().name == "tree"


def test_a_paragraph_is_answered_with_the_keyboard_only(qtbot, active, draft_path):
    window = active
    focus_region(qtbot, window, "tree")
    tree = QApplication.focusWidget()
    assert tree is window.draft_view.tree

    tree_to(qtbot, tree, PARAGRAPH, window.draft_view.model)
    press(qtbot, Qt.Key.Key_Return)

    status = QApplication.focusWidget()
    page = window.draft_view.current_page()
    assert isinstance(status, QComboBox) and status is page.blocks[f"{PARAGRAPH}.status"].field.combo
    qtbot.keyClicks(status, "Partly")  # a combo box chooses the entry typed
    qtbot.waitUntil(lambda: stored(draft_path, f"{PARAGRAPH}.status") == "partly", timeout=3000)

    practice = page.blocks[f"{PARAGRAPH}.practice"].field.editor
    for _press in range(8):
        if QApplication.focusWidget() is practice:
            break
        press(qtbot, Qt.Key.Key_Tab)
        assert page.sections[PARAGRAPH].isAncestorOf(QApplication.focusWidget())  # never leaves the paragraph
    assert QApplication.focusWidget() is practice
    qtbot.keyClicks(practice, "Courts apply article 5 since 2019.")
    qtbot.waitUntil(
        lambda: stored(draft_path, f"{PARAGRAPH}.practice") == "Courts apply article 5 since 2019.", timeout=3000
    )
    assert window.session.answers()[f"{PARAGRAPH}.status"] == "partly"


def test_f6_and_shift_f6_cycle_tree_page_panel_and_status(qtbot, active):
    window = active
    focus_region(qtbot, window, "tree")
    seen, focused = [], []
    for _press in range(4):
        press(qtbot, Qt.Key.Key_F6)
        seen.append(window.regions.current().name)
        focused.append(QApplication.focusWidget())
    assert seen == ["page", "panel", "status", "tree"]
    assert focused[0] is window.draft_view.current_page().blocks["UNTOC.2.(a).status"].field.combo
    assert focused[1] is window.completeness.tree and focused[2] is window.summary
    back = []
    for _press in range(4):
        press(qtbot, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
        back.append(window.regions.current().name)
    assert back == ["status", "panel", "page", "tree"]

    window.timeline_dock.show()  # a second panel shown: one more stop
    focus_region(qtbot, window, "tree")
    names = []
    for _press in range(5):
        press(qtbot, Qt.Key.Key_F6)
        names.append(window.regions.current().name)
    assert names == ["page", "panel", "panel", "status", "tree"]


def test_enter_in_the_tree_goes_to_the_chosen_paragraphs_first_question_and_f6_comes_back(qtbot, active):
    window = active
    view = window.draft_view
    view.select("UNTOC.6.1(a)(i)")
    view.tree.setFocus()
    press(qtbot, Qt.Key.Key_Enter)
    block = view.current_page().blocks["UNTOC.6.1(a)(i).status"]
    assert QApplication.focusWidget() is block.field.combo
    qtbot.waitUntil(lambda: block.visibleRegion().isEmpty() is False, timeout=2000)  # scrolled into view

    press(qtbot, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is view.tree
    press(qtbot, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is block.field.combo  # back where the focus was in the page


def test_enter_on_a_paragraph_with_nothing_to_answer_focuses_the_page(qtbot, active):
    window = active
    view = window.draft_view
    view.select("FIREARMS.5.1(a)")  # the State is not party to the Firearms Protocol: questions disabled
    view.tree.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is view.current_page()


def _tab_through(qtbot, page, start, count):
    start.setFocus()
    order = [start]
    for _press in range(count):
        press(qtbot, Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if not page.isAncestorOf(widget):
            break
        order.append(widget)
    return order


@pytest.mark.parametrize("direction", [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft])
def test_tab_order_in_a_page_follows_the_visual_order(qtbot, active, direction):
    window = active
    window.setLayoutDirection(direction)
    try:
        window.draft_view.select("UNTOC.5.1(a)(i)")
        page = window.draft_view.current_page()
        body = page.widget()
        first = page.blocks["UNTOC.5.1(a).status"].field.combo
        order = _tab_through(qtbot, page, first, 40)
        assert len(order) >= 30
        places = [(w.mapTo(body, QPoint(0, 0)), w) for w in order]
        for (before, a), (after, b) in zip(places, places[1:], strict=False):
            if after.y() == before.y():  # side by side (Add, Insert): reading order of the direction
                rightwards = after.x() > before.x()
                assert rightwards == (direction == Qt.LayoutDirection.LeftToRight), (a, b)
            else:
                assert after.y() > before.y(), (a.accessibleName(), b.accessibleName())
    finally:
        window.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_tab_leaves_a_record_table_with_rows(qtbot, active):
    window = active
    window.draft_view.select("UNTOC.5.1(a)(i)")
    laws = window.draft_view.current_page().blocks["UNTOC.5.1(a)(i).legislation"].field
    laws.add_row()
    laws.table.item(0, 0).setText("Penal Code")
    laws.add_row()
    laws.table.setFocus()
    press(qtbot, Qt.Key.Key_Escape)  # leave the cell editor add_row opened
    laws.table.setFocus()
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is laws.add_button


def test_tab_goes_from_the_tree_to_the_page_and_from_the_page_to_the_panel(qtbot, active):
    window = active
    view = window.draft_view
    view.select("UNTOC.8.1(a)")
    view.tree.setFocus()
    press(qtbot, Qt.Key.Key_Tab)
    assert view.pages.isAncestorOf(QApplication.focusWidget())
    page = view.current_page()
    list(page.sections.values())  # paragraphs are built when needed: all of them, so that the page's last is found
    last = [w for w in page.widget().findChildren(QPlainTextEdit) if w.isVisibleTo(page) and w.isEnabled()][-1]
    last.setFocus()
    for _press in range(6):
        press(qtbot, Qt.Key.Key_Tab)
        if not page.isAncestorOf(QApplication.focusWidget()):
            break
    assert window.completeness.isAncestorOf(QApplication.focusWidget())


def test_page_down_from_a_status_field_scrolls_the_page_and_keeps_the_answer(qtbot, active, draft_path):
    """Found under X11: F6 into the page, then Page Down, moved "Partly" to "Not implemented" (Qt's Down)."""
    window = active
    focus_region(qtbot, window, "tree")
    tree_to(qtbot, QApplication.focusWidget(), PARAGRAPH, window.draft_view.model)
    press(qtbot, Qt.Key.Key_Return)
    page = window.draft_view.current_page()
    status = page.blocks[f"{PARAGRAPH}.status"].field.combo
    assert QApplication.focusWidget() is status
    qtbot.keyClicks(status, "Partly")
    qtbot.waitUntil(lambda: stored(draft_path, f"{PARAGRAPH}.status") == "partly", timeout=3000)
    bar = page.verticalScrollBar()
    assert bar.maximum() > 0  # the page is longer than the window: there is somewhere to scroll to
    before = bar.value()
    press(qtbot, Qt.Key.Key_PageDown)
    assert status.currentData() == "partly" and bar.value() > before
    press(qtbot, Qt.Key.Key_PageUp)
    assert status.currentData() == "partly" and bar.value() < before + bar.pageStep()
    QApplication.processEvents()
    assert stored(draft_path, f"{PARAGRAPH}.status") == "partly"
    press(qtbot, Qt.Key.Key_Down)  # the arrow keys still choose
    assert status.currentData() != "partly"
