"""Interface translations (gettext catalogues compiled with Babel).

Strings shown to the user are marked with :func:`_` (or :func:`ngettext`, :func:`pgettext`).
Catalogues live in ``translations/<lang>/LC_MESSAGES/untoc_desktop.po``; ``make
translations`` compiles them to ``.mo``. Call :func:`set_language` once at
start-up. The interface language is independent of a draft's drafting language
and of an export's document language.
"""

from __future__ import annotations

import gettext as _gettext
import logging
from collections.abc import Callable
from functools import cache
from pathlib import Path

from babel import Locale, UnknownLocaleError

log = logging.getLogger(__name__)

DOMAIN = "untoc_desktop"
#: Folder holding the catalogues (``translations/`` at the project root).
TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "translations"
#: Interface languages with a catalogue, besides English.
TRANSLATED_LANGUAGES: tuple[str, ...] = ("fr",)

_translation: _gettext.NullTranslations = _gettext.NullTranslations()
_language = "en"


def set_language(language: str | None) -> str:
    """Switch the interface language.

    Args:
        language: a code such as ``fr`` or ``fr_CA``; ``None`` or an unknown
            language means English.

    Returns:
        The language actually used (``en`` when no catalogue matched).
    """
    global _translation, _language
    code = (language or "en").replace("-", "_").split(".")[0]
    candidates = [code, code.split("_")[0]]
    # Labels kept in the core per language (e.g. questionnaire.obligations) follow the asked
    # language even where no catalogue exists yet.
    _language = code.split("_")[0] or "en"
    try:
        _translation = _gettext.translation(DOMAIN, TRANSLATIONS_DIR, languages=candidates)
    except OSError:
        _translation = _gettext.NullTranslations()
        return "en"
    return code.split("_")[0]


def interface_language() -> str:
    """The language last asked for with :func:`set_language` (``en`` by default), e.g. ``fr``."""
    return _language


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


def pgettext(context: str, message: str) -> str:
    """Translate ``message`` in the interface language, as meant in ``context`` (a ``msgctxt``).

    Used for the treaty's official titles (``"article title"``, ``"instrument title"``), which the
    catalogue keeps apart from our own words. Untranslated messages come back unchanged.
    """
    return _translation.pgettext(context, message)


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it now."""
    return message


def normalize_locale(language: str | None) -> Locale:
    """Turn a locale code as found in settings or the environment into a babel Locale.

    Accepts ``fr``, ``fr-CA``, ``fr_CA.UTF-8``, ``zh-cn``, ``en_UK``... Codes
    babel does not know (``""``, ``"C"``, ``"xx"``) give English, with a
    logged warning. Never raises.

    Args:
        language: a BCP 47 or POSIX-style code, or ``None``.

    Returns:
        A babel :class:`~babel.Locale`.
    """
    code = (language or "").split(".")[0].split("@")[0].replace("-", "_").strip()
    if code and code.upper() not in ("C", "POSIX"):
        for candidate in (code, code.split("_")[0]):
            try:
                return Locale.parse(candidate)
            except (UnknownLocaleError, ValueError, TypeError):
                continue
    if code and code.upper() not in ("C", "POSIX"):  # the C locale means "no language chosen": English, quietly
        log.warning("Unknown language %r; using English", language)
    return Locale.parse("en")
