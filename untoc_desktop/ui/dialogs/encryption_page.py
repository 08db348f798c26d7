"""Preferences > Encryption: the personal key (text and QR code), the recovery code, the team.

Everything shown here is public (keys ``age1…``, the recovery key's
fingerprint), except the recovery code, shown once in
:class:`RecoveryCodeShownOnce` right after it is made and never again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...encryption.keys import create_personal_key, usable_keyring
from ...encryption.organisation import OrganisationRecovery, set_up_recovery
from ...encryption.qr import qr_png
from ...encryption.recovery import grouped
from ...encryption.settings import EncryptionSettings, load_settings, save_settings
from ...errors import UntocError
from ...i18n import _

KEY_ROLE = Qt.ItemDataRole.UserRole


class RecoveryCodeShownOnce(QDialog):
    """The new recovery code, shown this once, with where its sheet was saved.

    The dialog closes only after the user confirms the sheet is printed or saved apart.
    """

    def __init__(self, made: OrganisationRecovery, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("The organisation's recovery code"))
        intro = QLabel(
            _(
                "This is the only time the code is shown. Print the recovery sheet saved in {path}, lock it "
                "away, then delete the PDF file. Whoever holds the code can open every encrypted copy."
            ).format(path=made.sheet),
            self,
        )
        intro.setWordWrap(True)
        self.code = QLabel(grouped(made.code), self)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(20)
        font.setWeight(QFont.Weight.Bold)
        self.code.setFont(font)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        fingerprint = QLabel(
            _("Fingerprint of the recovery key: {fingerprint}").format(fingerprint=made.fingerprint), self
        )
        self.confirm = QCheckBox(
            _("I have printed the recovery sheet (or written the code down) and put it away"), self
        )
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.confirm.toggled.connect(self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled)
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        for widget in (intro, self.code, fingerprint, self.confirm, self.buttons):
            layout.addWidget(widget)

    def reject(self) -> None:
        """Escape closes only once the sheet is confirmed: the code is not shown again."""
        if self.confirm.isChecked():
            super().reject()


class EncryptionPage(QWidget):
    """The Encryption page of the Preferences.

    Args:
        organisation_name: the open draft's organisation, proposed for the recovery sheet.
        language: the interface language (the recovery sheet's language).
        folder: the user data folder (default: the user's; tests pass a temporary one).
        parent: parent widget.
    """

    def __init__(
        self,
        organisation_name: str = "",
        language: str = "en",
        folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._language = language
        self._folder = folder
        #: Shows the new recovery code; tests replace it to read the code.
        self.show_code: Callable[[OrganisationRecovery], object] = lambda made: RecoveryCodeShownOnce(made, self).exec()

        key_box = QGroupBox(_("Your personal key"), self)
        self.key_status = QLabel(key_box)
        self.key_status.setWordWrap(True)
        self.public_key = QLineEdit(key_box)
        self.public_key.setReadOnly(True)
        self.public_key.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.public_key.setMinimumWidth(470)
        self.copy_button = QPushButton(_("&Copy"), key_box)
        self.create_key_button = QPushButton(_("Create my &personal key…"), key_box)
        self.qr = QLabel(key_box)
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setToolTip(_("Your public key as a QR code, for a colleague to scan"))
        key_row = QHBoxLayout()
        key_row.addWidget(self.public_key, 1)
        key_row.addWidget(self.copy_button)
        key_layout = QVBoxLayout(key_box)
        key_layout.addWidget(self.key_status)
        key_layout.addLayout(key_row)
        key_layout.addWidget(self.qr)
        key_layout.addWidget(self.create_key_button, 0, Qt.AlignmentFlag.AlignLeft)

        recovery_box = QGroupBox(_("The organisation's recovery code"), self)
        self.organisation = QLineEdit(organisation_name, recovery_box)
        self.recovery_status = QLabel(recovery_box)
        self.recovery_status.setWordWrap(True)
        self.recovery_button = QPushButton(_("Set up the &recovery code…"), recovery_box)
        recovery_form = QFormLayout(recovery_box)
        recovery_form.addRow(self.recovery_status)
        recovery_form.addRow(_("Organisation"), self.organisation)
        button_row = QHBoxLayout()
        button_row.addWidget(self.recovery_button)
        button_row.addStretch()
        recovery_form.addRow("", button_row)

        team_box = QGroupBox(_("Team: colleagues' public keys"), self)
        self.team = QListWidget(team_box)
        self.member_name = QLineEdit(team_box)
        self.member_name.setPlaceholderText(_("Name"))
        self.member_key = QLineEdit(team_box)
        self.member_key.setPlaceholderText(_("Public key (age1…)"))
        self.member_key.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        # Inside a group box, Qt names each control after the box's title: say which is which.
        self.team.setAccessibleName(_("Colleagues' public keys"))
        self.member_name.setAccessibleName(_("Name of the colleague to add"))
        self.member_key.setAccessibleName(_("Public key of the colleague to add"))
        self.add_button = QPushButton(_("&Add"), team_box)
        self.remove_button = QPushButton(_("Re&move"), team_box)
        add_row = QHBoxLayout()
        add_row.addWidget(self.member_name, 1)
        add_row.addWidget(self.member_key, 3)
        add_row.addWidget(self.add_button)
        team_layout = QVBoxLayout(team_box)
        team_layout.addWidget(self.team)
        team_layout.addLayout(add_row)
        team_layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)

        layout = QVBoxLayout(self)
        layout.addWidget(key_box)
        layout.addWidget(recovery_box)
        layout.addWidget(team_box, 1)
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.public_key.text()))
        self.create_key_button.clicked.connect(self.create_key)
        self.recovery_button.clicked.connect(self.set_up_recovery)
        self.add_button.clicked.connect(self.add_member)
        self.remove_button.clicked.connect(self.remove_member)
        self.team.currentItemChanged.connect(lambda *_args: self._update_buttons())
        self.refresh()

    # -- showing ---------------------------------------------------------------------

    def _settings(self) -> EncryptionSettings:
        try:
            return load_settings(self._folder)
        except UntocError as exc:
            QMessageBox.warning(self, _("Encryption"), str(exc))
            return EncryptionSettings()

    def refresh(self) -> None:
        """Show the settings as they are on disk."""
        settings = self._settings()
        has_key = bool(settings.personal_key)
        if has_key:
            where = (
                _("in this computer's keyring")
                if settings.personal_key_storage == "keyring"
                else _("in a file protected by your passphrase")
            )
            self.key_status.setText(
                _(
                    "Your personal key is kept {where}. Give colleagues your public key below "
                    "(copy it, or let them scan the QR code): it is not secret."
                ).format(where=where)
            )
            pixmap = QPixmap()
            pixmap.loadFromData(qr_png(settings.personal_key, scale=4))
            self.qr.setPixmap(pixmap)
        else:
            self.key_status.setText(
                _("You have no personal key yet. Create one so that colleagues can send you encrypted copies.")
            )
            self.qr.clear()
        self.public_key.setText(settings.personal_key)
        for widget in (self.public_key, self.copy_button, self.qr):
            widget.setVisible(has_key)
        self.create_key_button.setVisible(not has_key)
        if settings.recovery_recipient:
            self.recovery_status.setText(
                _(
                    "Set up for {organisation}. Fingerprint of the recovery key: {fingerprint} (check it against the "
                    "printed sheet)."
                ).format(organisation=settings.organisation_name, fingerprint=settings.recovery_fingerprint)
            )
            self.recovery_button.setText(_("Replace the &recovery code…"))
            if settings.organisation_name:
                self.organisation.setText(settings.organisation_name)
        else:
            self.recovery_status.setText(
                _(
                    "Not set up. Every encrypted copy is also encrypted for the recovery code, "
                    "so that a lost key never means a lost submission. Set it up once for the "
                    "organisation and print its sheet."
                )
            )
        self.team.clear()
        for member in settings.team:
            item = QListWidgetItem(f"{member.name} — {member.key}", self.team)
            item.setData(KEY_ROLE, member.key)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.team.currentItem() is not None)

    # -- actions ---------------------------------------------------------------------

    def ask_new_passphrase(self) -> str | None:
        """Ask for a passphrase twice (no keyring on this computer); ``None`` when cancelled."""
        first, ok = QInputDialog.getText(
            self,
            _("Passphrase for your key"),
            _(
                "This computer has no keyring, so your key is kept in a file protected by "
                "a passphrase. Choose a passphrase:"
            ),
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return None
        second, ok = QInputDialog.getText(
            self, _("Passphrase for your key"), _("Type the passphrase again:"), QLineEdit.EchoMode.Password
        )
        if not ok:
            return None
        if first != second or not first:
            QMessageBox.warning(
                self, _("Passphrase for your key"), _("The two passphrases differ (or are empty); no key was created.")
            )
            return None
        return first

    def create_key(self) -> bool:
        """Create the personal key (keyring, else a passphrase file) and show its public half."""
        passphrase = None
        if usable_keyring() is None:
            passphrase = self.ask_new_passphrase()
            if passphrase is None:
                return False
        try:
            create_personal_key(passphrase, folder=self._folder)
        except UntocError as exc:
            QMessageBox.warning(self, _("Your personal key"), str(exc))
            return False
        self.refresh()
        return True

    def ask_sheet_path(self) -> Path | None:
        """Where to save the recovery sheet PDF; ``None`` when cancelled."""
        name = f"{self.organisation.text().strip() or 'organisation'} - recovery sheet.pdf"
        path, _selected = QFileDialog.getSaveFileName(
            self, _("Save the recovery sheet"), str(Path.home() / name), _("PDF documents (*.pdf)")
        )
        return Path(path) if path else None

    def set_up_recovery(self) -> bool:
        """Make the recovery code, save its sheet, show the code once."""
        settings = self._settings()
        replacing = bool(settings.recovery_recipient)
        if (
            replacing
            and QMessageBox.question(
                self,
                _("Replace the recovery code"),
                _(
                    "Copies sent so far open only with the current code. Replace it only if its sheet is lost or was "
                    "seen by someone else. Replace it?"
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            != QMessageBox.StandardButton.Yes
        ):
            return False
        if not self.organisation.text().strip():
            QMessageBox.warning(
                self, _("Recovery code"), _("Type the organisation's name: it is printed on the sheet.")
            )
            return False
        path = self.ask_sheet_path()
        if path is None:
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # deriving the key takes about half a second
        try:
            made = set_up_recovery(
                self.organisation.text(), path, language=self._language, folder=self._folder, replace_existing=replacing
            )
        except UntocError as exc:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self, _("Recovery code"), str(exc))
            return False
        QApplication.restoreOverrideCursor()
        self.refresh()
        self.show_code(made)
        return True

    def add_member(self) -> bool:
        """Add the colleague typed below the team list."""
        try:
            save_settings(self._settings().with_member(self.member_name.text(), self.member_key.text()), self._folder)
        except UntocError as exc:
            QMessageBox.warning(self, _("Team"), str(exc))
            return False
        self.member_name.clear()
        self.member_key.clear()
        self.refresh()
        return True

    def remove_member(self) -> bool:
        """Remove the selected colleague."""
        item = self.team.currentItem()
        if item is None:
            return False
        try:
            save_settings(self._settings().without_member(item.data(KEY_ROLE)), self._folder)
        except UntocError as exc:
            QMessageBox.warning(self, _("Team"), str(exc))
            return False
        self.refresh()
        return True
