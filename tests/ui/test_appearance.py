"""View > Text size, the system's palette and the focus frame, as the user meets them."""

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFontInfo, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from untoc_desktop.ui.style import contrast_ratio
from untoc_desktop.ui.window.appearance import TEXT_SIZE_KEY, Appearance, point_size, system_font

PARAGRAPH = "UNTOC.5.1(a)(i)"


@pytest.fixture
def restore_appearance(qapp):
    """Whatever a test does to the application's font, palette and style sheet is undone afterwards."""
    font, palette, sheet = qapp.font(), qapp.palette(), qapp.styleSheet()
    yield
    qapp.setPalette(palette)
    qapp.setFont(font)
    if qapp.styleSheet() != sheet:
        qapp.setStyleSheet(sheet)


def help_label(window):
    window.draft_view.select(PARAGRAPH)
    return window.draft_view.current_page().blocks[f"{PARAGRAPH}.adopted"].help


def test_text_size_larger_smaller_and_reset_apply_to_the_whole_window_and_are_remembered(
    qtbot, window, draft_path, settings, restore_appearance
):
    system = point_size(system_font())
    label = help_label(window)
    before = QFontInfo(label.font()).pointSizeF()
    actions = {a.text(): a for a in window.appearance.menu.actions()}
    assert set(actions) == {"&Larger", "&Smaller", "&Reset to the system's size"}
    assert window.appearance.larger_action.shortcuts()[0].toString() == "Ctrl++"
    assert window.appearance.reset_action.shortcut().toString() == "Ctrl+0"

    window.appearance.larger_action.trigger()
    window.appearance.larger_action.trigger()

    assert int(settings.value(TEXT_SIZE_KEY)) == 2
    assert QApplication.font().pointSizeF() == pytest.approx(system * 1.25, abs=0.1)
    assert QFontInfo(label.font()).pointSizeF() == pytest.approx(before * 1.25, abs=0.3)  # style-sheet sizes too
    assert QFontInfo(window.draft_view.tree.font()).pointSizeF() == pytest.approx(system * 1.25, abs=0.1)

    again = Appearance(QWidget(), settings, QMenu())  # the next start reads the setting
    assert again.point_size() == pytest.approx(system * 1.25, abs=0.1)

    window.appearance.smaller_action.trigger()
    assert int(settings.value(TEXT_SIZE_KEY)) == 1
    window.appearance.reset_action.trigger()
    assert int(settings.value(TEXT_SIZE_KEY)) == 0
    assert QApplication.font().pointSizeF() == pytest.approx(system, abs=0.1)
    assert QFontInfo(label.font()).pointSizeF() == pytest.approx(before, abs=0.1)
    assert not window.appearance.reset_action.isEnabled()


def test_text_size_stays_within_75_and_200_percent(window, settings, restore_appearance):
    for _step in range(20):
        window.appearance.larger_action.trigger()
    assert window.appearance.point_size() == pytest.approx(point_size(system_font()) * 2, abs=0.1)
    assert not window.appearance.larger_action.isEnabled()
    settings.setValue(TEXT_SIZE_KEY, "huge")  # a hand-edited settings file
    assert window.appearance.text_size() == 0
    for _step in range(20):
        window.appearance.smaller_action.trigger()
    assert window.appearance.point_size() == pytest.approx(point_size(system_font()) * 0.75, abs=0.1)


def test_a_dark_system_palette_gets_a_dark_style_sheet(qtbot, qapp, window, draft_path, restore_appearance):
    dark = QPalette(QColor("#2b2b2b"))
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.AlternateBase, "#262626"),
        (QPalette.ColorRole.Text, "#e8e8e8"),
        (QPalette.ColorRole.WindowText, "#e8e8e8"),
    ):
        dark.setColor(role, QColor(colour))
    QApplication.setPalette(dark)  # as the system does when the user switches to a dark theme

    qtbot.waitUntil(lambda: "#1e1e1e" in qapp.styleSheet(), timeout=2000)
    label = help_label(window)
    shown = label.palette().color(QPalette.ColorRole.WindowText)
    assert contrast_ratio(shown, QColor("#1e1e1e")) >= 4.5 and contrast_ratio(shown, QColor("#2b2b2b")) >= 4.5
    grey = QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert contrast_ratio(grey, QColor("#2b2b2b")) >= 4.5


def test_the_focused_field_has_a_visible_frame_around_it(qtbot, window, draft_path):
    page_field = help_label(window).parentWidget().field
    window.activateWindow()
    page_field.focus_input()
    qtbot.waitUntil(lambda: window.focus_frames.frame() is not None, timeout=2000)
    frame = window.focus_frames.frame()
    focused = QApplication.focusWidget()
    assert frame.isVisible() and frame.target is focused
    host = frame.parentWidget()
    where = QRect(focused.mapTo(host, QPoint(0, 0)), focused.size())
    assert frame.geometry().contains(where) and frame.geometry() != where
    colour = frame.palette().color(QPalette.ColorRole.WindowText)
    assert contrast_ratio(colour, QApplication.palette().color(QPalette.ColorRole.Window)) >= 3

    window.draft_view.tree.setFocus()
    qtbot.waitUntil(
        lambda: (
            window.focus_frames.frame() is not None and window.focus_frames.frame().target is window.draft_view.tree
        ),
        timeout=2000,
    )
    assert not frame.isVisible() or frame is window.focus_frames.frame()


def test_the_focus_frame_follows_the_field_in_a_right_to_left_layout(qtbot, window, draft_path):
    window.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        field = help_label(window).parentWidget().field
        window.activateWindow()
        field.focus_input()
        qtbot.waitUntil(lambda: window.focus_frames.frame() is not None, timeout=2000)
        frame = window.focus_frames.frame()
        focused = QApplication.focusWidget()
        where = QRect(focused.mapTo(frame.parentWidget(), QPoint(0, 0)), focused.size())
        assert frame.isVisible() and frame.geometry().contains(where)
        # The label is at the right edge in right to left: the field too, and the frame with it.
        assert frame.geometry().right() > frame.parentWidget().width() // 2
    finally:
        window.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
