"""Word-wrapped labels remember their height per width, and forget it when what decides it changes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from untoc_desktop.ui.editor.question_block import WrappedLabel, wrapped_label

LONG = "Assess whether national law defines or otherwise covers the term with the same scope as the treaty. " * 3


def test_a_label_asked_again_for_the_same_width_gives_the_same_height_from_memory(qtbot):
    label = wrapped_label(LONG)
    qtbot.addWidget(label)
    assert isinstance(label, WrappedLabel)
    first = label.heightForWidth(200)
    assert [label.heightForWidth(200) for _ in range(10)] == [first] * 10
    assert label.heightForWidth(400) < first  # wider: fewer lines
    assert len(label._heights) == 2  # one computation per width


def test_the_height_follows_the_text(qtbot):
    label = wrapped_label("Short.")
    qtbot.addWidget(label)
    short = label.heightForWidth(200)
    label.setText(LONG)
    assert label.heightForWidth(200) > short
    label.setText("Short.")
    assert label.heightForWidth(200) == short


def test_the_height_follows_a_larger_font_and_a_style_sheet(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    label, plain = wrapped_label(LONG), QLabel(LONG)  # ours, and Qt's own answer beside it
    plain.setWordWrap(True)
    plain.setTextInteractionFlags(label.textInteractionFlags())
    for each in (label, plain):
        each.setParent(parent)
    before = label.heightForWidth(300)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    for each in (label, plain):
        each.setFont(font)  # as View > Text size does, through the application font
    larger = label.heightForWidth(300)
    assert larger > before and larger == plain.heightForWidth(300)
    for each in (label, plain):
        each.setStyleSheet("padding: 20px")
        each.ensurePolished()
    padded = label.heightForWidth(300)
    assert padded > larger and padded == plain.heightForWidth(300)


SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse

#: Texts as the pages show them, written left to right: a question, help, Chinese, Russian, an empty problem line.
TEXTS = [
    LONG,
    "Describe the measures taken; cite the provision (e.g. art. 23(a)(i)) and the supervisory-authority's practice.",
    "本国法律是否将参加有组织犯罪集团的行为定为刑事犯罪？请引用相关条款并举例说明其适用情况。",
    "Криминализирует ли национальное законодательство участие в организованной преступной группе?",
    "",
]
ARABIC = "هل يجرّم القانون الوطني المشاركة في جماعة إجرامية منظمة؟ يرجى ذكر الأحكام ذات الصلة وتقديم أمثلة على تطبيقها."


@pytest.mark.parametrize("direction", [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft])
@pytest.mark.parametrize("object_name", ["questionLabel", "questionHelp", "articleTitle"])
def test_a_label_shows_the_same_pixels_and_height_before_and_after_it_becomes_selectable(qtbot, object_name, direction):
    """The text document is made only when the mouse enters: that must change nothing the reader sees."""
    for text in TEXTS:
        lazy, selectable = wrapped_label(text, object_name=object_name), wrapped_label(text, object_name=object_name)
        selectable.setTextInteractionFlags(SELECTABLE)
        for each in (lazy, selectable):
            qtbot.addWidget(each)
            each.setLayoutDirection(direction)  # as in the Arabic interface
            each.ensurePolished()
        assert not lazy.textInteractionFlags() & SELECTABLE
        for width in (160, 333, 720):
            height = selectable.heightForWidth(width)
            assert lazy.heightForWidth(width) == height, (text, width)
            for each in (lazy, selectable):
                each.resize(width, height)
            assert lazy.grab().toImage() == selectable.grab().toImage(), (text, width)


def test_the_mouse_entering_a_label_makes_its_text_selectable_and_a_drag_selects_it(qtbot):
    # Nothing left by an earlier test may take the mouse (a popup, a grab): then no Enter reaches the label.
    while (popup := QApplication.activePopupWidget()) is not None:
        popup.close()
    if (grabber := QWidget.mouseGrabber()) is not None:
        grabber.releaseMouse()
    page = QWidget()
    layout = QVBoxLayout(page)
    label = wrapped_label("Cite the provision of the penal code that covers this conduct.", object_name="questionLabel")
    layout.addWidget(label)
    qtbot.addWidget(page)
    page.resize(500, 200)
    page.show()
    qtbot.waitExposed(page)
    assert not label.textInteractionFlags() & SELECTABLE  # nothing made while the page was shown

    start, end = QPoint(4, label.height() // 2), QPoint(label.width() - 4, label.height() // 2)
    QTest.mouseMove(label, start)
    qtbot.waitUntil(lambda: bool(label.textInteractionFlags() & SELECTABLE), timeout=2000)
    QTest.mousePress(label, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(label, end)
    QTest.mouseRelease(label, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    assert label.hasSelectedText()
    assert "penal code" in label.selectedText()


def test_under_assistive_technology_the_text_is_selectable_from_the_start(qtbot, monkeypatch):
    monkeypatch.setattr(QAccessible, "isActive", staticmethod(lambda: True))
    label = wrapped_label("Cite the provision.")
    qtbot.addWidget(label)
    assert label.textInteractionFlags() & SELECTABLE


def test_right_to_left_text_is_selectable_from_the_start_because_qt_would_draw_it_a_space_apart(qtbot):
    """Wrapped Arabic lines sit a space apart in the two ways Qt draws a label: no shift may happen under the mouse."""
    arabic = wrapped_label(ARABIC)
    problem = wrapped_label("")  # a problem line, given its text later
    for each in (arabic, problem):
        qtbot.addWidget(each)
    assert arabic.textInteractionFlags() & SELECTABLE
    assert not problem.textInteractionFlags() & SELECTABLE
    problem.setText("الرجاء إدخال تاريخ صحيح.")
    assert problem.textInteractionFlags() & SELECTABLE

    # What the rule is there for: the same Arabic label drawn without and with its text document.
    plain = QLabel(ARABIC)
    plain.setWordWrap(True)
    qtbot.addWidget(plain)
    plain.resize(160, arabic.heightForWidth(160))
    arabic.resize(160, arabic.heightForWidth(160))
    assert plain.grab().toImage() != arabic.grab().toImage()


def _page_with_label(qtbot):
    page = QWidget()
    label = wrapped_label("Cite the provision of the penal code that covers this conduct.", object_name="questionLabel")
    QVBoxLayout(page).addWidget(label)
    qtbot.addWidget(page)
    page.resize(500, 200)
    page.show()
    qtbot.waitExposed(page)
    return page, label


def test_a_press_that_came_without_an_entry_still_selects(qtbot):
    """The page can move under a mouse that stays still (keyboard navigation): no Enter, then a press."""
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent

    _page, label = _page_with_label(qtbot)
    start, end = QPointF(4, label.height() / 2), QPointF(label.width() - 4, label.height() / 2)

    def send(kind, where, buttons):
        event = QMouseEvent(
            kind, where, label.mapToGlobal(where), Qt.MouseButton.LeftButton, buttons, Qt.KeyboardModifier.NoModifier
        )
        QApplication.sendEvent(label, event)  # straight to the label: no Enter is dispatched

    send(QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton)
    send(QEvent.Type.MouseMove, end, Qt.MouseButton.LeftButton)
    send(QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)
    assert label.textInteractionFlags() & SELECTABLE
    assert "penal code" in label.selectedText()


def test_a_right_click_that_came_without_an_entry_offers_copy(qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QContextMenuEvent

    _page, label = _page_with_label(qtbot)
    seen: list[list[str]] = []

    def close_menu():
        menu = QApplication.activePopupWidget()
        seen.append([action.text().replace("&", "") for action in menu.actions()] if menu is not None else [])
        if menu is not None:
            menu.close()

    QTimer.singleShot(100, close_menu)
    where = QPoint(4, label.height() // 2)
    QApplication.sendEvent(label, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where, label.mapToGlobal(where)))
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)  # the label's own menu pops up (not modal)
    assert any(text.startswith("Copy") for text in seen[0]), seen
