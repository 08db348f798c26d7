"""Input widgets for answers, one per question type (status, text, citations, sources).

Each :class:`AnswerField` shows a stored value, emits :attr:`AnswerField.edited`
when the user changes it (never when the value is set by the program), and
returns the current value as JSON data from :meth:`AnswerField.value`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..errors import InvalidAnswerError
from ..i18n import _
from ..questionnaire.model import Question
from ..questionnaire.types import RECORD_FIELDS, STATUS_CHOICES


class AnswerField(QWidget):
    """Base of the answer inputs.

    Attributes:
        question: the question answered.
        immediate: True when an edit should be saved at once rather than after typing stops.
    """

    #: The user changed the value.
    edited = Signal()
    immediate = False

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self._loading = False

    def value(self) -> Any:
        """The current value as JSON data, ``None`` when empty.

        Raises:
            InvalidAnswerError: the input cannot be turned into a value (e.g. a year that is not a number).
        """
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        """Show ``value`` without emitting :attr:`edited`."""
        self._loading = True
        try:
            self._show(value)
        finally:
            self._loading = False

    def focus_input(self) -> None:
        """Give keyboard focus to the input."""
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show(self, value: Any) -> None:
        raise NotImplementedError

    def _user_edit(self, *_args: object) -> None:
        if not self._loading:
            self.edited.emit()


class _QuietComboBox(QComboBox):
    """A combo box that ignores the mouse wheel unless focused, so scrolling the page never changes an answer."""

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt override)
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class StatusField(AnswerField):
    """Implementation status: a list of :data:`STATUS_CHOICES` with an empty "— choose —" entry."""

    immediate = True

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.combo = _QuietComboBox(self)
        self.combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.combo.addItem(_("— choose —"), None)
        for key, label in STATUS_CHOICES:
            self.combo.addItem(_(label), key)
        self.combo.setAccessibleName(question.label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addStretch(1)
        self.setFocusProxy(self.combo)
        self.combo.currentIndexChanged.connect(self._user_edit)

    def value(self) -> str | None:
        """The chosen status key, or ``None``."""
        return self.combo.currentData()

    def _show(self, value: Any) -> None:
        index = self.combo.findData(value) if value is not None else 0
        self.combo.setCurrentIndex(max(index, 0))


class TextField(AnswerField):
    """Free text in a plain-text editor that grows with its content (native undo/redo)."""

    MIN_LINES = 3
    MAX_LINES = 18

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.editor = QPlainTextEdit(self)
        self.editor.setTabChangesFocus(True)
        self.editor.setAccessibleName(question.label)
        self.editor.setPlaceholderText(_("Type your answer here; it is saved as you type."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor)
        self.setFocusProxy(self.editor)
        self.editor.textChanged.connect(self._user_edit)
        self.editor.document().documentLayout().documentSizeChanged.connect(self._fit_height)
        self._fit_height()

    def value(self) -> str | None:
        """The text, or ``None`` when it is empty or only white space."""
        text = self.editor.toPlainText()
        return text if text.strip() else None

    def _show(self, value: Any) -> None:
        self.editor.setPlainText(value or "")

    def _fit_height(self, *_args: object) -> None:
        # Grow with the text so the page scrolls, not each box; cap it so a long answer scrolls inside.
        line = self.editor.fontMetrics().lineSpacing()
        lines = max(self.MIN_LINES, min(self.MAX_LINES, int(self.editor.document().size().height()) + 1))
        margins = self.editor.contentsMargins()
        frame = 2 * self.editor.frameWidth() + margins.top() + margins.bottom()
        self.editor.setFixedHeight(lines * line + frame + 8)


class RecordListField(AnswerField):
    """A list of records (citations of laws, sources) edited as a table with add/remove buttons.

    Columns come from :data:`RECORD_FIELDS`; the first column (title) is required
    in every row, and a ``year`` column takes a whole number.
    """

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.fields = RECORD_FIELDS[question.type]
        self.table = QTableWidget(0, len(self.fields), self)
        self.table.setHorizontalHeaderLabels([_(label) for _key, label, _schema in self.fields])
        self.table.setAccessibleName(question.label)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column, (key, _label, _schema) in enumerate(self.fields):
            mode = QHeaderView.ResizeMode.Stretch if column == 0 else QHeaderView.ResizeMode.Interactive
            header.setSectionResizeMode(column, mode)
            if key == "year":
                self.table.setColumnWidth(column, 70)
            elif column:
                self.table.setColumnWidth(column, 150)
        self.add_button = QPushButton(_("Add row"), self)
        self.remove_button = QPushButton(_("Remove row"), self)
        self.remove_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.setFocusProxy(self.table)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_selected_rows)
        self.table.itemChanged.connect(self._user_edit)
        self.table.itemSelectionChanged.connect(
            lambda: self.remove_button.setEnabled(bool(self.table.selectionModel().selectedRows()))
        )
        self._fit_height()

    def add_row(self) -> None:
        """Append an empty row and start editing its first cell."""
        row = self.table.rowCount()
        self._loading = True
        try:
            self.table.insertRow(row)
            for column in range(len(self.fields)):
                self.table.setItem(row, column, QTableWidgetItem(""))
        finally:
            self._loading = False
        self._fit_height()
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))

    def remove_selected_rows(self) -> None:
        """Remove the selected rows (an edit)."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        self._fit_height()
        if rows:
            self.edited.emit()

    def value(self) -> list[dict[str, Any]] | None:
        """The non-empty rows as records, ``None`` when there are none.

        Raises:
            InvalidAnswerError: a row without a title, or a year that is not a whole number.
        """
        records = []
        for row in range(self.table.rowCount()):
            cells = {key: self._cell(row, column) for column, (key, _l, _s) in enumerate(self.fields)}
            if not any(cells.values()):
                continue
            title_key, title_label, _schema = self.fields[0]
            if not cells[title_key]:
                raise InvalidAnswerError(
                    _("Row {row}: enter the “{column}”; the row is not saved without it.").format(
                        row=row + 1, column=_(title_label)
                    ),
                    question_id=self.question.id,
                )
            if "year" in cells:
                cells["year"] = self._year(cells["year"], row)
            records.append(cells)
        return records or None

    def _year(self, text: str, row: int) -> int | None:
        if not text:
            return None
        if text.isdigit() and 1000 <= int(text) <= 2999:
            return int(text)
        raise InvalidAnswerError(
            _("Row {row}: the year must be a whole number such as 2015, not “{text}”. It is not saved.").format(
                row=row + 1, text=text
            ),
            question_id=self.question.id,
        )

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def _show(self, value: Any) -> None:
        records = value or []
        self.table.setRowCount(0)
        for row, record in enumerate(records):
            self.table.insertRow(row)
            for column, (key, _label, _schema) in enumerate(self.fields):
                cell = record.get(key)
                self.table.setItem(row, column, QTableWidgetItem("" if cell is None else str(cell)))
        self._fit_height()

    def _fit_height(self) -> None:
        rows = max(self.table.rowCount(), 1)
        height = self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
        height += rows * self.table.verticalHeader().defaultSectionSize()
        if self.table.horizontalScrollBar().isVisible():
            height += self.table.horizontalScrollBar().sizeHint().height()
        self.table.setFixedHeight(height + 2)


def answer_field_for(question: Question, parent: QWidget | None = None) -> AnswerField:
    """The input widget for a question, chosen by its type."""
    if question.type == "status":
        return StatusField(question, parent)
    if question.type == "text":
        return TextField(question, parent)
    if question.type in RECORD_FIELDS:
        return RecordListField(question, parent)
    raise ValueError(f"no input for question type {question.type!r}")
