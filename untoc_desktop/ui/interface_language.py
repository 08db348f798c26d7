"""The interface language at run time: chosen from the settings or the system, applied to Qt.

Our own messages come from the gettext catalogues (:mod:`untoc_desktop.i18n`); Qt's own strings
(standard buttons, file dialogs, context menus) from the ``qtbase_*.qm`` catalogues shipped inside
the PySide6 wheel, found with ``QTranslator.load(QLocale, "qtbase", "_", folder)`` so that Chinese
finds ``qtbase_zh_CN``. The layout direction is decided by our interface language (Arabic right to
left), set explicitly so that an installed ``qtbase_ar`` never decides it by itself.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from .. import languages
from ..i18n import PSEUDO_LOCALE_VARIABLE, PSEUDO_LOCALES, interface_direction, set_language

log = logging.getLogger(__name__)

#: Settings key of the chosen interface language: one of the six codes, or "" to follow the system.
SETTINGS_KEY = "interface/language"
#: Qt's own catalogue name inside the PySide6 wheel's translations folder.
QT_CATALOGUE = "qtbase"

#: Qt translators installed by :func:`apply_interface_language`: kept referenced here, because
#: Qt does not own them and an unreferenced translator would be collected and stop translating.
_installed: list[QTranslator] = []


def chosen_language(settings: QSettings | None) -> str:
    """The language stored in the settings (one of the six codes), or "" to follow the system."""
    if settings is None:
        return ""
    value = str(settings.value(SETTINGS_KEY, "") or "")
    return value if value in languages.CODES else ""


def save_language(settings: QSettings, code: str) -> None:
    """Store the interface language (one of the six codes; "" follows the system); used at the next start.

    Raises:
        ValueError: ``code`` is neither "" nor one of :data:`untoc_desktop.languages.CODES`.
    """
    if code and code not in languages.CODES:
        raise ValueError(f"not an interface language: {code!r}")
    settings.setValue(SETTINGS_KEY, code)
    settings.sync()


def system_language(system: Callable[[], QLocale] = QLocale.system) -> str:
    """The system's language among the six (English when it is none of them).

    The first of the user's preferred languages that is one of the six wins (``LANGUAGE=ar:fr``);
    the locale's own name is used when the list is empty.
    """
    locale = system()
    for name in [*locale.uiLanguages(), locale.name()]:
        primary = name.replace("-", "_").split("_")[0].lower()
        if primary in languages.CODES:
            return primary
    return languages.DEFAULT


def choose_interface_language(settings: QSettings | None, system: Callable[[], QLocale] = QLocale.system) -> str:
    """The interface language to use: a pseudo-locale for tests, else the settings', else the system's.

    Args:
        settings: the user settings (``None``: follow the system).
        system: gives the system locale (tests pass their own).

    Returns:
        One of the six codes, or a pseudo-locale of :data:`untoc_desktop.i18n.PSEUDO_LOCALES` when
        the environment variable ``UNTOC_PSEUDO_LOCALE`` names one (tests and screenshots only).
    """
    pseudo = os.environ.get(PSEUDO_LOCALE_VARIABLE, "")
    if pseudo in PSEUDO_LOCALES:
        return pseudo
    return chosen_language(settings) or system_language(system)


def qt_translations_folder() -> str:
    """The folder of Qt's own ``.qm`` catalogues (inside the PySide6 wheel, or the bundle)."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def load_qt_translator(language: str, parent: QCoreApplication | None = None) -> QTranslator | None:
    """Qt's own catalogue for ``language`` (``None`` for English, pseudo-locales or when missing)."""
    if language not in languages.CODES or language == languages.DEFAULT:
        return None
    translator = QTranslator(parent)
    if translator.load(QLocale(language), QT_CATALOGUE, "_", qt_translations_folder()):
        return translator
    log.warning("Qt's own catalogue for %r was not found in %s", language, qt_translations_folder())
    return None


def apply_interface_language(app: QApplication, language: str) -> str:
    """Make ``language`` the interface language: our catalogue, Qt's catalogue, locale and direction.

    Qt translators installed by an earlier call are removed first, so the language can be changed
    in a running application (windows built before keep their texts until rebuilt).

    Args:
        app: the application.
        language: one of the six codes or a pseudo-locale (other codes are normalised).

    Returns:
        The language whose gettext catalogue is used (``en`` when ours is missing; the layout
        still follows ``language``).
    """
    code = language if language in PSEUDO_LOCALES else languages.normalise(language)
    used = set_language(code)
    while _installed:
        app.removeTranslator(_installed.pop())
    translator = load_qt_translator(code, app)
    if translator is not None:
        app.installTranslator(translator)
        _installed.append(translator)
    if code in languages.CODES:
        QLocale.setDefault(QLocale(code))
    direction = Qt.LayoutDirection.RightToLeft if interface_direction() == "rtl" else Qt.LayoutDirection.LeftToRight
    app.setLayoutDirection(direction)
    return used
