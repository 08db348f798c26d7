"""Preferences > Language: the interface language, stored in the settings, used from the next start."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from ... import languages
from ...i18n import _, translated_languages
from ..interface_language import chosen_language, save_language, system_language


class LanguagePage(QWidget):
    """The interface language: the system's, or one of the six UN languages.

    The choice is saved in the settings as soon as it is made and applies after restarting
    untoc_desktop (the page says so). Languages whose catalogue is missing are offered all
    the same, marked as not translated yet: their layout direction and Qt's own strings follow.

    Args:
        settings: the user settings (tests pass a temporary file).
        parent: parent widget.
    """

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languagePage")
        self._settings = settings
        translated = {languages.DEFAULT, *translated_languages()}
        system = languages.language(system_language())
        self.language = QComboBox(self)
        self.language.setObjectName("interfaceLanguage")
        self.language.addItem(_("The system's language ({language})").format(language=system.native_name), "")
        for lang in languages.languages():
            name = lang.native_name
            if lang.code not in translated:
                name = _("{language} (not translated yet)").format(language=name)
            self.language.addItem(name, lang.code)
        self.language.setCurrentIndex(max(0, self.language.findData(chosen_language(settings))))
        self.language.setAccessibleName(_("Interface language"))
        self.note = QLabel(
            _(
                "The interface language applies after restarting untoc_desktop. The language of "
                "a draft and of each exported document is chosen separately."
            ),
            self,
        )
        self.note.setObjectName("languageNote")
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_("&Interface language:"), self.language)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.language.currentIndexChanged.connect(self._chosen)

    def _chosen(self) -> None:
        save_language(self._settings, str(self.language.currentData() or ""))
