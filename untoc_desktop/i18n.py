"""Interface translations (gettext catalogues compiled with Babel).

Strings shown to the user are marked with :func:`_` (or :func:`ngettext`, and :func:`pgettext`
with a message context where one English text needs different translations, e.g. the fixed
wording of documents, ``pgettext("document", ...)``, and letters, ``pgettext("letter", ...)``).
Catalogues live in ``translations/<lang>/LC_MESSAGES/untoc_desktop.po``; ``make
translations`` compiles them to ``.mo``. Call :func:`set_language` once at
start-up. The interface language is independent of a draft's drafting language
and of an export's document language (:func:`translator` gives any language's functions).
Language codes are normalised by :mod:`untoc_desktop.languages`.
"""

from __future__ import annotations

import gettext as _gettext
import logging
import math
import os
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from . import languages

if TYPE_CHECKING:
    from babel import Locale

log = logging.getLogger(__name__)

DOMAIN = "untoc_desktop"
#: Folder holding the catalogues (``translations/`` at the project root).
TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "translations"

#: Pseudo-locales for tests and screenshots (never offered to users): every message lengthened by
#: about 40 % with accented letters and bracketed, to show clipped text; ``qps-plocm`` is the same
#: written right to left, to show a mirrored layout. Code -> direction.
PSEUDO_LOCALES: dict[str, str] = {"qps-ploc": "ltr", "qps-plocm": "rtl"}
#: Environment variable naming a pseudo-locale for the interface (tests and screenshots only).
PSEUDO_LOCALE_VARIABLE = "UNTOC_PSEUDO_LOCALE"


def translated_languages(folder: Path | None = None) -> tuple[str, ...]:
    """The languages of :mod:`untoc_desktop.languages` besides English with a compiled catalogue.

    Args:
        folder: the catalogues' folder (default :data:`TRANSLATIONS_DIR`); a language counts when
            ``<folder>/<code>/LC_MESSAGES/untoc_desktop.mo`` exists (``make translations`` builds them).
    """
    root = TRANSLATIONS_DIR if folder is None else folder
    return tuple(
        code
        for code in languages.CODES
        if code != languages.DEFAULT and (root / code / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file()
    )


#: Interface languages with a catalogue, besides English (computed from the catalogues present).
TRANSLATED_LANGUAGES: tuple[str, ...] = translated_languages()

_PLACEHOLDER = re.compile(r"(\{[^{}]*\}|%\([^)]*\)[a-z]|%[a-z%]|<[^<>]*>|&[a-z]+;|\\n|\n)")
_ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "ȧƀƈḓḗƒɠħīĵķŀḿƞǿƥɋřşŧŭṽẇẋẏẑȦƁƇḒḖƑƓĦĪĴĶĿḾȠǾƤɊŘŞŦŬṼẆẊẎẐ",
)
_PADDING = "ŀǿřḗḿ īƥşŭḿ ḓǿŀǿř şīŧ ȧḿḗŧ "


def pseudo_translate(message: str, *, mirrored: bool = False) -> str:
    """The pseudo-translation of a message: accented, about 40 % longer, in brackets.

    Placeholders (``{name}``, ``%s``), markup (``<b>``) and line breaks are kept as they are, so
    that the result can still be formatted. ``mirrored`` wraps the text in a right-to-left
    override, so that it reads mirrored as a right-to-left language would lay it out.

    Args:
        message: the English message (``""`` stays ``""``: it is the catalogue's header).
        mirrored: for ``qps-plocm``.
    """
    if not message:
        return message
    parts = _PLACEHOLDER.split(message)
    text = "".join(part if index % 2 else part.translate(_ACCENTED) for index, part in enumerate(parts))
    extra = max(1, math.ceil(len(message) * 0.4))
    padding = (_PADDING * (extra // len(_PADDING) + 1))[:extra]
    result = f"[{text} {padding}]"
    return f"\u202e{result}\u202c" if mirrored else result


class PseudoTranslations(_gettext.NullTranslations):
    """Gettext translations made on the fly from the English messages (see :func:`pseudo_translate`)."""

    def __init__(self, mirrored: bool = False) -> None:
        super().__init__()
        self.mirrored = mirrored

    def gettext(self, message: str) -> str:  # noqa: D102 - as gettext.NullTranslations
        return pseudo_translate(message, mirrored=self.mirrored)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:  # noqa: D102
        return self.gettext(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:  # noqa: D102
        return self.gettext(message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:  # noqa: D102
        return self.ngettext(msgid1, msgid2, n)


class Translator:
    """The gettext functions of one language, independent of the interface language.

    Calling it translates a message (``translator("fr")("Partly implemented")``); the methods
    add message contexts and plural forms, as the ``gettext`` module's do.
    """

    def __init__(self, translations: _gettext.NullTranslations, language: str) -> None:
        self.translations = translations
        #: the language the messages come out in (``en`` when no catalogue matched).
        self.language = language

    def __call__(self, message: str) -> str:
        """Translate ``message`` (the same as :meth:`gettext`)."""
        return self.gettext(message)

    def gettext(self, message: str) -> str:
        """Translate ``message``."""
        return _checked(self.translations.gettext(message), message)

    def pgettext(self, context: str, message: str) -> str:
        """Translate ``message`` in ``context`` (``pgettext("letter", "Dear Sir,")``)."""
        return _checked(self.translations.pgettext(context, message), message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        """Translate a message with plural forms, chosen by ``count`` (the language's own rules)."""
        return _checked(self.translations.ngettext(singular, plural, count), singular, plural, count)

    def npgettext(self, context: str, singular: str, plural: str, count: int) -> str:
        """:meth:`ngettext` in a message context."""
        return _checked(self.translations.npgettext(context, singular, plural, count), singular, plural, count)


#: A ``str.format`` field: ``{name}``, ``{name!r}``, ``{words:,}`` (``{{`` is a literal brace).
_FIELD = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)(?:![rsa])?(?::[^{}]*)?\}")


def _checked(translated: str, singular: str, plural: str | None = None, count: int = 1) -> str:
    """``translated``, or the English when the translation names a field the English does not have.

    A damaged or careless catalogue entry (``{items}`` where the English says ``{place}``) would make
    ``str.format`` fail in the middle of a window or an export; the English message is shown instead,
    and a warning logged. A translation may leave a field out (Arabic singular forms often do).
    """
    if translated is singular or translated is plural or "{" not in translated:
        return translated
    fields = set(_FIELD.findall(translated))
    allowed = set(_FIELD.findall(singular)) | set(_FIELD.findall(plural or ""))
    if fields <= allowed:
        return translated
    log.warning("Ignoring a translation that names unknown fields %s: %r", sorted(fields - allowed), translated)
    return singular if plural is None or count == 1 else plural


def _load(language: str | None) -> Translator:
    code = (language or "").strip()
    if code in PSEUDO_LOCALES:
        return Translator(PseudoTranslations(mirrored=PSEUDO_LOCALES[code] == "rtl"), code)
    normalised = languages.normalise(code)
    if normalised == languages.DEFAULT:
        return Translator(_gettext.NullTranslations(), languages.DEFAULT)
    try:
        return Translator(_gettext.translation(DOMAIN, TRANSLATIONS_DIR, languages=[normalised]), normalised)
    except OSError:
        return Translator(_gettext.NullTranslations(), languages.DEFAULT)


_translator = Translator(_gettext.NullTranslations(), languages.DEFAULT)
_language = languages.DEFAULT


def set_language(language: str | None) -> str:
    """Switch the interface language.

    Args:
        language: a code in any form :func:`untoc_desktop.languages.normalise` accepts (``fr``,
            ``fr_CA.UTF-8``, ``zh-Hans-CN``), or a pseudo-locale of :data:`PSEUDO_LOCALES`; ``None``
            or an unknown language means English.

    Returns:
        The language whose catalogue is used (``en`` when none matched; the pseudo-locale's code).
    """
    global _translator, _language
    _translator = _load(language)
    # Labels kept in the core per language (e.g. questionnaire.obligations) follow the asked
    # language even where no catalogue exists yet; a pseudo-locale is made from English.
    _language = languages.DEFAULT if (language or "") in PSEUDO_LOCALES else languages.normalise(language)
    return _translator.language


def environment_language(environ: Mapping[str, str] | None = None) -> str:
    """The interface language the environment asks for, as gettext reads it (for the command line).

    The first of ``LANGUAGE`` (a colon-separated list; its first entry among the six wins),
    ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set decides; English when none is.

    Args:
        environ: the environment (default ``os.environ``).

    Returns:
        One of the six codes of :mod:`untoc_desktop.languages`.
    """
    env = os.environ if environ is None else environ
    for entry in (env.get("LANGUAGE") or "").split(":"):
        primary = entry.replace("-", "_").split("_")[0].split(".")[0].lower()
        if primary in languages.CODES:
            return primary
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if env.get(variable):
            return languages.normalise(env[variable])
    return languages.DEFAULT


def interface_language() -> str:
    """The language last asked for with :func:`set_language` (one of the six codes; ``en`` by default)."""
    return _language


def interface_direction() -> str:
    """``"rtl"`` or ``"ltr"``: the direction of the interface language (or of the pseudo-locale in use)."""
    if _translator.language in PSEUDO_LOCALES:
        return PSEUDO_LOCALES[_translator.language]
    return languages.direction(_language)


@cache
def translator(language: str | None) -> Translator:
    """The gettext functions for ``language``, leaving the interface language alone.

    Used for documents and letters, whose language is chosen per export. Unknown languages
    translate nothing (English).

    Args:
        language: a code in any form :func:`untoc_desktop.languages.normalise` accepts, or a
            pseudo-locale.
    """
    return _load(language)


def _(message: str) -> str:
    """Translate ``message`` into the interface language."""
    return _translator.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Translate a message with a plural form, chosen by ``count``."""
    return _translator.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """Translate ``message`` in a message context into the interface language."""
    return _translator.pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, count: int) -> str:
    """:func:`ngettext` in a message context."""
    return _translator.npgettext(context, singular, plural, count)


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
    from babel import Locale, UnknownLocaleError

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
