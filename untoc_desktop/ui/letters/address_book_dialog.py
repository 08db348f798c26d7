"""The draft's address book (focal points and other officials) and the sender's details for letters."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import replace
from itertools import pairwise
from typing import cast

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...draft.records import Recipient
from ...errors import UntocError
from ...i18n import _
from ...letters import Sender
from ...letters.context import next_reference
from ...letters.wording import FORM_OF_ADDRESS_LABELS as FORM_LABELS
from ...workspace import Workspace
from ..text_direction_delegate import follow_text_direction


class AddressBookDialog(QDialog):
    """Add, edit and delete the recipients of letters; each save is one write to the draft.

    Enter saves the form; moving to another entry, starting a new one or closing with
    unsaved changes asks first; a deleted recipient can be brought back with Undo.

    Args:
        workspace: the open draft.
        parent: parent widget.
    """

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Address book"))
        self._workspace = workspace
        self.entries = QListWidget(self)
        follow_text_direction(self.entries)  # each cell in its own text's direction
        self.entries.setAccessibleName(_("Recipients"))
        self.name, self.title, self.agency = (QLineEdit(self) for _i in range(3))
        self.address = QPlainTextEdit(self)
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(80)
        self.email = QLineEdit(self)
        self.form_of_address = QComboBox(self)
        for form_code, label in FORM_LABELS.items():
            self.form_of_address.addItem(_(label), form_code)
        self.focal_point = QCheckBox(_("Focal point of the State party for the Review Mechanism"), self)
        form = QFormLayout()
        for label, widget in (
            (_("&Name"), self.name),
            (_("&Title"), self.title),
            (_("&Ministry or agency"), self.agency),
            (_("&Postal address"), self.address),
            (_("&E-mail"), self.email),
            (_("&Form of address"), self.form_of_address),
        ):
            buddy = QLabel(label, self)
            buddy.setBuddy(widget)
            widget.setAccessibleName(label.replace("&", ""))
            form.addRow(buddy, widget)
        form.addRow("", self.focal_point)
        self.save_button = QPushButton(_("&Save recipient"), self)
        self.save_button.setDefault(True)
        self.new_button = QPushButton(_("Ne&w recipient"), self)
        self.delete_button = QPushButton(_("&Delete recipient"), self)
        self.undo_button = QPushButton(_("&Undo delete"), self)
        for button in (self.new_button, self.delete_button, self.undo_button):
            button.setAutoDefault(False)
        self.undo_button.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch()
        buttons.addWidget(self.save_button)
        self.message = QLabel(self)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        for close_button in close.buttons():
            if isinstance(close_button, QPushButton):  # a button box makes push buttons
                close_button.setAutoDefault(False)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addLayout(buttons)
        right.addWidget(self.message)
        layout = QHBoxLayout()
        layout.addWidget(self.entries, 1)
        layout.addLayout(right, 2)
        outer = QVBoxLayout(self)
        outer.addLayout(layout)
        outer.addWidget(close)
        order = [
            self.entries,
            self.name,
            self.title,
            self.agency,
            self.address,
            self.email,
            self.form_of_address,
            self.focal_point,
            self.save_button,
            self.new_button,
            self.delete_button,
            *close.buttons(),
        ]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        self.new_button.clicked.connect(self.new_recipient)
        self.save_button.clicked.connect(self.save_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.undo_button.clicked.connect(self.undo_delete)
        self.entries.currentItemChanged.connect(self._entry_changed)
        self._current_uuid = ""
        self._shown = self._form_values()
        self._deleted: Recipient | None = None
        self._switching = False
        self.reload()

    # -- state -------------------------------------------------------------------------

    def _form_values(self) -> tuple:
        return (
            self.name.text(),
            self.title.text(),
            self.agency.text(),
            self.address.toPlainText(),
            self.email.text(),
            self.form_of_address.currentData(),
            self.focal_point.isChecked(),
        )

    def has_unsaved_changes(self) -> bool:
        """Whether the form differs from what was last shown or saved."""
        return self._form_values() != self._shown

    def _confirm_leave(self) -> bool:
        """Ask what to do with unsaved changes: True to go on (saved or discarded), False to stay."""
        if not self.has_unsaved_changes():
            return True
        answer = QMessageBox.question(
            self,
            _("Unsaved recipient"),
            _("Save the changes to this recipient first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save_current() is not None
        return answer == QMessageBox.StandardButton.Discard

    def reload(self, select_uuid: str = "") -> None:
        """Show the address book again, selecting ``select_uuid`` when given."""
        self._switching = True
        try:
            self.entries.clear()
            for recipient in self._workspace.recipients():
                label = recipient.name + (f" — {_('focal point')}" if recipient.is_focal_point else "")
                item = QListWidgetItem(label, self.entries)
                item.setData(256, recipient)
                if recipient.recipient_uuid == select_uuid:
                    self.entries.setCurrentItem(item)
        finally:
            self._switching = False
        self.delete_button.setEnabled(bool(self._current_uuid))

    def _entry_changed(self, item: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        if self._switching or item is None:
            return
        recipient: Recipient = item.data(256)
        if recipient.recipient_uuid == self._current_uuid:
            return
        if not self._confirm_leave():
            self._switching = True
            self._set_current_entry(previous)
            self._switching = False
            return
        self._show(recipient)

    def _set_current_entry(self, item: QListWidgetItem | None) -> None:
        # Qt accepts no item (no current entry); PySide6's stubs leave None out of setCurrentItem().
        self.entries.setCurrentItem(cast(QListWidgetItem, item))

    def _show(self, recipient: Recipient) -> None:
        self._current_uuid = recipient.recipient_uuid
        self.name.setText(recipient.name)
        self.title.setText(recipient.title)
        self.agency.setText(recipient.agency)
        self.address.setPlainText(recipient.postal_address)
        self.email.setText(recipient.email)
        self.form_of_address.setCurrentIndex(max(0, self.form_of_address.findData(recipient.form_of_address)))
        self.focal_point.setChecked(recipient.is_focal_point)
        self._shown = self._form_values()
        self.delete_button.setEnabled(True)

    # -- commands ----------------------------------------------------------------------

    def new_recipient(self) -> bool:
        """Start a new recipient (after asking about unsaved changes)."""
        if not self._confirm_leave():
            return False
        self.clear_form()
        return True

    def clear_form(self) -> None:
        """Empty the form for a new recipient."""
        self._current_uuid = ""
        self._switching = True
        self._set_current_entry(None)
        self.entries.clearSelection()
        self._switching = False
        for edit in (self.name, self.title, self.agency, self.email):
            edit.clear()
        self.address.clear()
        self.form_of_address.setCurrentIndex(0)
        self.focal_point.setChecked(False)
        self._shown = self._form_values()
        self.delete_button.setEnabled(False)
        self.name.setFocus()

    def save_current(self) -> Recipient | None:
        """Save the form as a new recipient or over the selected one; None (after a message) on failure."""
        if not self.name.text().strip():
            QMessageBox.warning(self, _("The recipient was not saved"), _("Give the recipient's name."))
            self.name.setFocus()
            return None
        recipient = Recipient(
            self.name.text().strip(),
            self.title.text().strip(),
            self.agency.text().strip(),
            self.address.toPlainText().strip(),
            self.email.text().strip(),
            self.focal_point.isChecked(),
            self._current_uuid,
            self.form_of_address.currentData(),
        )
        try:
            saved, _changes = self._workspace.save_recipient(recipient)
        except UntocError as exc:
            QMessageBox.warning(self, _("The recipient was not saved"), str(exc))
            return None
        self._current_uuid = saved.recipient_uuid
        self.reload(saved.recipient_uuid)
        self._show(saved)
        self.message.setText(_("Saved {name}.").format(name=saved.name))
        return saved

    def delete_current(self) -> Recipient | None:
        """Delete the selected recipient; Undo delete brings them back."""
        if not self._current_uuid:
            return None
        try:
            removed, _changes = self._workspace.delete_recipient(self._current_uuid)
        except UntocError as exc:
            QMessageBox.warning(self, _("The recipient was not deleted"), str(exc))
            return None
        self._deleted = removed
        self.clear_form()
        self.reload()
        self.undo_button.show()
        self.message.setText(_("Deleted {name}.").format(name=removed.name))
        return removed

    def undo_delete(self) -> Recipient | None:
        """Put the recipient deleted last back in the address book."""
        if self._deleted is None:
            return None
        try:
            restored, _changes = self._workspace.restore_recipient(self._deleted)
        except UntocError as exc:
            QMessageBox.warning(self, _("The recipient was not restored"), str(exc))
            return None
        self._deleted = None
        self.undo_button.hide()
        self.reload(restored.recipient_uuid)
        self._show(restored)
        self.message.setText(_("Restored {name}.").format(name=restored.name))
        return restored

    def reject(self) -> None:
        """Close, after asking about unsaved changes."""
        if self._confirm_leave():
            super().reject()


_SCHEME = re.compile(
    r"^(?P<prefix>[^{}]*?)(?:\{year\}(?P<separator>[^{}]*))?"
    r"\{number(?::0?(?P<digits>[1-9])d)?\}(?P<suffix>[^{}]*)$"
)


def scheme_parts(scheme: str) -> tuple[str, bool, int, str] | None:
    """A reference scheme as (prefix, with the year, digits, suffix), or ``None`` for one made by hand.

    ``"CJR/{year}/{number:03d}"`` -> ``("CJR/", True, 3, "")`` (the separator after the year is
    kept in the suffix position of the year part: always ``/`` in schemes this dialog makes).
    """
    match = _SCHEME.match(scheme or "")
    if match is None or (match.group("separator") not in (None, "/")):
        return None
    return (
        match.group("prefix"),
        match.group("separator") is not None,
        int(match.group("digits") or 1),
        match.group("suffix"),
    )


def make_scheme(prefix: str, with_year: bool, digits: int, suffix: str = "") -> str:
    """The reference scheme for the parts chosen in words (braces typed by the user are dropped)."""
    clean = lambda text: text.replace("{", "").replace("}", "")  # noqa: E731
    year = "{year}/" if with_year else ""
    return f"{clean(prefix)}{year}{{number:0{max(1, min(6, digits))}d}}{clean(suffix)}"


class SenderDialog(QDialog):
    """The organisation's address, signatory and how letters are numbered, stored in the draft.

    Reference numbers are described in words (a prefix, whether the year is included, how many
    digits), with an example of the next numbers; Enter saves.

    Args:
        workspace: the open draft.
        parent: parent widget.
    """

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Sender details"))
        self._workspace = workspace
        sender = workspace.sender()
        self.organization = QLineEdit(workspace.info.organization, self, readOnly=True)
        self.address = QPlainTextEdit(sender.address, self)
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(80)
        self.email = QLineEdit(sender.email, self)
        self.signatory = QLineEdit(sender.signatory, self)
        self.signatory_title = QLineEdit(sender.signatory_title, self)
        parts = scheme_parts(sender.reference_scheme) or ("", True, 3, "")
        self._custom_scheme = sender.reference_scheme if scheme_parts(sender.reference_scheme) is None else ""
        self.prefix = QLineEdit(parts[0], self)
        self.prefix.setPlaceholderText(_("e.g. CJR/"))
        self.with_year = QCheckBox(_("Include the &year"), self)
        self.with_year.setChecked(parts[1])
        self.digits = QSpinBox(self)
        self.digits.setRange(1, 6)
        self.digits.setValue(parts[2])
        self._suffix = parts[3]
        self.example = QLabel(self)
        form = QFormLayout(self)
        rows = (
            (_("Organisation"), self.organization),
            (_("&Postal address"), self.address),
            (_("&E-mail"), self.email),
            (_("&Signatory"), self.signatory),
            (_("Signatory's &title"), self.signatory_title),
            (_("Reference &prefix"), self.prefix),
            ("", self.with_year),
            (_("&Digits in the number"), self.digits),
            (_("Next references"), self.example),
        )
        for label, widget in rows:
            if label:
                buddy = QLabel(label, self)
                buddy.setBuddy(widget)
                widget.setAccessibleName(label.replace("&", ""))
                form.addRow(buddy, widget)
            else:
                form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        order = [
            self.address,
            self.email,
            self.signatory,
            self.signatory_title,
            self.prefix,
            self.with_year,
            self.digits,
            *buttons.buttons(),
        ]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        for signal in (self.prefix.textChanged, self.with_year.toggled, self.digits.valueChanged):
            signal.connect(self._parts_changed)
        self._show_example()
        self._saved_sender = self.typed_sender()
        self.address.setFocus()

    def reference_scheme(self) -> str:
        """The scheme the fields describe (a scheme made by hand is kept until a field is changed)."""
        return self._custom_scheme or make_scheme(
            self.prefix.text(), self.with_year.isChecked(), self.digits.value(), self._suffix
        )

    def _parts_changed(self, *_args: object) -> None:
        self._custom_scheme = ""
        self._show_example()

    def _show_example(self) -> None:
        year = _dt.date.today().year
        try:
            first = next_reference(self.reference_scheme(), year, set())
            second = next_reference(self.reference_scheme(), year, {first})
            self.example.setText(_("{first}, {second}…").format(first=first, second=second))
        except UntocError as exc:
            self.example.setText(str(exc))

    def typed_sender(self) -> Sender:
        """The details as typed (not ``QObject.sender()``, which this dialog leaves alone)."""
        return replace(
            Sender(),
            address=self.address.toPlainText().strip(),
            email=self.email.text().strip(),
            signatory=self.signatory.text().strip(),
            signatory_title=self.signatory_title.text().strip(),
            reference_scheme=self.reference_scheme(),
        )

    def accept(self) -> None:
        """Save, or keep the dialog open with the reason when the details cannot be stored."""
        try:
            self._workspace.save_sender(self.typed_sender())
        except UntocError as exc:
            QMessageBox.warning(self, _("The sender details were not saved"), str(exc))
            return
        self._saved_sender = self.typed_sender()
        super().accept()

    def reject(self) -> None:
        """Close; with unsaved changes, ask first (Save, Discard or stay)."""
        if self.typed_sender() != self._saved_sender:
            answer = QMessageBox.question(
                self,
                _("Unsaved sender details"),
                _("Save the changes to the sender details first?"),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save,
            )
            if answer == QMessageBox.StandardButton.Save:
                self.accept()
                return
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()
