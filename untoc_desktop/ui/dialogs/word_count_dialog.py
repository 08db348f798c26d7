"""View > Word count: words and characters per article and for the whole draft."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...drafting_tools import draft_counts
from ...i18n import _
from ...questionnaire import display
from ...questionnaire.model import Definition


class WordCountDialog(QDialog):
    """Counts of the draft's answers, per article and in total.

    Args:
        definition: the draft's questionnaire.
        answers: question id -> stored value.
        parent: the main window.
    """

    def __init__(self, definition: Definition, answers: Mapping[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Word count"))
        rows, self.total = draft_counts(definition, answers)
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setHorizontalHeaderLabels([_("Article"), _("Words"), _("Characters")])
        self.table.setAccessibleName(_("Words and characters per article"))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, counts in enumerate(rows):
            article = counts.article
            name = _("{instrument} article {number}: {title}").format(
                instrument=article.instrument, number=article.number, title=display.article_title(article)
            )
            self.table.setItem(row, 0, QTableWidgetItem(name))
            for column, value in ((1, counts.counts.words), (2, counts.counts.characters)):
                item = QTableWidgetItem(f"{value:,}")
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the numbers always stay in view
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.summary = QLabel(
            _("Whole draft: {words:,} words, {characters:,} characters.").format(
                words=self.total.words, characters=self.total.characters
            ),
            self,
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.resize(680, 480)
