"""The draft's address book (focal points and other officials) and the sender's details for letters."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..draft.correspondence import Recipient, recipients, save_recipient
from ..draft.store import Draft
from ..errors import UntocError
from ..i18n import _
from ..letters import Sender, save_sender, sender_of


class AddressBookDialog(QDialog):
    """Add and edit the recipients of letters; each save is one write to the draft.

    Args:
        draft: the open draft.
        parent: parent widget.
    """

    def __init__(self, draft: Draft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Address book"))
        self._draft = draft
        self.entries = QListWidget(self)
        self.name, self.title, self.agency, self.email = (QLineEdit(self) for _i in range(4))
        self.address = QPlainTextEdit(self)
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(80)
        self.focal_point = QCheckBox(_("Focal point of the State party for the Review Mechanism"), self)
        form = QFormLayout()
        form.addRow(_("Name"), self.name)
        form.addRow(_("Title"), self.title)
        form.addRow(_("Ministry or agency"), self.agency)
        form.addRow(_("Postal address"), self.address)
        form.addRow(_("E-mail"), self.email)
        form.addRow("", self.focal_point)
        self.new_button = QPushButton(_("&New recipient"), self)
        self.save_button = QPushButton(_("&Save recipient"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch()
        buttons.addWidget(self.save_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addLayout(buttons)
        layout = QHBoxLayout()
        layout.addWidget(self.entries, 1)
        layout.addLayout(right, 2)
        outer = QVBoxLayout(self)
        outer.addLayout(layout)
        outer.addWidget(close)
        self.new_button.clicked.connect(self.clear_form)
        self.save_button.clicked.connect(self.save_current)
        self.entries.currentItemChanged.connect(lambda item, _previous: self._show(item))
        self._current_uuid = ""
        self.reload()

    def reload(self, select_uuid: str = "") -> None:
        """Show the address book again, selecting ``select_uuid`` when given."""
        self.entries.clear()
        for recipient in recipients(self._draft):
            label = recipient.name + (f" — {_('focal point')}" if recipient.is_focal_point else "")
            item = QListWidgetItem(label, self.entries)
            item.setData(256, recipient)
            if recipient.recipient_uuid == select_uuid:
                self.entries.setCurrentItem(item)

    def _show(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        recipient: Recipient = item.data(256)
        self._current_uuid = recipient.recipient_uuid
        self.name.setText(recipient.name)
        self.title.setText(recipient.title)
        self.agency.setText(recipient.agency)
        self.address.setPlainText(recipient.postal_address)
        self.email.setText(recipient.email)
        self.focal_point.setChecked(recipient.is_focal_point)

    def clear_form(self) -> None:
        """Start a new recipient."""
        self._current_uuid = ""
        self.entries.setCurrentItem(None)
        for edit in (self.name, self.title, self.agency, self.email):
            edit.clear()
        self.address.clear()
        self.focal_point.setChecked(False)
        self.name.setFocus()

    def save_current(self) -> Recipient | None:
        """Save the form as a new recipient or over the selected one; None (after a message) on failure."""
        if not self.name.text().strip():
            QMessageBox.warning(self, _("The recipient was not saved"), _("Give the recipient's name."))
            return None
        recipient = Recipient(self.name.text().strip(), self.title.text().strip(), self.agency.text().strip(),
                              self.address.toPlainText().strip(), self.email.text().strip(),
                              self.focal_point.isChecked(), self._current_uuid)
        try:
            saved = save_recipient(self._draft, recipient)
        except UntocError as exc:
            QMessageBox.warning(self, _("The recipient was not saved"), str(exc))
            return None
        self.reload(saved.recipient_uuid)
        return saved


class SenderDialog(QDialog):
    """The organisation's address, signatory and reference scheme, stored in the draft.

    Args:
        draft: the open draft.
        parent: parent widget.
    """

    def __init__(self, draft: Draft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Sender details"))
        self._draft = draft
        sender = sender_of(draft)
        self.address = QPlainTextEdit(sender.address, self)
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(80)
        self.email = QLineEdit(sender.email, self)
        self.signatory = QLineEdit(sender.signatory, self)
        self.signatory_title = QLineEdit(sender.signatory_title, self)
        self.reference_scheme = QLineEdit(sender.reference_scheme, self)
        self.reference_scheme.setToolTip(_("{year} and {number} are replaced, e.g. CJR/{year}/{number:03d} gives "
                                           "CJR/2026/003."))
        form = QFormLayout(self)
        form.addRow(_("Organisation"), QLineEdit(draft.info.organization, self, readOnly=True))
        form.addRow(_("Postal address"), self.address)
        form.addRow(_("E-mail"), self.email)
        form.addRow(_("Signatory"), self.signatory)
        form.addRow(_("Signatory's title"), self.signatory_title)
        form.addRow(_("Reference numbers"), self.reference_scheme)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def sender(self) -> Sender:
        """The details as typed."""
        return replace(Sender(), address=self.address.toPlainText().strip(), email=self.email.text().strip(),
                       signatory=self.signatory.text().strip(), signatory_title=self.signatory_title.text().strip(),
                       reference_scheme=self.reference_scheme.text().strip())

    def accept(self) -> None:
        """Save, or keep the dialog open with the reason when the details cannot be stored."""
        try:
            save_sender(self._draft, self.sender())
        except UntocError as exc:
            QMessageBox.warning(self, _("The sender details were not saved"), str(exc))
            return
        super().accept()
