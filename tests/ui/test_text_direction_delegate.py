"""Table and list cells are laid out in their own text's direction (an English web address in the Arabic interface)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem, QTableWidget, QTableWidgetItem

from untoc_desktop.ui.text_direction_delegate import TextDirectionDelegate, follow_text_direction

LTR, RTL = Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft
URL = "https://legislation.example.org/veridia/tip-act-2010"


def option_for(qtbot, view_direction, text, alignment=None):
    table = QTableWidget(1, 1)
    qtbot.addWidget(table)
    table.setLayoutDirection(view_direction)
    delegate = follow_text_direction(table)
    item = QTableWidgetItem(text)
    if alignment is not None:
        item.setTextAlignment(alignment)
    table.setItem(0, 0, item)
    option = QStyleOptionViewItem()
    option.initFrom(table)  # as the view does: the view's direction
    delegate.initStyleOption(option, table.model().index(0, 0))
    assert table.itemDelegate() is delegate
    return option


def horizontal(option):
    """Left or right (or leading/trailing when not absolute), without the AlignAbsolute flag."""
    return option.displayAlignment & Qt.AlignmentFlag.AlignHorizontal_Mask & ~Qt.AlignmentFlag.AlignAbsolute


def test_an_english_cell_in_the_arabic_interface_reads_left_to_right_and_stays_on_the_right(qtbot):
    option = option_for(qtbot, RTL, URL)
    assert option.direction == LTR  # so the ellipsis comes at its end: "https://legislation.exa…"
    assert horizontal(option) == Qt.AlignmentFlag.AlignRight  # where the view's leading side is
    assert option.displayAlignment & Qt.AlignmentFlag.AlignAbsolute


def test_an_arabic_cell_in_an_english_interface_reads_right_to_left_and_stays_on_the_left(qtbot):
    option = option_for(qtbot, LTR, "قانون مكافحة الاتجار بالأشخاص")
    assert option.direction == RTL and horizontal(option) == Qt.AlignmentFlag.AlignLeft


@pytest.mark.parametrize("text", ["2010-11-29", "", "§ 12 (3)"])
def test_cells_without_a_strong_character_keep_the_views_direction(qtbot, text):
    option = option_for(qtbot, RTL, text)
    assert option.direction == RTL


def test_a_cell_aligned_to_the_trailing_side_stays_there(qtbot):
    option = option_for(qtbot, RTL, URL, Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)
    assert option.direction == LTR and horizontal(option) == Qt.AlignmentFlag.AlignLeft
    assert option.displayAlignment & Qt.AlignmentFlag.AlignVCenter


def test_a_cell_in_the_views_own_direction_is_left_as_qt_fills_it(qtbot):
    option = option_for(qtbot, RTL, "قانون العقوبات")
    assert option.direction == RTL and not option.displayAlignment & Qt.AlignmentFlag.AlignAbsolute


def test_the_record_tables_of_answers_use_it(qtbot, window, draft_path):
    from untoc_desktop.ui.editor.record_table import RecordListField

    tables = window.draft_view.findChildren(RecordListField)  # the first page (article 2) lists laws
    assert tables and all(isinstance(t.table.itemDelegate(), TextDirectionDelegate) for t in tables)
