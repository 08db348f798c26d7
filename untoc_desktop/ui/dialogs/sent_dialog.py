"""File > Sent submissions: the register of what was sent, what changed since, and exporting a snapshot again."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ... import languages
from ...draft.records import SentEntry
from ...errors import UntocError
from ...i18n import _, interface_language
from ...questionnaire import display
from ...submissions import changes_since, export_from_snapshot, sha256_file
from ..text_direction_delegate import follow_text_direction
from ..window.session import DraftSession


def signed_by(entry: SentEntry) -> str:
    """The "Digital signature" cell: who signed a submission, "none", or for a letter the signatory it names."""
    names = ", ".join(entry.signatories)
    if entry.kind == "letter":
        return (
            _("none (signatory named in the letter: {signatories})").format(signatories=names) if names else _("none")
        )
    return names or _("none")


def channel_cell(entry: SentEntry) -> str:
    """The "Channel" cell; for a letter, with the day it went out (which may be before it was recorded)."""
    sent_on = entry.snapshot.get("sent_on") if entry.kind == "letter" else None
    if not sent_on:
        return entry.channel
    try:
        day = languages.format_date(_dt.date.fromisoformat(str(sent_on)), interface_language())
    except ValueError:
        day = str(sent_on)
    return _("{channel}, sent on {date}").format(channel=entry.channel, date=day)


class SentSubmissionsDialog(QDialog):
    """The register of the draft: one row per submission or letter that went out.

    Args:
        session: the open draft.
        parent: parent widget.
    """

    def __init__(self, session: DraftSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Sent submissions"))
        self._session = session
        self.entries: list[SentEntry] = session.workspace.sent_entries()
        headers = [
            _("#"),
            _("Date"),
            _("What"),
            _("File"),
            _("Digital signature"),
            _("Recipient"),
            _("Channel"),
            _("SHA-256"),
        ]
        self.table = QTableWidget(len(self.entries), len(headers), self)
        follow_text_direction(self.table)  # each cell in its own text's direction
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setAccessibleName(_("Sent submissions"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        kinds = {"submission": _("Submission"), "letter": _("Letter")}
        for row, entry in enumerate(self.entries):
            when = (
                _("{date}, {time}").format(
                    date=languages.format_date(entry.recorded_at.astimezone(), interface_language()),
                    time=entry.recorded_at.astimezone().strftime("%H:%M"),
                )
                if entry.recorded_at
                else ""
            )
            cells = (
                str(entry.number),
                when,
                f"{kinds.get(entry.kind, entry.kind)} ({entry.format})",
                entry.file_name,
                signed_by(entry),
                entry.recipient,
                channel_cell(entry),
                entry.sha256,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(7, 180)
        self.changes = QPlainTextEdit(self, readOnly=True)
        self.changes.setAccessibleName(_("Changes since the chosen submission"))
        self.empty = QLabel(
            _("Nothing recorded yet: signed and exported submissions and sent letters appear here."), self
        )
        self.empty.setVisible(not self.entries)
        self.export_button = QPushButton(_("Export this snapshot again…"), self)
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export_again)
        self.table.itemSelectionChanged.connect(self._selected)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.changes)
        splitter.setSizes([260, 160])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(980, 520)
        if self.entries:
            self.table.selectRow(len(self.entries) - 1)

    def current(self) -> SentEntry | None:
        """The selected entry."""
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows else None

    def _selected(self) -> None:
        entry = self.current()
        self.export_button.setEnabled(entry is not None and entry.kind == "submission")
        if entry is None:
            self.changes.setPlainText("")
        elif entry.kind != "submission":
            self.changes.setPlainText(_("A letter: write it again from Letters > Letter log."))
        else:
            now = self._session.snapshot()  # with every edit typed so far
            changed = changes_since(entry, now.answers, now.info)
            if not changed:
                self.changes.setPlainText(_("Nothing changed in the draft since this submission was recorded."))
            else:
                labels = {q.id: display.question_label(q) for q in self._session.definition.questions()}
                lines = [f"{labels.get(q, q)} [{q}]" for q in changed]
                self.changes.setPlainText(
                    _("Changed in the draft since then ({count}):").format(count=len(changed)) + "\n" + "\n".join(lines)
                )

    def export_again(self, path: Path | None = None) -> Path | None:
        """Export the selected snapshot again and say whether it is identical to the recorded export."""
        entry = self.current()
        if entry is None or entry.kind != "submission":
            return None
        if path is None:
            suggested = self._session.path.with_name(f"again – {entry.file_name}")
            chosen, _f = QFileDialog.getSaveFileName(self, _("Export the snapshot again"), str(suggested))
            if not chosen:
                return None
            path = Path(chosen)
        try:
            written = export_from_snapshot(entry.snapshot, path)
        except UntocError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return None
        digest, expected = sha256_file(written), entry.snapshot.get("export_sha256", entry.sha256)
        if digest == expected:
            text = _("{name} is identical to the file exported then (SHA-256 {sha256}).").format(
                name=written.name, sha256=digest
            )
            if entry.signatories:
                text += "\n" + _(
                    "The signatures are not part of the snapshot: the signed file is the one that was sent."
                )
            QMessageBox.information(self, self.windowTitle(), text)
        else:
            QMessageBox.warning(
                self,
                self.windowTitle(),
                _("{name} differs from the file exported then (SHA-256 {sha256} instead of {expected}).").format(
                    name=written.name, sha256=digest, expected=expected
                ),
            )
        return written
