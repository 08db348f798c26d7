"""The letter log: every letter of the draft (kind, recipient, language, created, sent); Regenerate; Mark as sent."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...draft.records import LetterEntry
from ...errors import UntocError
from ...i18n import N_, _
from ...letters import regenerate_letter
from ...letters.letter_log import letter_date
from ...workspace import Workspace
from ..text_direction_delegate import follow_text_direction
from .common import FILE_FILTERS, KIND_LABELS, LANGUAGE_NAMES, busy_cursor

COLUMNS = (N_("Reference"), N_("Kind"), N_("Recipient"), N_("Language"), N_("Created"), N_("Sent"))
CHANNELS = (N_("e-mail"), N_("post"), N_("hand delivery"), N_("diplomatic pouch"))


class MarkSentDialog(QDialog):
    """Asks when and how a letter was sent."""

    def __init__(self, reference: str, parent: QWidget | None = None, dated: _dt.date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Mark {reference} as sent").format(reference=reference))
        self.date = QDateEdit(QDate.currentDate(), self)
        self.date.setCalendarPopup(True)
        # Between the date on the letter and today: a letter is not sent before it is dated, nor in the future.
        self.date.setMaximumDate(QDate.currentDate())
        if dated is not None and dated <= _dt.date.today():
            self.date.setMinimumDate(QDate(dated.year, dated.month, dated.day))
        self.channel = QComboBox(self)
        self.channel.setEditable(True)
        self.channel.addItems([_(c) for c in CHANNELS])
        form = QFormLayout(self)
        form.addRow(_("Sent on"), self.date)
        form.addRow(_("Sent by"), self.channel)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def sent_on(self) -> _dt.date:
        """The date chosen."""
        day = self.date.date()
        return _dt.date(day.year(), day.month(), day.day())


class LetterLogDialog(QDialog):
    """The draft's letters, oldest first.

    Args:
        workspace: the open draft.
        parent: parent widget.
    """

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Letter log"))
        self._workspace = workspace
        self.entries: list[LetterEntry] = []
        self.table = QTableWidget(0, len(COLUMNS), self)
        follow_text_direction(self.table)  # each cell in its own text's direction
        self.table.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        self.table.setAccessibleName(_("Letter log"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.regenerate_button = QPushButton(_("&Regenerate…"), self)
        self.sent_button = QPushButton(_("&Mark as sent…"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.regenerate_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.sent_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.regenerate_button.clicked.connect(self._regenerate)
        self.sent_button.clicked.connect(self._mark_sent)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(860, 380)
        self.reload()

    def reload(self) -> None:
        """Read the log again."""
        names = {r.recipient_uuid: r.name for r in self._workspace.recipients()}
        self.entries = self._workspace.letters()
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            created = entry.created_at.astimezone().strftime("%Y-%m-%d %H:%M") if entry.created_at else ""
            sent = f"{entry.sent_on} ({entry.sent_channel})" if entry.sent_on else _("not sent")
            values = (
                entry.reference,
                _(KIND_LABELS.get(entry.kind, entry.kind)),
                names.get(entry.recipient_uuid, ""),
                LANGUAGE_NAMES.get(entry.language, entry.language),
                created,
                sent,
            )
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = self.selected_row() is not None
        self.regenerate_button.setEnabled(selected)
        self.sent_button.setEnabled(selected)

    def selected_row(self) -> int | None:
        """The selected row, or None."""
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _regenerate(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        entry = self.entries[row]
        suggested = self._workspace.path.parent / (entry.reference.replace("/", "-") + ".pdf")
        path, selected = QFileDialog.getSaveFileName(
            self, _("Save the letter again as"), str(suggested), f"{_(FILE_FILTERS['pdf'])};;{_(FILE_FILTERS['docx'])}"
        )
        if path:
            fmt = "docx" if path.lower().endswith(".docx") or "docx" in selected else "pdf"
            self.regenerate_to(row, Path(path), fmt)

    def regenerate_to(self, row: int, path: Path, fmt: str) -> bool:
        """Write the letter of ``row`` again to ``path``; False (after a message) on failure."""
        try:
            with busy_cursor():
                regenerate_letter(self.entries[row], path, fmt)
        except UntocError as exc:
            QMessageBox.warning(self, _("The letter was not written"), str(exc))
            return False
        return True

    def _mark_sent(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        dialog = MarkSentDialog(self.entries[row].reference, self, dated=letter_date(self.entries[row]))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.mark_sent(row, dialog.sent_on(), dialog.channel.currentText())

    def mark_sent(self, row: int, sent_on: _dt.date, channel: str) -> bool:
        """Record that the letter of ``row`` was sent; False (after a message) on failure."""
        try:
            self._workspace.mark_letter_sent(self.entries[row].reference, sent_on, channel)
        except UntocError as exc:
            QMessageBox.warning(self, _("The letter was not marked as sent"), str(exc))
            return False
        self.reload()
        self.table.selectRow(row)
        return True
