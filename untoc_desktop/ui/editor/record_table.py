"""Record-list answers (citations, sources, cases, statistics) edited as a table with add/remove buttons."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...errors import InvalidAnswerError
from ...i18n import _
from ...questionnaire.display import question_label
from ...questionnaire.model import Paragraph, Question
from ...questionnaire.types import RECORD_FIELDS
from ...sharing.values import ROW_ID, with_row_ids
from ..text_direction_delegate import follow_text_direction
from .accessible_names import record_button_names
from .answer_widgets import AnswerField, parse_number
from .record_picker import RecordPicker

_ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _new_row_id() -> str:
    return uuid.uuid4().hex[:16]


def _schema_types(schema: dict[str, Any]) -> set[str]:
    kind = schema.get("type", "string")
    return set(kind) if isinstance(kind, list) else {kind}


class RecordListField(AnswerField):
    """A list of records as a table; columns and cell types come from :data:`RECORD_FIELDS`.

    Each row keeps its record's ``row_id`` (a new one for a new row), so that merging
    colleagues' copies matches records, not texts (see :mod:`untoc_desktop.sharing.values`).
    The first column is required in every non-empty row. Integer columns (years)
    take whole numbers, number columns take decimals; empty cells are stored as
    ``null`` where the schema allows it and as ``""`` for text.

    Args:
        question: the question answered.
        known_records: record type -> records already entered in the draft; when given,
            an "Insert existing…" button offers them (cross-references, no retyping).
    """

    #: Record types offered for cross-reference insertion.
    CROSS_REFERENCE_TYPES = ("citations", "cases", "sources")

    def __init__(
        self,
        question: Question,
        parent: QWidget | None = None,
        known_records: Callable[[str], list[dict[str, Any]]] | None = None,
    ) -> None:
        super().__init__(question, parent)
        self._known_records = known_records
        self.fields = RECORD_FIELDS[question.type]
        self.table = QTableWidget(0, len(self.fields), self)
        follow_text_direction(self.table)  # each cell in its own text's direction
        self.table.setHorizontalHeaderLabels([_(label) for _key, label, _schema in self.fields])
        self.table.setAccessibleName(question_label(question))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Tab leaves the table (arrow keys move between cells): a keyboard user is never trapped in it.
        self.table.setTabKeyNavigation(False)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column, (key, _label, schema) in enumerate(self.fields):
            numeric = bool(_schema_types(schema) & {"integer", "number"})
            wide = not numeric and key in ("title", "court", "outcome", "source")
            header.setSectionResizeMode(
                column, QHeaderView.ResizeMode.Stretch if wide else QHeaderView.ResizeMode.Interactive
            )
            if not wide:
                self.table.setColumnWidth(column, 80 if numeric else 160)
        self.add_button = QPushButton(_("Add row"), self)
        self.remove_button = QPushButton(_("Remove row"), self)
        self.remove_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        self.insert_button: QPushButton | None = None
        if known_records is not None and question.type in self.CROSS_REFERENCE_TYPES:
            self.insert_button = QPushButton(_("Insert existing…"), self)
            self.insert_button.setToolTip(_("Copy an entry already given elsewhere in this draft"))
            self.insert_button.clicked.connect(self.insert_existing)
            buttons.addWidget(self.insert_button)
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

    def name_for(self, paragraph: Paragraph) -> None:
        """Name the table and its buttons by the question, the kind of record and where they are.

        ("Add a law to paragraph 2(a), article 5 (Convention)": a page has one such list per paragraph.)
        """
        super().name_for(paragraph)
        add, remove, insert = record_button_names(self.question.type, paragraph)
        self.add_button.setAccessibleName(add)
        self.remove_button.setAccessibleName(remove)
        self.remove_button.setAccessibleDescription(_("Select the rows to remove in the table first."))
        if self.insert_button is not None:
            self.insert_button.setAccessibleName(insert)

    def add_row(self) -> None:
        """Append an empty row and start editing its first cell."""
        row = self.table.rowCount()
        self._loading = True
        try:
            self.table.insertRow(row)
            for column in range(len(self.fields)):
                self.table.setItem(row, column, QTableWidgetItem(""))
            self._item(row, 0).setData(_ROW_ID_ROLE, _new_row_id())
        finally:
            self._loading = False
        self._fit_height()
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self._item(row, 0))

    def insert_existing(self) -> bool:
        """Let the user pick a record entered elsewhere in the draft and append a copy (an edit)."""
        records = self._known_records(self.question.type) if self._known_records is not None else []
        if not records:
            QMessageBox.information(
                self, _("Insert existing…"), _("Nothing of this kind has been entered elsewhere in the draft yet.")
            )
            return False
        picker = RecordPicker(records, self.question.type, self)
        if picker.exec() != RecordPicker.DialogCode.Accepted or (record := picker.chosen()) is None:
            return False
        self.insert_record(record)
        return True

    def insert_record(self, record: dict[str, Any]) -> None:
        """Append a copy of ``record`` as a new row and report the edit."""
        row = self.table.rowCount()
        self._loading = True
        try:
            self.table.insertRow(row)
            for column, (key, _label, _schema) in enumerate(self.fields):
                cell = record.get(key)
                self.table.setItem(row, column, QTableWidgetItem("" if cell is None else str(cell)))
            self._item(row, 0).setData(_ROW_ID_ROLE, _new_row_id())  # a copy is a record of its own
        finally:
            self._loading = False
        self._fit_height()
        self.edited.emit()

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
            InvalidAnswerError: a row without its first field, or a number that cannot be read.
        """
        records = []
        for row in range(self.table.rowCount()):
            texts = [self._cell(row, column) for column in range(len(self.fields))]
            if not any(texts):
                continue
            if not texts[0]:
                raise self._problem(_("Row {row}: enter the “{column}”; the row is not saved without it."), row, 0)
            record = {}
            for column, (key, _label, schema) in enumerate(self.fields):
                record[key] = self._convert(texts[column], schema, row, column)
            record[ROW_ID] = self._row_id(row)
            records.append(record)
        return records or None

    def _convert(self, text: str, schema: dict[str, Any], row: int, column: int) -> Any:
        kinds = _schema_types(schema)
        if not kinds & {"integer", "number"}:
            return text
        if not text:
            return None
        number = parse_number(text, integer="number" not in kinds)
        if number is None:
            if "number" in kinds:
                raise self._problem(_("Row {row}: “{column}” must be a number, not “{text}”."), row, column, text)
            raise self._problem(
                _("Row {row}: “{column}” must be a whole number such as 2015, not “{text}”."), row, column, text
            )
        low, high = schema.get("minimum"), schema.get("maximum")
        if (low is not None and number < low) or (high is not None and number > high):
            raise self._problem(
                _("Row {row}: “{column}” must be between {low} and {high}, not {text}."),
                row,
                column,
                text,
                low=low,
                high=high,
            )
        return number

    def _problem(self, message: str, row: int, column: int, text: str = "", **extra: Any) -> InvalidAnswerError:
        label = _(self.fields[column][1])
        full = message.format(row=row + 1, column=label, text=text, **extra) + " " + _("It is not saved yet.")
        return InvalidAnswerError(full, question_id=self.question.id)

    def _item(self, row: int, column: int) -> QTableWidgetItem:
        """The item of a cell that was just filled (every cell gets one when its row is made)."""
        item = self.table.item(row, column)
        assert item is not None, (row, column)
        return item

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def _row_id(self, row: int) -> str:
        item = self.table.item(row, 0)
        if item is None:
            item = QTableWidgetItem("")
            self.table.setItem(row, 0, item)
        if not item.data(_ROW_ID_ROLE):
            item.setData(_ROW_ID_ROLE, _new_row_id())
        return str(item.data(_ROW_ID_ROLE))

    def _show(self, value: Any) -> None:
        records = with_row_ids([r for r in value or [] if isinstance(r, dict)])
        self.table.setRowCount(0)
        for row, record in enumerate(records):
            self.table.insertRow(row)
            for column, (key, _label, _schema) in enumerate(self.fields):
                cell = record.get(key)
                self.table.setItem(row, column, QTableWidgetItem("" if cell is None else str(cell)))
            self._item(row, 0).setData(_ROW_ID_ROLE, record[ROW_ID])
        self._fit_height()

    def _fit_height(self) -> None:
        # The page scrolls, not the table: show every row.
        rows = max(self.table.rowCount(), 1)
        height = self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
        height += rows * self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(height + 2)
