"""Table and list cells laid out in their own text's direction, as text fields already are.

A view lays out every cell in the interface's direction. In the Arabic interface an English cell
(a law's title, a web address) was then read as a right-to-left paragraph: its ellipsis went to
the left ("…legislation.example.org" for "https://legislation.example.org/…") and the punctuation
at its ends moved to the other side. The delegate gives each cell the direction of its text's
first strong character (UAX #9 rules P2-P3, :func:`untoc_desktop.text_direction.strong_direction`)
and keeps it on the side of the cell it would have had, so a column stays aligned.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem

from ..text_direction import strong_direction

_DIRECTIONS = {"ltr": Qt.LayoutDirection.LeftToRight, "rtl": Qt.LayoutDirection.RightToLeft}


class TextDirectionDelegate(QStyledItemDelegate):
    """Draws (and elides) each cell's text in that text's own direction.

    Cells without a strong character (numbers, dates, empty cells) keep the view's direction.
    Editing is unchanged: editors are text fields, which already follow their text.
    """

    def initStyleOption(  # noqa: N802 (Qt override)
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        """Fill ``option`` as Qt does, then give it the direction of the cell's text."""
        super().initStyleOption(option, index)
        wanted = _DIRECTIONS.get(strong_direction(option.text) or "")
        if wanted is None or wanted == option.direction:
            return
        alignment = option.displayAlignment
        vertical = alignment & Qt.AlignmentFlag.AlignVertical_Mask
        horizontal = alignment & Qt.AlignmentFlag.AlignHorizontal_Mask
        if not alignment & Qt.AlignmentFlag.AlignAbsolute and horizontal in (
            Qt.AlignmentFlag.AlignLeading,
            Qt.AlignmentFlag.AlignTrailing,
        ):
            # Leading/trailing were meant on the view's side: say it in absolute terms before flipping.
            on_right = (horizontal == Qt.AlignmentFlag.AlignLeading) == (
                option.direction == Qt.LayoutDirection.RightToLeft
            )
            side = Qt.AlignmentFlag.AlignRight if on_right else Qt.AlignmentFlag.AlignLeft
            option.displayAlignment = side | Qt.AlignmentFlag.AlignAbsolute | vertical
        option.direction = wanted


def follow_text_direction(view: QAbstractItemView) -> TextDirectionDelegate:
    """Give ``view`` a :class:`TextDirectionDelegate` (owned by the view) and return it."""
    delegate = TextDirectionDelegate(view)
    view.setItemDelegate(delegate)
    return delegate
