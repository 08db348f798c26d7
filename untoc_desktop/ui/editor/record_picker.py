"""Picking a record already entered elsewhere in the draft (a law, a case...) instead of retyping it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...cross_references import describe_record
from ...i18n import _
from ..text_direction_delegate import follow_text_direction


class RecordPicker(QDialog):
    """A searchable list of records; OK returns the one chosen (:meth:`chosen`).

    Args:
        records: distinct records (``cross_references.known_records``).
        record_type: their type (``citations``, ``cases``...), to describe them.
    """

    def __init__(self, records: Sequence[dict[str, Any]], record_type: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Insert an existing entry"))
        self.setMinimumSize(520, 360)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_("Type to filter"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        follow_text_direction(self.list)  # each cell in its own text's direction
        for record in records:
            item = QListWidgetItem(describe_record(record, record_type))
            item.setData(Qt.ItemDataRole.UserRole, record)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        hint = QLabel(_("Entries already given elsewhere in this draft. The one you pick is copied here."), self)
        hint.setObjectName("questionHelp")
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Insert"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.search.textChanged.connect(self.filter)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def filter(self, text: str) -> None:
        """Show only entries containing ``text`` (case-insensitive); select the first shown."""
        needle = text.casefold().strip()
        first = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = bool(needle) and needle not in item.text().casefold()
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        # None clears the current item, as PySide6 accepts; its stubs only name QListWidgetItem
        self.list.setCurrentItem(cast(QListWidgetItem, first))

    def chosen(self) -> dict[str, Any] | None:
        """The record selected, ``None`` when none is."""
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return None
        return dict(item.data(Qt.ItemDataRole.UserRole))
