"""Find and Replace across the whole draft (Ctrl+F, Ctrl+H).

The results list names the article, paragraph and question of each match;
Enter (or a double-click) jumps to the answer with the match selected. Replace
works in free-text answers through the field itself, so each replacement is one
step of that field's undo history and is saved like typing. Matches inside the
rows of laws, cases and sources tables are listed and edited in their table.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...drafting_tools import Match, find_in_answers, replace_all
from ...i18n import _, ngettext
from ...questionnaire import display
from ...questionnaire.model import Definition
from ..text_direction_delegate import follow_text_direction


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def place_of(definition: Definition, match: Match) -> str:
    """Where a match is, in words: "UNTOC, article 5, paragraph 1(a), Legislation"."""
    paragraph = definition.paragraph(match.question.paragraph_id)
    where = display.paragraph_where(paragraph, paragraph.instrument)
    label = display.question_label(match.question)
    if match.where:
        row, _sep, field = match.where.partition(".")
        label = (
            _("{question} (row {row})").format(question=label, row=row)
            if not field
            else _("{question} (row {row}, {field})").format(question=label, row=row, field=field)
        )
    return f"{where} — {label}"


class FindReplaceDialog(QDialog):
    """A non-modal Find and Replace window over one draft.

    Args:
        definition: the draft's questionnaire.
        answers: returns the stored answers (question id -> value) after saving pending edits.
        go_to: focuses a question's input and returns its text editor (``None`` for other inputs).
        read_only: the draft cannot be changed (Replace is disabled).
        parent: the main window.
    """

    def __init__(
        self,
        definition: Definition,
        answers: Callable[[], Mapping[str, Any]],
        go_to: Callable[[str], QPlainTextEdit | None],
        read_only: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Find and replace"))
        self.setObjectName("findReplaceDialog")
        self._definition = definition
        self._answers = answers
        self._go_to = go_to
        self._read_only = read_only
        self.matches: list[Match] = []

        self.find_text = QLineEdit(self)
        self.find_text.setAccessibleName(_("Text to find"))
        self.replace_text = QLineEdit(self)
        self.replace_text.setAccessibleName(_("Replace with"))
        self.match_case = QCheckBox(_("&Match case"), self)
        self.whole_words = QCheckBox(_("&Whole words only"), self)
        form = QFormLayout()
        find_label = QLabel(_("&Find:"), self)
        find_label.setBuddy(self.find_text)
        replace_label = QLabel(_("Replace &with:"), self)
        replace_label.setBuddy(self.replace_text)
        form.addRow(find_label, self.find_text)
        form.addRow(replace_label, self.replace_text)
        form.addRow(self.match_case)
        form.addRow(self.whole_words)

        self.results = QListWidget(self)
        follow_text_direction(self.results)  # each cell in its own text's direction
        self.results.setAccessibleName(_("Places found"))
        self.results.setAlternatingRowColors(True)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.find_button = QPushButton(_("Find &all"), self)
        self.find_button.setDefault(True)
        self.replace_button = QPushButton(_("&Replace"), self)
        self.replace_all_button = QPushButton(_("Replace a&ll"), self)
        buttons.addButton(self.find_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.replace_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.replace_all_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.resize(620, 460)

        self.find_button.clicked.connect(self.find_all)
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_everywhere)
        self.find_text.returnPressed.connect(self.find_all)
        self.results.itemActivated.connect(lambda item: self.show_match(self.results.row(item)))
        self.results.currentRowChanged.connect(lambda _row: self._update_buttons())
        QShortcut(
            QKeySequence(Qt.Key.Key_Return),
            self.results,
            lambda: self.show_match(self.results.currentRow()),
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        self._update_buttons()

    def show_replace(self, replace: bool) -> None:
        """Put the focus in the Find field (``replace``: in the Replace field when Find is filled)."""
        target = self.replace_text if replace and self.find_text.text() else self.find_text
        target.setFocus()
        target.selectAll()

    def find_all(self) -> list[Match]:
        """Search the whole draft and list every match."""
        self.results.clear()
        self.matches = []
        needle = self.find_text.text()
        if not needle:
            self.summary.setText(_("Type the text to find."))
            self._update_buttons()
            return []
        try:
            self.matches = find_in_answers(
                self._definition,
                self._answers(),
                needle,
                match_case=self.match_case.isChecked(),
                whole_words=self.whole_words.isChecked(),
            )
        except ValueError:
            self.summary.setText(_("The text to find is too long (1,000 characters at most)."))
            self._update_buttons()
            return []
        for match in self.matches:
            item = QListWidgetItem(f"{place_of(self._definition, match)}\n{match.snippet()}")
            item.setToolTip(match.text[:500])
            self.results.addItem(item)
        self.summary.setText(
            ngettext("Found {count} place.", "Found {count} places.", len(self.matches)).format(count=len(self.matches))
            if self.matches
            else _("“{text}” is not in any answer.").format(text=needle)
        )
        if self.matches:
            self.results.setCurrentRow(0)
        self._update_buttons()
        return self.matches

    def show_match(self, row: int) -> QPlainTextEdit | None:
        """Go to match ``row``: show its question, focus the input and select the match in a text answer."""
        if not 0 <= row < len(self.matches):
            return None
        match = self.matches[row]
        editor = self._go_to(match.question.id)
        if editor is not None and match.replaceable:
            text = editor.toPlainText()
            if text == match.text:
                cursor = editor.textCursor()
                cursor.setPosition(_utf16(text[: match.start]))
                cursor.setPosition(_utf16(text[: match.start + match.length]), QTextCursor.MoveMode.KeepAnchor)
                editor.setTextCursor(cursor)
                editor.ensureCursorVisible()
        return editor

    def replace_current(self) -> bool:
        """Replace the selected match (a free-text answer) and search again."""
        row = self.results.currentRow()
        if self._read_only or not 0 <= row < len(self.matches) or not self.matches[row].replaceable:
            return False
        editor = self.show_match(row)
        if editor is None or editor.isReadOnly() or not editor.textCursor().hasSelection():
            return False
        editor.textCursor().insertText(self.replace_text.text())
        self.find_all()
        if self.matches:
            self.results.setCurrentRow(min(row, len(self.matches) - 1))
        return True

    def replace_everywhere(self) -> int:
        """Replace every match in free-text answers; returns how many were replaced."""
        if self._read_only:
            return 0
        matches = self.find_all()
        needle, replacement = self.find_text.text(), self.replace_text.text()
        done, answers_changed, left = 0, 0, 0
        seen: set[str] = set()
        for match in matches:
            if not match.replaceable:
                left += 1
                continue
            if match.question.id in seen:
                continue
            seen.add(match.question.id)
            editor = self._go_to(match.question.id)
            if editor is None or editor.isReadOnly():
                continue
            new_text, count = replace_all(
                editor.toPlainText(),
                needle,
                replacement,
                match_case=self.match_case.isChecked(),
                whole_words=self.whole_words.isChecked(),
            )
            if count:
                cursor = editor.textCursor()
                cursor.select(QTextCursor.SelectionType.Document)
                cursor.insertText(new_text)  # one undo step in the field
                done += count
                answers_changed += 1
        self.find_all()
        message = ngettext(
            "Replaced {count} time in {answers} answer.", "Replaced {count} times in {answers} answers.", done
        ).format(count=done, answers=answers_changed)
        if left:
            message += " " + ngettext(
                "{left} place in a table was left as it is: change it in its table.",
                "{left} places in tables were left as they are: change them in their tables.",
                left,
            ).format(left=left)
        self.summary.setText(message)
        return done

    def _update_buttons(self) -> None:
        row = self.results.currentRow()
        can_replace = not self._read_only and 0 <= row < len(self.matches) and self.matches[row].replaceable
        self.replace_button.setEnabled(can_replace)
        self.replace_all_button.setEnabled(not self._read_only and any(m.replaceable for m in self.matches))
