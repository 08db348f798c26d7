"""The "Archived answers" page: answers to questions the questionnaire no longer asks, read-only."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _
from ..text_direction_delegate import follow_text_direction


def value_text(value: Any) -> str:
    """An archived value as text: strings as they are, other JSON data compactly."""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _cell_text(item: QTableWidgetItem | None) -> str:
    """The text of a table cell; every cell is filled when the page is built, so None is only a guard."""
    return item.text() if item is not None else ""


class ArchivedAnswersPage(QWidget):
    """Lists each archived question id and its value; nothing here can be edited.

    Args:
        archived: question id -> value (``questionnaire.upgrade.archived_answers``).
    """

    def __init__(self, archived: Mapping[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("archivedAnswersPage")
        title = QLabel(_("Archived answers"), self)
        title.setObjectName("articleTitle")
        note = QLabel(
            _(
                "These answers were given to questions that the current version of the questionnaire no longer "
                "asks. They are kept in the draft and never dropped. They are left out of exports unless you tick "
                "“Include archived answers in exports” in the File menu."
            ),
            self,
        )
        note.setObjectName("questionHelp")
        note.setWordWrap(True)
        self.table = QTableWidget(len(archived), 2, self)
        follow_text_direction(self.table)  # each cell in its own text's direction
        self.table.setHorizontalHeaderLabels([_("Question id"), _("Answer")])
        self.table.setAccessibleName(_("Archived answers"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, (question_id, value) in enumerate(sorted(archived.items())):
            for column, text in enumerate((question_id, value_text(value))):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 18)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)

    def rows(self) -> list[tuple[str, str]]:
        """(question id, value text) as shown."""
        table = self.table
        return [(_cell_text(table.item(r, 0)), _cell_text(table.item(r, 1))) for r in range(table.rowCount())]
