"""Word-wrapped labels remember their height per width, and forget it when what decides it changes."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

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
