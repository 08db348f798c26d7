"""The Preferences dialog: one tab per subject (Language, Encryption)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout, QWidget

from ...i18n import _
from .encryption_page import EncryptionPage
from .language_page import LanguagePage


class PreferencesDialog(QDialog):
    """Preferences, applied as they are changed (each page saves its own settings).

    Args:
        organisation_name: the open draft's organisation (proposed for the recovery sheet).
        language: the interface language.
        folder: the user data folder (default: the user's).
        parent: parent widget.
        settings: the user settings; with them, a Language tab chooses the interface language.
    """

    def __init__(
        self,
        organisation_name: str = "",
        language: str = "en",
        folder: Path | None = None,
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Preferences"))
        self.tabs = QTabWidget(self)
        self.language: LanguagePage | None = None
        if settings is not None:
            self.language = LanguagePage(settings, self.tabs)
            self.tabs.addTab(self.language, _("Language"))
        self.encryption = EncryptionPage(organisation_name, language, folder, self.tabs)
        self.tabs.addTab(self.encryption, _("Encryption"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(760, 720)
