"""The six official languages of the United Nations, as untoc_desktop knows them.

One registry for the interface, the drafting language, exports, letters, signatures and the
command line: code, native and English names (from Babel's copy of the Unicode CLDR), writing
direction (CLDR ``character_order``), default script (CLDR likely subtags), plural forms (CLDR
plural rules, as gettext's ``Plural-Forms``) and the one date style used everywhere a date is
written for a reader (cover of a submission, letters, the register of what was sent, the window).

Locale codes found in settings files and the environment (``zh-cn``, ``zh-Hans-CN``, ``fr_CA.UTF-8``,
``es-419``, ``C``...) are turned into one of the six codes by :func:`normalise`.
"""

from __future__ import annotations

import datetime as _dt
import json
import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel import Locale

log = logging.getLogger(__name__)

#: The six language codes, in the order the United Nations lists its official languages in English
#: documents' language menus (English first, then French, Spanish, Arabic, Russian, Chinese).
CODES: tuple[str, ...] = ("en", "fr", "es", "ar", "ru", "zh")
#: The language used when nothing else matches.
DEFAULT = "en"

#: The CLDR locale whose long date format is each language's one date style. English follows
#: United Nations correspondence ("2 December 2026", the British long date), not the US one.
_DATE_LOCALES: dict[str, str] = {"en": "en_GB", "fr": "fr", "es": "es", "ar": "ar", "ru": "ru", "zh": "zh"}


@dataclass(frozen=True)
class Language:
    """One of the six languages.

    Attributes:
        code: ISO 639-1 code, e.g. ``"ar"``.
        native_name: the language's name in itself, first letter capitalised as at the start of a
            menu entry (``"Français"``, ``"العربية"``, ``"中文"``).
        english_name: its name in English (``"Arabic"``).
        direction: ``"rtl"`` (right to left) or ``"ltr"``.
        script: ISO 15924 default script (``"Arab"``, ``"Hans"``...).
        date_pattern: the CLDR pattern of its one date style (``"d MMMM y"``).
    """

    code: str
    native_name: str
    english_name: str
    direction: str
    script: str
    date_pattern: str

    @property
    def plural_forms(self) -> str:
        """The gettext ``Plural-Forms`` value from CLDR's plural rules, e.g. ``"nplurals=2; plural=(n != 1);"``.

        Computed when asked: Babel's plural module comes with its message catalogue code, which the
        window never needs at start-up.
        """
        from babel.messages.plurals import get_plural

        plural = get_plural(self.code)
        return f"nplurals={plural.num_plurals}; plural={plural.plural_expr};"

    @property
    def rtl(self) -> bool:
        """Whether the language is written right to left."""
        return self.direction == "rtl"

    @property
    def locale(self) -> Locale:
        """The Babel locale of the language itself (``Locale("zh")``)."""
        from babel import Locale

        return Locale.parse(self.code)


def _capitalised(name: str) -> str:
    return name[:1].upper() + name[1:]


def _from_cldr(code: str) -> Language:
    """The facts of one language, read from Babel's copy of CLDR (about 10 ms per language)."""
    from babel import Locale
    from babel.core import get_global

    locale = Locale.parse(code)
    # CLDR likely subtags, e.g. "zh" -> "zh_Hans_CN": the script is the second part.
    likely = str(get_global("likely_subtags").get(code, code)).split("_")
    script = likely[1] if len(likely) > 2 else ""
    date_locale = Locale.parse(_DATE_LOCALES[code])
    return Language(
        code=code,
        native_name=_capitalised(locale.get_display_name(locale) or code),
        english_name=locale.get_display_name("en") or code,
        direction="rtl" if locale.character_order == "right-to-left" else "ltr",
        script=script,
        date_pattern=date_locale.date_formats["long"].pattern,
    )


#: Layout of the cached facts file; raise it when :class:`Language`'s fields change.
_FACTS_FORMAT = 1
_FIELDS = ("code", "native_name", "english_name", "direction", "script", "date_pattern")


def _facts_file() -> Path:
    """The cached facts of the six languages, named after the Babel version they were read with."""
    from .installed import package_version, user_cache_folder

    return user_cache_folder("languages") / f"babel-{package_version('babel')}-v{_FACTS_FORMAT}.json"


@cache
def _registry() -> dict[str, Language]:
    """The six languages: from the cached facts when they are whole, else from CLDR (and cached).

    Reading CLDR's data for the six languages costs about 60 ms, at every start of the window; the
    facts never change for one Babel version, so they are kept as JSON in the user's cache folder
    (:mod:`.installed`). A missing, unreadable or damaged file is read from CLDR again, never trusted in part.
    """
    try:
        path = _facts_file()
        data = json.loads(path.read_text("utf-8"))
        found = {code: Language(**{f: str(data[code][f]) for f in _FIELDS}) for code in CODES}
        if all(lang.code == code and lang.direction in ("ltr", "rtl") for code, lang in found.items()):
            return found
    except (OSError, ValueError, TypeError, KeyError):
        pass  # no cache yet, or a damaged one: read CLDR again
    found = {code: _from_cldr(code) for code in CODES}
    try:
        from .files import atomic_write_text

        atomic_write_text(
            _facts_file(), json.dumps({code: {f: getattr(lang, f) for f in _FIELDS} for code, lang in found.items()})
        )
    except OSError:
        pass  # a read-only or full cache folder only costs time
    return found


def _language(code: str) -> Language:
    return _registry()[code]


def languages() -> tuple[Language, ...]:
    """The six languages, in :data:`CODES` order."""
    return tuple(_language(code) for code in CODES)


def language(code: str | None) -> Language:
    """The :class:`Language` for any locale code :func:`normalise` accepts (English when unknown)."""
    return _language(normalise(code))


def native_names() -> dict[str, str]:
    """Code -> native name, in :data:`CODES` order (for language menus)."""
    return {lang.code: lang.native_name for lang in languages()}


class NativeNames(Mapping[str, str]):
    """Code -> native name, in :data:`CODES` order, read from CLDR on first use (not at import).

    For module-level tables of language menus: building a :class:`Language` loads that language's
    CLDR data (about 10 ms each), which the window's start-up should not pay for menus not yet opened.
    """

    def _names(self) -> dict[str, str]:
        return native_names()

    def __getitem__(self, code: str) -> str:
        return self._names()[code]

    def __iter__(self) -> Iterator[str]:
        return iter(CODES)

    def __len__(self) -> int:
        return len(CODES)


def _subtags(code: str | None) -> list[str]:
    text = (code or "").strip().split(".")[0].split("@")[0].replace("-", "_")
    return [part for part in text.split("_") if part]


@cache
def _normalise(code: str) -> str:
    parts = _subtags(code)
    if not parts or parts[0].upper() in ("C", "POSIX"):
        return DEFAULT  # no language chosen: English, quietly
    first = parts[0].lower()
    if first in CODES:
        return first
    from babel import Locale, UnknownLocaleError

    try:  # a code Babel knows under another form (e.g. "zho", "ara")
        parsed = Locale.parse("_".join(parts))
    except (UnknownLocaleError, ValueError, TypeError):
        parsed = None
    if parsed is not None and parsed.language in CODES:
        return parsed.language
    log.warning("Language %r is not one of %s; using English", code, ", ".join(CODES))
    return DEFAULT


def normalise(code: str | None) -> str:
    """Turn a locale code from settings or the environment into one of :data:`CODES`.

    Accepts BCP 47 and POSIX forms in any case: ``zh-cn``, ``zh-Hans-CN``, ``zh_CN``, ``en_UK``,
    ``es-419``, ``fr_CA.UTF-8``, ``ar-001``. ``None``, ``""``, ``C`` and ``POSIX`` give English
    quietly; any other code (``pt-BR``, ``xx``) gives English with a logged warning. Never raises.

    Args:
        code: the locale code, or ``None``.

    Returns:
        ``"en"``, ``"fr"``, ``"es"``, ``"ar"``, ``"ru"`` or ``"zh"``.
    """
    return _normalise(code or "")


def is_rtl(code: str | None) -> bool:
    """Whether the language of ``code`` (any form :func:`normalise` accepts) is written right to left."""
    return language(code).rtl


def direction(code: str | None) -> str:
    """``"rtl"`` or ``"ltr"`` for the language of ``code`` (any form :func:`normalise` accepts)."""
    return language(code).direction


def format_date(day: _dt.date, code: str | None) -> str:
    """A date in the one style of a language.

    For example ``2 December 2026``, ``2 de diciembre de 2026``, ``2 декабря 2026 г.``, ``2026年12月2日``.
    Used for every date written for a reader: the cover of a submission and the dates in its
    answers, letters, the signature block, the recovery sheet, the register and the window.

    Args:
        day: the date (a ``datetime`` is cut to its date).
        code: a locale code in any form :func:`normalise` accepts (English when unknown).

    Returns:
        The formatted date; never raises for a valid date.
    """
    from babel.dates import format_date as _babel_format_date

    lang = language(code)
    if isinstance(day, _dt.datetime):
        day = day.date()
    return _babel_format_date(day, format=lang.date_pattern, locale=_DATE_LOCALES[lang.code])
