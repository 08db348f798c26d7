"""The Letters menu and the New letter dialog (kind, recipient, language, signatory, template, preview, export)."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...draft.records import LetterEntry
from ...errors import UntocError
from ...i18n import _
from ..dialogs.form_rows import add_field_row
from ..window.session import DraftSession
from .common import FILE_FILTERS, FORM_LABELS, KIND_LABELS, LANGUAGE_NAMES, busy_cursor

if TYPE_CHECKING:
    from ...letters import LetterOptions

# The letters core (docxtpl, Jinja2, lxml) is imported when a letter is first prepared, not when the
# window builds its Letters menu (start-up time).


def fields_help(kind: str) -> str:
    """The template fields a ``kind`` letter fills, one per line: ``{{ name }} — meaning``."""
    from ...letters import FIELDS

    return "\n".join(f"{{{{ {f.name} }}}} — {_(f.meaning)}" for f in FIELDS if kind in f.kinds)


class NewLetterDialog(QDialog):
    """Prepare a letter from the draft, preview it as plain text, export it to Word or PDF.

    The letter speaks of the draft as the session's snapshot has it (every edit typed so far),
    taken again at each preview and at export.

    Args:
        session: the open draft with its questionnaire.
        parent: parent widget.
    """

    def __init__(self, session: DraftSession, parent: QWidget | None = None) -> None:
        from ...letters import KINDS

        super().__init__(parent)
        self.setWindowTitle(_("New letter"))
        self._session = session
        workspace = session.workspace
        self.kind = QComboBox(self)
        for kind in KINDS:
            self.kind.addItem(_(KIND_LABELS[kind]), kind)
        self.recipient = QComboBox(self)
        self.recipient.addItem(_("First focal point in the address book"), "")
        for person in workspace.recipients():
            self.recipient.addItem(
                ", ".join(p for p in (person.name, person.title, person.agency) if p), person.recipient_uuid
            )
        self.language = QComboBox(self)
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(workspace.info.language)))
        self.form_of_address = QComboBox(self)
        for form, label in FORM_LABELS.items():
            self.form_of_address.addItem(_(label), form)
        # Each recipient's stored form of address is offered first; the user can still change it.
        forms = {person.recipient_uuid: person.form_of_address for person in workspace.recipients()}
        focal = next((p for p in workspace.recipients() if p.is_focal_point), None)
        forms[""] = focal.form_of_address if focal is not None else "neutral"
        self.recipient.currentIndexChanged.connect(
            lambda _i: self.form_of_address.setCurrentIndex(
                max(0, self.form_of_address.findData(forms.get(self.recipient.currentData() or "", "neutral")))
            )
        )
        self.form_of_address.setCurrentIndex(max(0, self.form_of_address.findData(forms[""])))
        self.salutation = QLineEdit(self)
        self.salutation.setPlaceholderText(_("Optional, e.g. Madame la Directrice,"))
        sender = workspace.sender()
        self.signatory = QLineEdit(sender.signatory, self)
        self.signatory_title = QLineEdit(sender.signatory_title, self)
        self.date = QDateEdit(QDate.currentDate(), self)
        self.date.setCalendarPopup(True)
        self.attachment = QLineEdit(self)
        self.attachment_button = QPushButton(_("Choose…"), self)
        self.attachment_button.setAccessibleName(_("Choose the attached submission…"))
        self.recalls = QComboBox(self)
        for entry in workspace.letters():
            self.recalls.addItem(f"{entry.reference} — {_(KIND_LABELS.get(entry.kind, entry.kind))}", entry.reference)
        self.template = QLineEdit(self)
        self.template.setPlaceholderText(_("Shipped template"))
        self.template_button = QPushButton(_("Own template…"), self)
        self.fields = QPlainTextEdit(self, readOnly=True)
        self.fields.setMaximumHeight(110)
        self.template_status = QLabel(self)
        self.template_status.setWordWrap(True)
        self.preview = QPlainTextEdit(self, readOnly=True)
        self.preview.setAccessibleName(_("Preview of the letter"))
        self._build_layout()
        self.attachment_button.clicked.connect(self._choose_attachment)
        self.template_button.clicked.connect(self._choose_template)
        for combo in (self.kind, self.recipient, self.language, self.form_of_address, self.recalls):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        for edit in (self.salutation, self.signatory, self.signatory_title, self.attachment, self.template):
            edit.textChanged.connect(lambda _t: self.refresh())
        self.date.dateChanged.connect(lambda _d: self.refresh())
        self.resize(1000, 680)
        self.refresh()

    def _build_layout(self) -> None:
        def row(*widgets: QWidget) -> QHBoxLayout:
            layout = QHBoxLayout()
            for widget in widgets:
                layout.addWidget(widget, 1 if isinstance(widget, QLineEdit) else 0)
            return layout

        form_box = QWidget(self)
        form = QFormLayout(form_box)
        form.addRow(_("Kind"), self.kind)
        form.addRow(_("Recipient"), self.recipient)
        form.addRow(_("Language"), self.language)
        form.addRow(_("Form of address"), self.form_of_address)
        form.addRow(_("Own salutation"), self.salutation)
        form.addRow(_("Signatory"), self.signatory)
        form.addRow(_("Signatory's title"), self.signatory_title)
        form.addRow(_("Date"), self.date)
        add_field_row(form, _("Attached submission"), self.attachment, self.attachment_button)
        form.addRow(_("Earlier letter referred to"), self.recalls)
        add_field_row(form, _("Template"), self.template, self.template_button)
        form.addRow(_("Template fields"), self.fields)
        form.addRow("", self.template_status)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(form_box)
        splitter.addWidget(self.preview)
        self.export_docx = QPushButton(_("Export as &Word…"), self)
        self.export_pdf = QPushButton(_("Export as &PDF…"), self)
        self.export_docx.clicked.connect(lambda: self.export("docx"))
        self.export_pdf.clicked.connect(lambda: self.export("pdf"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.export_docx, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.export_pdf, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

    def options(self) -> LetterOptions:
        """The letter options as chosen in the dialog."""
        from ...letters import LetterOptions

        day = self.date.date()
        attachment = self.attachment.text().strip()
        return LetterOptions(
            kind=self.kind.currentData(),
            language=self.language.currentData(),
            recipient_uuid=self.recipient.currentData() or "",
            form_of_address=self.form_of_address.currentData(),
            salutation=self.salutation.text().strip(),
            signatory=self.signatory.text().strip(),
            signatory_title=self.signatory_title.text().strip(),
            attachment=Path(attachment) if attachment else None,
            recalls=self.recalls.currentData() or "",
            letter_date=_dt.date(day.year(), day.month(), day.day()),
        )

    def template_path(self) -> Path | None:
        """The user's own template, or None for the shipped one."""
        text = self.template.text().strip()
        return Path(text) if text else None

    def refresh(self) -> None:
        """Update the field list, the template check and the preview after any change."""
        from ...letters import check_template, letter_text

        kind = self.kind.currentData()
        self.attachment.setEnabled(kind == "transmission")
        self.attachment_button.setEnabled(kind == "transmission")
        self.recalls.setEnabled(kind == "follow-up")
        self.fields.setPlainText(fields_help(kind))
        template = self.template_path()
        self.template_status.clear()
        if template is not None:
            try:
                check_template(template, kind)
                self.template_status.setText(_("Your template uses only known fields."))
            except UntocError as exc:
                self.template_status.setText(str(exc))
        try:
            letter = self._session.workspace.build_letter(self.options(), self._session.snapshot())
        except UntocError as exc:
            self.preview.setPlainText(str(exc))
            return
        self.preview.setPlainText(letter_text(letter))

    def _choose_attachment(self) -> None:
        path, _selected = QFileDialog.getOpenFileName(
            self,
            _("The exported submission to attach"),
            str(self._session.path.parent),
            f"{_('Submissions (*.pdf *.docx)')};;{_('All files (*)')}",
        )
        if path:
            self.attachment.setText(path)

    def _choose_template(self) -> None:
        path, _selected = QFileDialog.getOpenFileName(
            self,
            _("Your own Word template (fields listed below)"),
            str(self._session.path.parent),
            _(FILE_FILTERS["docx"]),
        )
        if path:
            self.template.setText(path)

    def export(self, fmt: str) -> LetterEntry | None:
        """Ask where to save the letter, then write and record it."""
        kind = self.kind.currentData()
        suggested = self._session.path.parent / f"{kind}-{self.language.currentData()}.{fmt}"
        path, _selected = QFileDialog.getSaveFileName(
            self, _("Save the letter as"), str(suggested), _(FILE_FILTERS[fmt])
        )
        return self.export_to(Path(path), fmt) if path else None

    def export_to(self, path: Path, fmt: str) -> LetterEntry | None:
        """Write the letter to ``path`` as ``fmt`` and record it in the log; None (after a message) on failure."""
        from ...letters import letter_text

        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(f"{path.name}.{fmt}")
        try:
            with busy_cursor():
                (letter, entry), changes = self._session.workspace.create_letter(
                    self.options(), path, fmt, self.template_path(), self._session.snapshot()
                )
            self._session.announce(changes)
        except UntocError as exc:
            QMessageBox.warning(self, _("The letter was not written"), str(exc))
            return None
        self.last_path = path
        self.preview.setPlainText(letter_text(letter))
        QMessageBox.information(
            self,
            _("Letter written"),
            _("Letter {reference} was saved as {path} and added to the letter log.").format(
                reference=entry.reference, path=path
            ),
        )
        self.recalls.addItem(f"{entry.reference} — {_(KIND_LABELS[entry.kind])}", entry.reference)
        return entry
