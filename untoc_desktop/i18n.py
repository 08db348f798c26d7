"""Interface translations (gettext catalogues compiled with Babel).

Strings shown to the user are marked with :func:`_` (or :func:`ngettext`).
Catalogues live in ``translations/<lang>/LC_MESSAGES/untoc_desktop.po``; ``make
translations`` compiles them to ``.mo``. Call :func:`set_language` once at
start-up. The interface language is independent of a draft's drafting language
and of an export's document language.
"""

from __future__ import annotations

import gettext as _gettext
from collections.abc import Callable
from functools import cache
from pathlib import Path

DOMAIN = "untoc_desktop"
#: Folder holding the catalogues (``translations/`` at the project root).
TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "translations"
#: Interface languages with a catalogue, besides English.
TRANSLATED_LANGUAGES: tuple[str, ...] = ("fr",)

_translation: _gettext.NullTranslations = _gettext.NullTranslations()


def set_language(language: str | None) -> str:
    """Switch the interface language.

    Args:
        language: a code such as ``fr`` or ``fr_CA``; ``None`` or an unknown
            language means English.

    Returns:
        The language actually used (``en`` when no catalogue matched).
    """
    global _translation
    code = (language or "en").replace("-", "_").split(".")[0]
    candidates = [code, code.split("_")[0]]
    try:
        _translation = _gettext.translation(DOMAIN, TRANSLATIONS_DIR, languages=candidates)
    except OSError:
        _translation = _gettext.NullTranslations()
        return "en"
    return code.split("_")[0]


@cache
def translator(language: str | None) -> Callable[[str], str]:
    """A gettext function for ``language`` that leaves the interface language alone.

    Used for documents, whose language is chosen per export. Unknown
    languages translate nothing (English).
    """
    code = (language or "en").replace("-", "_").split(".")[0]
    try:
        return _gettext.translation(DOMAIN, TRANSLATIONS_DIR, languages=[code, code.split("_")[0]]).gettext
    except OSError:
        return str


def _(message: str) -> str:
    """Translate ``message`` into the interface language."""
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Translate a message with a plural form, chosen by ``count``."""
    return _translation.ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it now."""
    return message
