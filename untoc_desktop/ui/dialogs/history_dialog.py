"""Edit > History…: the earlier versions of one answer, the difference to the current one, and Restore."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...draft import AnswerChange
from ...i18n import _
from ..editor.diff_view import VersionPane, diff_html, value_text
from ..text_direction_delegate import follow_text_direction


class HistoryDialog(QDialog):
    """Every recorded version of an answer (newest first) with author and time.

    Selecting a version shows it beside the current answer with the differences marked;
    Restore stores it again as a new change (the history is never rewritten).

    Args:
        title: the question's label.
        changes: the versions, newest first (``sharing.history.versions``).
        current: the answer as stored now.
        restore: called with the chosen change; stores its value (raises UntocError).
    """

    def __init__(
        self,
        title: str,
        changes: Sequence[AnswerChange],
        current: Any,
        restore: Callable[[AnswerChange], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("History of an answer"))
        self.resize(1000, 560)
        self._changes = list(changes)
        self._current = current
        self._restore = restore
        self.restored: AnswerChange | None = None
        heading = QLabel(title, self)
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight: bold")
        self.list = QListWidget(self)
        follow_text_direction(self.list)  # each cell in its own text's direction
        self.list.setObjectName("historyList")
        self.list.setAccessibleName(_("Recorded versions"))
        for change in self._changes:
            when = change.changed_at.astimezone().strftime("%Y-%m-%d %H:%M")
            text = f"{when} — {change.author or _('(no author)')}"
            if change.new_value is None:
                text += " " + _("(cleared)")
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, change.change_uuid)
        if not self._changes:
            QListWidgetItem(_("No earlier version was recorded."), self.list)
        self.version = VersionPane(_("This version"), self)
        self.now = VersionPane(_("Current answer"), self)
        panes = QSplitter(Qt.Orientation.Horizontal, self)
        panes.addWidget(self.version)
        panes.addWidget(self.now)
        body = QSplitter(Qt.Orientation.Horizontal, self)
        body.addWidget(self.list)
        body.addWidget(panes)
        body.setSizes([260, 740])
        self.restore_button = QPushButton(_("&Restore this version"), self)
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(body, 1)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._show)
        if self._changes:
            self.list.setCurrentRow(0)

    def selected(self) -> AnswerChange | None:
        """The version on display."""
        row = self.list.currentRow()
        return self._changes[row] if 0 <= row < len(self._changes) else None

    def _show(self, _row: int) -> None:
        change = self.selected()
        if change is None:
            return
        left, right = diff_html(value_text(change.new_value), value_text(self._current))
        self.version.set_html(left or _("(no answer)"))
        self.now.set_html(right or _("(no answer)"))
        self.restore_button.setEnabled(change.new_value != self._current)

    def restore_selected(self) -> bool:
        """Restore the version on display and close."""
        change = self.selected()
        if change is None:
            return False
        self._restore(change)
        self.restored = change
        self.accept()
        return True
