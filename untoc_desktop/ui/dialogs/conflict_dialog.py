"""The conflict view: answers both colleagues changed differently, side by side, settled one by one."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...errors import UntocError
from ...i18n import _
from ...questionnaire import display
from ...questionnaire.model import Definition
from ...sharing.conflicts import Conflict
from ..editor.diff_view import VersionPane, diff_html, value_text
from ..text_direction_delegate import follow_text_direction

#: ``resolve(question_id, choice, value) -> stored value``; raises UntocError (shown) or ValueError.
Resolver = Callable[[str, str, Any], Any]


class EditDialog(QDialog):
    """Write the settled text of one answer yourself, starting from both versions."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Edit the answer"))
        self.resize(640, 360)
        self.editor = QPlainTextEdit(text, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)


class ConflictDialog(QDialog):
    """Both versions of each conflicting answer side by side, with "keep mine / theirs / both / edit".

    Args:
        conflicts: the open conflicts.
        definition: the questionnaire (question labels and types).
        resolve: stores the choice (see :data:`Resolver`).
        mine_author: the name shown over "my" version.
    """

    def __init__(
        self,
        conflicts: Sequence[Conflict],
        definition: Definition,
        resolve: Resolver,
        mine_author: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Conflicts to settle"))
        self.resize(1100, 640)
        self._definition = definition
        self._resolve = resolve
        self._mine_author = mine_author
        self.conflicts: dict[str, Conflict] = {c.question_id: c for c in conflicts}
        self.settled: list[tuple[str, str]] = []
        self.intro = QLabel(
            _(
                "You and a colleague changed these answers differently. Nothing is lost: until you "
                "settle an answer, the draft keeps your version and the export is marked as a draft."
            ),
            self,
        )
        self.intro.setWordWrap(True)
        self.list = QListWidget(self)
        follow_text_direction(self.list)  # each cell in its own text's direction
        self.list.setObjectName("conflictList")
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.question = QLabel(self)
        self.question.setWordWrap(True)
        self.question.setStyleSheet("font-weight: bold")
        self.mine = VersionPane(_("Mine"), self)
        self.theirs = VersionPane(_("Theirs"), self)
        self.ancestor = VersionPane(_("Before either change (common ancestor)"), self)
        self.ancestor.hide()
        self.show_ancestor = QCheckBox(_("Show the version before either change"), self)
        panes = self.panes = QSplitter(Qt.Orientation.Horizontal, self)
        for pane in (self.mine, self.theirs, self.ancestor):
            panes.addWidget(pane)
        self.show_ancestor.toggled.connect(self._toggle_ancestor)
        self.keep_mine = QPushButton(_("Keep &mine"), self)
        self.keep_theirs = QPushButton(_("Keep &theirs"), self)
        self.keep_both = QPushButton(_("Keep &both"), self)
        self.edit = QPushButton(_("&Edit…"), self)
        self.keep_mine.clicked.connect(lambda: self.settle("mine"))
        self.keep_theirs.clicked.connect(lambda: self.settle("theirs"))
        self.keep_both.clicked.connect(lambda: self.settle("both"))
        self.edit.clicked.connect(self.edit_answer)
        buttons = QHBoxLayout()
        for button in (self.keep_mine, self.keep_theirs, self.keep_both, self.edit):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.show_ancestor)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.question)
        right_layout.addWidget(panes, 1)
        right_layout.addLayout(buttons)
        body = QSplitter(Qt.Orientation.Horizontal, self)
        body.addWidget(self.list)
        body.addWidget(right)
        body.setSizes([260, 840])
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(body, 1)
        layout.addWidget(close)
        for conflict in conflicts:
            item = QListWidgetItem(self._label(conflict.question_id), self.list)
            item.setData(Qt.ItemDataRole.UserRole, conflict.question_id)
            item.setToolTip(conflict.question_id)
        self.list.currentItemChanged.connect(lambda current, _previous: self._show(current))
        if self.list.count():
            self.list.setCurrentRow(0)

    def _toggle_ancestor(self, shown: bool) -> None:
        self.ancestor.setVisible(shown)
        width = max(self.panes.width(), 600)
        self.panes.setSizes([width // 3] * 3 if shown else [width // 2, width // 2, 0])

    def _label(self, question_id: str) -> str:
        try:
            question = self._definition.question(question_id)
        except KeyError:
            return question_id
        return f"{display.question_label(question)} ({question_id})"

    def current(self) -> Conflict | None:
        """The conflict on display."""
        item = self.list.currentItem()
        return None if item is None else self.conflicts.get(item.data(Qt.ItemDataRole.UserRole))

    def _kind(self, question_id: str) -> str:
        try:
            return self._definition.question(question_id).type
        except KeyError:
            return ""

    def _show(self, item: QListWidgetItem | None) -> None:
        conflict = None if item is None else self.conflicts.get(item.data(Qt.ItemDataRole.UserRole))
        for button in (self.keep_mine, self.keep_theirs, self.keep_both, self.edit):
            button.setEnabled(conflict is not None)
        if conflict is None:
            self.question.setText(_("Every conflict is settled."))
            for pane in (self.mine, self.theirs, self.ancestor):
                pane.set_html("")
            return
        self.question.setText(self._label(conflict.question_id))
        self.mine.title.setText(
            _("Mine ({author})").format(author=self._mine_author) if self._mine_author else _("Mine")
        )
        self.theirs.title.setText(
            _("Theirs ({author}, from {copy})").format(author=conflict.theirs_author or "?", copy=conflict.copy_name)
        )
        left, right = diff_html(value_text(conflict.mine), value_text(conflict.theirs))
        self.mine.set_html(left or _("(no answer)"))
        self.theirs.set_html(right or _("(no answer)"))
        ancestor, _same = diff_html(value_text(conflict.ancestor), value_text(conflict.ancestor))
        self.ancestor.set_html(ancestor or _("(no answer)"))
        self.keep_both.setEnabled(conflict.both is not None)
        self.edit.setEnabled(self._kind(conflict.question_id) in ("text", ""))

    def settle(self, choice: str, value: Any = None) -> bool:
        """Settle the conflict on display with ``choice`` ("mine", "theirs", "both", "edit")."""
        conflict = self.current()
        if conflict is None:
            return False
        try:
            self._resolve(conflict.question_id, choice, value)
        except (UntocError, ValueError) as exc:
            QMessageBox.warning(self, _("The answer was not saved"), str(exc))
            return False
        self.settled.append((conflict.question_id, choice))
        del self.conflicts[conflict.question_id]
        self.list.takeItem(self.list.currentRow())
        if not self.conflicts:
            self._show(None)
        return True

    def edit_answer(self) -> bool:
        """Let the user write the answer, starting from both versions."""
        conflict = self.current()
        if conflict is None:
            return False
        start = conflict.both if isinstance(conflict.both, str) else value_text(conflict.mine)
        editor = EditDialog(start, self)
        if editor.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.settle("edit", editor.editor.toPlainText() or None)
